// UI checks of New Actionable Message Card and the element snippets: a card from the palette's Quick Pick, clean
// once the provider id is typed over its selected placeholder; a taken name refused; a snippet accepted from the suggestions.
import fs from 'node:fs';
import path from 'node:path';
import { openCard, quickOpen, runFromPalette, startAfresh } from '../workbench.mjs';

const PROVIDER_ID = '0b7c1e9a-3f52-4d8e-9a61-7c2e5f804d13';
const TEMPLATE = 'Universal Actions approval with refresh (1.4)';

/** Runs New Card from the palette and picks the template; resolves when the name box is up. */
async function newCardNameBox(page) {
  await runFromPalette(page, 'Actionable Messages: New Actionable Message Card');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: TEMPLATE }).first().click();
  const input = page.locator('.quick-input-widget input');
  await page.locator('.quick-input-widget', { hasText: 'File name in' }).waitFor();
  return input;
}

/** The status bar's problem counts: errors, warnings (and infos when shown) of every document VS Code knows. */
async function problemCounts(page) {
  return ((await page.locator('[id="status.problems"]').innerText()).match(/\d+/g) ?? []).map(Number);
}

/**
 * Waits until the problem counts satisfy `accept` against `baseline`, the counts before the step: other documents
 * of the workspace may still be known, so the checks compare with what was there before.
 */
async function waitForProblemCounts(page, baseline, accept, what) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const counts = await problemCounts(page);
    if (counts.length > 0 && accept(counts, baseline)) return;
    if (Date.now() > deadline) throw new Error(`the status bar shows problems ${counts.join('/')} (before: ${baseline.join('/')}), waiting for ${what}`);
    await page.waitForTimeout(200);
  }
}

const moreErrors = ([errors], [errorsBefore]) => errors > errorsBefore;
const noMoreProblems = (counts, baseline) => counts.every((count, i) => count <= (baseline[i] ?? 0));

/** Polls `file` until its text satisfies `accept` (a save is written in the background); returns the text. */
async function waitForFile(page, file, accept) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const text = fs.readFileSync(file, 'utf8');
    if (accept(text)) return text;
    if (Date.now() > deadline) throw new Error(`${path.basename(file)} holds: ${text.slice(0, 300)}`);
    await page.waitForTimeout(200);
  }
}

/** @param {import('../run.mjs').UiContext} context */
export default async function newCardChecks({ page, uiCheck, workspace, artifacts }) {
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  const cardFile = path.join(workspace, 'approval.card.json');

  await uiCheck('New Actionable Message Card from the palette creates a card that is clean once the provider id is typed', async () => {
    await startAfresh(page);
    // A card in the workspace's top folder: New Card puts the new one beside it.
    await openCard(page, 'missing-originator.card.json');
    await editor.locator('.squiggly-warning').first().waitFor(); // its AM010, counted in the baseline
    const baseline = await problemCounts(page);
    const input = await newCardNameBox(page);
    if ((await input.inputValue()) !== 'approval.card.json') throw new Error(`suggested name: ${await input.inputValue()}`);
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active[aria-label^="approval.card.json"]').waitFor();
    // The originator placeholder is selected, and AM012 points at it until it is replaced.
    await waitForProblemCounts(page, baseline, moreErrors, 'the AM012 error');
    await editor.locator('.squiggly-error').first().waitFor();
    await editor.locator('.selected-text').first().waitFor();
    await page.keyboard.type(PROVIDER_ID);
    await page.keyboard.press('Escape');
    await editor.locator('.view-line', { hasText: PROVIDER_ID }).waitFor();
    await waitForProblemCounts(page, baseline, noMoreProblems, 'no problem of the new card');
    await page.keyboard.press('Control+S');
    const saved = JSON.parse(await waitForFile(page, cardFile, (text) => text.includes(PROVIDER_ID)));
    if (saved.version !== '1.4' || saved.refresh?.action?.type !== 'Action.Execute') throw new Error(`saved card: ${JSON.stringify(saved).slice(0, 200)}`);
    await page.screenshot({ path: path.join(artifacts, 'new-card.png') });
  });

  await uiCheck('New Card suggests a free name and refuses the name of an existing file', async () => {
    const before = fs.readFileSync(cardFile, 'utf8');
    const input = await newCardNameBox(page);
    if ((await input.inputValue()) !== 'approval-2.card.json') throw new Error(`suggested name: ${await input.inputValue()}`);
    await input.fill('approval.card.json');
    await page.locator('.quick-input-widget', { hasText: 'already exists' }).waitFor();
    await page.keyboard.press('Enter'); // refused: the box stays
    await page.screenshot({ path: path.join(artifacts, 'new-card-refused.png') });
    await page.keyboard.press('Escape');
    if (fs.readFileSync(cardFile, 'utf8') !== before) throw new Error('approval.card.json was changed');
  });

  await uiCheck('typing a snippet prefix in body and accepting the suggestion inserts a valid element (no squiggle)', async () => {
    await startAfresh(page);
    await quickOpen(page, 'approval.card.json');
    const baseline = await problemCounts(page);
    const bodyLine = fs.readFileSync(cardFile, 'utf8').split('\n').findIndex((line) => line.includes('"body": ['));
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(`:${bodyLine + 1}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('FactS');
    await waitForProblemCounts(page, baseline, moreErrors, 'the syntax error of the unfinished word');
    await page.keyboard.press('Control+Space');
    const suggestion = page.locator('.suggest-widget .monaco-list-row.focused', { hasText: 'FactSet' });
    await suggestion.waitFor();
    await page.screenshot({ path: path.join(artifacts, 'snippet-suggestion.png') });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await editor.locator('.view-line', { hasText: '"type": "FactSet"' }).first().waitFor();
    await waitForProblemCounts(page, baseline, noMoreProblems, 'no new problem after the snippet');
    await editor.locator('.squiggly-error, .squiggly-warning').first().waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(artifacts, 'snippet-inserted.png') });
    await page.keyboard.press('Control+S');
    const [first] = JSON.parse(await waitForFile(page, cardFile, (text) => text.includes('"title": "Title"'))).body;
    if (first.type !== 'FactSet' || first.facts.length !== 2) throw new Error(`first body element: ${JSON.stringify(first)}`);
  });

  await uiCheck('Create: New File... (the New File… menu) lists the Actionable Message Card, which opens the template pick', async () => {
    await startAfresh(page);
    await page.keyboard.press('Escape');
    await runFromPalette(page, 'Create: New File...');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Actionable Message Card' }).first().click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: TEMPLATE }).first().waitFor();
    await page.screenshot({ path: path.join(artifacts, 'new-file-menu.png') });
    await page.keyboard.press('Escape');
  });
}
