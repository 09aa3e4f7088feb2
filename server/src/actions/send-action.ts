// Sends an action's request to its action target and reads the answer into the response envelope
// (docs/action-tokens.md): `{"status", "headers", "body"}`, the body parsed when it is JSON. From Node or the
// extension host only, never from the preview's page. Redirects are not followed: the target is the only place contacted.
import type { HttpRequest, ResponseEnvelope } from '../card';
import { ActionTargetError } from './action-target';

/** Outlook gives a service a few seconds; a local service that takes longer has a problem worth seeing. */
export const DEFAULT_ACTION_TIMEOUT_MS = 10_000;
/** A response body above this is cut, and the rest is not read: no card response comes near it. */
export const MAX_RESPONSE_BODY_BYTES = 4 * 1024 * 1024;

/** Where a body over MAX_RESPONSE_BODY_BYTES was cut. */
export interface BodyCut {
  readonly atBytes: number;
  /** The whole body's size as its Content-Length declared it; null when it declared none, or one of compressed bytes. */
  readonly ofBytes: number | null;
}

export interface ActionResponse {
  /**
   * The answer as the preview applies it (the card kernel's envelope): header names in lower case, as fetch gives
   * them; the body parsed as JSON when it is JSON, else its text ("" when there is none).
   */
  readonly envelope: ResponseEnvelope;
  readonly statusText: string;
  /** The body as received (after a cut at MAX_RESPONSE_BODY_BYTES). */
  readonly bodyText: string;
  /** Set when the body was cut: the answer shown is not the whole answer. */
  readonly bodyCut: BodyCut | undefined;
  readonly durationMs: number;
}

function parsedBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The size the response declares for its body, when that is the size of the body fetch gives (not compressed). */
function declaredBodyBytes(response: Response): number | null {
  const length = response.headers.get('content-length');
  if (length === null || response.headers.has('content-encoding') || !/^\d+$/.test(length)) return null;
  return Number(length);
}

/**
 * The body, read up to MAX_RESPONSE_BODY_BYTES and cut there: the rest is not read, so a service that answers
 * without end fills neither memory nor the time limit.
 */
async function readBody(response: Response): Promise<{ text: string; cut: BodyCut | undefined }> {
  const reader = response.body?.getReader();
  if (reader === undefined) return { text: '', cut: undefined };
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: new TextDecoder().decode(Buffer.concat(chunks)), cut: undefined };
    chunks.push(value);
    total += value.byteLength;
    if (total > MAX_RESPONSE_BODY_BYTES) {
      await reader.cancel();
      const text = new TextDecoder().decode(Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BODY_BYTES));
      return { text, cut: { atBytes: MAX_RESPONSE_BODY_BYTES, ofBytes: declaredBodyBytes(response) } };
    }
  }
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
  const body = await readBody(response).catch((error: unknown) => {
    throw describeFailure(request.url, error, timeoutMs);
  });
  const bodyText = body.text;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => { headers[name] = value; });
  return {
    envelope: { status: response.status, headers, body: bodyText === '' ? '' : parsedBody(bodyText) },
    statusText: response.statusText,
    bodyText,
    bodyCut: body.cut,
    durationMs: Math.round(performance.now() - started),
  };
}

function mebibytes(bytes: number): string {
  return `${bytes / (1024 * 1024)} MiB`;
}

/** The line that says a body was cut, and where. */
function bodyCutNote(cut: BodyCut): string {
  const whole = cut.ofBytes === null ? 'of a size the response did not declare' : `of ${cut.ofBytes} bytes`;
  return `(response body cut at ${mebibytes(cut.atBytes)} ${whole})`;
}

/** The answer as text: the status line, the headers, the time and the body. */
export function formatActionResponse(response: ActionResponse): string {
  const { status, headers } = response.envelope;
  return [
    `HTTP ${status} ${response.statusText} (${response.durationMs} ms)`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    '',
    response.bodyText,
    ...(response.bodyCut === undefined ? [] : [bodyCutNote(response.bodyCut)]),
  ].join('\n');
}
