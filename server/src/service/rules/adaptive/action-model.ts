// Spec §§ 5.3–5.4: the action model of the declared version, version-gated features, and the element and action
// types Outlook renders; plus AM001 on Action.ShowCard cards.
import { presentValue, propertyKey, stringProperty, type JsonNode } from '../../json-document';
import {
  ACTION_TYPES, ELEMENT_TYPES, compareVersion, typeNodeOf,
  type ActionRef, type CardModel, type ElementRef, type Version,
} from '../card-model';
import type { RuleContext } from '../context';
import { describeValue } from '../formats';
import type { AdaptiveRule } from '../index';

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

interface GatedFeature {
  readonly node: JsonNode;
  readonly since: Version;
  readonly what: string;
}

const V1_1: Version = { major: 1, minor: 1 };
const V1_2: Version = { major: 1, minor: 2 };
const V1_3: Version = { major: 1, minor: 3 };
const V1_4: Version = { major: 1, minor: 4 };
const V1_5: Version = { major: 1, minor: 5 };
const V1_6: Version = { major: 1, minor: 6 };

const isDataUri = (node: JsonNode | undefined): boolean => node?.type === 'string' && /^data:/i.test(node.value as string);

/**
 * Spec § 5.3 AM022: the features of the table that a node uses. The Outlook 1.0 extensions of spec § 3 (ActionSet,
 * Action.ToggleVisibility, isVisible, selectAction, Column width, verticalContentAlignment, string backgroundImage,
 * Image width/height/backgroundColor) are not in the table, so they are never gated.
 */
class FeatureCollector {
  readonly features: GatedFeature[] = [];

  property(host: JsonNode, name: string, since: Version, what = `"${name}"`): void {
    const key = presentValue(host, name) && propertyKey(host, name);
    if (key) this.features.push({ node: key, since, what });
  }

  node(node: JsonNode, since: Version, what: string): void {
    this.features.push({ node, since, what });
  }

  /** `backgroundImage` as an object (1.2) or as a `data:` URI (1.2); a plain URL string is an Outlook 1.0 extension. */
  backgroundImage(host: JsonNode): void {
    const image = presentValue(host, 'backgroundImage');
    if (image?.type === 'object') this.node(image, V1_2, 'A "backgroundImage" object');
    else if (isDataUri(image)) this.node(image!, V1_2, 'A data: URI in "backgroundImage"');
  }
}

function collectElementFeatures(element: ElementRef, into: FeatureCollector): void {
  const { node, type } = element;
  if (element.kind === 'textRun') {
    into.property(node, 'underline', V1_3, '"underline" on a TextRun');
    return;
  }
  if (type === 'Media') into.node(typeNodeOf(node), V1_1, 'The Media element');
  if (type === 'RichTextBlock') into.node(typeNodeOf(node), V1_2, 'The RichTextBlock element');
  if (type !== 'Image') into.property(node, 'height', V1_1, `"height" on ${type}`);
  into.property(node, 'fallback', V1_2);
  into.property(node, 'requires', V1_2);
  into.property(node, 'minHeight', V1_2);
  into.property(node, 'bleed', V1_2);
  into.backgroundImage(node);
  switch (type) {
    case 'ColumnSet':
      into.property(node, 'style', V1_2, '"style" on ColumnSet');
      break;
    case 'TextBlock':
      into.property(node, 'fontType', V1_2, '"fontType" on TextBlock');
      into.property(node, 'style', V1_5, '"style" on TextBlock');
      break;
    case 'Image':
      if (isDataUri(presentValue(node, 'url'))) into.node(presentValue(node, 'url')!, V1_2, 'A data: URI in Image "url"');
      break;
    case 'Container':
    case 'Column':
      into.property(node, 'rtl', V1_5);
      break;
    case 'Input.Toggle':
    case 'Input.ChoiceSet':
      into.property(node, 'wrap', V1_2, `"wrap" on ${type}`);
      break;
    case 'Input.Text':
      into.property(node, 'inlineAction', V1_2, '"inlineAction" on Input.Text');
      into.property(node, 'regex', V1_3, 'Input validation ("regex")');
      break;
  }
  if (type?.startsWith('Input.')) {
    for (const name of ['label', 'isRequired', 'errorMessage']) into.property(node, name, V1_3, `Input validation ("${name}")`);
  }
}

function collectActionFeatures(action: ActionRef, into: FeatureCollector): void {
  const { node } = action;
  const iconUrl = presentValue(node, 'iconUrl');
  if (isDataUri(iconUrl)) into.node(iconUrl!, V1_2, 'A data: URI in "iconUrl"');
  else into.property(node, 'iconUrl', V1_1, '"iconUrl" on actions');
  into.property(node, 'fallback', V1_2);
  into.property(node, 'requires', V1_2);
  into.property(node, 'style', V1_2, '"style" on actions');
  for (const name of ['tooltip', 'isEnabled', 'mode']) into.property(node, name, V1_5, `"${name}" on actions`);
}

function collectCardFeatures(card: JsonNode, into: FeatureCollector): void {
  into.property(card, 'minHeight', V1_2);
  into.backgroundImage(card);
  into.property(card, 'authentication', V1_4);
  into.property(card, 'rtl', V1_5);
  into.property(card, 'metadata', V1_6);
}

function checkFeatureVersions(model: CardModel, ctx: RuleContext): void {
  const version = model.version;
  if (version === undefined) return;
  const collector = new FeatureCollector();
  for (const card of model.cards) collectCardFeatures(card.node, collector);
  const refresh = presentValue(model.top, 'refresh');
  if (refresh) collector.property(refresh, 'expires', V1_6, '"refresh.expires"');
  for (const element of model.elements) if (!isRejectedElement(element)) collectElementFeatures(element, collector);
  for (const action of model.actions) if (!isRejectedAction(action, version)) collectActionFeatures(action, collector);

  const declared = versionText(version);
  for (const feature of collector.features) {
    if (compareVersion(version, feature.since.major, feature.since.minor) >= 0) continue;
    const since = versionText(feature.since);
    const fix = compareVersion(feature.since, 1, 4) > 0
      ? 'Outlook renders at most 1.4, so remove it.'
      : `Remove it, or move the card to version "1.4" (which means Action.Execute instead of Action.Http).`;
    ctx.report('AM022', feature.node, `${feature.what} needs Adaptive Cards ${since}, but the card declares version "${declared}", so Outlook ignores it. ${fix}`);
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
  checkActionModel, checkFeatureVersions, checkElementTypes, checkActionTypes, checkActionCount, checkShowCardCards,
];
