// The README's tour, done as a user does it and checked as it goes: a card's Outlook problems in the Problems panel,
// the quick fix menu on one of them, the preview simulating an Action.Http request, and Decode JWS on a signed card.
// Each step saves e2e-artifacts/readme-*.png, which `npm run screenshots` turns into docs/images/*.png.
import fs from 'node:fs';
import path from 'node:path';
import { amcard, hidePanel, previewAfresh, runFromPalette, startAfresh } from '../workbench.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const TOUR_CARD = 'leave-request.card.json';
const SUBMIT_FIX = 'Replace Action.Submit with Action.Http (POST the inputs)';


/** Saves the part of the workbench that the README's figure is about: the box around every locator, at most maxHeight tall. */
async function shootParts(page, file, locators, maxHeight = Infinity) {
  const boxes = await Promise.all(locators.map(async (locator) => {
    const box = await locator.boundingBox();
    if (!box) throw new Error(`nothing to photograph: ${locator} is not visible`);
    return box;
  }));
  const x = Math.min(...boxes.map((box) => box.x));
  const y = Math.min(...boxes.map((box) => box.y));
  const width = Math.max(...boxes.map((box) => box.x + box.width)) - x;
  const height = Math.min(maxHeight, Math.max(...boxes.map((box) => box.y + box.height)) - y);
  await page.screenshot({ path: file, clip: { x, y, width, height } });
}

/**
 * Opens tour/<fileName> from the Explorer. Quick Open would not do: its file list is cached from before the tour
 * wrote its files, and finds them only when the cache happens to be refreshed.
 */
async function openFromTourFolder(page, fileName) {
  await page.keyboard.press('Control+Shift+E');
  const exactly = (name) => new RegExp(`^${name.replace(/\./g, '\\.')}$`);
  const row = (name) => page.locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exactly(name) }) });
  // The folder appeared while the Explorer was open: a click on it can land while its row is being redrawn and be
  // lost, so expand it until the file shows, waiting between clicks for the row to say it is expanded.
  const deadline = Date.now() + 60_000;
  while (!(await row(fileName).isVisible())) {
    if (Date.now() > deadline) throw new Error(`the Explorer does not show tour/${fileName}`);
    if (await row('tour').getAttribute('aria-expanded') === 'false') await row('tour').click();
    await page.waitForTimeout(500);
  }
  await row(fileName).click();
  await page.locator(`.tabs-container .tab.active[aria-label^="${fileName}"]`).waitFor();
}

/** The visible lines of the active editor, with Monaco's non-breaking spaces as spaces. */
async function activeEditorText(page) {
  const text = await page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** @param {import('../run.mjs').UiContext} context */
export default async function tourChecks({ page, uiCheck, workspace, artifacts, tmp }) {
  const shot = (name) => path.join(artifacts, `readme-${name}.png`);
  const editorArea = page.locator('.part.editor');
  const tourFolder = path.join(workspace, 'tour');
  fs.mkdirSync(tourFolder, { recursive: true });
  fs.copyFileSync(path.join(root, 'e2e/fixtures', TOUR_CARD), path.join(tourFolder, TOUR_CARD));
  // A key pair and a signed card made on the command line; the private key stays outside the workspace. The public
  // key is trusted in the workspace settings now, so VS Code has read them long before Decode JWS runs.
  const privateKey = path.join(tmp, 'tour-signing-key.pem');
  amcard('keygen', '--out', privateKey, '--public-out', path.join(tourFolder, 'signing-key.pub.pem'));
  amcard('sign', path.join(workspace, 'examples/approval-http.card.json'), '--key', privateKey,
    '--sender', 'alerts@contoso.example', '--recipients', 'lee.chen@contoso.example', '--out', path.join(tourFolder, 'approval-http.jws'));
  const settings = path.join(workspace, '.vscode/settings.json');
  fs.mkdirSync(path.dirname(settings), { recursive: true });
  fs.writeFileSync(settings, JSON.stringify({ 'actionableMessages.signing.publicKeys': ['tour/signing-key.pub.pem'] }));

  await uiCheck('tour: a card with four Outlook problems lists each rule id in the Problems panel', async () => {
    await startAfresh(page);
    // 1.139 opens Chat in the secondary side bar; the screenshots need the room
    if (await page.locator('.part.auxiliarybar').isVisible()) await page.keyboard.press('Control+Alt+B');
    await page.locator('.part.auxiliarybar').waitFor({ state: 'hidden' });
    await openFromTourFolder(page, TOUR_CARD);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await page.keyboard.press('Control+Shift+M');
    for (const rule of ['AM010', 'AM030', 'AM031', 'AM046']) {
      await page.locator('.markers-panel .monaco-list-row', { hasText: rule }).first().waitFor();
    }
    await shootParts(page, shot('problems'), [editorArea, page.locator('.markers-panel .monaco-list-row').last()]);
  });

  await uiCheck('tour: Ctrl+. on the Action.Submit lists the project\'s quick fix, and applying it clears AM030', async () => {
    // A click on the squiggled value puts the cursor on the diagnostic and the focus in the editor
    await page.locator('.monaco-editor .view-line span span', { hasText: '"Action.Submit"' }).click();
    await page.locator('.part.editor .monaco-editor.focused').waitFor();
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: SUBMIT_FIX });
    // Ctrl+. again while no menu shows: a press while the editor is still settling after the click can go nowhere.
    const deadline = Date.now() + 60_000;
    while (!(await fix.isVisible())) {
      if (Date.now() > deadline) throw new Error(`Ctrl+. listed no "${SUBMIT_FIX}" within 60 s`);
      if (!(await page.locator('.action-widget').isVisible())) await page.keyboard.press('Control+.');
      await fix.waitFor({ timeout: 3_000 }).catch(() => {});
    }
    await shootParts(page, shot('quick-fix'), [editorArea]);
    await fix.click();
    await page.locator('.monaco-editor .view-lines', { hasText: '"type": "Action.Http", "title": "Approve"' }).waitFor();
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'AM030' }).waitFor({ state: 'detached' });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'AM031' }).first().waitFor(); // the others stay
  });

  await uiCheck('tour: Approve in the approval-http preview shows the request with the typed comment in its body', async () => {
    await hidePanel(page);
    const preview = await previewAfresh(page, 'approval-http.card.json');
    await preview.locator('textarea').fill('Approved, thanks Ana. Enjoy Lisbon!');
    await preview.getByRole('button', { name: 'Approve', exact: true }).click();
    const entry = preview.locator('.log-entry').first();
    await entry.locator('.entry-title', { hasText: 'Action.Http: Approve' }).waitFor();
    const request = await entry.locator('.entry-text').textContent();
    // Outlook's headers: the token is a placeholder (the page never holds one), the request id a fresh GUID.
    const expected = new RegExp(`^${[
      'POST https://api.contoso.example/expenses/EXP-2026-0412/approve',
      'Content-Type: application/json',
      'Authorization: Bearer <development token: [^\\n>]+>',
      'Card-Correlation-Id: b9e1f0a4-5c2d-4e7f-9a3b-1d6c8e2f4a70',
      'Action-Request-Id: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}',
      '',
      '\\{"decision": "approved", "comment": "Approved, thanks Ana\\. Enjoy Lisbon!"\\}',
    ].join('\n')}$`);
    if (!expected.test(request)) throw new Error(`the simulated request is not the resolved one with Outlook's headers:\n${request}`);
    await entry.scrollIntoViewIfNeeded();
    await shootParts(page, shot('preview-http'), [page.locator('.editor-group-container').nth(1)], 740);
  });

  await uiCheck('tour: Decode JWS on a card signed with amcard says valid against the configured public key', async () => {
    await startAfresh(page);
    await openFromTourFolder(page, 'approval-http.jws');
    await page.locator('.part.editor .monaco-editor .view-line').first().click();
    await page.keyboard.press('Control+A');
    await page.locator('.statusbar-item', { hasText: /selected/ }).waitFor(); // the whole token is the selection
    await runFromPalette(page, 'Actionable Messages: Decode JWS');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: '# Decoded signed card' }).waitFor();
    const report = await activeEditorText(page);
    for (const expected of ['Verification: **valid**', 'alerts@contoso.example', 'adaptiveCardSerialized']) {
      if (!report.includes(expected)) throw new Error(`the Decode JWS report does not say "${expected}":\n${report}`);
    }
    await page.locator('.tabs-container .tab', { hasText: 'decoded-card-1.card.json' }).waitFor();
    await shootParts(page, shot('decode-jws'), [editorArea], 640);
    fs.writeFileSync(settings, '{}');
  });
}
