// docs/rules.md § "Legacy MessageCard": the legacy MessageCard mode (AM080–AM088), with the root and add-in rules it
// shares with Adaptive Cards.
import { arrayItems, describeValue, isMissing, type JsonNode, presentValue, propertyValue, stringProperty } from '../card';
import { checkAddInCommand } from './add-in-command';
import type { RuleContext } from './context';
import { checkHeaderPairs } from './http-headers';
import { checkOriginator, checkOutlookRootProperties } from './root-properties';
import { isHttpsUrl } from './urls';

/** The JSON-LD `@context` of a MessageCard (AM081) and of a signed-card envelope (AM095), http or https. */
export const SCHEMA_ORG_EXTENSIONS = /^https?:\/\/schema\.org\/extensions$/;
const LEGACY_ACTION_TYPES: ReadonlySet<string> = new Set(['OpenUri', 'HttpPOST', 'ActionCard', 'InvokeAddInCommand']);
const ACTION_CARD_ACTION_TYPES: ReadonlySet<string> = new Set(['OpenUri', 'HttpPOST']);
const LEGACY_INPUT_TYPES: ReadonlySet<string> = new Set(['TextInput', 'DateInput', 'MultichoiceInput']);
const OPEN_URI_OS_VALUES: ReadonlySet<string> = new Set(['default', 'windows', 'iOS', 'android']);
const MAX_LEGACY_ACTIONS = 4;

/** Where problems of a whole legacy object go: its `@type` value, or the object itself. */
function legacyTypeNode(node: JsonNode): JsonNode {
  return propertyValue(node, '@type') ?? node;
}

function checkContextAndContent(card: JsonNode, ctx: RuleContext): void {
  const context = presentValue(card, '@context');
  if (context === undefined) {
    ctx.report('AM081', legacyTypeNode(card), 'The MessageCard has no "@context": add "@context": "https://schema.org/extensions".');
  } else if (!(context.type === 'string' && SCHEMA_ORG_EXTENSIONS.test(context.value as string))) {
    ctx.report('AM081', context, `"@context" of a MessageCard must be "https://schema.org/extensions", not ${describeValue(context)}.`);
  }
  const hasText = (name: string): boolean => stringProperty(card, name)?.trim() ? true : false;
  if (!hasText('summary') && !hasText('text')) {
    ctx.report('AM082', legacyTypeNode(card), 'The MessageCard needs a non-empty "summary" or "text": Outlook requires one of them (the summary is shown where the card cannot be).');
  }
}

function checkActionCount(actions: JsonNode, arrayName: string, ctx: RuleContext): void {
  const count = arrayItems(actions).length;
  if (count <= MAX_LEGACY_ACTIONS) return;
  ctx.report('AM083', actions, `${count} actions in "${arrayName}": a MessageCard allows at most ${MAX_LEGACY_ACTIONS} per collection. Remove some, or group them in an ActionCard.`);
}

function checkOpenUri(action: JsonNode, ctx: RuleContext): void {
  const targets = presentValue(action, 'targets');
  if (targets === undefined || targets.type !== 'array' || arrayItems(targets).length === 0) {
    const what = targets === undefined ? 'has no "targets"' : targets.type === 'array' ? 'has an empty "targets"' : `has "targets" set to ${describeValue(targets)}`;
    ctx.report('AM087', targets ?? legacyTypeNode(action), `OpenUri ${what}: it needs an array of {"os": "default", "uri": "https://…"} entries.`);
    return;
  }
  for (const target of arrayItems(targets)) {
    if (target.type !== 'object') {
      ctx.report('AM087', target, `OpenUri targets entries must be objects like {"os": "default", "uri": "https://…"}, not ${describeValue(target)}.`);
      continue;
    }
    const uri = propertyValue(target, 'uri');
    if (isMissing(uri)) ctx.report('AM087', uri ?? target, 'This OpenUri target has no "uri": add the address to open.');
    const os = presentValue(target, 'os');
    if (os !== undefined && !(os.type === 'string' && OPEN_URI_OS_VALUES.has(os.value as string))) {
      ctx.report('AM087', os, `"os" must be one of "default", "windows", "iOS" or "android" (case-sensitive), not ${describeValue(os)}.`);
    }
  }
}

function checkHttpPost(action: JsonNode, ctx: RuleContext): void {
  const target = presentValue(action, 'target');
  if (!(target?.type === 'string' && isHttpsUrl(target.value as string))) {
    ctx.report('AM085', target ?? legacyTypeNode(action), target === undefined
      ? 'HttpPOST has no "target": add the https:// URL of the endpoint that receives the POST.'
      : `"target" must be an absolute https:// URL with a host (Outlook only calls HTTPS endpoints), not ${describeValue(target)}.`);
  }
  checkHeaderPairs(propertyValue(action, 'headers'), 'AM088', ctx);
}

function checkInputs(actionCard: JsonNode, ctx: RuleContext): void {
  for (const input of arrayItems(propertyValue(actionCard, 'inputs'))) {
    const type = propertyValue(input, '@type');
    if (type?.type === 'string' && LEGACY_INPUT_TYPES.has(type.value as string)) continue;
    const what = type === undefined || type.type === 'null' ? 'An input without "@type"'
      : type.type === 'string' ? `Input type ${JSON.stringify(type.value)}` : `An input "@type" of ${describeValue(type)}`;
    ctx.report('AM086', type ?? input, `${what} is not a MessageCard input: use "TextInput", "DateInput" or "MultichoiceInput".`);
  }
}

/** The `@type` of a legacy action when it is one of the four legacy action types; reports AM086 otherwise. */
function knownActionType(action: JsonNode, ctx: RuleContext): string | undefined {
  const type = propertyValue(action, '@type');
  if (type?.type === 'string' && LEGACY_ACTION_TYPES.has(type.value as string)) return type.value as string;
  const what = action.type !== 'object' ? `${describeValue(action)} is not an action`
    : type === undefined || type.type === 'null' ? 'This action has no "@type"'
    : type.type === 'string' ? `Action type ${JSON.stringify(type.value)} is unknown` : `"@type" must be a string, not ${describeValue(type)}`;
  const viewAction = type?.value === 'ViewAction' ? ' ViewAction is the pre-2016 form of OpenUri.' : '';
  ctx.report('AM086', type ?? action, `${what}: MessageCard actions are "OpenUri", "HttpPOST", "ActionCard" and "InvokeAddInCommand".${viewAction}`);
  return undefined;
}

function checkAction(action: JsonNode, type: string, ctx: RuleContext): void {
  switch (type) {
    case 'OpenUri': return checkOpenUri(action, ctx);
    case 'HttpPOST': return checkHttpPost(action, ctx);
    case 'InvokeAddInCommand': return checkAddInCommand(action, legacyTypeNode(action), 'InvokeAddInCommand', ctx);
    case 'ActionCard': return checkActionCard(action, ctx);
  }
}

function checkActionCard(actionCard: JsonNode, ctx: RuleContext): void {
  checkInputs(actionCard, ctx);
  const actions = propertyValue(actionCard, 'actions');
  if (actions === undefined) return;
  checkActionCount(actions, 'actions', ctx);
  for (const action of arrayItems(actions)) {
    const type = knownActionType(action, ctx);
    if (type === undefined) continue;
    if (!ACTION_CARD_ACTION_TYPES.has(type)) {
      ctx.report('AM084', legacyTypeNode(action), `An ActionCard can only contain OpenUri and HttpPOST actions, not ${type}${type === 'ActionCard' ? ' (ActionCards do not nest)' : ''}: move it to the card's "potentialAction".`);
      continue;
    }
    checkAction(action, type, ctx);
  }
}

function checkPotentialActions(owner: JsonNode, ctx: RuleContext): void {
  const actions = propertyValue(owner, 'potentialAction');
  if (actions === undefined) return;
  checkActionCount(actions, 'potentialAction', ctx);
  for (const action of arrayItems(actions)) {
    const type = knownActionType(action, ctx);
    if (type !== undefined) checkAction(action, type, ctx);
  }
}

/**
 * docs/rules.md § "Legacy MessageCard": the legacy MessageCard mode. `payloadHasOriginator`: the card came from a signed
 * payload with an `originator` claim.
 */
export function checkMessageCard(card: JsonNode, ctx: RuleContext, payloadHasOriginator = false): void {
  ctx.report('AM080', legacyTypeNode(card), 'Legacy MessageCard format: Outlook on Mac, iOS and Android does not show it, and Microsoft de-emphasizes it. Prefer an Adaptive Card ("type": "AdaptiveCard") in <script type="application/adaptivecard+json">.');
  checkContextAndContent(card, ctx);
  checkOriginator(card, legacyTypeNode(card), ctx, { usesUam: false, payloadHasOriginator });
  checkOutlookRootProperties(card, ctx);
  checkPotentialActions(card, ctx);
  for (const section of arrayItems(propertyValue(card, 'sections'))) checkPotentialActions(section, ctx);
}
