import * as assert from 'assert';
import * as vscode from 'vscode';
import { runOnBot } from '../../client/src/preview/bot-runner';
import { buildExecuteInvoke, readActionResponse } from '../../server/src/card';
import { ApprovalBot, serveBot, stopBot } from '../agents-bot';
import { workspaceFile } from './helpers';

// Action.Execute against a local bot in the real extension host: the bot of actionableMessages.bot.endpoint, read
// from the folder's settings as VS Code gives them, is a real Agents SDK bot on 127.0.0.1.
describe('Action.Execute against a local bot in a real VS Code', () => {
  const settings = () => vscode.workspace.getConfiguration('actionableMessages');
  const card = workspaceFile('submit.card.json');

  afterEach(async () => {
    await settings().update('bot.endpoint', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('sends nothing without the setting, and only to this machine unless the endpoint is listed', async () => {
    const invoke = buildExecuteInvoke({ type: 'Action.Execute', verb: 'approve' }, new Map(), 'manual');
    assert.strictEqual((await runOnBot(card, invoke)).entry.title, 'No bot is set (actionableMessages.bot.endpoint): nothing was sent.');
    await settings().update('bot.endpoint', 'https://bot.contoso.example/api/messages', vscode.ConfigurationTarget.Workspace);
    const refused = await runOnBot(card, invoke);
    assert.match(refused.entry.title, /is not on this machine/);
    assert.strictEqual(refused.response, undefined);
  });

  it("posts the invoke to the bot of the folder's settings and returns its card as the answer to apply", async () => {
    const bot = new ApprovalBot();
    const { server, endpoint } = await serveBot(bot);
    try {
      await settings().update('bot.endpoint', endpoint.href, vscode.ConfigurationTarget.Workspace);
      const exchange = await runOnBot(card, buildExecuteInvoke({ type: 'Action.Execute', verb: 'approve' }, new Map([['comment', 'From VS Code']]), 'manual'));
      assert.match(exchange.entry.title, /^Bot: HTTP 200 in \d+ ms$/);
      const answer = readActionResponse(exchange.response!.text, exchange.response!.fileName);
      assert.ok(answer.ok);
      assert.deepStrictEqual(answer.outcome.card?.['body'], [{ type: 'TextBlock', text: 'Approved: From VS Code' }]);
      assert.strictEqual(bot.received.length, 1);
    } finally {
      await stopBot(server);
    }
  });
});
