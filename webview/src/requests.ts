// The requests Outlook would send for a card's actions (docs/rules.md § "Input substitution"), built as text for the
// "Simulated actions" log. Pure: the pane passes the action's JSON and the current input values; nothing here touches
// the network.
import { substituteInputTokens, type ExecuteInvoke } from '../../server/src/card';
import { isJsonObject, type JsonObject } from './card-source';

/** Current input values by id, as the inputs report them (a toggle's valueOn/valueOff, a date as yyyy-mm-dd, …). */
export type InputValues = ReadonlyMap<string, string>;

export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  readonly body: string | undefined;
}

/** How a substituted value is written into its place. */
type Encoding = 'url' | 'json';

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

function headersOf(action: JsonObject): { name: string; value: string }[] {
  const headers = action['headers'];
  if (!Array.isArray(headers)) return [];
  return headers.flatMap((header: unknown) => {
    if (!isJsonObject(header)) return [];
    const name = asString(header['name']);
    return name === undefined ? [] : [{ name, value: asString(header['value']) ?? '' }];
  });
}

/** The media type of a Content-Type value, lower case, without parameters such as charset. */
function mediaType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/**
 * The request of an `Action.Http` (or `autoInvokeAction`): the URL with values URL-encoded, header values likewise,
 * and the body with values JSON-string-escaped when the Content-Type is application/json (the default when there
 * is no Content-Type header), URL-encoded otherwise.
 */
export function buildHttpRequest(action: JsonObject, inputs: InputValues): HttpRequest {
  const headers = headersOf(action).map(({ name, value }) => ({ name, value: substituteInputs(value, inputs, 'url') }));
  const contentType = headers.find(({ name }) => name.toLowerCase() === 'content-type')?.value;
  const bodyEncoding: Encoding = contentType === undefined || mediaType(contentType) === 'application/json' ? 'json' : 'url';
  const body = asString(action['body']);
  return {
    method: (asString(action['method']) ?? 'GET').toUpperCase(),
    url: substituteInputs(asString(action['url']) ?? '', inputs, 'url'),
    headers,
    body: body === undefined ? undefined : substituteInputs(body, inputs, bodyEncoding),
  };
}

export function formatHttpRequest(request: HttpRequest): string {
  const lines = [`${request.method} ${request.url}`, ...request.headers.map(({ name, value }) => `${name}: ${value}`)];
  return request.body === undefined ? lines.join('\n') : `${lines.join('\n')}\n\n${request.body}`;
}

export function formatExecuteInvoke(invoke: ExecuteInvoke): string {
  return [
    `invoke ${invoke.name} (trigger: ${invoke.value.trigger})`,
    `verb: ${invoke.value.action.verb ?? '(none)'}`,
    '',
    JSON.stringify(invoke, null, 2),
  ].join('\n');
}
