// docs/rules.md § "Signed cards". A JWS payload carries the card as a JSON string claim; the JSON-LD envelope carries
// the payload as a compact JWS. Findings inside those strings are mapped back onto the document the user edits.
import { arrayItems, decodeCompactJws, describeValue, isEmail, isMissing, type JsonNode, parseJsonDocument, presentValue, propertyKey, propertyValue, rawOffsetInString, stringProperty } from '../card';
import { reportSubstring, type RuleContext } from './context';
import { checkAdaptiveCard } from './registry';
import { checkMessageCard, SCHEMA_ORG_EXTENSIONS } from './message-card';
import { checkOriginatorGuid } from './root-properties';

interface CardClaim {
  readonly claim: 'adaptiveCardSerialized' | 'messageCardSerialized';
  readonly typeProperty: 'type' | '@type';
  readonly typeValue: 'AdaptiveCard' | 'MessageCard';
  readonly envelopeType: 'SignedAdaptiveCard' | 'SignedMessageCard';
  readonly tokenProperty: 'signedAdaptiveCard' | 'signedMessageCard';
}

const CARD_CLAIMS: readonly CardClaim[] = [
  { claim: 'adaptiveCardSerialized', typeProperty: 'type', typeValue: 'AdaptiveCard', envelopeType: 'SignedAdaptiveCard', tokenProperty: 'signedAdaptiveCard' },
  { claim: 'messageCardSerialized', typeProperty: '@type', typeValue: 'MessageCard', envelopeType: 'SignedMessageCard', tokenProperty: 'signedMessageCard' },
];

const REQUIRED_CLAIMS = ['originator', 'iat', 'sender', 'recipientsSerialized'] as const;

/**
 * A context for a document parsed from the value of string node `host`: its offsets are offsets in that value,
 * so they are mapped past the escape sequences of `host` onto the outer text.
 */
function contextInsideString(outer: RuleContext, host: JsonNode, innerText: string): RuleContext {
  return {
    settings: outer.settings,
    report: (rule, node, message) => reportSubstring(outer, rule, host, node.offset, node.length, message),
    reportInString: (rule, node, start, length, message) => {
      const from = rawOffsetInString(node, innerText, start);
      reportSubstring(outer, rule, host, from, rawOffsetInString(node, innerText, start + length) - from, message);
    },
  };
}

/** A context for the payload decoded from a JWS: base64url has no positions to map to, so all goes on the token. */
function contextInsideToken(outer: RuleContext, token: JsonNode): RuleContext {
  return {
    settings: outer.settings,
    report: (rule, _node, message) => outer.report(rule, token, `In the JWS payload: ${message}`),
  };
}

function checkRequiredClaims(payload: JsonNode, ctx: RuleContext): void {
  const missing: string[] = REQUIRED_CLAIMS.filter((claim) => isMissing(propertyValue(payload, claim))).map((claim) => `"${claim}"`);
  const cardClaims = CARD_CLAIMS.filter(({ claim }) => presentValue(payload, claim) !== undefined);
  if (cardClaims.length === 0) missing.push('"adaptiveCardSerialized" (or "messageCardSerialized" for a MessageCard)');
  if (missing.length > 0) {
    // The signed-card JWS payload row of docs/rules.md § "Document kinds" found this payload by its card claim key, so
    // there is always one to point at.
    const anchor = propertyKey(payload, 'adaptiveCardSerialized') ?? propertyKey(payload, 'messageCardSerialized') ?? payload;
    ctx.report('AM090', anchor, `The signed-card payload lacks the required claim${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: Outlook rejects a signed card without ${missing.length > 1 ? 'them' : 'it'}.`);
  }
  if (cardClaims.length > 1) {
    ctx.report('AM090', propertyKey(payload, 'messageCardSerialized')!, 'The payload has both "adaptiveCardSerialized" and "messageCardSerialized": it must carry exactly one card. Keep the claim of the card format you send and remove the other.');
  }
}

function checkSender(payload: JsonNode, ctx: RuleContext): void {
  const sender = propertyValue(payload, 'sender');
  if (isMissing(sender)) return;
  if (sender!.type !== 'string' || !isEmail(sender!.value as string)) {
    ctx.report('AM092', sender!, `The "sender" claim must be the email address the message is sent from, not ${describeValue(sender!)}.`);
    return;
  }
  const configured = ctx.settings.sender?.trim();
  const claimed = (sender!.value as string).trim();
  if (configured && claimed.toLowerCase() !== configured.toLowerCase()) {
    ctx.report('AM094', sender!, `The "sender" claim "${claimed}" is not the configured From address "${configured}": Outlook verifies the signed card against the address the message comes from. Sign with "sender": "${configured}", or correct the actionableMessages.sender setting.`);
  }
}

function checkIssuedAt(payload: JsonNode, ctx: RuleContext): void {
  const iat = propertyValue(payload, 'iat');
  if (isMissing(iat) || (iat!.type === 'number' && Number.isInteger(iat!.value) && (iat!.value as number) > 0)) return;
  const asDate = iat!.type === 'string' && !Number.isNaN(Date.parse(iat!.value as string))
    ? ` For ${JSON.stringify(iat!.value)} that is ${Math.floor(Date.parse(iat!.value as string) / 1000)}.` : '';
  ctx.report('AM092', iat!, `The "iat" claim must be the signing time as a positive integer of seconds since 1970 (a JWT NumericDate, e.g. Math.floor(Date.now() / 1000)), not ${describeValue(iat!)}.${asDate}`);
}

function checkRecipients(payload: JsonNode, ctx: RuleContext): void {
  const recipients = propertyValue(payload, 'recipientsSerialized');
  if (isMissing(recipients)) return;
  const example = 'e.g. "[\\"ana@contoso.example\\"]"';
  if (recipients!.type !== 'string') {
    ctx.report('AM092', recipients!, `"recipientsSerialized" must be a string holding a JSON array of the To/Cc email addresses (${example}), not ${describeValue(recipients!)}: serialize the list with JSON.stringify.`);
    return;
  }
  const text = recipients!.value as string;
  const list = parseJsonDocument(text);
  const problem = list.syntaxProblem;
  if (problem) {
    reportSubstring(ctx, 'AM092', recipients!, problem.offset, problem.length, `"recipientsSerialized" is not JSON text (${problem.message}): it must be a JSON array of the To/Cc email addresses serialized as a string, ${example}.`);
    return;
  }
  // The 2018 form wraps the list: {"recipients": [...]}.
  const array = list.root?.type === 'object' ? propertyValue(list.root, 'recipients') : list.root;
  if (array?.type !== 'array' || arrayItems(array).length === 0) {
    ctx.report('AM092', recipients!, `"recipientsSerialized" must hold a non-empty JSON array of the To/Cc email addresses (${example}).`);
    return;
  }
  const inner = contextInsideString(ctx, recipients!, text);
  for (const entry of arrayItems(array)) {
    if (entry.type === 'string' && isEmail(entry.value as string)) continue;
    inner.report('AM092', entry, `Every entry of "recipientsSerialized" must be an email address string, not ${describeValue(entry)}.`);
  }
}

/** AM091, then the card's own rules and AM093 inside the serialized card string. */
function checkSerializedCard(payload: JsonNode, cardClaim: CardClaim, ctx: RuleContext): void {
  const serialized = presentValue(payload, cardClaim.claim);
  if (serialized === undefined) return;
  const expected = `an object with "${cardClaim.typeProperty}": "${cardClaim.typeValue}"`;
  if (serialized.type !== 'string') {
    const stringify = serialized.type === 'object' ? ' Serialize the card with JSON.stringify and put that string here.' : '';
    ctx.report('AM091', serialized, `"${cardClaim.claim}" must be a string holding the card JSON (${expected}), not ${describeValue(serialized)}.${stringify}`);
    return;
  }
  const text = serialized.value as string;
  const card = parseJsonDocument(text);
  const problem = card.syntaxProblem;
  if (problem) {
    reportSubstring(ctx, 'AM091', serialized, problem.offset, problem.length, `"${cardClaim.claim}" does not hold valid card JSON: ${problem.message}`);
    return;
  }
  if (stringProperty(card.root, cardClaim.typeProperty) !== cardClaim.typeValue) {
    ctx.report('AM091', serialized, `"${cardClaim.claim}" must hold the serialized card, ${expected}; this string holds ${describeValue(card.root!)}${card.root!.type === 'object' ? ` without "${cardClaim.typeProperty}": "${cardClaim.typeValue}"` : ''}.`);
    return;
  }

  const inner = contextInsideString(ctx, serialized, text);
  const originatorClaim = stringProperty(payload, 'originator')?.trim() || undefined;
  // A present claim stands in for the card's originator even when it is no string: AM012 reports the claim, once.
  const claimPresent = !isMissing(propertyValue(payload, 'originator'));
  if (cardClaim.typeValue === 'AdaptiveCard') checkAdaptiveCard(card.root!, inner, claimPresent);
  else checkMessageCard(card.root!, inner, claimPresent);

  const cardOriginator = propertyValue(card.root, 'originator');
  const cardOriginatorText = cardOriginator?.type === 'string' ? (cardOriginator.value as string).trim() : '';
  if (originatorClaim && cardOriginatorText && cardOriginatorText.toLowerCase() !== originatorClaim.toLowerCase()) {
    inner.report('AM093', cardOriginator!, `The card's "originator" "${cardOriginatorText}" differs from the payload's "originator" claim "${originatorClaim}": both must be your provider id. Use the same GUID in both, or remove it from the card.`);
  }
}

/** docs/rules.md § "Signed cards": a signed-card JWS payload (AM090–AM094) and its inner card. */
export function checkSignedPayload(payload: JsonNode, ctx: RuleContext): void {
  checkRequiredClaims(payload, ctx);
  const originator = propertyValue(payload, 'originator');
  if (!isMissing(originator)) checkOriginatorGuid(originator!, ctx);
  checkSender(payload, ctx);
  checkIssuedAt(payload, ctx);
  checkRecipients(payload, ctx);
  for (const cardClaim of CARD_CLAIMS) checkSerializedCard(payload, cardClaim, ctx);
}

/** The decoded payload of the envelope's token, or undefined after reporting AM095. */
function decodeEnvelopePayload(token: JsonNode, cardClaim: CardClaim, ctx: RuleContext): JsonNode | undefined {
  if (token.type !== 'string') {
    ctx.report('AM095', token, `"${cardClaim.tokenProperty}" must be the signed card as a compact JWS string (header.payload.signature), not ${describeValue(token)}.`);
    return undefined;
  }
  const decoded = decodeCompactJws(token.value as string);
  if (!decoded.ok) {
    reportSubstring(ctx, 'AM095', token, decoded.problem.offset, decoded.problem.length, decoded.problem.message);
    return undefined;
  }
  const payload = parseJsonDocument(decoded.jws.payloadJson);
  if (payload.root === undefined) {
    ctx.report('AM095', token, `The JWS payload cannot be analysed: ${payload.syntaxProblem?.message ?? 'it is not JSON.'}`);
    return undefined;
  }
  if (presentValue(payload.root, cardClaim.claim) === undefined) {
    const other = CARD_CLAIMS.find((candidate) => candidate !== cardClaim && presentValue(payload.root, candidate.claim) !== undefined);
    const hint = other
      ? ` It carries "${other.claim}" instead: make the envelope "@type": "${other.envelopeType}" with "${other.tokenProperty}".`
      : ` Sign a payload with the card serialized in "${cardClaim.claim}".`;
    ctx.report('AM095', token, `The JWS payload has no "${cardClaim.claim}" claim, which a ${cardClaim.envelopeType} envelope carries.${hint}`);
    return undefined;
  }
  return payload.root;
}

/** docs/rules.md § AM095: the JSON-LD signed-card envelope, then its decoded payload. */
export function checkSignedEnvelope(envelope: JsonNode, ctx: RuleContext): void {
  const typeNode = propertyValue(envelope, '@type')!;
  const cardClaim = CARD_CLAIMS.find(({ envelopeType }) => envelopeType === typeNode.value)!;

  const context = presentValue(envelope, '@context');
  if (context === undefined) {
    ctx.report('AM095', typeNode, 'The signed-card envelope has no "@context": add "@context": "http://schema.org/extensions".');
  } else if (!(context.type === 'string' && SCHEMA_ORG_EXTENSIONS.test(context.value as string))) {
    ctx.report('AM095', context, `"@context" of a signed-card envelope must be "http://schema.org/extensions" (or https), not ${describeValue(context)}.`);
  }

  const token = presentValue(envelope, cardClaim.tokenProperty);
  if (token === undefined) {
    const other = CARD_CLAIMS.find((candidate) => candidate !== cardClaim && presentValue(envelope, candidate.tokenProperty) !== undefined);
    ctx.report('AM095', typeNode, other
      ? `A ${cardClaim.envelopeType} envelope carries its JWS in "${cardClaim.tokenProperty}", but this one has "${other.tokenProperty}": rename the property or make "@type" "${other.envelopeType}".`
      : `A ${cardClaim.envelopeType} envelope needs "${cardClaim.tokenProperty}": the signed card as a compact JWS (header.payload.signature).`);
    return;
  }
  const payload = decodeEnvelopePayload(token, cardClaim, ctx);
  if (payload) checkSignedPayload(payload, contextInsideToken(ctx, token));
}
