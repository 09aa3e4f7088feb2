// An Input.Text `regex` in the real preview page in headless Chromium: typing and clicking as a user does. The
// catastrophic `^(a+)+$` on 31 `a`s and a `!` (17 s of backtracking in the browser's RegExp) leaves the page
// responsive and the value invalid; a normal pattern accepts and refuses as RegExp does; a pattern the preview cannot
// check in bounded time (a backreference) is said to be not checked, under the input and in the action log.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, PreviewPage } from './preview-page';

const CATASTROPHIC_VALUE = `${'a'.repeat(31)}!`;
/**
 * Longest a task of the page may take while the user types and clicks. The freeze this guards against is the 17 s of
 * backtracking; the check itself keeps to its 40 ms budget, which test/unit/input-regex.test.ts holds. A bound of
 * 100 ms here held the whole page's work (rendering, layout) to it as well, which a shared machine under the other
 * tests' load can pass: a second is 17 times below the freeze and far above that noise.
 */
const LONGEST_TASK_MS = 1000;

const input = (id: string, label: string, regex: string) => ({ type: 'Input.Text', id, label, regex, errorMessage: `${label}: not valid` });
const send = (id: string) => ({ type: 'Action.Http', title: `Send ${id}`, method: 'POST', url: 'https://api.contoso.example/check', body: `{"${id}": "{{${id}.value}}"}` });
const CARD = {
  type: 'AdaptiveCard', version: '1.3', originator: '00000000-0000-0000-0000-000000000000',
  body: [input('code', 'Code', '^(a+)+$'), input('zip', 'Zip', '^\\d{5}$'), input('twice', 'Twice', '^(a+)+\\1$')],
  actions: [send('code'), send('zip'), send('twice')],
};

/** Records every task of the page longer than 50 ms (the Long Tasks API) from now on. */
const WATCH_LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration)); })
    .observe({ type: 'longtask' });
})()`;

describe('Input.Text regex in the preview', () => {
  let browser: Browser;
  let preview: PreviewPage;
  before(async () => {
    browser = await launchChromium();
    preview = await PreviewPage.open(browser);
    assert.equal((await preview.render('regex.card.json', JSON.stringify(CARD))).outcome, 'card');
    await preview.page.evaluate(WATCH_LONG_TASKS);
  });
  after(async () => {
    await browser?.close();
  });

  const field = (index: number) => preview.page.locator('.card-frame input.ac-textInput').nth(index);
  const logEntries = () => preview.page.locator('.log-entry').count();
  /** Whether the input at `index` is marked invalid, and the card's text with the error messages it shows. */
  const validation = async (index: number) => ({
    failed: (await field(index).getAttribute('class'))?.includes('ac-input-validation-failed') ?? false,
    shown: await preview.page.locator('.card-frame').textContent(),
  });

  it('refuses 31 a and ! for ^(a+)+$ without freezing the page, and accepts aaaa', async () => {
    const before = await logEntries();
    await field(0).fill(CATASTROPHIC_VALUE);
    await preview.clickAction('Send code');
    const refused = await validation(0);
    assert.ok(refused.failed, 'the input is marked invalid');
    assert.match(refused.shown ?? '', /Code: not valid/);
    assert.equal(await logEntries(), before, 'the action did not run');

    await field(0).fill('aaaa');
    await preview.clickAction('Send code');
    assert.equal(await logEntries(), before + 1);
    assert.match(await preview.newestLogText(), /\{"code": "aaaa"\}/);
    assert.equal((await validation(0)).failed, false);
  });

  it('checks a normal pattern as RegExp does: 1234x refused, 12345 accepted', async () => {
    await field(1).fill('1234x');
    await preview.clickAction('Send zip');
    const refused = await validation(1);
    assert.ok(refused.failed);
    assert.match(refused.shown ?? '', /Zip: not valid/);

    await field(1).fill('12345');
    await preview.clickAction('Send zip');
    assert.match(await preview.newestLogText(), /\{"zip": "12345"\}/);
    assert.equal((await validation(1)).failed, false);
  });

  it('says under the input and in the log that a backreference pattern was not checked, and runs the action', async () => {
    await field(2).fill(CATASTROPHIC_VALUE);
    await preview.clickAction('Send twice');
    const note = preview.page.locator('.card-frame .regex-not-checked');
    await note.waitFor();
    assert.match(await note.textContent() ?? '', /^Not checked against this input's regex: .*backreference "\\1".*treats the value as valid\.$/);
    const logged = await preview.newestLogText();
    assert.match(logged, new RegExp(`\\{"twice": "${CATASTROPHIC_VALUE}"\\}`));
    assert.match(logged, /Not checked against their regex \(the preview treats the values as valid\):\n- input "twice": .*backreference/);

    await field(2).fill('');
    await preview.clickAction('Send twice');
    assert.equal(await note.count(), 0, 'an empty value needs no check, and the note goes');
  });

  it(`ran no task longer than ${LONGEST_TASK_MS} ms while the user typed and clicked`, async () => {
    const longTasks = (await preview.page.evaluate('window.__longTasks')) as number[];
    assert.ok(longTasks.every((duration) => duration <= LONGEST_TASK_MS), `long tasks: ${longTasks.join(', ')} ms`);
    assert.deepEqual(preview.pageErrors, []);
  });
});
