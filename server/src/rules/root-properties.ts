// docs/rules.md § "Outlook root properties": the Outlook root properties, which an Adaptive Card and a legacy
// MessageCard share (AM010–AM015).
import { arrayItems, describeValue, isEmail, isGuid, isMissing, type JsonNode, presentValue, propertyValue } from '../card';
import type { RuleContext } from './context';

export interface OriginatorContext {
  /**
   * "Uses UAM" (docs/rules.md § "Walking an Adaptive Card": version 1.4 or higher, with refresh or an Action.Execute):
   * a missing originator is then AM011 instead of AM010.
   */
  readonly usesUam: boolean;
  /** The card came from a signed payload whose `originator` claim is present, which stands in for the card's own (AM010/AM011). */
  readonly payloadHasOriginator: boolean;
}

/** AM010/AM011 for a missing `originator` of top-level card `card`, AM012 for one that is not a GUID. */
export function checkOriginator(card: JsonNode, typeNode: JsonNode, ctx: RuleContext, context: OriginatorContext): void {
  const originator = propertyValue(card, 'originator');
  if (isMissing(originator)) {
    if (context.payloadHasOriginator) return;
    const providerId = providerIdToSet(ctx);
    const where = originator ?? typeNode;
    if (context.usesUam) {
      ctx.report('AM011', where, `The card uses Action.Execute/refresh but has no "originator": Outlook does not render such a card without it. Set "originator" to ${providerId}.`);
    } else {
      ctx.report('AM010', where, `The card has no "originator": Outlook removes the card when the message goes to anyone but yourself. Set "originator" to ${providerId}.`);
    }
    return;
  }
  checkOriginatorGuid(originator!, ctx);
}

/** What `originator` should be set to: the configured provider id when there is one. */
function providerIdToSet(ctx: RuleContext): string {
  const configured = ctx.settings.originator?.trim();
  return configured ? `"${configured}"` : 'the provider id (a GUID) from the Actionable Email Developer Dashboard';
}

const BRACKET_PAIRS: Readonly<Record<string, string>> = { '{': '}', '<': '>', '[': ']' };

/** The text inside every bracket pair ({…}, <…>, […]) that encloses the whole of `value`, or undefined when none does. */
function insideBrackets(value: string): string | undefined {
  let inner = value.trim();
  let enclosed = false;
  while (inner.length >= 2 && BRACKET_PAIRS[inner[0]!] === inner[inner.length - 1]) {
    inner = inner.slice(1, -1).trim();
    enclosed = true;
  }
  return enclosed ? inner : undefined;
}

/**
 * AM012 on an `originator` value (card property or signed-payload claim) that is present. A GUID in brackets
 * (`{8f14e45f-…}`, the registry form) only needs them removed; any other value in brackets (`{your-provider-id}`,
 * the quick fix's `<provider id …>`) is a placeholder for the whole value, brackets included.
 */
export function checkOriginatorGuid(originator: JsonNode, ctx: RuleContext): void {
  if (originator.type === 'string' && isGuid(originator.value as string)) return;
  const inner = originator.type === 'string' ? insideBrackets(originator.value as string) : undefined;
  if (inner !== undefined && isGuid(inner)) {
    ctx.report('AM012', originator, `"originator" must be the GUID without brackets: write "${inner}".`);
  } else if (inner !== undefined) {
    ctx.report('AM012', originator, `"originator" is still the placeholder ${JSON.stringify(originator.value)}: replace the whole value with ${providerIdToSet(ctx)}.`);
  } else {
    ctx.report('AM012', originator, `"originator" must be the provider id GUID from the Actionable Email Developer Dashboard (like 8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a), not ${describeValue(originator)}.`);
  }
}

/** AM013–AM015: `hideOriginalBody`, `correlationId` and `expectedActors` on top-level card `card`. */
export function checkOutlookRootProperties(card: JsonNode, ctx: RuleContext): void {
  const hideOriginalBody = presentValue(card, 'hideOriginalBody');
  if (hideOriginalBody !== undefined && hideOriginalBody.type !== 'boolean') {
    const unquoted = hideOriginalBody.type === 'string' && /^(true|false)$/i.test(hideOriginalBody.value as string)
      ? `: write ${(hideOriginalBody.value as string).toLowerCase()} without quotes` : '';
    ctx.report('AM013', hideOriginalBody, `"hideOriginalBody" must be a JSON boolean (true or false), not ${describeValue(hideOriginalBody)}${unquoted}.`);
  }

  const correlationId = presentValue(card, 'correlationId');
  if (correlationId !== undefined && correlationId.type !== 'string') {
    ctx.report('AM013', correlationId, `"correlationId" must be a string (a UUID), not ${describeValue(correlationId)}.`);
  } else if (correlationId !== undefined && !isGuid(correlationId.value as string)) {
    ctx.report('AM014', correlationId, `"correlationId" ${JSON.stringify(correlationId.value)} is not a UUID: Microsoft recommends setting a new UUID per sent card (e.g. crypto.randomUUID()) and logging it, to trace actions back to the message.`);
  }

  const expectedActors = presentValue(card, 'expectedActors');
  if (expectedActors === undefined) return;
  if (expectedActors.type !== 'array') {
    ctx.report('AM013', expectedActors, `"expectedActors" must be an array of email address strings, not ${describeValue(expectedActors)}.`);
    return;
  }
  for (const actor of arrayItems(expectedActors)) {
    if (actor.type !== 'string') {
      ctx.report('AM013', actor, `"expectedActors" entries must be email address strings, not ${describeValue(actor)}.`);
    } else if (!isEmail(actor.value as string)) {
      ctx.report('AM015', actor, `${JSON.stringify(actor.value)} is not an email address: "expectedActors" lists the email addresses of the users who may act on the card (e.g. "ana@contoso.com").`);
    }
  }
}
