import { getNodeValue } from 'jsonc-parser';
import {
  adaptiveCardOf, buildCardModel, CARD_UPDATE_HEADER, detectDocumentKind, headerValue, type JsonNode, propertyValue, readEnvelope
} from '../card';
import type { AdaptiveRule, RuleContext } from './context';
import { checkMessageCard } from './message-card';
import { checkSignedEnvelope, checkSignedPayload } from './signed-card';
import { rootRules } from './adaptive/root';
import { actionModelRules } from './adaptive/action-model';
import { httpRules } from './adaptive/http';
import { outlookActionRules } from './adaptive/outlook-actions';
import { inputRules } from './adaptive/inputs';
import { mediaTextRules } from './adaptive/media-text';
import { addInRules } from './adaptive/add-in';

const ADAPTIVE_RULES: readonly AdaptiveRule[] = [
  ...rootRules, ...actionModelRules, ...httpRules, ...outlookActionRules, ...inputRules, ...mediaTextRules, ...addInRules,
];

/** Runs every rule of the Adaptive Card mode on a top-level card. */
export function checkAdaptiveCard(card: JsonNode, ctx: RuleContext, payloadHasOriginator = false): void {
  const model = buildCardModel(card, payloadHasOriginator);
  for (let index = 0; index < ADAPTIVE_RULES.length; index++) ADAPTIVE_RULES[index]!(model, ctx);
}

/** A Universal Actions invoke response: its `value` is checked as a top-level card, where the findings point. */
function checkInvokeResponse(root: JsonNode, ctx: RuleContext): void {
  const card = adaptiveCardOf(root);
  if (card !== undefined) return checkAdaptiveCard(card, ctx);
  ctx.report('AM001', propertyValue(root, 'value') ?? root,
    'This invoke response carries no card: its "value" must be an Adaptive Card ("type": "AdaptiveCard"), the card that replaces the delivered one.');
}

/**
 * A response envelope (docs/response-envelope.md): the card of its body, or of the invoke response in its body, is
 * checked as a top-level card. A 2xx that asks for a card update without a card in the body is AM001 on the body.
 */
function checkResponseEnvelope(root: JsonNode, ctx: RuleContext): void {
  const body = propertyValue(root, 'body');
  if (detectDocumentKind(body) === 'invokeResponse') return checkInvokeResponse(body!, ctx);
  const card = adaptiveCardOf(root);
  if (card !== undefined) return checkAdaptiveCard(card, ctx);
  // A body written as a string is the raw HTTP text: the preview reads a card in it, the rules cannot point into it.
  if (body?.type === 'string') return;
  const envelope = readEnvelope(getNodeValue(root) as Record<string, unknown>);
  if (typeof envelope === 'string' || envelope.status < 200 || envelope.status > 299) return;
  if (headerValue(envelope.headers, CARD_UPDATE_HEADER)?.trim().toLowerCase() !== 'true') return;
  ctx.report('AM001', body ?? root,
    `${CARD_UPDATE_HEADER}: true asks Outlook to replace the card with the body's card, but the body is no Adaptive Card ("type": "AdaptiveCard"): Outlook keeps the card.`);
}

/** docs/rules.md § "Document kinds": detects the document kind and runs the rules of its mode. */
export function checkRoot(root: JsonNode, ctx: RuleContext): void {
  switch (detectDocumentKind(root)) {
    case 'adaptiveCard':
      return checkAdaptiveCard(root, ctx);
    case 'messageCard':
      return checkMessageCard(root, ctx);
    case 'signedEnvelope':
      return checkSignedEnvelope(root, ctx);
    case 'signedPayload':
      return checkSignedPayload(root, ctx);
    case 'invokeResponse':
      return checkInvokeResponse(root, ctx);
    case 'responseEnvelope':
      return checkResponseEnvelope(root, ctx);
    case undefined:
      ctx.report('AM001', root.type === 'object' ? propertyValue(root, 'type') ?? propertyValue(root, '@type') ?? root : root,
        root.type === 'object'
          ? 'Not an Outlook card: set "type": "AdaptiveCard" (a MessageCard uses "@type": "MessageCard"; a signed card has "adaptiveCardSerialized").'
          : 'The root must be a JSON object with "type": "AdaptiveCard".');
  }
}
