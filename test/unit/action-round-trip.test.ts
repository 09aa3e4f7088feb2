// Issue 14's round trip with a real service: a node:http service on 127.0.0.1 answers with each combination of status
// and Outlook's response headers; the answer, as sendActionRequest receives it, is applied by outcomeOfHttpResponse
// (the preview's reader). The header combinations of response files are action-response.test.ts.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sendActionRequest } from '../../server/src/actions';
import { GENERIC_FAILURE_MESSAGE, outcomeOfHttpResponse, type ActionOutcome } from '../../server/src/card';

const CARD = { type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Approved by the service' }] };

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** What the service answers on each path. */
const ANSWERS: Record<string, Answer> = {
  '/update': { status: 200, headers: { 'CARD-UPDATE-IN-BODY': 'true', 'CARD-ACTION-STATUS': 'Approved.', 'Content-Type': 'application/json' }, body: JSON.stringify(CARD) },
  '/update-any-case': { status: 200, headers: { 'card-update-in-body': 'TRUE', 'Content-Type': 'application/json' }, body: JSON.stringify(CARD) },
  '/card-without-header': { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(CARD) },
  '/status-only': { status: 200, headers: { 'CARD-ACTION-STATUS': 'Saved.' }, body: '' },
  '/refused-with-status': { status: 400, headers: { 'CARD-ACTION-STATUS': 'The amount is over your limit.' }, body: '' },
  '/failed-without-status': { status: 500, headers: { 'Content-Type': 'text/plain' }, body: 'database down' },
  '/card-on-failure': { status: 403, headers: { 'CARD-UPDATE-IN-BODY': 'true', 'Content-Type': 'application/json' }, body: JSON.stringify(CARD) },
};

describe('a real service answering an Action.Http, applied as Outlook applies it', () => {
  let server: http.Server;
  let base = '';
  before(async () => {
    server = http.createServer((request, response) => {
      const answer = ANSWERS[request.url ?? ''];
      if (answer === undefined) response.writeHead(404).end();
      else response.writeHead(answer.status, answer.headers).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function applied(path: string): Promise<ActionOutcome> {
    const response = await sendActionRequest({ method: 'POST', url: base + path, headers: [{ name: 'Content-Type', value: 'application/json' }], body: '{}' });
    assert.equal(response.envelope.status, ANSWERS[path].status);
    return outcomeOfHttpResponse(response.envelope);
  }

  it('2xx with CARD-UPDATE-IN-BODY: true and a card replaces the card and shows CARD-ACTION-STATUS', async () => {
    const outcome = await applied('/update');
    assert.deepEqual(outcome.card, CARD);
    assert.deepEqual(outcome.status, { tone: 'success', message: 'Approved.' });
  });

  it('reads the header names and the value "true" in any case', async () => {
    assert.deepEqual((await applied('/update-any-case')).card, CARD);
  });

  it('2xx with a card but without CARD-UPDATE-IN-BODY keeps the card and says the update was ignored', async () => {
    const outcome = await applied('/card-without-header');
    assert.equal(outcome.card, undefined);
    assert.match(outcome.explanation, /update was ignored/);
  });

  it('2xx with only CARD-ACTION-STATUS keeps the card and shows the message as a success', async () => {
    const outcome = await applied('/status-only');
    assert.equal(outcome.card, undefined);
    assert.deepEqual(outcome.status, { tone: 'success', message: 'Saved.' });
  });

  it('4xx with CARD-ACTION-STATUS shows its message as a failure', async () => {
    assert.deepEqual((await applied('/refused-with-status')).status, { tone: 'failure', message: 'The amount is over your limit.' });
  });

  it('5xx without CARD-ACTION-STATUS shows Outlook\'s generic failure', async () => {
    assert.deepEqual((await applied('/failed-without-status')).status, { tone: 'failure', message: GENERIC_FAILURE_MESSAGE });
  });

  it('a card in a 4xx body is not applied, even with CARD-UPDATE-IN-BODY: true', async () => {
    const outcome = await applied('/card-on-failure');
    assert.equal(outcome.card, undefined);
    assert.equal(outcome.status?.tone, 'failure');
  });
});
