// The preview app in real Chromium: the page VS Code shows (previewHtml, its CSP and nonce) with the built bundle.
// Every example renders in every look (screenshots in test-artifacts/preview/), actions are simulated exactly,
// responses replace the card, and the pane keeps the last good render, the scroll position and the options.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator } from 'playwright-core';
import type { PreviewOptions } from '../../webview/src/protocol';
import { exchangeWithBot } from '../../client/src/preview/bot-invoke';
import { executeInvokeFrom } from '../../server/src/card';
import { ApprovalBot, serveBot, stopBot } from '../agents-bot';
import { SIMULATED_TOKEN } from '../../webview/src/simulation';
import { ARTIFACTS, EXAMPLES, launchChromium, PreviewPage, withRequestIdShown, type PreviewPageOptions } from './preview-page';

const example = (fileName: string) => readFileSync(path.join(EXAMPLES, fileName), 'utf8');
const card = (body: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body, ...extra }, null, 2);

/** Each example with a text it shows, so a blank or wrong render fails. */
const EXAMPLES_SHOWN: readonly { file: string; data?: string; text: string }[] = [
  { file: 'approval-http.card.json', text: 'Expense report awaiting your approval' },
  { file: 'approval-uam.card.json', text: 'Purchase order PO-88213' },
  { file: 'input-form.card.json', text: 'Book a meeting room' },
  { file: 'add-in-command.card.json', text: 'Support ticket #48213 was assigned to you' },
  { file: 'approval-http.response.json', text: 'You approved expense report EXP-2026-0412' },
  { file: 'expense-template.card.json', data: 'expense-template.data.json', text: 'Expense report EXP-2026-0519' },
];

interface Look {
  readonly name: string;
  readonly page: PreviewPageOptions;
  readonly themeShown: PreviewOptions['theme'];
  readonly frameWidth: number;
  /** The card's background as the browser computes it. */
  readonly background: string;
  /** The reading pane's background around the card. */
  readonly paneBackground: string;
}

const LOOKS: readonly Look[] = [
  { name: 'light', page: { options: { theme: 'light', width: 'desktop' } }, themeShown: 'light', frameWidth: 640, background: 'rgb(255, 255, 255)', paneBackground: 'rgb(255, 255, 255)' },
  // Outlook's dark mode leaves the card as it is: light, in a dark reading pane.
  { name: 'dark', page: { options: { theme: 'dark', width: 'desktop' }, vscodeTheme: 'dark' }, themeShown: 'dark', frameWidth: 640, background: 'rgb(255, 255, 255)', paneBackground: 'rgb(31, 31, 31)' },
  // The stored theme is the default and VS Code is in high contrast: the preview follows VS Code's colours.
  { name: 'high-contrast', page: { options: { theme: 'light', width: 'desktop' }, vscodeTheme: 'highContrast' }, themeShown: 'highContrast', frameWidth: 640, background: 'rgb(0, 0, 0)', paneBackground: 'rgb(0, 0, 0)' },
  { name: 'mobile', page: { options: { theme: 'light', width: 'mobile' } }, themeShown: 'light', frameWidth: 360, background: 'rgb(255, 255, 255)', paneBackground: 'rgb(255, 255, 255)' },
];

let browser: Browser;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

async function open(options: PreviewPageOptions = {}): Promise<PreviewPage> {
  return PreviewPage.open(browser, options);
}

function backgroundOf(locator: Locator): Promise<string> {
  type Styles = { getComputedStyle(element: unknown): { backgroundColor: string } };
  return locator.evaluate((element) => (globalThis as unknown as Styles).getComputedStyle(element).backgroundColor);
}

/** Nothing ran, loaded or navigated that should not have. */
async function assertClean(preview: PreviewPage): Promise<void> {
  assert.deepEqual(await preview.violations(), [], 'CSP violations');
  assert.deepEqual(preview.unexpectedRequests, [], 'requests');
  assert.deepEqual(preview.pageErrors, [], 'page errors');
  assert.deepEqual(preview.navigations, [], 'navigations');
  assert.deepEqual(preview.popups, [], 'popups');
  assert.deepEqual(preview.dialogs, [], 'dialogs');
}

describe('example cards', () => {
  for (const look of LOOKS) {
    it(`every example renders in the ${look.name} look`, async () => {
      const preview = await open(look.page);
      const { page } = preview;
      for (const { file, data, text } of EXAMPLES_SHOWN) {
        const rendered = await preview.renderExample(file, data);
        assert.equal(rendered.outcome, 'card', file);
        await page.getByText(text, { exact: true }).waitFor();
        assert.equal(await page.locator('.render-problem').count(), 0, file);
        assert.equal(await page.locator('.theme-select').inputValue(), look.themeShown, file);
        const frame = await page.locator('.card-frame').boundingBox();
        assert.equal(Math.round(frame!.width), look.frameWidth, `${file}: frame width`);
        const background = await backgroundOf(page.locator('.ac-adaptiveCard').first());
        assert.equal(background, look.background, `${file}: card background`);
        assert.equal(await backgroundOf(page.locator('.reading-pane')), look.paneBackground, `${file}: reading pane background`);
        await page.screenshot({ path: path.join(ARTIFACTS, `${path.basename(file, '.json')}-${look.name}.png`), fullPage: true });
      }
      await assertClean(preview);
      await preview.close();
    });
  }

  it('opens every ShowCard of the examples with no CSP violation', async () => {
    const preview = await open();
    for (const { file, data, text } of EXAMPLES_SHOWN) {
      assert.equal((await preview.renderExample(file, data)).outcome, 'card', file);
      await preview.page.getByText(text, { exact: true }).waitFor();
      // Open every ShowCard, as its card renders only then.
      for (const expandable of await preview.page.locator('.ac-pushButton.expandable').all()) await expandable.click();
    }
    await assertClean(preview);
    await preview.close();
  });
});

describe('action simulation', () => {
  it('Action.Http shows the request with typed values JSON-escaped in the body', async () => {
    const preview = await open();
    await preview.renderExample('approval-http.card.json');
    await preview.page.locator('textarea').fill('She said "yes" & left\nline 2 ünïcødé ✓ 😀\\');
    await preview.clickAction('Approve');
    const entry = preview.page.locator('.log-entry').first();
    assert.equal(await entry.locator('.entry-title').textContent(), 'Action.Http: Approve');
    assert.equal(withRequestIdShown((await entry.locator('.entry-text').textContent()) ?? ''), [
      'POST https://api.contoso.example/expenses/EXP-2026-0412/approve',
      'Content-Type: application/json',
      `Authorization: Bearer ${SIMULATED_TOKEN}`,
      'Card-Correlation-Id: b9e1f0a4-5c2d-4e7f-9a3b-1d6c8e2f4a70',
      'Action-Request-Id: <id>',
      '',
      String.raw`{"decision": "approved", "comment": "She said \"yes\" & left\nline 2 ünïcødé ✓ 😀\\"}`,
    ].join('\n'));
    await assertClean(preview);
    await preview.close();
  });

  it('checks isRequired and regex before an action from 1.3 on, and below 1.3 runs it with any value, as Outlook does (AM022)', async () => {
    const inputs = [
      { type: 'Input.Text', id: 'comment', isRequired: true, errorMessage: 'A comment is required' },
      { type: 'Input.Text', id: 'amount', regex: '^[0-9]+$', value: 'abc' },
    ];
    const execute = { type: 'Action.Execute', title: 'Send', verb: 'send' };
    const http = { type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/send', body: '{"c": "{{comment.value}}", "a": "{{amount.value}}"}' };
    const preview = await open();
    for (const [version, action] of [['1.0', http], ['1.2', http]] as const) {
      await preview.render(`inputs-${version}.card.json`, card(inputs, { version, actions: [action] }));
      await preview.clickAction('Send');
      const entry = preview.page.locator('.log-entry').first();
      assert.equal(await entry.locator('.entry-title').textContent(), 'Action.Http: Send', version);
      assert.match((await entry.locator('.entry-text').textContent()) ?? '', /\{"c": "", "a": "abc"\}$/, version);
    }
    await preview.render('inputs-1.4.card.json', card(inputs, { version: '1.4', actions: [execute] }));
    const logged = await preview.page.locator('.log-entry').count();
    await preview.clickAction('Send');
    assert.equal(await preview.page.locator('.log-entry').count(), logged, 'a 1.4 card runs no action with an empty required input');
    await preview.close();
  });

  it('Action.Http URL-encodes values in the URL and in a form body, matches ids in any case and leaves unknown tokens', async () => {
    const preview = await open();
    await preview.render('search.card.json', card([
      { type: 'Input.Text', id: 'Query', isMultiline: true },
      { type: 'Input.Text', id: 'who' },
    ], {
      actions: [
        { type: 'Action.Http', title: 'Search', method: 'get', url: 'https://api.contoso.example/search?q={{query.value}}&who={{WHO.value}}&keep={{missing.value}}' },
        {
          type: 'Action.Http', title: 'Send form', method: 'POST', url: 'https://api.contoso.example/form',
          headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }, { name: 'X-Who', value: '{{who.value}}' }],
          body: 'q={{Query.value}}&who={{who.value}}',
        },
      ],
    }));
    await preview.page.locator('textarea').fill('a "b" & c\nd é 😀');
    await preview.page.locator('input.ac-textInput').fill('x y/z');
    await preview.clickAction('Search');
    assert.equal(await preview.newestRequestText(), [
      'GET https://api.contoso.example/search?q=a%20%22b%22%20%26%20c%0Ad%20%C3%A9%20%F0%9F%98%80&who=x%20y%2Fz&keep={{missing.value}}',
      `Authorization: Bearer ${SIMULATED_TOKEN}`,
      'Action-Request-Id: <id>',
    ].join('\n'));
    await preview.clickAction('Send form');
    assert.equal(await preview.newestRequestText(), [
      'POST https://api.contoso.example/form',
      'Content-Type: application/x-www-form-urlencoded',
      'X-Who: x%20y%2Fz',
      `Authorization: Bearer ${SIMULATED_TOKEN}`,
      'Action-Request-Id: <id>',
      '',
      'q=a%20%22b%22%20%26%20c%0Ad%20%C3%A9%20%F0%9F%98%80&who=x%20y%2Fz',
    ].join('\n'));
    assert.equal(await preview.page.locator('.log-entry').count(), 2);
    await preview.close();
  });

  it("Action.Http shows Outlook's headers: the token placeholder in Action-Authorization when the card empties Authorization, a fresh request id each click", async () => {
    const preview = await open();
    await preview.render('headers.card.json', card([{ type: 'Input.Text', id: 'note' }], {
      correlationId: 'corr-1',
      actions: [{
        type: 'Action.Http', title: 'Own auth', method: 'POST', url: 'https://api.contoso.example/own', body: '{"note": "{{note.value}}"}',
        headers: [{ name: 'Authorization', value: '' }, { name: 'Card-Correlation-Id', value: 'the card cannot set it' }, { name: 'X-Note', value: '{{note.value}}' }],
      }],
    }));
    await preview.page.locator('input.ac-textInput').fill('hi there');
    await preview.clickAction('Own auth');
    const first = await preview.newestLogText();
    assert.equal(withRequestIdShown(first), [
      'POST https://api.contoso.example/own',
      'X-Note: hi%20there',
      'Content-Type: application/json',
      `Action-Authorization: Bearer ${SIMULATED_TOKEN}`,
      'Card-Correlation-Id: corr-1',
      'Action-Request-Id: <id>',
      '',
      '{"note": "hi there"}',
    ].join('\n'));
    await preview.clickAction('Own auth');
    const second = await preview.newestLogText();
    assert.equal(withRequestIdShown(second), withRequestIdShown(first));
    assert.notEqual(second, first, 'each click has its own Action-Request-Id');
    assert.doesNotMatch(first, /^Authorization:/m);
    await preview.close();
  });

  it("each card keeps its own log: switching cards shows that card's entries, switching back the first card's again", async () => {
    const preview = await open();
    const entryTitles = (): Promise<string[]> => preview.page.locator('.log-entry .entry-title').allTextContents();
    await preview.renderExample('approval-http.card.json');
    await preview.clickAction('Approve');
    assert.deepEqual(await entryTitles(), ['Action.Http: Approve']);
    await preview.render('other.card.json', card([{ type: 'TextBlock', text: 'Other' }], {
      actions: [{ type: 'Action.Http', title: 'Ping', method: 'POST', url: 'https://api.contoso.example/ping', body: '{}' }],
    }));
    assert.deepEqual(await entryTitles(), [], 'the other card starts with an empty log');
    assert.equal(await preview.page.locator('.log-empty').isVisible(), true);
    await preview.clickAction('Ping');
    assert.deepEqual(await entryTitles(), ['Action.Http: Ping']);
    await preview.renderExample('approval-http.card.json');
    assert.deepEqual(await entryTitles(), ['Action.Http: Approve'], 'back on the first card, its own entry shows');
    assert.equal(await preview.page.locator('.log-empty').isVisible(), false);
    await preview.close();
  });

  it('ShowCard opens its card, whose Action.Http sees the inputs of the whole card', async () => {
    const preview = await open();
    await preview.renderExample('approval-http.card.json');
    const question = preview.page.getByText('Why are you rejecting this report?');
    assert.equal(await question.isVisible(), false);
    await preview.clickAction('Reject');
    await question.waitFor();
    await preview.page.locator('select.ac-choiceSetInput-compact').selectOption('policy');
    await preview.page.locator('textarea').fill('Over budget');
    await preview.clickAction('Send rejection');
    assert.equal(await preview.newestRequestText(), [
      'POST https://api.contoso.example/expenses/EXP-2026-0412/reject?reason=policy',
      'Content-Type: application/json',
      `Authorization: Bearer ${SIMULATED_TOKEN}`,
      'Card-Correlation-Id: b9e1f0a4-5c2d-4e7f-9a3b-1d6c8e2f4a70',
      'Action-Request-Id: <id>',
      '',
      '{"decision": "rejected", "comment": "Over budget"}',
    ].join('\n'));
    await preview.close();
  });

  it('posts actionSimulated with the log entry\'s title for each simulated action, and not for ShowCard', async () => {
    const preview = await open();
    await preview.renderExample('approval-http.card.json');
    await preview.clickAction('Approve');
    await preview.clickAction('Reject'); // ShowCard: the renderer's own, nothing simulated
    await preview.page.locator('select.ac-choiceSetInput-compact').selectOption('policy');
    await preview.clickAction('Send rejection');
    const posted = await preview.postedOfType('actionSimulated', 2);
    assert.deepEqual(posted.map((message) => message.title), ['Action.Http: Approve', 'Action.Http: Send rejection']);
    await preview.close();
  });

  it('asks the host to send each clicked Action.Http, with its inputs and the card\'s correlationId, and logs the host\'s response', async () => {
    const preview = await open();
    await preview.renderExample('approval-http.card.json');
    await preview.page.locator('textarea').fill('Fine "by" me');
    await preview.clickAction('Approve');
    const [sent] = await preview.postedOfType('sendHttpAction');
    assert.equal(sent!.title, 'Action.Http: Approve');
    assert.equal(sent!.action['url'], 'https://api.contoso.example/expenses/EXP-2026-0412/approve');
    assert.deepEqual(sent!.inputs.find(([id]) => id === 'comment'), ['comment', 'Fine "by" me']);
    assert.equal(sent!.correlationId, 'b9e1f0a4-5c2d-4e7f-9a3b-1d6c8e2f4a70');
    await preview.send({ type: 'actionResponse', title: 'Response: Action.Http: Approve', text: 'HTTP 200 OK (12 ms)\ncard-action-status: Approved.' });
    await preview.page.locator('.log-entry .entry-title', { hasText: 'Response: Action.Http: Approve' }).waitFor();
    assert.equal(await preview.newestLogText(), 'HTTP 200 OK (12 ms)\ncard-action-status: Approved.');
    await preview.close();
  });

  it('ToggleVisibility hides and shows its targets', async () => {
    const preview = await open();
    await preview.render('toggle.card.json', card([
      { type: 'TextBlock', text: 'Always here' },
      { type: 'TextBlock', id: 'details', text: 'Secret details', isVisible: false },
      { type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', title: 'Details', targetElements: ['details'] }] },
    ]));
    const details = preview.page.getByText('Secret details');
    assert.equal(await details.isVisible(), false);
    const toggle = preview.page.locator('.ac-pushButton', { hasText: 'Details' });
    await toggle.click();
    assert.equal(await details.isVisible(), true);
    await toggle.click();
    assert.equal(await details.isVisible(), false);
    assert.equal(await preview.page.locator('.log-entry').count(), 0, 'toggling is not a request');
    await preview.close();
  });

  it('Action.OpenUrl and a link in text post openUrl, log the URL and never navigate', async () => {
    const preview = await open();
    await preview.render('links.card.json', card([
      { type: 'TextBlock', text: 'Read [the policy](https://contoso.example/policy?a=1&b=2) first.' },
    ], { actions: [{ type: 'Action.OpenUrl', title: 'Open report', url: 'https://expenses.contoso.example/reports/1' }] }));
    await preview.clickAction('Open report');
    await preview.page.locator('a', { hasText: 'the policy' }).click();
    await preview.page.locator('a', { hasText: 'the policy' }).click({ button: 'middle' });
    const opened = await preview.postedOfType('openUrl', 2);
    assert.deepEqual(opened.map((message) => message.url).slice(0, 2), ['https://expenses.contoso.example/reports/1', 'https://contoso.example/policy?a=1&b=2']);
    assert.equal(await preview.page.locator('.log-entry .entry-text').last().textContent(), 'https://expenses.contoso.example/reports/1\n(VS Code asks before opening it.)');
    assert.equal(preview.page.url(), 'https://webview.test/index.html');
    await assertClean(preview);
    await preview.close();
  });

  it('Action.Execute shows the invoke with verb and data merged with the inputs; Simulate refresh asks for a response', async () => {
    const preview = await open();
    await preview.renderExample('approval-uam.card.json');
    await preview.page.getByText('FY26 discretionary').click();
    await preview.page.locator('textarea').fill('Ship "soon"');
    await preview.clickAction('Approve');
    const invoke = await preview.newestLogText();
    const [firstLine, verbLine, , ...json] = invoke.split('\n');
    assert.equal(firstLine, 'invoke adaptiveCard/action (trigger: manual)');
    assert.equal(verbLine, 'verb: approvePurchaseOrder');
    assert.deepEqual(JSON.parse(json.join('\n')), {
      name: 'adaptiveCard/action',
      value: {
        action: { type: 'Action.Execute', verb: 'approvePurchaseOrder', data: { purchaseOrder: 'PO-88213', budget: 'fy26-discretionary', note: 'Ship "soon"' } },
        trigger: 'manual',
      },
    });
    await preview.page.locator('.log-entry .apply-response').first().click();
    assert.deepEqual((await preview.postedOfType('pickResponse')).map((message) => message.trigger), ['action']);

    await preview.page.locator('button.simulate', { hasText: 'Simulate refresh' }).click();
    assert.deepEqual((await preview.postedOfType('pickResponse', 2)).map((message) => message.trigger), ['action', 'refresh']);
    const refresh = await preview.newestLogText();
    assert.match(refresh, /^invoke adaptiveCard\/action \(trigger: automatic\)\nverb: refreshPurchaseOrder\n/);
    assert.deepEqual(JSON.parse(refresh.split('\n').slice(3).join('\n')).value.action.data, { purchaseOrder: 'PO-88213' });
    await preview.close();
  });

  it('autoInvokeAction has its own button that logs the request and hands it to the host, which sends it or asks for a response', async () => {
    const preview = await open();
    await preview.render('auto.card.json', card([{ type: 'TextBlock', text: 'Loading the latest status…' }], {
      autoInvokeAction: { type: 'Action.Http', method: 'POST', url: 'https://api.contoso.example/status', body: '{"ticket": 1}' },
    }));
    assert.equal(await preview.page.locator('button.simulate', { hasText: 'Simulate refresh' }).count(), 0);
    await preview.page.locator('button.simulate', { hasText: 'Simulate autoInvokeAction' }).click();
    assert.equal(await preview.newestRequestText(),
      `POST https://api.contoso.example/status\nContent-Type: application/json\nAuthorization: Bearer ${SIMULATED_TOKEN}\nAction-Request-Id: <id>\n\n{"ticket": 1}`);
    // The host sends it to an action target, or else asks for the response file, as Outlook answers it at once.
    const [sent] = await preview.postedOfType('sendHttpAction');
    assert.deepEqual(sent, {
      type: 'sendHttpAction', title: 'autoInvokeAction', automatic: true, inputs: [],
      action: { type: 'Action.Http', method: 'POST', url: 'https://api.contoso.example/status', body: '{"ticket": 1}' },
    });
    assert.deepEqual(await preview.postedOfType('pickResponse', 0), []);
    await preview.close();
  });

  it("Outlook's own actions render as buttons and show what Outlook would open", async () => {
    const preview = await open();
    await preview.renderExample('add-in-command.card.json');
    await preview.clickAction('Open in Contoso Support');
    assert.equal(await preview.newestLogText(), [
      'Outlook opens the add-in command:',
      'addInId: "0e6b9f21-c4d8-47a3-9b5e-8f2a1d6c3e70"',
      'desktopCommandId: "ticketTaskPaneButton"',
      'initializationContext: {\n  "ticketId": 48213,\n  "view": "reply"\n}',
    ].join('\n'));
    await preview.render('forms.card.json', card([{ type: 'TextBlock', text: 'Forms' }], {
      actions: [
        { type: 'Action.DisplayMessageForm', title: 'Open message', itemId: 'AAMkAGI2TG93AAA=' },
        { type: 'Action.DisplayAppointmentForm', title: 'Open meeting', itemId: 'AAMkAGI2TG94AAA=' },
      ],
    }));
    await preview.clickAction('Open message');
    await preview.clickAction('Open meeting');
    const texts = await preview.page.locator('.log-entry .entry-text').allTextContents();
    assert.deepEqual(texts.slice(0, 2), [
      'Outlook opens the appointment form of the item:\nitemId: "AAMkAGI2TG94AAA="',
      'Outlook opens the message form of the item:\nitemId: "AAMkAGI2TG93AAA="',
    ]);
    assert.equal(await preview.page.locator('.ac-pushButton', { hasText: 'Submit' }).count(), 0);
    await preview.close();
  });

  it('Action.Submit is not rendered, as in Outlook', async () => {
    const preview = await open();
    await preview.render('submit.card.json', card([{ type: 'TextBlock', text: 'No submit here' }], {
      actions: [{ type: 'Action.Submit', title: 'Send' }, { type: 'Action.OpenUrl', title: 'Open', url: 'https://contoso.example/' }],
    }));
    assert.deepEqual(await preview.page.locator('.ac-pushButton').allTextContents(), ['Open']);
    await preview.close();
  });

  it('renders only the action model of the card version, as Outlook does, and says what it left out', async () => {
    const preview = await open();
    const http = { type: 'Action.Http', title: 'Http', method: 'POST', url: 'https://a.example/', body: '{}' };
    const execute = { type: 'Action.Execute', title: 'Execute', verb: 'go' };
    await preview.render('uam.card.json', JSON.stringify({ type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'UAM' }], actions: [http, execute] }));
    assert.deepEqual(await preview.page.locator('.ac-pushButton').allTextContents(), ['Execute']);
    assert.deepEqual(await preview.page.locator('.notices li').allTextContents(), ['Outlook does not render Action.Http in a 1.4 card: 1 action is left out (AM020). Use Action.Execute, or version 1.0.']);
    await preview.render('http.card.json', card([{ type: 'TextBlock', text: 'Http model' }], { actions: [http, execute] }));
    assert.deepEqual(await preview.page.locator('.ac-pushButton').allTextContents(), ['Http']);
    assert.match((await preview.page.locator('.notices li').allTextContents())[0]!, /renders Action\.Execute only in 1\.4 cards/);
    await preview.close();
  });

  it("an action: link runs the card's resources.actions entry", async () => {
    const preview = await open();
    await preview.render('resources.card.json', card([{ type: 'TextBlock', text: 'You can [approve here](action:approve).' }], {
      resources: { actions: [{ type: 'Action.Http', id: 'approve', title: 'Approve', method: 'POST', url: 'https://api.contoso.example/approve', body: '{}' }] },
    }));
    await preview.page.locator('a', { hasText: 'approve here' }).click();
    assert.equal(await preview.newestRequestText(),
      `POST https://api.contoso.example/approve\nContent-Type: application/json\nAuthorization: Bearer ${SIMULATED_TOKEN}\nAction-Request-Id: <id>\n\n{}`);
    assert.equal((await preview.posted()).filter((message) => message.type === 'openUrl').length, 0);
    await preview.close();
  });
});

describe('responses', () => {
  it('applyResponse replaces the card with a banner; Back and the next edit show the card again', async () => {
    const preview = await open();
    await preview.renderExample('approval-http.card.json');
    await preview.send({ type: 'applyResponse', response: { fileName: 'approval-http.response.json', text: example('approval-http.response.json') } });
    await preview.page.getByText('You approved expense report EXP-2026-0412').waitFor();
    assert.equal(await preview.page.getByText('Expense report awaiting your approval').count(), 0);
    assert.match((await preview.page.locator('.response-banner').textContent())!, /^Showing the response card from approval-http\.response\.json/);
    await preview.page.screenshot({ path: path.join(ARTIFACTS, 'approval-http-after-response.png'), fullPage: true });
    await preview.page.locator('button.back-to-card').click();
    await preview.page.getByText('Expense report awaiting your approval').waitFor();
    assert.equal(await preview.page.locator('.response-banner').isVisible(), false);

    await preview.send({ type: 'applyResponse', response: { fileName: 'approval-http.response.json', text: example('approval-http.response.json') } });
    await preview.page.getByText('You approved expense report EXP-2026-0412').waitFor();
    await preview.renderExample('approval-http.card.json');
    await preview.page.getByText('Expense report awaiting your approval').waitFor();
    assert.equal(await preview.page.locator('.response-banner').isVisible(), false);
    await assertClean(preview);
    await preview.close();
  });

  it('takes a Universal Action Model invoke response and shows what is wrong with a bad response file', async () => {
    const preview = await open();
    await preview.renderExample('approval-uam.card.json');
    await preview.send({ type: 'applyResponse', response: { fileName: 'bad.response.json', text: '{\n  "type": "AdaptiveCard",\n  "body": [}\n' } });
    await preview.page.locator('.response-status', { hasText: 'bad.response.json does not parse at 3:12' }).waitFor();
    await preview.page.getByText('Purchase order PO-88213').waitFor();

    const updated = { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'Approved by you' }] };
    await preview.send({
      type: 'applyResponse',
      response: { fileName: 'uam.response.json', text: JSON.stringify({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: updated }) },
    });
    await preview.page.getByText('Approved by you').waitFor();
    assert.equal(await preview.page.locator('.response-status').isVisible(), false);

    await preview.send({ type: 'applyResponse', response: { fileName: 'error.response.json', text: JSON.stringify({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { message: 'Budget closed' } }) } });
    await preview.page.locator('.action-status.failure', { hasText: 'Budget closed' }).waitFor();
    await preview.page.getByText('Approved by you').waitFor();
    await preview.close();
  });

  it('applies response envelopes and invoke responses as Outlook does: the card replaced, kept with the reason, a message under it', async () => {
    const preview = await open();
    await preview.renderExample('approval-http.card.json');
    const replacement = { type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Approved, thank you' }] };
    const apply = (fileName: string, value: unknown) => preview.send({ type: 'applyResponse', response: { fileName, text: JSON.stringify(value) } });
    const banner = () => preview.page.locator('.response-banner').textContent();
    const status = preview.page.locator('.action-status');

    await apply('ignored.response.json', { status: 200, headers: { 'Content-Type': 'application/json' }, body: replacement });
    await preview.page.locator('.response-banner', { hasText: 'Applied ignored.response.json: the card is unchanged.' }).waitFor();
    assert.match((await banner())!, /the card update was ignored: Outlook replaces the card only when the response also has the header CARD-UPDATE-IN-BODY: true\.$/);
    assert.equal(await preview.page.getByText('Approved, thank you').count(), 0);
    await preview.page.getByText('Expense report awaiting your approval').waitFor();
    assert.equal(await preview.page.locator('button.back-to-card').count(), 0);
    assert.equal(await status.isVisible(), false);

    await apply('updated.response.json', { status: 200, headers: { 'card-update-in-body': 'true', 'Card-Action-Status': 'Expense approved' }, body: replacement });
    await preview.page.getByText('Approved, thank you').waitFor();
    assert.match((await banner())!, /^Showing the response card from updated\.response\.json, as Outlook shows a card update\. Status 200 with CARD-UPDATE-IN-BODY: true/);
    assert.equal(await preview.page.locator('.action-status.success').textContent(), 'Expense approved');
    await preview.page.screenshot({ path: path.join(ARTIFACTS, 'response-envelope-applied.png'), fullPage: true });
    await preview.page.locator('button.back-to-card').click();
    await preview.page.getByText('Expense report awaiting your approval').waitFor();
    assert.equal(await status.isVisible(), false);

    await apply('failed.response.json', { status: 500, headers: {}, body: 'Internal Server Error' });
    await preview.page.locator('.action-status.failure', { hasText: 'The action could not be completed. Try again later.' }).waitFor();
    assert.match((await banner())!, /Status 500 without CARD-ACTION-STATUS: Outlook shows its generic failure message and keeps the card\./);
    await preview.page.screenshot({ path: path.join(ARTIFACTS, 'response-envelope-failure.png'), fullPage: true });

    await apply('refused.response.json', { status: 403, headers: { 'CARD-ACTION-STATUS': 'Only managers can approve' } });
    await preview.page.locator('.action-status.failure', { hasText: 'Only managers can approve' }).waitFor();

    await apply('message.response.json', { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Your vote was counted' });
    await preview.page.locator('.action-status.success', { hasText: 'Your vote was counted' }).waitFor();
    await preview.page.getByText('Expense report awaiting your approval').waitFor();

    await preview.renderExample('approval-http.card.json');
    await status.waitFor({ state: 'hidden' });
    assert.equal(await preview.page.locator('.response-banner').isVisible(), false);
    await assertClean(preview);
    await preview.close();
  });

  it("with a bot set, Action.Execute and refresh go to a real Agents SDK bot through the host's code, and its answers are applied", async () => {
    const bot = new ApprovalBot();
    const { server, endpoint } = await serveBot(bot);
    try {
      const preview = await open();
      await preview.send({
        type: 'render', sequence: 1_000, documentUri: 'file:///work/approval-uam.card.json', fileName: 'approval-uam.card.json',
        text: example('approval-uam.card.json'), diagnostics: { errors: 0, warnings: 0, infos: 0 }, botEndpoint: endpoint.href,
      });
      await preview.page.getByText('FY26 discretionary').click();
      await preview.page.locator('textarea').fill('Ship it');
      await preview.clickAction('Approve');
      const [invokeBotMessage] = await preview.postedOfType('invokeBot');
      await preview.page.locator('.response-status', { hasText: `Sending the invoke to the bot at ${endpoint.href}` }).waitFor();
      // The host's own steps: check what the page posted, then run it against the bot.
      await preview.send(await exchangeWithBot(endpoint, executeInvokeFrom(invokeBotMessage!.invoke)!));
      await preview.page.locator('.card-frame').getByText('Approved: Ship it').waitFor();
      assert.match(await preview.newestLogText(), new RegExp(`^POST ${endpoint.href.replace(/[.?]/g, '\\$&')}\n[^]*"channelId": "outlook"[^]*\nHTTP 200 \\(\\d+ ms\\)\n`));
      assert.equal(await preview.page.locator('.response-status').isVisible(), false);
      await preview.page.screenshot({ path: path.join(ARTIFACTS, 'bot-card-applied.png'), fullPage: true });
      assert.equal((await preview.posted()).filter((message) => message.type === 'pickResponse').length, 0);

      await preview.page.locator('button.back-to-card').click();
      await preview.page.locator('button.simulate', { hasText: 'Simulate refresh' }).click();
      const refresh = (await preview.postedOfType('invokeBot', 2))[1]!;
      const refreshInvoke = executeInvokeFrom(refresh.invoke)!;
      assert.equal(refreshInvoke.value.trigger, 'automatic');
      await preview.send(await exchangeWithBot(endpoint, refreshInvoke));
      await preview.page.locator('.action-status.failure', { hasText: 'Unknown verb refreshPurchaseOrder' }).waitFor();
      assert.equal((bot.received.at(-1) as { value: { trigger: string } }).value.trigger, 'automatic');
      assert.equal((await preview.posted()).filter((message) => message.type === 'pickResponse').length, 0);
      await assertClean(preview);
      await preview.close();
    } finally {
      await stopBot(server);
    }
  });
});

describe('rendering', () => {
  it('keeps the last good render with a banner while the text has a syntax error', async () => {
    const preview = await open();
    await preview.renderExample('input-form.card.json');
    const broken = example('input-form.card.json').replace('"id": "title",', '"id": "title"');
    const rendered = await preview.render('input-form.card.json', broken);
    assert.equal(rendered.outcome, 'keptLastGood');
    await preview.page.getByText('Book a meeting room').waitFor();
    assert.equal(await preview.page.locator('.syntax-banner').textContent(),
      'Syntax error: a comma is expected between values. (input-form.card.json:9:43) The preview shows the last text that parsed.');
    assert.equal((await preview.renderExample('input-form.card.json')).outcome, 'card');
    assert.equal(await preview.page.locator('.syntax-banner').isVisible(), false);
    await preview.close();
  });

  it('tolerates comments and trailing commas', async () => {
    const preview = await open();
    const rendered = await preview.render('lenient.card.json', '// a note\n{ "type": "AdaptiveCard", "version": "1.0", "body": [ { "type": "TextBlock", "text": "Lenient", }, ], }');
    assert.equal(rendered.outcome, 'card');
    await preview.page.getByText('Lenient', { exact: true }).waitFor();
    await preview.close();
  });

  it('shows what stops a render in the pane, never a blank pane', async () => {
    const preview = await open();
    const problems: [string, RegExp][] = [
      ['[1, 2]', /The document is an array; a card is a JSON object\./],
      ['{ "@type": "MessageCard", "summary": "Old" }', /legacy MessageCard/],
      ['{ "type": "Container" }', /"type": "Container"; an Adaptive Card has "type": "AdaptiveCard"/],
      ['{ "type": ', /Syntax error: a value is expected\. \(doc\.card\.json:1:11\)/],
      ['', /The file is empty/],
    ];
    for (const [text, message] of problems) {
      const rendered = await preview.render('doc.card.json', text);
      assert.equal(rendered.outcome, 'problem', text);
      assert.match((await preview.page.locator('.render-problem').textContent())!, message);
    }
    await assertClean(preview);
    await preview.close();
  });

  it('renders the inner card of a signed payload and of a signed-card envelope', async () => {
    const preview = await open();
    const inner = { type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Signed hello' }] };
    const payload = {
      sender: 'noreply@contoso.example', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', iat: 1717430400,
      recipientsSerialized: '["ana@contoso.example"]', adaptiveCardSerialized: JSON.stringify(inner),
    };
    assert.equal((await preview.render('payload.json', JSON.stringify(payload))).outcome, 'card');
    await preview.page.getByText('Signed hello').waitFor();
    assert.match((await preview.page.locator('.source-description').textContent())!, /signed-card payload/);

    const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url({ ...payload, adaptiveCardSerialized: JSON.stringify({ ...inner, body: [{ type: 'TextBlock', text: 'Enveloped hello' }] }) })}.c2lnbmF0dXJl`;
    const envelope = { '@context': 'http://schema.org/extensions', '@type': 'SignedAdaptiveCard', signedAdaptiveCard: token };
    assert.equal((await preview.render('envelope.json', JSON.stringify(envelope))).outcome, 'card');
    await preview.page.getByText('Enveloped hello').waitFor();
    assert.match((await preview.page.locator('.source-description').textContent())!, /signed-card envelope/);
    assert.equal(await preview.page.locator('.card-version').textContent(), 'Adaptive Card 1.0');
    await preview.close();
  });

  it('expands a template with its data file and says so; while the data file does not parse, the last good render stays', async () => {
    const preview = await open();
    await preview.renderExample('expense-template.card.json', 'expense-template.data.json');
    await preview.page.getByText('Jonas Vermeulen submitted 3 expenses for').waitFor();
    await preview.page.getByText('EUR 612.00').waitFor();
    assert.equal(await preview.page.locator('.source-description').textContent(), 'Card, template expanded with expense-template.data.json');
    const brokenData = { fileName: 'expense-template.data.json', text: '{\n  "report": {\n    "id": EXP\n  }\n}' };
    const typing = await preview.render('expense-template.card.json', example('expense-template.card.json'), { data: brokenData });
    assert.equal(typing.outcome, 'keptLastGood');
    await preview.page.getByText('EUR 612.00').waitFor();
    assert.match((await preview.page.locator('.syntax-banner').textContent())!, /The data file does not parse: .*\(expense-template\.data\.json:3:11\) The preview shows the last text that parsed/);
    // and then a slip in the card itself keeps it too
    const cardTyping = await preview.render('expense-template.card.json', example('expense-template.card.json').replace('"version"', '"version'), { data: brokenData });
    assert.equal(cardTyping.outcome, 'keptLastGood');
    await preview.close();
    // Nothing to keep yet: the problem is shown, naming the data file and the place.
    const fresh = await open();
    assert.equal((await fresh.render('expense-template.card.json', example('expense-template.card.json'), { data: brokenData })).outcome, 'problem');
    assert.match((await fresh.page.locator('.render-problem').textContent())!, /The data file does not parse: .*\(expense-template\.data\.json:3:11\)/);
    await fresh.close();
  });

  it('says when a card is newer than 1.4 and when an image is not loaded', async () => {
    const preview = await open();
    await preview.render('new.card.json', JSON.stringify({
      type: 'AdaptiveCard', version: '1.6',
      body: [{ type: 'TextBlock', text: 'From the future' }, { type: 'Image', url: 'http://images.contoso.example/a.png' }],
    }));
    await preview.page.getByText('From the future').waitFor();
    const notices = await preview.page.locator('.notices li').allTextContents();
    assert.match(notices[0]!, /up to 1\.4: this 1\.6 card is shown as far as 1\.4 goes/);
    assert.match(notices[1]!, /^Image not shown: http:\/\/images\.contoso\.example\/a\.png/);
    assert.equal(await preview.page.locator('img').count(), 0);
    await assertClean(preview);
    await preview.close();
  });
});

describe('pane', () => {
  it('shows the diagnostics count and posts showProblems when it is clicked', async () => {
    const preview = await open();
    await preview.render('approval-http.card.json', example('approval-http.card.json'), { diagnostics: { errors: 2, warnings: 1, infos: 0 } });
    const count = preview.page.locator('button.diagnostics-count');
    assert.equal(await count.textContent(), '2 errors, 1 warning');
    await preview.send({ type: 'diagnostics', documentUri: 'file:///work/approval-http.card.json', diagnostics: { errors: 0, warnings: 0, infos: 0 } });
    await preview.page.locator('button.diagnostics-count', { hasText: 'No problems' }).waitFor();
    await preview.send({ type: 'diagnostics', documentUri: 'file:///work/other.card.json', diagnostics: { errors: 5, warnings: 0, infos: 0 } });
    await count.click();
    assert.equal((await preview.postedOfType('showProblems')).length, 1);
    assert.equal(await count.textContent(), 'No problems');
    await preview.close();
  });

  it('keeps the scroll position across re-renders and across hide/show', async () => {
    const preview = await open({ viewport: { width: 800, height: 400 } });
    const tall = (label: string) => card(Array.from({ length: 60 }, (_, index) => ({ type: 'TextBlock', text: `${label} line ${index}` })));
    await preview.render('tall.card.json', tall('First'));
    await preview.page.evaluate('document.scrollingElement.scrollTop = 700');
    await preview.render('tall.card.json', tall('Second'));
    await preview.page.getByText('Second line 0', { exact: true }).waitFor();
    assert.equal(await preview.page.evaluate('document.scrollingElement.scrollTop'), 700);
    await preview.page.locator('.width-select').selectOption('mobile');
    const state = await preview.state();
    assert.deepEqual(state, { options: { theme: 'light', width: 'mobile' }, scrollTop: 700 });
    await preview.close();

    // The panel was hidden and shown again: the page is new, the state is what the app saved.
    const shown = await open({ viewport: { width: 800, height: 400 }, state });
    await shown.render('tall.card.json', tall('Second'));
    assert.equal(await shown.page.evaluate('document.scrollingElement.scrollTop'), 700);
    assert.equal(await shown.page.locator('.width-select').inputValue(), 'mobile');
    await shown.close();
  });

  it('posts optionsChanged for the pickers and follows VS Code into high contrast', async () => {
    const preview = await open();
    await preview.renderExample('approval-http.card.json');
    const background = () => backgroundOf(preview.page.locator('.ac-adaptiveCard').first());
    await preview.page.locator('.theme-select').selectOption('dark');
    await preview.page.locator('.width-select').selectOption('mobile');
    assert.deepEqual((await preview.postedOfType('optionsChanged', 2)).map((message) => message.options), [
      { theme: 'dark', width: 'desktop' }, { theme: 'dark', width: 'mobile' },
    ]);
    assert.equal(await background(), 'rgb(255, 255, 255)', 'the dark look leaves the card light');
    assert.equal(await backgroundOf(preview.page.locator('.reading-pane')), 'rgb(31, 31, 31)');
    assert.equal(await preview.page.locator('.theme-select option:checked').textContent(), 'Dark reading pane (card unchanged)');
    assert.equal(Math.round((await preview.page.locator('.card-frame').boundingBox())!.width), 360);
    await preview.page.getByText('Expense report awaiting your approval').waitFor();

    const followsVsCode = await open();
    await followsVsCode.renderExample('approval-http.card.json');
    await followsVsCode.page.evaluate('document.body.classList.replace("vscode-light", "vscode-high-contrast")');
    await followsVsCode.page.locator('.reading-pane.theme-high-contrast').waitFor();
    assert.equal(await followsVsCode.page.locator('.theme-select').inputValue(), 'highContrast');
    await followsVsCode.page.evaluate('document.body.classList.replace("vscode-high-contrast", "vscode-light")');
    await followsVsCode.page.locator('.reading-pane.theme-light').waitFor();
    await followsVsCode.page.getByText('Expense report awaiting your approval').waitFor();
    await preview.close();
    await followsVsCode.close();
  });

  it('posts rendered with the sequence of each render', async () => {
    const preview = await open();
    await preview.renderExample('approval-http.card.json');
    await preview.render('broken.card.json', '{');
    await preview.renderExample('input-form.card.json');
    const rendered = await preview.postedOfType('rendered', 3);
    assert.deepEqual(rendered.map(({ sequence, outcome }) => ({ sequence, outcome })), [
      { sequence: 1, outcome: 'card' }, { sequence: 2, outcome: 'problem' }, { sequence: 3, outcome: 'card' },
    ]);
    for (const { durationMs } of rendered) assert.ok(durationMs >= 0 && Number.isFinite(durationMs));
    assert.equal((await preview.posted())[0]?.type, 'ready');
    await preview.close();
  });
});
