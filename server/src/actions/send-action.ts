// Sends an action's request to its action target and reads the answer into the response envelope
// (docs/action-tokens.md): `{"status", "headers", "body"}`, the body parsed when it is JSON. From Node or the
// extension host only, never from the preview's page. Redirects are not followed: the target is the only place contacted.
import type { HttpRequest, ResponseEnvelope } from '../card';
import { ActionTargetError } from './action-target';

/** Outlook gives a service a few seconds; a local service that takes longer has a problem worth seeing. */
export const DEFAULT_ACTION_TIMEOUT_MS = 10_000;
/** A response body above this is cut: no card response comes near it. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface ActionResponse {
  /**
   * The answer as the preview applies it (the card kernel's envelope): header names in lower case, as fetch gives
   * them; the body parsed as JSON when it is JSON, else its text ("" when there is none).
   */
  readonly envelope: ResponseEnvelope;
  readonly statusText: string;
  /** The body as received (after a cut at MAX_BODY_BYTES). */
  readonly bodyText: string;
  readonly durationMs: number;
}

function parsedBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function readBody(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  return new TextDecoder().decode(bytes.byteLength > MAX_BODY_BYTES ? bytes.subarray(0, MAX_BODY_BYTES) : bytes);
}

function describeFailure(url: string, error: unknown, timeoutMs: number): ActionTargetError {
  if (error instanceof DOMException && error.name === 'TimeoutError') return new ActionTargetError(`${url} did not answer within ${timeoutMs} ms.`);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return new ActionTargetError(`Could not send the request to ${url}: ${cause?.code ?? cause?.message ?? (error as Error).message}.`);
}

/** Sends `request` (already addressed to its target) and returns the answer, whatever its status. */
export async function sendActionRequest(request: HttpRequest, timeoutMs = DEFAULT_ACTION_TIMEOUT_MS): Promise<ActionResponse> {
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers.map(({ name, value }): [string, string] => [name, value]),
      ...(request.body === undefined || request.method === 'GET' ? {} : { body: request.body }),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw describeFailure(request.url, error, timeoutMs);
  }
  const bodyText = await readBody(response).catch((error: unknown) => {
    throw describeFailure(request.url, error, timeoutMs);
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => { headers[name] = value; });
  return {
    envelope: { status: response.status, headers, body: bodyText === '' ? '' : parsedBody(bodyText) },
    statusText: response.statusText,
    bodyText,
    durationMs: Math.round(performance.now() - started),
  };
}

/** The answer as text: the status line, the headers, the time and the body. */
export function formatActionResponse(response: ActionResponse): string {
  const { status, headers } = response.envelope;
  return [
    `HTTP ${status} ${response.statusText} (${response.durationMs} ms)`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    '',
    response.bodyText,
  ].join('\n');
}
