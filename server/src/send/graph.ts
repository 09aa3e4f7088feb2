// Microsoft Graph `POST /me/sendMail` with a MIME body: the .eml base64-encoded, as `text/plain`, so the HTML with
// its card <script> arrives exactly as built (a JSON message would be re-rendered by Exchange).
import { redactSecrets } from './redact';
import { SendError, type SendFailure } from './send-error';
import type { Sent } from './sent';

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com';

/** No answer within this time is a network failure, named as such, rather than a command that hangs. */
const TIMEOUT_MS = 30_000;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The sendMail endpoint under `baseUrl` (the national clouds have their own, e.g. https://graph.microsoft.us).
 * The token is a bearer credential, so it goes over https only; http is accepted for a service on this machine alone.
 */
export function sendMailUrl(baseUrl: string): URL {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new SendError(`The Graph base URL "${baseUrl}" is not a URL: write it like ${DEFAULT_GRAPH_BASE_URL}.`, { transport: 'Microsoft Graph', failure: 'configuration' });
  }
  if (base.protocol !== 'https:' && !(base.protocol === 'http:' && LOOPBACK_HOSTS.has(base.hostname))) {
    throw new SendError(`The Graph base URL ${baseUrl} must use https: the access token would travel in the clear.`, { transport: 'Microsoft Graph', failure: 'configuration' });
  }
  return new URL(`${base.pathname.replace(/\/+$/, '')}/v1.0/me/sendMail`, base);
}

const ADVICE: Partial<Record<SendFailure, string>> = {
  'auth-refused': 'Sign in again: the token is not valid (expired, or for another service).',
  forbidden: 'The token lacks the Mail.Send permission: sign in with consent to Mail.Send, or ask an admin to grant it to the app.',
  network: 'Check the network, a proxy, and the Graph base URL.',
};

function failureOfStatus(status: number): SendFailure {
  if (status === 401) return 'auth-refused';
  if (status === 403) return 'forbidden';
  return 'rejected';
}

/** Graph's error body, `{"error": {"code", "message"}}`, as one line; else the start of whatever came. */
function describeErrorBody(text: string): string {
  try {
    const { error } = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof error?.code === 'string') return `${error.code}${typeof error.message === 'string' ? `: ${error.message}` : ''}`;
  } catch {
    // not JSON: quoted as it came, below
  }
  return text.trim().slice(0, 200) || 'no details';
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

function sendError(url: URL, answer: string, failure: SendFailure, token: string): SendError {
  const advice = ADVICE[failure] === undefined ? '' : ` ${ADVICE[failure]}`;
  return new SendError(`Not sent: Microsoft Graph (${url.origin}) answered: ${redactSecrets(answer, [token])}.${advice}`, { transport: 'Microsoft Graph', failure });
}

/** Posts the message once; Graph answers 202 Accepted. Nothing is retried: a failure is reported as Graph gave it. */
export async function sendOverGraph(baseUrl: string, accessToken: string, eml: string): Promise<Sent> {
  const url = sendMailUrl(baseUrl);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'text/plain' },
      body: Buffer.from(eml, 'utf8').toString('base64'),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw sendError(url, `the server could not be reached (${networkReason(error)})`, 'network', accessToken);
  }
  if (response.status === 202) return { transport: 'Microsoft Graph', answer: '202 Accepted' };
  const body = await response.text().catch(() => '');
  throw sendError(url, `${response.status} ${describeErrorBody(body)}`, failureOfStatus(response.status), accessToken);
}
