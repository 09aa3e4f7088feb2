// docs/rules.md § "Action model and version gating" and "Supported elements and actions": the action model of the
// declared version, version-gated features, the element and action types Outlook renders, and input tokens that
// Action.Execute would send literally; plus AM001 on Action.ShowCard cards.
import {
  ACTION_TYPES, type ActionRef, bracedTokens, type BracedToken, type CardModel, compareVersion, describeValue,
  ELEMENT_TYPES, type ElementRef, type JsonNode, presentValue, propertyKey, propertyValue, stringProperty, typeNodeOf,
  type Version
} from '../../card';
import { reportSubstring, type AdaptiveRule, type RuleContext } from '../context';

const versionText = (version: Version): string => `${version.major}.${version.minor}`;
const atLeast14 = (version: Version): boolean => compareVersion(version, 1, 4) >= 0;

/** Actions another rule of this module rejects as a whole; their properties are not checked further. */
function isRejectedAction(action: ActionRef, version: Version): boolean {
  if (!action.known || action.type === 'Action.Submit') return true;
  if (action.type === 'Action.ShowCard' && (action.slot === 'selectAction' || action.slot === 'inlineAction')) return true;
  // AM048 rejects an autoInvokeAction that is not an Action.Http.
  if (action.slot === 'autoInvokeAction') return action.type !== 'Action.Http' || atLeast14(version);
  return (action.type === 'Action.Http' && atLeast14(version)) || (action.type === 'Action.Execute' && !atLeast14(version));
}

const isRejectedElement = (element: ElementRef): boolean => !element.known || element.type === 'Input.Time';

function checkActionModel(model: CardModel, ctx: RuleContext): void {
  const version = model.version;
  if (version === undefined) return;
  const declared = versionText(version);
  if (atLeast14(version)) {
    for (const action of model.actions) {
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
  for (const action of model.actions) {
    if (action.type !== 'Action.Execute' || action.slot === 'autoInvokeAction') continue;
    ctx.report('AM021', typeNodeOf(action.node), `Action.Execute needs version "1.4": Outlook does not render it in a version "${declared}" card and may reject the card. Set "version" to "1.4" (replacing any Action.Http), or use Action.Http in a 1.0 card.`);
  }
}

const V1_1: Version = { major: 1, minor: 1 };
const V1_2: Version = { major: 1, minor: 2 };
const V1_3: Version = { major: 1, minor: 3 };
const V1_4: Version = { major: 1, minor: 4 };
const V1_5: Version = { major: 1, minor: 5 };
const V1_6: Version = { major: 1, minor: 6 };

// docs/rules.md § AM022, the feature table. The Outlook 1.0 extensions of docs/rules.md § "Card versions" (ActionSet,
// Action.ToggleVisibility, isVisible, selectAction, Column width, verticalContentAlignment, a string backgroundImage,
// Image width/height/backgroundColor) are not in it, so they are never gated.

function elementPropertySince(type: string | undefined, name: string): Version | undefined {
  switch (name) {
    case 'height': return type === 'Image' ? undefined : V1_1;
    case 'fallback': case 'requires': case 'minHeight': case 'bleed': return V1_2;
    case 'style': return type === 'ColumnSet' ? V1_2 : type === 'TextBlock' ? V1_5 : undefined;
    case 'fontType': return type === 'TextBlock' ? V1_2 : undefined;
    case 'wrap': return type === 'Input.Toggle' || type === 'Input.ChoiceSet' ? V1_2 : undefined;
    case 'inlineAction': return type === 'Input.Text' ? V1_2 : undefined;
    case 'regex': return type === 'Input.Text' ? V1_3 : undefined;
    case 'label': case 'isRequired': case 'errorMessage': return type?.startsWith('Input.') ? V1_3 : undefined;
    case 'rtl': return type === 'Container' || type === 'Column' ? V1_5 : undefined;
    default: return undefined;
  }
}

function actionPropertySince(name: string): Version | undefined {
  switch (name) {
    case 'iconUrl': return V1_1;
    case 'fallback': case 'requires': case 'style': return V1_2;
    case 'tooltip': case 'isEnabled': case 'mode': return V1_5;
    default: return undefined;
  }
}

function cardPropertySince(name: string): Version | undefined {
  switch (name) {
    case 'minHeight': return V1_2;
    case 'authentication': return V1_4;
    case 'rtl': return V1_5;
    case 'metadata': return V1_6;
    default: return undefined;
  }
}

const isDataUri = (node: JsonNode): boolean => node.type === 'string' && /^data:/i.test(node.value as string);

/** Reports the features of one object that need a newer version than the card's, reading its properties once. */
class FeatureGate {
  private readonly declared: string;

  constructor(private readonly version: Version, private readonly ctx: RuleContext) {
    this.declared = versionText(version);
  }

  /**
   * `since(name)` gates properties by name (reported on the key). Values are gated too: an object
   * `backgroundImage` (1.2), and a `data:` URI (1.2) in `backgroundImage` or in the property `dataUriIn`.
   */
  check(host: JsonNode, hostName: string, since: (name: string) => Version | undefined, dataUriIn?: string): void {
    for (const property of host.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key === undefined || value === undefined || value.type === 'null') continue;
      const name = key.value as string;
      if ((name === 'backgroundImage' || name === dataUriIn) && isDataUri(value)) {
        this.gate(value, V1_2, `A data: URI in "${name}"`);
      } else if (name === 'backgroundImage' && value.type === 'object') {
        this.gate(value, V1_2, 'A "backgroundImage" object');
      } else {
        const version = since(name);
        if (version) this.gate(key, version, `"${name}" on ${hostName}`);
      }
    }
  }

  gate(node: JsonNode, since: Version, what: string): void {
    if (compareVersion(this.version, since.major, since.minor) >= 0) return;
    const fix = compareVersion(since, 1, 4) > 0
      ? 'Outlook renders at most 1.4, so remove it.'
      : 'Remove it, or move the card to version "1.4" (which means Action.Execute instead of Action.Http).';
    this.ctx.report('AM022', node, `${what} needs Adaptive Cards ${versionText(since)}, but the card declares version "${this.declared}", so Outlook ignores it. ${fix}`);
  }
}

function checkFeatureVersions(model: CardModel, ctx: RuleContext): void {
  const version = model.version;
  if (version === undefined || compareVersion(version, V1_6.major, V1_6.minor) >= 0) return;
  const gate = new FeatureGate(version, ctx);
  for (const card of model.cards) gate.check(card.node, 'AdaptiveCard', cardPropertySince);
  const refresh = presentValue(model.top, 'refresh');
  if (refresh?.type === 'object') gate.check(refresh, 'refresh', (name) => (name === 'expires' ? V1_6 : undefined));
  for (const element of model.elements) {
    if (isRejectedElement(element) || element.node.type !== 'object') continue;
    const { node, type } = element;
    if (element.kind === 'textRun') {
      gate.check(node, 'TextRun', (name) => (name === 'underline' ? V1_3 : undefined));
      continue;
    }
    if (type === 'Media') gate.gate(typeNodeOf(node), V1_1, 'The Media element');
    if (type === 'RichTextBlock') gate.gate(typeNodeOf(node), V1_2, 'The RichTextBlock element');
    gate.check(node, type!, (name) => elementPropertySince(type, name), type === 'Image' ? 'url' : undefined);
  }
  for (const action of model.actions) {
    if (isRejectedAction(action, version) || action.node.type !== 'object') continue;
    gate.check(action.node, action.type ?? 'actions', actionPropertySince, 'iconUrl');
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
  for (const element of model.elements) {
    const { node, type, kind } = element;
    if (type === 'Input.Time') {
      ctx.report('AM031', typeNodeOf(node), 'Outlook does not support Input.Time and does not display it. Use an Input.Text (e.g. with placeholder "HH:MM") and validate the time on your server.');
      continue;
    }
    if (element.known || kind === 'textRun') continue;
    let message: string;
    if (node.type !== 'object') {
      message = `An element must be a JSON object with a "type", not ${describeValue(node)}.`;
    } else if (kind === 'column') {
      message = `Entries of "columns" must be Columns: set "type" to "Column" or leave it out, not ${JSON.stringify(type)}.`;
    } else if (kind === 'image') {
      message = `Entries of "images" must be Images: set "type" to "Image" or leave it out, not ${JSON.stringify(type)}.`;
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
  for (const action of model.actions) {
    // autoInvokeAction of any type is AM048's.
    if (action.slot === 'autoInvokeAction') continue;
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
  for (const array of model.actionArrays) {
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
      const child = next.type === 'object' ? children[index].children?.[1] : children[index];
      if (child !== undefined) pending.push(child);
    }
  }
  return strings;
}

/**
 * Action.Execute adds the inputs' values to a `data` object (or to no data), each under its input id; a `data` that is
 * a string is sent as it is, with no input values (docs/rules.md § AM037).
 */
function executeTokenMessage(token: BracedToken, where: 'verb' | 'data', dataIsString: boolean): string {
  const sent = `${token.text} in the ${where} of an Action.Execute reaches your service as written: Outlook substitutes input tokens only in Action.Http.`;
  if (dataIsString) return `${sent} Action.Execute adds the input values only to a "data" object, under their ids: make "data" an object and remove the token.`;
  return token.kind === 'input'
    ? `${sent} Action.Execute sends the value of input "${token.inputId}" by itself, under its id: remove the token.`
    : `${sent} Action.Execute sends the inputs' values by itself: remove the token.`;
}

/**
 * docs/rules.md § AM037: `{{…}}` tokens (text functions aside) in the `verb` or in any string of the `data` of an
 * Action.Execute. An autoInvokeAction is AM048's, and refresh.action AM056's alone.
 */
function checkExecuteTokens(model: CardModel, ctx: RuleContext): void {
  for (const action of model.actions) {
    if (action.type !== 'Action.Execute' || action.slot === 'autoInvokeAction') continue;
    const data = propertyValue(action.node, 'data');
    const dataIsString = data?.type === 'string';
    for (const where of ['verb', 'data'] as const) {
      const value = where === 'verb' ? propertyValue(action.node, 'verb') : data;
      const strings = value === undefined ? [] : where === 'verb' ? [value].filter((node) => node.type === 'string') : stringValuesIn(value);
      for (const string of strings) {
        for (const token of bracedTokens(string.value as string)) {
          if (token.kind === 'textFunction') continue;
          reportSubstring(ctx, 'AM037', string, token.offset, token.text.length, executeTokenMessage(token, where, dataIsString));
        }
      }
    }
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
