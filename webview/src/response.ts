// A response file the user picked for a simulated request, read as Outlook reads the answer of a card action:
// the card of an Action.Http `CARD-UPDATE-IN-BODY` response, or the card of a Universal Action Model invoke
// response. Pure: the pane renders the card or shows the message.
import { CARD_INVOKE_RESPONSE_TYPE as CARD_RESPONSE_TYPE } from '../../server/src/card';
import { isJsonObject, type JsonObject } from './card-source';
import { formatPosition, parseJsonText } from '../../server/src/card';
import type { NamedText } from './protocol';

export type ResponseCard =
  | { readonly ok: true; readonly card: JsonObject }
  | { readonly ok: false; readonly message: string };

const MESSAGE_RESPONSE_TYPE = 'application/vnd.microsoft.activity.message';

const isAdaptiveCard = (value: unknown): value is JsonObject => isJsonObject(value) && value['type'] === 'AdaptiveCard';

function readInvokeResponse(response: JsonObject, fileName: string): ResponseCard {
  const { statusCode, type, value } = response;
  if (statusCode !== 200) {
    const detail = isJsonObject(value) && typeof value['message'] === 'string' ? `: ${value['message']}` : '';
    return { ok: false, message: `${fileName} is an invoke response with statusCode ${JSON.stringify(statusCode)}${detail}; Outlook updates the card only on 200.` };
  }
  if (type === MESSAGE_RESPONSE_TYPE) {
    return { ok: false, message: `${fileName} answers with a message, not a card: Outlook shows ${JSON.stringify(value)} and keeps the card.` };
  }
  if (type !== CARD_RESPONSE_TYPE) {
    return { ok: false, message: `${fileName} is an invoke response of type ${JSON.stringify(type)}; a card update has type "${CARD_RESPONSE_TYPE}".` };
  }
  if (!isAdaptiveCard(value)) return { ok: false, message: `${fileName}: the invoke response's value is not an Adaptive Card.` };
  return { ok: true, card: value };
}

export function readResponse(response: NamedText): ResponseCard {
  const parsed = parseJsonText(response.text);
  if (!parsed.ok) return { ok: false, message: `${response.fileName} does not parse at ${formatPosition(parsed.position)}: ${parsed.message}` };
  const root = parsed.value;
  if (isAdaptiveCard(root)) return { ok: true, card: root };
  if (isJsonObject(root) && 'statusCode' in root) return readInvokeResponse(root, response.fileName);
  return {
    ok: false,
    message: `${response.fileName} is neither an Adaptive Card ("type": "AdaptiveCard") nor an invoke response ({"statusCode": 200, "type": "${CARD_RESPONSE_TYPE}", "value": card}).`,
  };
}
