// Runs an Action.Execute against a local bot, from the extension host (never the page): POSTs the invoke activity
// Outlook's channel would send to the bot's messaging endpoint, with a timeout, and hosts the serviceUrl on 127.0.0.1
// where the bot's own replies arrive. The bot's answer comes back as a response envelope (docs/response-envelope.md),
// which the preview applies as Outlook would. No vscode here: the tests run it against a real bot.
import { randomUUID } from 'crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { buildInvokeActivity, InputError, type ChannelAccount, type ExecuteInvoke, type ResponseEnvelope } from '../../../server/src/card';
import type { HostMessage } from '../../../webview/src/protocol';

export type BotExchangeMessage = Extract<HostMessage, { type: 'botExchange' }>;

/** How long the bot has to answer: Outlook's own limit for a bot is of this order, and a hung bot must not hang the preview. */
export const BOT_TIMEOUT_MS = 15_000;
/** A reply or answer larger than this is cut off: the preview shows cards, not downloads. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The user who clicks in the preview, as the Outlook channel names the user (a made-up Entra object id). */
export const DEVELOPMENT_USER: ChannelAccount = {
  id: '00000000-0000-0000-0000-00000000d5e4',
  name: 'Development User',
  aadObjectId: '00000000-0000-0000-0000-00000000d5e4',
};
export const DEVELOPMENT_BOT: ChannelAccount = { id: 'development-bot', name: 'Bot' };

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The endpoint to contact, or a sentence naming what is wrong with it: an http(s) URL on a loopback host, or one the
 * user listed in `actionableMessages.bot.allowedEndpoints` (compared as URLs).
 */
export function checkBotEndpoint(endpoint: string, allowedEndpoints: readonly string[]): URL | string {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return `actionableMessages.bot.endpoint "${endpoint}" is not an absolute URL.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `actionableMessages.bot.endpoint "${endpoint}" is not an http or https URL.`;
  if (LOOPBACK_HOSTS.test(url.hostname)) return url;
  const listed = allowedEndpoints.some((allowed) => {
    try {
      return new URL(allowed.trim()).href === url.href;
    } catch {
      return false;
    }
  });
  return listed
    ? url
    : `actionableMessages.bot.endpoint "${endpoint}" is not on this machine (127.0.0.1, ::1 or localhost): add it to actionableMessages.bot.allowedEndpoints to let the preview contact it.`;
}

async function readBody(stream: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error(`more than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The serviceUrl of one run: accepts the activities the bot sends to the conversation (POST /v3/conversations/…/activities). */
class ReplyService {
  readonly replies: unknown[] = [];
  private constructor(private readonly server: Server, readonly serviceUrl: string) {}

  static async start(): Promise<ReplyService> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const service = new ReplyService(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    server.on('request', (request, response) => void service.receive(request, response));
    return service;
  }

  private async receive(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'POST' || !/^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/.test(request.url ?? '')) {
      return answer(404, { error: { code: 'NotFound', message: 'The preview accepts only activities sent to the conversation.' } });
    }
    try {
      this.replies.push(JSON.parse(await readBody(request)));
      answer(200, { id: randomUUID() });
    } catch (error) {
      answer(400, { error: { code: 'BadArgument', message: `Not an activity: ${(error as Error).message}` } });
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface BotExchange {
  /** The activity that was sent. */
  readonly activity: unknown;
  /** The bot's HTTP answer to the invoke: its body is the invoke response. */
  readonly response: ResponseEnvelope;
  readonly durationMs: number;
  /** Activities the bot sent to the serviceUrl while it handled the invoke (messages, typing, …). */
  readonly replies: readonly unknown[];
}

/** A run that got no HTTP answer: the message names the endpoint and what happened. */
export class BotInvokeError extends InputError {
  static override readonly code = 'ERR_BOT_UNREACHABLE';
}

function headersOf(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => { headers[name] = value; });
  return headers;
}

function describeFailure(endpoint: URL, error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `The bot at ${endpoint.href} did not answer within ${timeoutMs / 1000} s.`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
  return `The bot at ${endpoint.href} could not be reached: ${cause}. Is it running?`;
}

/** POSTs the invoke activity of `invoke` to the bot and returns its answer, the time it took and its replies. */
export async function invokeBot(endpoint: URL, invoke: ExecuteInvoke, timeoutMs = BOT_TIMEOUT_MS): Promise<BotExchange> {
  const service = await ReplyService.start();
  try {
    const activity = buildInvokeActivity(invoke, {
      activityId: randomUUID(),
      timestamp: new Date().toISOString(),
      serviceUrl: service.serviceUrl,
      user: DEVELOPMENT_USER,
      bot: DEVELOPMENT_BOT,
      conversationId: `preview-${randomUUID()}`,
    });
    const started = performance.now();
    let answer: Response;
    let text: string;
    try {
      answer = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
      text = answer.body === null ? '' : await readBody(answer.body as unknown as AsyncIterable<Buffer>);
    } catch (error) {
      throw new BotInvokeError(describeFailure(endpoint, error, timeoutMs));
    }
    const durationMs = performance.now() - started;
    return { activity, response: { status: answer.status, headers: headersOf(answer), body: text }, durationMs, replies: [...service.replies] };
  } finally {
    await service.close();
  }
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** The log entry's text: the request, the answer with its time, and what the bot sent on its own. */
function describeExchange(endpoint: URL, exchange: BotExchange): string {
  const { response } = exchange;
  const headers = Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`);
  const body = typeof response.body === 'string' ? response.body : json(response.body);
  const count = exchange.replies.length;
  const replies = count === 0 ? [] : ['', `The bot also sent ${count} activit${count === 1 ? 'y' : 'ies'} to the serviceUrl:`, ...exchange.replies.map(json)];
  return [`POST ${endpoint.href}`, json(exchange.activity), '', `HTTP ${response.status} (${Math.round(exchange.durationMs)} ms)`, ...headers, '', body, ...replies].join('\n');
}

/** Runs the invoke against the bot, as the message the preview shows and applies: the exchange, or why there was none. */
export async function exchangeWithBot(endpoint: URL, invoke: ExecuteInvoke, timeoutMs = BOT_TIMEOUT_MS): Promise<BotExchangeMessage> {
  try {
    const exchange = await invokeBot(endpoint, invoke, timeoutMs);
    return {
      type: 'botExchange',
      entry: { title: `Bot: HTTP ${exchange.response.status} in ${Math.round(exchange.durationMs)} ms`, text: describeExchange(endpoint, exchange) },
      response: { fileName: `the bot at ${endpoint.host}`, text: JSON.stringify(exchange.response) },
    };
  } catch (error) {
    if (error instanceof BotInvokeError) return { type: 'botExchange', entry: { title: error.message, text: `POST ${endpoint.href}\n(no answer)` } };
    throw error;
  }
}
