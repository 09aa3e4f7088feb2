// UI checks of the Adaptive Card language mode on a card with "$schema", offline: the status bar names the language,
// Problems shows only our diagnostics (VS Code's JSON validator, which cannot load the schema, no longer runs on
// card files), Format Document formats it with our server, and the Outline shows its properties.
import fs from 'node:fs';
import path from 'node:path';
import { hidePanel, quickOpen, runFromPalette, startAfresh } from '../workbench.mjs';

const CARD = 'approval-http.card.json';
const SCHEMA = 'https://adaptivecards.io/schemas/adaptive-card.json';
/** A plain .json file with the same "$schema": VS Code's JSON support reports there that it cannot load it. */
const CONTROL = 'schema-control.json';

/** The Problems rows as [file, row text] pairs: a marker row follows the row of its file (aria-level 1). */
async function problemRows(page) {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => {
    let file = '';
    return rows.map((row) => {
      if (row.getAttribute('aria-level') === '1') file = row.innerText.split('\n')[0];
      return [file, row.innerText.replace(/\s+/g, ' ')];
    });
  });
}

/** @param {import('../run.mjs').UiContext} context */
export default async function languageModeChecks({ page, uiCheck, workspace, artifacts }) {
  const cardPath = path.join(workspace, 'examples', CARD);
  const original = fs.readFileSync(cardPath, 'utf8');
  if (!original.includes(SCHEMA)) throw new Error(`examples/${CARD} no longer has "$schema": ${SCHEMA}`);
  // One line, so that Format Document has something to do.
  fs.writeFileSync(cardPath, JSON.stringify(JSON.parse(original)));
  fs.writeFileSync(path.join(workspace, CONTROL), JSON.stringify({ $schema: SCHEMA, name: 'not a card' }, null, 2));
  try {
    await uiCheck('a card with "$schema" opens in the language "Adaptive Card (Outlook)"', async () => {
      await startAfresh(page);
      await hidePanel(page);
      await quickOpen(page, CARD);
      await page.locator('.statusbar-item', { hasText: 'Adaptive Card (Outlook)' }).waitFor();
      await page.screenshot({ path: path.join(artifacts, 'language-mode-status.png') });
    });
    await uiCheck('Problems shows no "Unable to load schema" for the card, only actionable-messages rows', async () => {
      await quickOpen(page, CONTROL);
      await page.keyboard.press('Control+Shift+M');
      // VS Code's JSON support has run: it reports the schema it cannot load for the plain JSON file.
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'Unable to load schema' }).first().waitFor();
      await quickOpen(page, CARD);
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'Unable to load schema' }).first().waitFor();
      const rows = await problemRows(page);
      const cardRows = rows.filter(([file, text]) => file.startsWith(CARD) && !text.startsWith(CARD));
      const foreign = cardRows.filter(([, text]) => !text.includes('actionable-messages'));
      if (foreign.length > 0) throw new Error(`rows of ${CARD} not from actionable-messages: ${foreign.map(([, text]) => text).join(' | ')}`);
      if (rows.some(([file, text]) => file.startsWith(CARD) && text.includes('Unable to load schema'))) throw new Error(`${CARD} has an "Unable to load schema" row`);
      await page.screenshot({ path: path.join(artifacts, 'language-mode-problems.png') });
    });
    await uiCheck('Format Document formats the one-line card, without asking which formatter', async () => {
      await hidePanel(page);
      await quickOpen(page, CARD);
      await page.keyboard.press('Control+1');
      const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
      await runFromPalette(page, 'Format Document');
      // Formatted, every property is on a line of its own, with a space after its colon (the file has none).
      // (the editor shows spaces as no-break spaces)
      await lines.filter({ hasText: /^\s*"originator":\s"/ }).first().waitFor();
      if (await page.locator('.quick-input-widget', { hasText: 'formatter' }).isVisible()) throw new Error('VS Code asks which formatter to use');
      await page.screenshot({ path: path.join(artifacts, 'language-mode-formatted.png') });
    });
    await uiCheck('the Outline shows the card\'s properties', async () => {
      await runFromPalette(page, 'Explorer: Focus on Outline View');
      // Each row shows the property's name and, beside it, its value; the first rows are in view.
      const names = page.locator('.outline-pane .monaco-list-row .label-name');
      for (const name of ['$schema', 'type', 'originator', 'hideOriginalBody']) await names.filter({ hasText: new RegExp(`^${name.replace('$', '\\$')}$`) }).first().waitFor();
      await page.screenshot({ path: path.join(artifacts, 'language-mode-outline.png') });
    });
  } finally {
    await startAfresh(page).catch(() => {});
    fs.writeFileSync(cardPath, original);
    fs.rmSync(path.join(workspace, CONTROL), { force: true });
  }
}
