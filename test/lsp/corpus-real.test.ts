// Every real card of ../shared/corpus-real/cards (written by others; provenance in its sources.md) opened in the
// language server as a card file, with the set of rule ids revision 2 of the rules gives it. Each verdict was read
// against the card's source and docs/rules.md; the reasons are beside them. The folder sits beside the project in its
// own workspace and in CI only: a clone has none, so the tests skip with a message. No card is copied into the project.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, ROOT, uriOf } from './lsp-client';

const CORPUS = path.join(ROOT, '..', 'shared', 'corpus-real', 'cards');

/** Microsoft's doc samples leave `originator` out on purpose: they are sent to oneself. */
const DOC_SAMPLE = ['AM010'];

const VERDICTS: Readonly<Record<string, readonly string[]>> = {
  '001-docs-simple-example.json': DOC_SAMPLE,
  '002-docs-action-http.json': DOC_SAMPLE,
  '003-docs-input-substitution-a.json': DOC_SAMPLE,
  '004-docs-input-substitution-b.json': DOC_SAMPLE,
  '005-docs-toggle-visibility.json': DOC_SAMPLE,
  '006-docs-actionset.json': DOC_SAMPLE,
  '007-docs-column-widths.json': DOC_SAMPLE,
  '008-docs-image-properties.json': DOC_SAMPLE,
  '009-docs-getstarted-basic.json': DOC_SAMPLE,
  '010-docs-getstarted-hidebody.json': DOC_SAMPLE,
  '011-docs-identity-linking.json': DOC_SAMPLE,
  '012-docs-addin-basic.json': DOC_SAMPLE,
  '013-docs-addin-initcontext.json': DOC_SAMPLE,
  '014-docs-uam-execute.json': [],
  '015-docs-uam-refresh.json': [],
  // A 1.4 Universal Actions card without originator; TextBlock "style" is Adaptive Cards 1.5. Its shared action ids
  // are no longer AM061 (nothing refers to them).
  '016-docs-sample-approval.json': ['AM011', 'AM022'],
  // "data": "{Reason: {{AddComment.value}}}" reaches the bot as written.
  '017-docs-sample-projectmanagement.json': ['AM037'],
  // Connector-style MessageCards without "@type": in a card file, no recognised kind (docs/rules.md § "Document kinds").
  '018-docs-messagecard-trello.json': ['AM001'],
  '019-docs-messagecard-twitter.json': ['AM001'],
  // originator "", hideOriginalBody "true" (a string), an http:// HttpPOST target.
  '020-docs-messagecard-email.json': ['AM010', 'AM013', 'AM080', 'AM085'],
  '021-docs-signed-payload.json': [],
  '022-docs2017-messagecard-openuri.json': ['AM010', 'AM080'],
  // originator "Provider-id-from-developer-dashboard" and an http:// target.
  '023-docs2017-messagecard-placeholder-originator.json': ['AM012', 'AM080', 'AM085'],
  // The 2018 payload for dynamic senders: no recipientsSerialized or iat, and an inner card of only @type and title.
  '024-docs2018-dynamic-sender-payload.json': ['AM080', 'AM081', 'AM082', 'AM090'],
  // Templates whose {actionUrl} and {originator} a script replaces before sending.
  '025-hello-am-expense-template.json': ['AM010', 'AM042'],
  '026-hello-am-expense-approved.json': ['AM012', 'AM042'],
  '027-hello-am-expense-declined.json': ['AM012', 'AM042'],
  // The originator of a signed card lives in its payload.
  '028-signed-sample-inner-card.json': ['AM010'],
  '029-send-am-debugger-card.json': ['AM010'],
  '030-jasonjoh-flight-itinerary.json': ['AM010'],
  '031-jasonjoh-trello-messagecard.json': ['AM010', 'AM080'],
  // HttpPOST headers written as [{"Content-Type": …}].
  '032-training-expense-messagecard.json': ['AM010', 'AM080', 'AM088'],
  // "[ngrok-url-here]/api/ticket" and headers as an object (a warning since revision 2); its data: photo is fine.
  '033-training-support-ticket-comment.json': ['AM010', 'AM042', 'AM045'],
  '034-training-webinar-feedback.json': ['AM010'],
  // A refresh card named as a plain .json: a response card only under actionableMessages.responseFiles.
  '035-training-webinar-response.json': ['AM010'],
  '036-training-expense-refresh-messagecard.json': ['AM010', 'AM080'],
  // http://dummyurl; its data: photo in a 1.0 card is no longer AM022.
  '037-iothack-visitor-card.json': ['AM010', 'AM042'],
  // "<<IMAGEPLACEHOLDER>>" as an image url.
  '038-iothack-visitor-mail.json': ['AM010', 'AM070'],
  // isEnabled (1.5), autoInvokeAction on an ActionSet, refresh without userIds.
  '039-uam-terms-initial.json': ['AM022', 'AM049', 'AM057'],
  '040-uam-terms-accepted.json': ['AM022'],
  // A Go html/template: "custom-url" and {{.Value}}.
  '041-go-template-card.json': ['AM010', 'AM042', 'AM047'],
  '042-amcompose-autoinvoke-refresh.json': [],
  // Version 1.2 with an Action.Execute (AM021, not AM011 since revision 2), TextBlock style, <postbackurl> and
  // https://<some-storage-account>… placeholders.
  '043-mec-lunch-order-1.2.json': ['AM004', 'AM010', 'AM021', 'AM022', 'AM042', 'AM070'],
  // <postbackurl> placeholders and '{{ DeclineReason.value }}' with spaces; ShowCard/Action.Http "style" is fine now.
  '044-mec-vacation-approval.json': ['AM010', 'AM042', 'AM047'],
  // An empty TextBlock, isRequired in a 1.0 card; its labels are fine and AM064 waits for 1.3.
  '045-graph-wellbeing-survey.json': ['AM010', 'AM022', 'AM063'],
  '046-funcapp-autoinvoke-refresh.json': ['AM010'],
  // originator redacted to "xxxx" in the issue.
  '047-issue-odd1024-iphone-feedback.json': ['AM012'],
};

describe('lsp: the real cards of ../shared/corpus-real, each with its reviewed verdict', () => {
  let client: LspClient | undefined;
  before(async () => { if (existsSync(CORPUS)) client = await LspClient.start({ settings: {} }); });
  after(async () => { if (client) assert.equal(await client.stop(), 0); });

  it('has a verdict for every card of the folder, and a card for every verdict', (t) => {
    if (!existsSync(CORPUS)) return t.skip(`no real cards at ${CORPUS} (the folder sits beside the project only in its own workspace and CI)`);
    assert.deepEqual(readdirSync(CORPUS).filter((name) => name.endsWith('.json')).sort(), Object.keys(VERDICTS).sort());
  });

  for (const [file, expected] of Object.entries(VERDICTS)) {
    it(`${file}: ${expected.length === 0 ? 'clean' : expected.join(', ')}`, async (t) => {
      if (client === undefined) return t.skip(`no real cards at ${CORPUS} (the folder sits beside the project only in its own workspace and CI)`);
      const text = readFileSync(path.join(CORPUS, file), 'utf8');
      const diagnostics = await client.openAndWait(uriOf(`real/${file.replace(/\.json$/, '.card.json')}`), text);
      const found = [...new Set(diagnostics.map((diagnostic) => String(diagnostic.code)))].sort();
      assert.deepEqual(found, [...expected].sort());
      assert.ok(diagnostics.every((diagnostic) => diagnostic.source === 'actionable-messages'));
    });
  }
});
