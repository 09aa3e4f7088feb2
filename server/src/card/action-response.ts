// What Outlook does with the answer to a card action (docs/response-envelope.md): a response file (a plain card, a
// response envelope {status, headers, body} or a Universal Actions invoke response) read into one outcome: the card
// that replaces the shown one, if any, the message Outlook shows under the card, and why. Pure and browser-safe: the
// preview applies the outcome, the host and the rules read envelopes with the same functions.
import { isJsonObject, kindOfValue, parseJsonText, formatPosition, type JsonObject } from './json-text';
import { CARD_INVOKE_RESPONSE_TYPE } from './document-kind';
import { byteOrderMarkAsSpace } from './json-document';

export const MESSAGE_INVOKE_RESPONSE_TYPE = 'application/vnd.microsoft.activity.message';
export const ERROR_INVOKE_RESPONSE_TYPE = 'application/vnd.microsoft.error';

/** The header with which an Action.Http response asks Outlook to replace the card with the body's card. */
export const CARD_UPDATE_HEADER = 'CARD-UPDATE-IN-BODY';
/** The header whose value Outlook shows under the card, on success and on failure. */
export const CARD_STATUS_HEADER = 'CARD-ACTION-STATUS';

/** The message the preview shows for a failed Action.Http that sent no CARD-ACTION-STATUS, as Outlook does. */
export const GENERIC_FAILURE_MESSAGE = 'The action could not be completed. Try again later.';

/** An HTTP answer written down: the response envelope of docs/response-envelope.md. */
export interface ResponseEnvelope {
  readonly status: number;
  /** Header names as written; read them with headerValue, which ignores case. */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON, or the body's raw text as a string (JSON text in it is read as JSON). */
  readonly body: unknown;
}

export interface ActionStatusMessage {
  readonly tone: 'success' | 'failure';
  readonly message: string;
}

export interface ActionOutcome {
  /** The card that replaces the shown one; undefined when Outlook keeps the card. */
  readonly card?: JsonObject;
  /** What Outlook shows under the card: CARD-ACTION-STATUS, an invoke response's message or error, or its generic failure. */
  readonly status?: ActionStatusMessage;
  /** Why the outcome is what it is, for the author: which status and headers decided it. */
  readonly explanation: string;
}

export type ActionResponse =
  | { readonly ok: true; readonly outcome: ActionOutcome }
  /** The file is none of the three forms, or does not parse: `message` names the file and the problem. */
  | { readonly ok: false; readonly message: string };

const isAdaptiveCard = (value: unknown): value is JsonObject => isJsonObject(value) && value['type'] === 'AdaptiveCard';
const isSuccess = (status: number): boolean => status >= 200 && status <= 299;

/** A header's value, its name compared without regard to case (HTTP header names are case-insensitive). */
export function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** Whether a JSON value has the shape of a response envelope: a numeric `status` and an object of `headers`. */
export function isResponseEnvelopeShape(value: unknown): value is JsonObject {
  return isJsonObject(value) && typeof value['status'] === 'number' && isJsonObject(value['headers']) && value['type'] === undefined;
}

/** Whether a JSON value is a Universal Actions invoke response: a `statusCode` and a `type`. */
export function isInvokeResponseShape(value: unknown): value is JsonObject {
  return isJsonObject(value) && 'statusCode' in value && typeof value['type'] === 'string';
}

/** An envelope's fields checked; a string naming the first bad one otherwise. */
export function readEnvelope(value: JsonObject): ResponseEnvelope | string {
  const status = value['status'];
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    return `"status" is ${JSON.stringify(status)}; it must be an HTTP status code, an integer from 100 to 599.`;
  }
  const headers: Record<string, string> = {};
  const written = value['headers'] ?? {};
  if (!isJsonObject(written)) return `"headers" is ${kindOfValue(written)}; it must be an object of header names and values.`;
  for (const [name, headerText] of Object.entries(written)) {
    if (typeof headerText !== 'string') return `the header "${name}" is ${kindOfValue(headerText)}; header values are strings.`;
    headers[name] = headerText;
  }
  return { status, headers, body: value['body'] };
}

/** A body written as a string is the raw text of the HTTP body: JSON text is read as JSON, anything else stays text. */
export function bodyValue(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  const parsed = parseJsonText(body);
  return parsed.ok && (isJsonObject(parsed.value) || Array.isArray(parsed.value)) ? parsed.value : body;
}

function describeBody(body: unknown): string {
  if (body === undefined || body === '') return 'no body';
  if (typeof body === 'string') return 'a text body';
  if (isAdaptiveCard(body)) return 'an Adaptive Card';
  return `a body that is ${kindOfValue(body)}, not an Adaptive Card`;
}

/** What Outlook does with an Action.Http response (Outlook's docs, "Reporting Action.Http execution success or failure" and "Refresh cards"). */
export function outcomeOfHttpResponse(envelope: ResponseEnvelope): ActionOutcome {
  const { status, headers } = envelope;
  const body = bodyValue(envelope.body);
  const statusMessage = headerValue(headers, CARD_STATUS_HEADER);
  if (isInvokeResponseShape(body)) return outcomeOfInvokeResponse(body);
  if (!isSuccess(status)) {
    const ignoredCard = isAdaptiveCard(body) ? ' The card in the body is ignored: Outlook updates a card only on a 2xx response.' : '';
    return statusMessage === undefined
      ? {
        status: { tone: 'failure', message: GENERIC_FAILURE_MESSAGE },
        explanation: `Status ${status} without ${CARD_STATUS_HEADER}: Outlook shows its generic failure message and keeps the card. Send ${CARD_STATUS_HEADER} to say what went wrong.${ignoredCard}`,
      }
      : { status: { tone: 'failure', message: statusMessage }, explanation: `Status ${status} with ${CARD_STATUS_HEADER}: Outlook shows its message as a failure and keeps the card.${ignoredCard}` };
  }
  const status2xx = statusMessage === undefined ? {} : { status: { tone: 'success', message: statusMessage } as const };
  const update = headerValue(headers, CARD_UPDATE_HEADER);
  const updateAsked = update?.trim().toLowerCase() === 'true';
  if (updateAsked && isAdaptiveCard(body)) {
    return { card: body, ...status2xx, explanation: `Status ${status} with ${CARD_UPDATE_HEADER}: true: Outlook replaces the card with the card in the body.` };
  }
  if (updateAsked) {
    return { ...status2xx, explanation: `Status ${status} with ${CARD_UPDATE_HEADER}: true, but ${describeBody(body)}: Outlook keeps the card.` };
  }
  const header = update === undefined ? `without ${CARD_UPDATE_HEADER}` : `with ${CARD_UPDATE_HEADER}: ${JSON.stringify(update)} (not "true")`;
  const why = isAdaptiveCard(body)
    ? `the card update was ignored: Outlook replaces the card only when the response also has the header ${CARD_UPDATE_HEADER}: true`
    : 'Outlook keeps the card';
  return { ...status2xx, explanation: `Status ${status} ${header}, and ${describeBody(body)}: ${why}.` };
}

/**
 * What Outlook does with an Action.Execute invoke response (the Universal Action Model's response formats): a card
 * replaces the card, a message is shown, an error shows its message; the card stays for all but a card.
 */
export function outcomeOfInvokeResponse(response: JsonObject): ActionOutcome {
  const { statusCode, type, value } = response;
  const answer = `statusCode ${JSON.stringify(statusCode)}, type ${JSON.stringify(type)}`;
  if (type === ERROR_INVOKE_RESPONSE_TYPE || typeof statusCode !== 'number' || statusCode >= 400) {
    const message = isJsonObject(value) && typeof value['message'] === 'string' && value['message'] !== '' ? value['message'] : GENERIC_FAILURE_MESSAGE;
    return { status: { tone: 'failure', message }, explanation: `An error invoke response (${answer}): Outlook shows its message as a failure and keeps the card.` };
  }
  if (statusCode === 200 && type === CARD_INVOKE_RESPONSE_TYPE) {
    return isAdaptiveCard(value)
      ? { card: value, explanation: `An invoke response with a card (${answer}): Outlook replaces the card with its value.` }
      : { status: { tone: 'failure', message: GENERIC_FAILURE_MESSAGE }, explanation: `An invoke response of ${answer} whose value is not an Adaptive Card: Outlook cannot show it and keeps the card.` };
  }
  if (statusCode === 200 && type === MESSAGE_INVOKE_RESPONSE_TYPE) {
    return typeof value === 'string'
      ? { status: { tone: 'success', message: value }, explanation: `An invoke response with a message (${answer}): Outlook shows the message and keeps the card.` }
      : { explanation: `An invoke response of ${answer} whose value is ${kindOfValue(value)}, not the message string: Outlook keeps the card.` };
  }
  return { explanation: `An invoke response of ${answer}: Outlook updates the card only for statusCode 200 with type "${CARD_INVOKE_RESPONSE_TYPE}", so it keeps the card.` };
}

/**
 * Reads a response file as Outlook applies the answer it holds: an Adaptive Card is the body of a 200 response with
 * CARD-UPDATE-IN-BODY: true; a response envelope is an HTTP answer; an invoke response is a bot's answer.
 */
export function readActionResponse(text: string, fileName: string): ActionResponse {
  // A file saved as UTF-8 with BOM is a response like any other (the editor and amcard accept the mark too).
  const parsed = parseJsonText(byteOrderMarkAsSpace(text));
  if (!parsed.ok) return { ok: false, message: `${fileName} does not parse at ${formatPosition(parsed.position)}: ${parsed.message}` };
  const root = parsed.value;
  if (isAdaptiveCard(root)) {
    return { ok: true, outcome: { card: root, explanation: `A plain card is applied as the body of a 200 response with ${CARD_UPDATE_HEADER}: true: Outlook replaces the card.` } };
  }
  if (isInvokeResponseShape(root)) return { ok: true, outcome: outcomeOfInvokeResponse(root) };
  if (isResponseEnvelopeShape(root)) {
    const envelope = readEnvelope(root);
    if (typeof envelope === 'string') return { ok: false, message: `${fileName} is a response envelope, but ${envelope}` };
    return { ok: true, outcome: outcomeOfHttpResponse(envelope) };
  }
  return {
    ok: false,
    message: `${fileName} is none of the response forms: an Adaptive Card ("type": "AdaptiveCard"), a response envelope ({"status": 200, "headers": {…}, "body": …}) or an invoke response ({"statusCode": 200, "type": "${CARD_INVOKE_RESPONSE_TYPE}", "value": card}).`,
  };
}
