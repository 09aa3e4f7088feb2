// The request Outlook sends for an `Action.Http` (or `autoInvokeAction`), docs/rules.md § "Input substitution": the
// card's method, URL, headers and body with every `{{id.value}}` replaced, then the headers Outlook adds itself.
// Pure and browser-safe: the preview shows it, the extension host and `amcard invoke` send it.
import { isJsonObject, type JsonObject } from './json-text';
import { substituteInputTokens } from './input-tokens';
import type { InputValues } from './input-values';

export interface HttpHeader {
  readonly name: string;
  readonly value: string;
}

export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: readonly HttpHeader[];
  readonly body: string | undefined;
}

/** How a substituted value is written into its place. */
type Encoding = 'url' | 'json';

/** The Content-Type Outlook sends when the card names none. */
export const DEFAULT_CONTENT_TYPE = 'application/json';

function encode(value: string, encoding: Encoding): string {
  return encoding === 'url' ? encodeURIComponent(value) : JSON.stringify(value).slice(1, -1);
}

function lookup(inputs: InputValues, id: string): string | undefined {
  const wanted = id.toLowerCase();
  for (const [inputId, value] of inputs) {
    if (inputId.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/**
 * Replaces every `{{id.value}}` with the value of the input of that id (compared case-insensitively), encoded for
 * its place. Tokens naming no input stay as written, as Outlook leaves them.
 */
export function substituteInputs(template: string, inputs: InputValues, encoding: Encoding): string {
  return substituteInputTokens(template, (id) => {
    const value = lookup(inputs, id);
    return value === undefined ? undefined : encode(value, encoding);
  });
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function headersOf(action: JsonObject): HttpHeader[] {
  const headers = action['headers'];
  if (!Array.isArray(headers)) return [];
  return headers.flatMap((header: unknown) => {
    if (!isJsonObject(header)) return [];
    const name = asString(header['name']);
    return name === undefined ? [] : [{ name, value: asString(header['value']) ?? '' }];
  });
}

const isNamed = (name: string) => (header: HttpHeader): boolean => header.name.toLowerCase() === name.toLowerCase();

/** The media type of a Content-Type value, lower case, without parameters such as charset. */
function mediaType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/**
 * The request of an `Action.Http` as the card writes it: the URL with values URL-encoded, header values likewise,
 * and the body with values JSON-string-escaped when the Content-Type is application/json (the default when there
 * is no Content-Type header), URL-encoded otherwise.
 */
export function buildHttpRequest(action: JsonObject, inputs: InputValues): HttpRequest {
  const headers = headersOf(action).map(({ name, value }) => ({ name, value: substituteInputs(value, inputs, 'url') }));
  const contentType = headers.find(isNamed('Content-Type'))?.value;
  const bodyEncoding: Encoding = contentType === undefined || mediaType(contentType) === DEFAULT_CONTENT_TYPE ? 'json' : 'url';
  const body = asString(action['body']);
  return {
    method: (asString(action['method']) ?? 'GET').toUpperCase(),
    url: substituteInputs(asString(action['url']) ?? '', inputs, 'url'),
    headers,
    body: body === undefined ? undefined : substituteInputs(body, inputs, bodyEncoding),
  };
}

/** What Outlook adds to a card's request: its bearer token and the ids that tie the request to the card and the click. */
export interface OutlookRequestContext {
  /** The compact JWT Outlook signs for this action (here, a development token). */
  readonly bearerToken: string;
  /** The card's `correlationId`; Card-Correlation-Id is left out when the card has none. */
  readonly correlationId: string | undefined;
  /** A fresh GUID for each request (crypto.randomUUID()). */
  readonly actionRequestId: string;
}

/**
 * `request` with the headers Outlook sends (docs/action-tokens.md): the bearer token in `Authorization`, or in
 * `Action-Authorization` when the card sets `Authorization` to an empty value (the card's empty header is then not
 * sent); `Content-Type` as the card says, application/json when it names none and there is a body;
 * `Card-Correlation-Id` and `Action-Request-Id`. Outlook owns `Authorization`: a value the card gives it is replaced.
 */
export function withOutlookHeaders(request: HttpRequest, context: OutlookRequestContext): HttpRequest {
  const authorization = request.headers.find(isNamed('Authorization'));
  const tokenHeader = authorization !== undefined && authorization.value === '' ? 'Action-Authorization' : 'Authorization';
  const outlookOwned = ['Authorization', 'Action-Authorization', 'Card-Correlation-Id', 'Action-Request-Id'].map(isNamed);
  const cardHeaders = request.headers.filter((header) => !outlookOwned.some((owned) => owned(header)));
  const contentType = request.body !== undefined && !cardHeaders.some(isNamed('Content-Type')) ? [{ name: 'Content-Type', value: DEFAULT_CONTENT_TYPE }] : [];
  const correlation = context.correlationId === undefined ? [] : [{ name: 'Card-Correlation-Id', value: context.correlationId }];
  return {
    ...request,
    headers: [
      ...cardHeaders,
      ...contentType,
      { name: tokenHeader, value: `Bearer ${context.bearerToken}` },
      ...correlation,
      { name: 'Action-Request-Id', value: context.actionRequestId },
    ],
  };
}

/** The card's `correlationId`, when it is a string. */
export function correlationIdOf(card: JsonObject): string | undefined {
  return asString(card['correlationId']);
}

export function formatHttpRequest(request: HttpRequest): string {
  const lines = [`${request.method} ${request.url}`, ...request.headers.map(({ name, value }) => `${name}: ${value}`)];
  return request.body === undefined ? lines.join('\n') : `${lines.join('\n')}\n\n${request.body}`;
}
