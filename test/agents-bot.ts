// A real bot for the tests: a Microsoft 365 Agents SDK bot (CloudAdapter, ActivityHandler.onAdaptiveCardInvoke) on
// 127.0.0.1, answering each verb with one kind of invoke response. Shared by the unit and the Chromium tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ActivityHandler, CloudAdapter, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext
} from '@microsoft/agents-hosting';

export const APPROVED = { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'Approved by the bot' }] };

/** The bot under test: answers each verb with one kind of invoke response, and says something on its own for "note". */
export class ApprovalBot extends ActivityHandler {
  readonly received: unknown[] = [];

  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const { activity } = context;
    this.received.push({ ...JSON.parse(JSON.stringify(activity)), channelId: activity.channelId });
    switch (value.action.verb) {
      case 'approve':
      case 'approvePurchaseOrder': {
        const { comment, note } = value.action.data as { comment?: string; note?: string };
        return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { ...APPROVED, body: [{ type: 'TextBlock', text: `Approved: ${comment ?? note}` }] } };
      }
      case 'note':
        await context.sendActivity('Noted by the bot');
        return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Your note was saved' } as unknown as AdaptiveCardInvokeResponse;
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'late' } as unknown as AdaptiveCardInvokeResponse;
      default:
        return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: `Unknown verb ${value.action.verb}` } } as unknown as AdaptiveCardInvokeResponse;
    }
  }
}

/** The express-style request and response CloudAdapter.process expects, over Node's http server. */
export async function serveBot(bot: ApprovalBot): Promise<{ server: Server; endpoint: URL }> {
  const adapter = new CloudAdapter();
  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const expressLike = Object.assign(response, {
      status(code: number) { response.statusCode = code; return expressLike; },
      send(body: unknown) { response.write(typeof body === 'string' ? body : JSON.stringify(body)); return expressLike; },
    });
    const incoming = { body: JSON.parse(Buffer.concat(chunks).toString('utf8')), headers: request.headers, method: request.method, url: request.url };
    await adapter.process(incoming as never, expressLike as never, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, endpoint: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`) };
}


export function stopBot(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
