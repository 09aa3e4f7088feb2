// docs/rules.md § "Action model and version gating" and "Supported elements and actions": the action model of the
// declared version, version-gated features, the element and action types Outlook renders, and input tokens that
// Action.Execute would send literally; plus AM001 on Action.ShowCard cards.
import {
  ACTION_TYPES, type ActionRef, actionsWithAutoInvoke, bracedTokens, type BracedToken, type CardModel, describeValue,
  ELEMENT_TYPES, type ElementRef, type JsonNode, presentPropertiesNamed, presentValue, propertyKey, propertyKeyName,
  propertyKeyNode, propertyValue, propertyValueNode, stringProperty, typeNodeOf, type Version
} from '../../card';
import { reportSubstring, type AdaptiveRule, type RuleContext } from '../context';
import { inputIdsLowerCase } from './inputs';
import {
  ACTION_PROPERTIES_AFTER_14, atLeast14, CARD_PROPERTIES_AFTER_14, ELEMENT_PROPERTIES_AFTER_14, INPUT_VALIDATION,
  REFRESH_PROPERTIES_AFTER_14, validatesInputs
} from './version-gated-properties';

const versionText = (version: Version): string => `${version.major}.${version.minor}`;

/** Actions another rule of this module rejects as a whole; their properties are not checked further. */
function isRejectedAction(action: ActionRef, version: Version): boolean {
  if (!action.known || action.type === 'Action.Submit') return true;
  if (action.type === 'Action.ShowCard' && (action.slot === 'selectAction' || action.slot === 'inlineAction')) return true;
  return (action.type === 'Action.Http' && atLeast14(version)) || (action.type === 'Action.Execute' && !atLeast14(version));
}

const isRejectedElement = (element: ElementRef): boolean => !element.known || element.type === 'Input.Time';

function checkActionModel(model: CardModel, ctx: RuleContext): void {
  const version = model.version;
  if (version === undefined) return;
  const declared = versionText(version);
  if (atLeast14(version)) {
    const httpRuleActions = actionsWithAutoInvoke(model);
    for (let index = 0; index < httpRuleActions.length; index++) {
      const action = httpRuleActions[index]!;
      if (action.type !== 'Action.Http') continue;
      ctx.report('AM020', typeNodeOf(action.node), action.slot === 'autoInvokeAction'
        ? `Outlook does not run an Action.Http autoInvokeAction in a version "${declared}" card: use "refresh" with an Action.Execute instead, or set "version" to "1.0".`
        : `Outlook does not render Action.Http in a version "${declared}" card: replace it with Action.Execute, or set "version" to "1.0" if the card uses only Action.Http.`);
    }
    return;
  }
  const refreshKey = presentValue(model.top, 'refresh') && propertyKey(model.top, 'refresh');
  if (refreshKey) {
    ctx.report('AM021', refreshKey, `"refresh" needs version "1.4": Outlook ignores it in a version "${declared}" card and may reject the card. Set "version" to "1.4" (and use Action.Execute instead of Action.Http).`);
  }
  const { actions } = model;
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    if (action.type !== 'Action.Execute') continue;
    ctx.report('AM021', typeNodeOf(action.node), `Action.Execute needs version "1.4": Outlook does not render it in a version "${declared}" card and may reject the card. Set "version" to "1.4" (replacing any Action.Http), or use Action.Http in a 1.0 card.`);
  }
}

/** AM022 (a) on each present property of `host` that `since` lists. */
function reportAfter14(ctx: RuleContext, host: JsonNode, hostName: string, since: ReadonlyMap<string, string>): void {
  const properties = presentPropertiesNamed(host, since);
  for (let index = 0; index < properties.length; index++) {
    const property = properties[index]!;
    const name = propertyKeyName(property)!;
    ctx.report('AM022', propertyKeyNode(property)!, `"${name}" on ${hostName} is an Adaptive Cards ${since.get(name)!} property: Outlook renders at most 1.4 and ignores it, so remove it.`);
  }
}

/** AM022 (b) on each present input validation property of an input of a card below 1.3. */
function reportInputValidation(ctx: RuleContext, input: JsonNode, type: string, version: Version): void {
  const properties = presentPropertiesNamed(input, INPUT_VALIDATION);
  for (let index = 0; index < properties.length; index++) {
    const property = properties[index]!;
    ctx.report('AM022', propertyKeyNode(property)!, `"${propertyKeyName(property)!}" on ${type} is input validation, which Outlook does not apply in a version "${versionText(version)}" card (it validates inputs in 1.4 cards): remove it and check the value on your server, or move the card to version "1.4" (which means Action.Execute instead of Action.Http).`);
  }
}

function checkFeatureVersions(model: CardModel, ctx: RuleContext): void {
  const version = model.version;
  if (version === undefined) return;
  const { cards, elements, actions } = model;
  for (let index = 0; index < cards.length; index++) reportAfter14(ctx, cards[index]!.node, 'AdaptiveCard', CARD_PROPERTIES_AFTER_14);
  const refresh = presentValue(model.top, 'refresh');
  if (refresh?.type === 'object') reportAfter14(ctx, refresh, 'refresh', REFRESH_PROPERTIES_AFTER_14);
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    if (isRejectedElement(element) || element.node.type !== 'object' || element.kind === 'textRun') continue;
    const { node, type } = element;
    const since = ELEMENT_PROPERTIES_AFTER_14.get(type!);
    if (since !== undefined) reportAfter14(ctx, node, type!, since);
    if (validatesInputs(version) || !type!.startsWith('Input.')) continue;
    reportInputValidation(ctx, node, type!, version);
  }
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    if (isRejectedAction(action, version) || action.node.type !== 'object') continue;
    reportAfter14(ctx, action.node, action.type ?? 'actions', ACTION_PROPERTIES_AFTER_14);
  }
}

const OUTLOOK_ELEMENTS = [...ELEMENT_TYPES].filter((type) => type !== 'Input.Time');

/** Elements and actions of Adaptive Cards 1.5 and later, which Outlook (1.4 at most) does not know. */
const NEWER_THAN_OUTLOOK: ReadonlySet<string> = new Set([
  'Table', 'TableRow', 'TableCell', 'Carousel', 'CarouselPage', 'Icon', 'Rating', 'Input.Rating', 'Badge',
  'CompoundButton', 'CodeBlock', 'ProgressBar', 'ProgressRing', 'Action.Popover', 'Action.ResetInputs',
]);

/** Why an unknown `type` is unknown: a case typo, a newer Adaptive Cards type, or just not an Outlook one. */
function unknownTypeHint(type: string, known: Iterable<string>): string {
  const sameIgnoringCase = [...known].find((candidate) => candidate.toLowerCase() === type.toLowerCase());
  if (sameIgnoringCase) return ` (type names are case-sensitive: write "${sameIgnoringCase}")`;
  if (NEWER_THAN_OUTLOOK.has(type)) return ' (an Adaptive Cards 1.5+ type; Outlook renders at most 1.4)';
  return '';
}

function checkElementTypes(model: CardModel, ctx: RuleContext): void {
  const { elements } = model;
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    const { node, type, kind } = element;
    if (type === 'Input.Time') {
      ctx.report('AM031', typeNodeOf(node), 'Outlook does not support Input.Time and does not display it. Use an Input.Text (e.g. with placeholder "HH:MM") and validate the time on your server.');
      continue;
    }
    if (element.known || kind === 'textRun') continue;
    let message: string;
    if (node.type !== 'object') {
      message = `An element must be a JSON object with a "type", not ${describeValue(node)}.`;
    } else if (kind === 'column' || kind === 'image') {
      const [entries, wanted] = kind === 'column' ? ['columns', 'Column'] : ['images', 'Image'];
      message = `Entries of "${entries}" must be ${wanted}s: set "type" to "${wanted}" or leave it out, not ${describeValue(typeNodeOf(node))}.`;
    } else if (type === undefined) {
      message = `The element has no "type" string: set it to one Outlook renders (${OUTLOOK_ELEMENTS.join(', ')}).`;
    } else {
      message = `Outlook does not render "${type}" elements${unknownTypeHint(type, OUTLOOK_ELEMENTS)}. Use one of ${OUTLOOK_ELEMENTS.join(', ')}, or give it a "fallback".`;
    }
    ctx.report('AM032', typeNodeOf(node), message);
  }
}

function checkActionTypes(model: CardModel, ctx: RuleContext): void {
  const version = model.version;
  const replacement = version === undefined ? 'Action.Http (version "1.0") or Action.Execute (version "1.4")'
    : atLeast14(version) ? 'Action.Execute' : 'Action.Http';
  const { actions } = model;
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    const { node, type } = action;
    if (type === 'Action.Submit') {
      ctx.report('AM030', typeNodeOf(node), `Outlook does not support Action.Submit and does not display it. Use ${replacement} to send input values to your service.`);
    } else if (!action.known) {
      let message: string;
      if (node.type !== 'object') message = `An action must be a JSON object with a "type", not ${describeValue(node)}.`;
      else if (type === undefined) message = `The action has no "type" string: set it to one Outlook renders (${[...ACTION_TYPES].join(', ')}).`;
      else if (type === 'Action.Transaction') message = 'Action.Transaction (Outlook payments) was deprecated and removed; Outlook no longer renders it. Remove it or use Action.OpenUrl to a payment page.';
      else message = `Outlook does not render "${type}" actions${unknownTypeHint(type, ACTION_TYPES)}. Use one of ${[...ACTION_TYPES].join(', ')}, or give it a "fallback".`;
      ctx.report('AM033', typeNodeOf(node), message);
    } else if (type === 'Action.ShowCard' && (action.slot === 'selectAction' || action.slot === 'inlineAction')) {
      ctx.report('AM034', typeNodeOf(node), `Action.ShowCard is not allowed as ${action.slot === 'inlineAction' ? 'an' : 'a'} ${action.slot}. Put it in the card's "actions" or an ActionSet, or use Action.ToggleVisibility to reveal hidden elements.`);
    } else if (type === 'Action.ShowCard' && action.card.showCardDepth > 0) {
      ctx.report('AM035', typeNodeOf(node), 'This Action.ShowCard is inside another Action.ShowCard\'s card. Outlook shows cards inline, so nested show cards are hard to follow: consider moving its content into the outer card or using Action.ToggleVisibility.');
    }
  }
}

const MAX_ACTIONS = 5;

function checkActionCount(model: CardModel, ctx: RuleContext): void {
  const { actionArrays } = model;
  for (let index = 0; index < actionArrays.length; index++) {
    const array = actionArrays[index]!;
    const count = array.children?.length ?? 0;
    if (count <= MAX_ACTIONS) continue;
    ctx.report('AM036', array, `${count} actions in one set: Outlook shows at most ${MAX_ACTIONS} (host config maxActions) and drops the rest. Keep ${MAX_ACTIONS} or fewer here, e.g. by moving some into an Action.ShowCard.`);
  }
}

/** The string values inside `node` (itself included), in document order; walked with a stack, so no depth overflows it. */
function stringValuesIn(node: JsonNode): JsonNode[] {
  const strings: JsonNode[] = [];
  const pending = [node];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next.type === 'string') strings.push(next);
    const children = next.type === 'array' || next.type === 'object' ? next.children ?? [] : [];
    for (let index = children.length - 1; index >= 0; index--) {
      const child = next.type === 'object' ? propertyValueNode(children[index]!) : children[index];
      if (child !== undefined) pending.push(child);
    }
  }
  return strings;
}

/**
 * Action.Execute adds the inputs' values to a `data` object (or to no data), each under its input id; a `data` that is
 * a string is sent as it is, with no input values (docs/rules.md § AM037).
 */
function executeTokenMessage(token: BracedToken, where: 'verb' | 'data', dataIsString: boolean, inputIds: ReadonlySet<string>): string {
  const sent = `${token.text} in the ${where} of an Action.Execute reaches your service as written: Outlook substitutes input tokens only in Action.Http.`;
  if (dataIsString) return `${sent} Action.Execute adds the input values only to a "data" object, under their ids: make "data" an object and remove the token.`;
  if (token.kind !== 'input') return `${sent} Action.Execute sends the inputs' values by itself: remove the token.`;
  return inputIds.has(token.inputId.toLowerCase())
    ? `${sent} Action.Execute sends the value of input "${token.inputId}" by itself, under its id: remove the token.`
    : `${sent} The card has no input "${token.inputId}", and Action.Execute sends the values of the inputs it has by itself: remove the token.`;
}

/**
 * docs/rules.md § AM037: `{{…}}` tokens (text functions aside) in the `verb` or in any string of the `data` of an
 * Action.Execute. An autoInvokeAction is AM048's, and refresh.action AM056's alone: neither is among the model's actions.
 */
function checkExecuteTokens(model: CardModel, ctx: RuleContext): void {
  const { actions } = model;
  // Made for the first token: most Action.Execute actions have none.
  let inputIds: ReadonlySet<string> | undefined;
  /** AM037 on each `{{…}}` but a text function in `string`, the verb or a string of the data. */
  const report = (string: JsonNode, where: 'verb' | 'data', dataIsString: boolean): void => {
    for (const token of bracedTokens(string.value as string)) {
      if (token.kind === 'textFunction') continue;
      inputIds ??= inputIdsLowerCase(model);
      reportSubstring(ctx, 'AM037', string, token.offset, token.text.length, executeTokenMessage(token, where, dataIsString, inputIds));
    }
  };
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    if (action.type !== 'Action.Execute') continue;
    const data = propertyValue(action.node, 'data');
    const dataIsString = data?.type === 'string';
    const verb = propertyValue(action.node, 'verb');
    if (verb?.type === 'string') report(verb, 'verb', dataIsString);
    if (data === undefined) continue;
    const strings = stringValuesIn(data);
    for (let at = 0; at < strings.length; at++) report(strings[at]!, 'data', dataIsString);
  }
}

function checkShowCardCards(model: CardModel, ctx: RuleContext): void {
  for (const node of model.invalidShowCards) {
    // The walker records the Action.ShowCard itself when it has no "card".
    if (node.parent?.type !== 'property') {
      ctx.report('AM001', typeNodeOf(node), 'Action.ShowCard has no "card": add "card": {"type": "AdaptiveCard", "body": [...]}.');
    } else if (node.type !== 'object') {
      ctx.report('AM001', node, `The "card" of an Action.ShowCard must be an object with "type": "AdaptiveCard", not ${describeValue(node)}.`);
    } else if (stringProperty(node, '@type') === 'AdaptiveCard' && presentValue(node, 'type') === undefined) {
      ctx.report('AM001', propertyKey(node, '@type')!, 'Use "type": "AdaptiveCard", not "@type" (that is the MessageCard/JSON-LD spelling).');
    } else {
      const cardType = presentValue(node, 'type');
      ctx.report('AM001', cardType ?? node, cardType
        ? `The "card" of an Action.ShowCard must have "type": "AdaptiveCard" (case-sensitive), not ${describeValue(cardType)}.`
        : 'The "card" of an Action.ShowCard needs "type": "AdaptiveCard".');
    }
  }
}

export const actionModelRules: readonly AdaptiveRule[] = [
  checkActionModel, checkFeatureVersions, checkElementTypes, checkActionTypes, checkActionCount, checkExecuteTokens,
  checkShowCardCards,
];
