// Action.Execute against a real bot: a Microsoft 365 Agents SDK bot (CloudAdapter, ActivityHandler.onAdaptiveCardInvoke)
// started here on 127.0.0.1 gets the invoke activity the preview's host sends, shaped as Outlook's channel sends it,
// and its answer is applied as Outlook applies it. Also the activity's shape, the endpoint policy and the timeout.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { buildExecuteInvoke, buildInvokeActivity, outcomeOfHttpResponse } from '../../server/src/card';
import { APPROVED, ApprovalBot, serveBot, stopBot } from '../agents-bot';
import { BotInvokeError, checkBotEndpoint, DEVELOPMENT_USER, invokeBot } from '../../client/src/preview/bot-invoke';

describe('buildInvokeActivity', () => {
  it('is the invoke adaptiveCard/action of the Outlook channel, with the action merged with the inputs', () => {
    const invoke = buildExecuteInvoke({ type: 'Action.Execute', id: 'ok', verb: 'approve', data: { order: 7, comment: 'old' } }, new Map([['comment', 'Looks good']]), 'manual');
    const activity = buildInvokeActivity(invoke, {
      activityId: 'a1', timestamp: '2026-12-01T00:00:00.000Z', serviceUrl: 'http://127.0.0.1:1234/',
      user: { id: 'u1', name: 'User', aadObjectId: 'u1' }, bot: { id: 'b1', name: 'Bot' }, conversationId: 'c1',
    });
    assert.deepEqual(activity, {
      type: 'invoke', name: 'adaptiveCard/action', id: 'a1', timestamp: '2026-12-01T00:00:00.000Z', serviceUrl: 'http://127.0.0.1:1234/',
      channelId: 'outlook', from: { id: 'u1', name: 'User', aadObjectId: 'u1' }, recipient: { id: 'b1', name: 'Bot' },
      conversation: { id: 'c1' }, locale: 'en-US',
      value: { action: { type: 'Action.Execute', id: 'ok', verb: 'approve', data: { order: 7, comment: 'Looks good' } }, trigger: 'manual' },
    });
  });
});

describe('checkBotEndpoint', () => {
  it('allows loopback hosts, and others only when listed', () => {
    for (const url of ['http://127.0.0.1:3978/api/messages', 'http://localhost:3978/api/messages', 'http://[::1]:3978/api/messages', 'http://127.1.2.3/x']) {
      assert.ok(checkBotEndpoint(url, []) instanceof URL, url);
    }
    assert.match(checkBotEndpoint('https://bot.contoso.example/api/messages', []) as string, /is not on this machine .* add it to actionableMessages\.bot\.allowedEndpoints/);
    assert.ok(checkBotEndpoint('https://bot.contoso.example/api/messages', ['https://bot.contoso.example/api/messages']) instanceof URL);
    assert.match(checkBotEndpoint('ftp://127.0.0.1/', []) as string, /not an http or https URL/);
    assert.match(checkBotEndpoint('127.0.0.1:3978', []) as string, /not an absolute URL|not an http or https URL/);
  });
});

describe('invokeBot against a real Agents SDK bot', () => {
  const bot = new ApprovalBot();
  let served: { server: Server; endpoint: URL };
  before(async () => { served = await serveBot(bot); });
  after(() => stopBot(served.server));

  it('sends the invoke the bot reads as an Action.Execute, and its card replaces the card', async () => {
    const invoke = buildExecuteInvoke({ type: 'Action.Execute', verb: 'approve', data: { order: 7 } }, new Map([['comment', 'Looks good']]), 'manual');
    const exchange = await invokeBot(served.endpoint, invoke);
    assert.equal(exchange.response.status, 200);
    const received = bot.received.at(-1) as Record<string, any>;
    assert.equal(received.type, 'invoke');
    assert.equal(received.name, 'adaptiveCard/action');
    assert.equal(received.channelId, 'outlook');
    assert.equal(received.from.aadObjectId, DEVELOPMENT_USER.aadObjectId);
    assert.match(received.serviceUrl, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.deepEqual(received.value.action, { type: 'Action.Execute', verb: 'approve', data: { order: 7, comment: 'Looks good' } });
    assert.equal(received.value.trigger, 'manual');
    const outcome = outcomeOfHttpResponse(exchange.response);
    assert.deepEqual(outcome.card, { ...APPROVED, body: [{ type: 'TextBlock', text: 'Approved: Looks good' }] });
  });

  it("receives the bot's own replies on the serviceUrl it hosts, and shows a message response", async () => {
    const exchange = await invokeBot(served.endpoint, buildExecuteInvoke({ type: 'Action.Execute', verb: 'note' }, new Map(), 'automatic'));
    assert.equal((bot.received.at(-1) as Record<string, any>).value.trigger, 'automatic');
    assert.deepEqual(exchange.replies.map((reply) => (reply as Record<string, unknown>)['text']), ['Noted by the bot']);
    assert.deepEqual(outcomeOfHttpResponse(exchange.response).status, { tone: 'success', message: 'Your note was saved' });
  });

  it("shows the bot's error response as a failure", async () => {
    const exchange = await invokeBot(served.endpoint, buildExecuteInvoke({ type: 'Action.Execute', verb: 'unknown' }, new Map(), 'manual'));
    assert.equal(exchange.response.status, 400);
    assert.deepEqual(outcomeOfHttpResponse(exchange.response).status, { tone: 'failure', message: 'Unknown verb unknown' });
  });

  it('gives up after the timeout, naming the bot', async () => {
    await assert.rejects(invokeBot(served.endpoint, buildExecuteInvoke({ type: 'Action.Execute', verb: 'slow' }, new Map(), 'manual'), 500),
      (error: unknown) => error instanceof BotInvokeError && error.message === `The bot at ${served.endpoint.href} did not answer within 0.5 s.`);
  });

  it('names a bot that is not running', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await assert.rejects(invokeBot(new URL(`http://127.0.0.1:${port}/api/messages`), buildExecuteInvoke({ type: 'Action.Execute' }, new Map(), 'manual')),
      /could not be reached: .*ECONNREFUSED.*Is it running\?/);
  });
});
