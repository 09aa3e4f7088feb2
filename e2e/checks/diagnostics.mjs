// UI checks of the language server as a person sees it: a rule's squiggle with its hover, and its Problems row.
import path from 'node:path';
import { quickOpen } from '../workbench.mjs';

/** @param {import('../run.mjs').UiContext} context */
export default async function diagnosticsChecks({ page, uiCheck, artifacts }) {
  await uiCheck('Action.Submit card shows an AM030 squiggle with its message on hover', async () => {
    await quickOpen(page, 'submit.card.json');
    // The preview CodeLens above line 1 moves every line down when it arrives: hover only once it is there.
    await page.locator('.monaco-editor .codelens-decoration', { hasText: 'Open Preview' }).first().waitFor();
    const squiggle = page.locator('.monaco-editor .squiggly-error').first();
    await squiggle.waitFor();
    await squiggle.hover({ force: true }); // the text layer lies above the squiggle; the mouse just has to be there
    await page.locator('.monaco-hover', { hasText: 'AM030' }).first().waitFor();
    await page.screenshot({ path: path.join(artifacts, 'squiggle-hover.png') });
  });
  await uiCheck('Problems panel lists the AM030 row from actionable-messages', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'AM030' }).first();
    await row.waitFor();
    const text = await row.innerText();
    if (!text.includes('actionable-messages')) throw new Error(`the Problems row does not name the source actionable-messages: ${text}`);
    await page.screenshot({ path: path.join(artifacts, 'problems.png') });
  });
}
