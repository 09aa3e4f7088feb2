// docs/response-envelope.md: a response file (plain card, response envelope, invoke response) read into the outcome
// Outlook shows: one case per combination of status and headers, and each invoke response type.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GENERIC_FAILURE_MESSAGE, headerValue, readActionResponse, type ActionOutcome } from '../../server/src/card';

const CARD = { type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Approved' }] };

function outcome(value: unknown): ActionOutcome {
  const response = readActionResponse(typeof value === 'string' ? value : JSON.stringify(value), 'r.response.json');
  assert.equal(response.ok, true, JSON.stringify(response));
  return (response as { outcome: ActionOutcome }).outcome;
}

function problem(value: unknown): string {
  const response = readActionResponse(typeof value === 'string' ? value : JSON.stringify(value), 'r.response.json');
  assert.equal(response.ok, false);
  return (response as { message: string }).message;
}

const envelope = (status: number, headers: Record<string, string>, body?: unknown) => ({ status, headers, ...(body === undefined ? {} : { body }) });

describe('readActionResponse: response envelopes (Action.Http)', () => {
  it('2xx with CARD-UPDATE-IN-BODY: true and a card body replaces the card', () => {
    const result = outcome(envelope(200, { 'CARD-UPDATE-IN-BODY': 'true' }, CARD));
    assert.deepEqual(result.card, CARD);
    assert.equal(result.status, undefined);
    assert.match(result.explanation, /^Status 200 with CARD-UPDATE-IN-BODY: true: Outlook replaces the card/);
  });

  it('reads header names without regard to case, and the value "True" as true', () => {
    assert.deepEqual(outcome(envelope(200, { 'card-update-in-body': 'True' }, CARD)).card, CARD);
    assert.deepEqual(outcome(envelope(201, { 'Card-Update-In-Body': ' true ' }, CARD)).card, CARD);
    assert.equal(headerValue({ 'Card-Action-Status': 'x' }, 'CARD-ACTION-STATUS'), 'x');
  });

  it('2xx with both headers replaces the card and shows the status message as a success', () => {
    const result = outcome(envelope(200, { 'CARD-UPDATE-IN-BODY': 'true', 'card-action-status': 'Expense approved' }, CARD));
    assert.deepEqual(result.card, CARD);
    assert.deepEqual(result.status, { tone: 'success', message: 'Expense approved' });
  });

  it('2xx with a card body but without CARD-UPDATE-IN-BODY keeps the card and says the update was ignored, and why', () => {
    const result = outcome(envelope(200, { 'Content-Type': 'application/json' }, CARD));
    assert.equal(result.card, undefined);
    assert.equal(result.status, undefined);
    assert.equal(result.explanation,
      'Status 200 without CARD-UPDATE-IN-BODY, and an Adaptive Card: the card update was ignored: Outlook replaces the card only when the response also has the header CARD-UPDATE-IN-BODY: true.');
  });

  it('2xx with CARD-UPDATE-IN-BODY: false names the value', () => {
    const result = outcome(envelope(200, { 'CARD-UPDATE-IN-BODY': 'false' }, CARD));
    assert.equal(result.card, undefined);
    assert.match(result.explanation, /with CARD-UPDATE-IN-BODY: "false" \(not "true"\)/);
  });

  it('2xx with CARD-ACTION-STATUS only shows the message as a success and keeps the card', () => {
    const result = outcome(envelope(204, { 'CARD-ACTION-STATUS': 'Thanks for your feedback' }));
    assert.equal(result.card, undefined);
    assert.deepEqual(result.status, { tone: 'success', message: 'Thanks for your feedback' });
    assert.match(result.explanation, /^Status 204 without CARD-UPDATE-IN-BODY, and no body: Outlook keeps the card\.$/);
  });

  it('2xx with CARD-UPDATE-IN-BODY: true but no card in the body keeps the card and says so', () => {
    const result = outcome(envelope(200, { 'CARD-UPDATE-IN-BODY': 'true' }, { ok: true }));
    assert.equal(result.card, undefined);
    assert.match(result.explanation, /CARD-UPDATE-IN-BODY: true, but a body that is an object, not an Adaptive Card: Outlook keeps the card\./);
  });

  it('reads a body written as a string: JSON text as JSON, other text as text', () => {
    assert.deepEqual(outcome(envelope(200, { 'CARD-UPDATE-IN-BODY': 'true' }, JSON.stringify(CARD))).card, CARD);
    assert.match(outcome(envelope(200, { 'CARD-UPDATE-IN-BODY': 'true' }, 'OK')).explanation, /but a text body: Outlook keeps the card/);
  });

  it('4xx/5xx with CARD-ACTION-STATUS shows the message as a failure and keeps the card, even with a card body', () => {
    const result = outcome(envelope(400, { 'CARD-ACTION-STATUS': 'The budget is closed', 'CARD-UPDATE-IN-BODY': 'true' }, CARD));
    assert.equal(result.card, undefined);
    assert.deepEqual(result.status, { tone: 'failure', message: 'The budget is closed' });
    assert.match(result.explanation, /^Status 400 with CARD-ACTION-STATUS: .* The card in the body is ignored/);
  });

  it("4xx/5xx without CARD-ACTION-STATUS shows Outlook's generic failure", () => {
    for (const status of [401, 404, 500, 503]) {
      const result = outcome(envelope(status, {}, 'Internal error'));
      assert.equal(result.card, undefined);
      assert.deepEqual(result.status, { tone: 'failure', message: GENERIC_FAILURE_MESSAGE });
      assert.match(result.explanation, new RegExp(`^Status ${status} without CARD-ACTION-STATUS: Outlook shows its generic failure message`));
    }
  });

  it('an envelope whose body is an invoke response (a bot answered over HTTP) is read as the invoke response', () => {
    const result = outcome(envelope(200, { 'content-type': 'application/json' }, { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: CARD }));
    assert.deepEqual(result.card, CARD);
  });

  it('names a bad status or header value', () => {
    assert.equal(problem({ status: 99, headers: {} }), 'r.response.json is a response envelope, but "status" is 99; it must be an HTTP status code, an integer from 100 to 599.');
    assert.equal(problem({ status: 200, headers: { 'CARD-UPDATE-IN-BODY': true } }), 'r.response.json is a response envelope, but the header "CARD-UPDATE-IN-BODY" is a boolean; header values are strings.');
  });
});

describe('readActionResponse: invoke responses (Action.Execute)', () => {
  const invoke = (statusCode: number, type: string, value: unknown) => ({ statusCode, type, value });

  it('a card response replaces the card', () => {
    assert.deepEqual(outcome(invoke(200, 'application/vnd.microsoft.card.adaptive', CARD)).card, CARD);
  });

  it('a message response shows the message and keeps the card', () => {
    const result = outcome(invoke(200, 'application/vnd.microsoft.activity.message', 'Your vote was counted'));
    assert.equal(result.card, undefined);
    assert.deepEqual(result.status, { tone: 'success', message: 'Your vote was counted' });
  });

  it("an error response shows its message, or Outlook's generic failure without one", () => {
    assert.deepEqual(outcome(invoke(400, 'application/vnd.microsoft.error', { code: 'BadRequest', message: 'Budget closed' })).status, { tone: 'failure', message: 'Budget closed' });
    assert.deepEqual(outcome(invoke(500, 'application/vnd.microsoft.error', {})).status, { tone: 'failure', message: GENERIC_FAILURE_MESSAGE });
  });

  it('keeps the card for a card response whose value is no card, and for other types', () => {
    assert.equal(outcome(invoke(200, 'application/vnd.microsoft.card.adaptive', { type: 'Container' })).card, undefined);
    assert.match(outcome(invoke(200, 'text/plain', CARD)).explanation, /Outlook updates the card only for statusCode 200 with type "application\/vnd\.microsoft\.card\.adaptive"/);
  });
});

describe('readActionResponse: plain cards and other files', () => {
  it('applies a plain card as a 200 with CARD-UPDATE-IN-BODY: true', () => {
    const result = outcome(CARD);
    assert.deepEqual(result.card, CARD);
    assert.match(result.explanation, /^A plain card is applied as the body of a 200 response with CARD-UPDATE-IN-BODY: true/);
  });

  it('reads a file saved as UTF-8 with BOM', () => {
    assert.deepEqual(outcome(`\uFEFF${JSON.stringify(envelope(200, { 'CARD-UPDATE-IN-BODY': 'true' }, CARD))}`).card, CARD);
  });

  it('names a file that does not parse, or that is no response', () => {
    assert.equal(problem('{"type": "AdaptiveCard",'), 'r.response.json does not parse at 1:25: Syntax error: a property name in double quotes is expected.');
    assert.match(problem({ hello: 1 }), /^r\.response\.json is none of the response forms: an Adaptive Card/);
  });
});
