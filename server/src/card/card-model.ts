import { arrayItems, presentValue, propertyValue, stringProperty, type JsonNode } from './json-document';

/**
 * docs/rules.md § "Supported elements and actions": the element types Outlook renders, plus Input.Time, which AM031
 * reports by name.
 */
export const ELEMENT_TYPES: ReadonlySet<string> = new Set([
  'TextBlock', 'RichTextBlock', 'Image', 'ImageSet', 'Media', 'Container', 'ColumnSet', 'FactSet', 'ActionSet',
  'Input.Text', 'Input.Number', 'Input.Date', 'Input.Time', 'Input.Toggle', 'Input.ChoiceSet',
]);

/**
 * docs/rules.md § "Supported elements and actions": the action types Outlook renders. Action.Submit is not one of them
 * (AM030).
 */
export const ACTION_TYPES: ReadonlySet<string> = new Set([
  'Action.Http', 'Action.Execute', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility',
  'Action.InvokeAddInCommand', 'Action.DisplayMessageForm', 'Action.DisplayAppointmentForm',
]);

export type ActionSlot = 'actions' | 'selectAction' | 'inlineAction' | 'autoInvokeAction';

/** Where an element sits: ordinary elements, ColumnSet columns, ImageSet images, RichTextBlock inlines. */
export type ElementKind = 'element' | 'column' | 'image' | 'textRun';

export interface CardRef {
  readonly node: JsonNode;
  /** 0 for the top-level card, 1 for a ShowCard card in it, and so on. */
  readonly showCardDepth: number;
}

export interface ElementRef {
  readonly node: JsonNode;
  /** The declared type; for columns and ImageSet images an absent type means Column and Image. */
  readonly type: string | undefined;
  readonly kind: ElementKind;
  /** False when the node is not an object or its type is not one Outlook renders (AM032); such nodes are not descended into. */
  readonly known: boolean;
  readonly card: CardRef;
}

export interface ActionRef {
  readonly node: JsonNode;
  readonly type: string | undefined;
  readonly slot: ActionSlot;
  readonly known: boolean;
  readonly card: CardRef;
}

export interface Version {
  readonly major: number;
  readonly minor: number;
}

/**
 * One walk over an Adaptive Card as docs/rules.md § "Walking an Adaptive Card" describes it. `fallback` content is
 * never walked; an element or action of unknown type with a `fallback` is left out; the special slots are not walked
 * as actions: `refresh.action` (AM056 reads it) and `autoInvokeAction` (kept apart for the rules that read it).
 */
export interface CardModel {
  readonly top: JsonNode;
  /** The top-level version when it is a "major.minor" string, else undefined (AM002). */
  readonly version: Version | undefined;
  readonly cards: readonly CardRef[];
  readonly elements: readonly ElementRef[];
  /** The actions of the walk: card and ActionSet actions, selectActions, inlineActions, in every card. */
  readonly actions: readonly ActionRef[];
  /**
   * The top-level card's `autoInvokeAction` when present (not null). Not an action of the walk: only AM020, AM048 and
   * the Action.Http rules read it (actionsWithAutoInvoke); the ordinary action rules, ids and "uses UAM" do not.
   */
  readonly autoInvokeAction: ActionRef | undefined;
  /** Every `actions` array: card actions and ActionSet actions (AM036). */
  readonly actionArrays: readonly JsonNode[];
  /** `Action.ShowCard.card` values that are not an object with "type": "AdaptiveCard" (AM001); not descended. */
  readonly invalidShowCards: readonly JsonNode[];
  /** The top-level card has `refresh` or an Action.Execute among its actions, whatever its version. */
  readonly hasUniversalActions: boolean;
  /**
   * "Uses UAM" (docs/rules.md § "Walking an Adaptive Card"): the top-level version is 1.4 or higher and the card has
   * universal actions. Below 1.4 Outlook does not run them (AM021), so the card is an Action.Http card.
   */
  readonly usesUam: boolean;
  /**
   * The card came from a signed payload with an `originator` claim (present: not null, not blank), which stands in
   * for the card's own (AM010/AM011).
   */
  readonly payloadHasOriginator: boolean;
}

/** A card version written "major.minor". */
export function parseVersionText(text: string): Version | undefined {
  const match = /^(\d+)\.(\d+)$/.exec(text);
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

export function parseVersion(node: JsonNode | undefined): Version | undefined {
  return node?.type === 'string' ? parseVersionText(node.value as string) : undefined;
}

export function compareVersion(a: Version, major: number, minor: number): number {
  return a.major !== major ? a.major - major : a.minor - minor;
}

export function isAdaptiveCardObject(node: JsonNode | undefined): boolean {
  return node?.type === 'object' && stringProperty(node, 'type') === 'AdaptiveCard';
}

const SELECT_ACTION_HOSTS: ReadonlySet<string> = new Set(['Container', 'Column', 'ColumnSet', 'Image']);

/**
 * The walk runs on every element and action of every card. Its loops are indexed: `amcard lint` runs it mostly before
 * V8 has optimized it, and until then a for-of loop allocates an iterator and a result object per item.
 */
export function buildCardModel(top: JsonNode, payloadHasOriginator = false): CardModel {
  const cards: CardRef[] = [];
  const elements: ElementRef[] = [];
  const actions: ActionRef[] = [];
  const actionArrays: JsonNode[] = [];
  const invalidShowCards: JsonNode[] = [];

  const walkAction = (node: JsonNode, slot: ActionSlot, card: CardRef): void => {
    if (node.type !== 'object') {
      actions.push({ node, type: undefined, slot, known: false, card });
      return;
    }
    const type = stringProperty(node, 'type');
    const known = type !== undefined && ACTION_TYPES.has(type);
    if (!known && type !== 'Action.Submit' && presentValue(node, 'fallback') !== undefined) return;
    actions.push({ node, type, slot, known, card });
    if (type !== 'Action.ShowCard' || slot === 'selectAction' || slot === 'inlineAction') return;
    const shown = propertyValue(node, 'card');
    if (isAdaptiveCardObject(shown)) walkCard(shown!, card.showCardDepth + 1);
    else invalidShowCards.push(shown ?? node);
  };

  const walkActionArray = (array: JsonNode | undefined, card: CardRef): void => {
    if (array?.type !== 'array') return;
    actionArrays.push(array);
    const items = arrayItems(array);
    for (let index = 0; index < items.length; index++) walkAction(items[index]!, 'actions', card);
  };

  /** Each item of the array value of `node`'s property `name` as an element of `kind`. */
  const walkElements = (node: JsonNode, name: string, kind: ElementKind, card: CardRef): void => {
    const items = arrayItems(propertyValue(node, name));
    for (let index = 0; index < items.length; index++) walkElement(items[index]!, kind, card);
  };

  const walkSelectAction = (host: JsonNode, card: CardRef): void => {
    const selectAction = propertyValue(host, 'selectAction');
    if (selectAction !== undefined && selectAction.type !== 'null') walkAction(selectAction, 'selectAction', card);
  };

  const walkElement = (node: JsonNode, kind: ElementKind, card: CardRef): void => {
    if (node.type !== 'object') {
      // RichTextBlock inlines may be plain strings.
      if (kind !== 'textRun') elements.push({ node, type: undefined, kind, known: false, card });
      return;
    }
    // A column's or an ImageSet image's type may be left out, and must then be right if present: `"type": 5` is none.
    const typeValue = presentValue(node, 'type');
    const type = typeValue === undefined ? (kind === 'column' ? 'Column' : kind === 'image' ? 'Image' : undefined)
      : typeValue.type === 'string' ? (typeValue.value as string) : undefined;
    const known =
      kind === 'column' ? type === 'Column' :
      kind === 'image' ? type === 'Image' :
      kind === 'textRun' ? true :
      type !== undefined && ELEMENT_TYPES.has(type);
    if (!known && presentValue(node, 'fallback') !== undefined) return;
    elements.push({ node, type, kind, known, card });
    if (!known) return;
    if (kind === 'textRun') {
      walkSelectAction(node, card);
      return;
    }
    if (type !== undefined && SELECT_ACTION_HOSTS.has(type)) walkSelectAction(node, card);
    switch (type) {
      case 'Container':
      case 'Column':
        walkElements(node, 'items', 'element', card);
        break;
      case 'ColumnSet':
        walkElements(node, 'columns', 'column', card);
        break;
      case 'ImageSet':
        walkElements(node, 'images', 'image', card);
        break;
      case 'RichTextBlock':
        walkElements(node, 'inlines', 'textRun', card);
        break;
      case 'ActionSet':
        walkActionArray(propertyValue(node, 'actions'), card);
        break;
      case 'Input.Text': {
        const inlineAction = propertyValue(node, 'inlineAction');
        if (inlineAction !== undefined && inlineAction.type !== 'null') walkAction(inlineAction, 'inlineAction', card);
        break;
      }
    }
  };

  const walkCard = (node: JsonNode, showCardDepth: number): void => {
    const card: CardRef = { node, showCardDepth };
    cards.push(card);
    walkElements(node, 'body', 'element', card);
    walkActionArray(propertyValue(node, 'actions'), card);
    walkSelectAction(node, card);
  };

  walkCard(top, 0);
  const autoInvoke = presentValue(top, 'autoInvokeAction');
  const autoInvokeAction: ActionRef | undefined = autoInvoke === undefined ? undefined
    : { node: autoInvoke, type: stringProperty(autoInvoke, 'type'), slot: 'autoInvokeAction', known: true, card: cards[0]! };

  const refresh = propertyValue(top, 'refresh');
  const hasUniversalActions = (refresh !== undefined && refresh.type !== 'null') || actions.some((a) => a.type === 'Action.Execute');
  const version = parseVersion(propertyValue(top, 'version'));
  return {
    top,
    version,
    cards,
    elements,
    actions,
    autoInvokeAction,
    actionArrays,
    invalidShowCards,
    hasUniversalActions,
    usesUam: hasUniversalActions && version !== undefined && compareVersion(version, 1, 4) >= 0,
    payloadHasOriginator,
  };
}

/**
 * The actions the Action.Http rules read (AM020, AM041–AM047, and the places of `{{id.value}}` tokens): the walk's
 * actions, then the top-level `autoInvokeAction`.
 */
export function actionsWithAutoInvoke(model: CardModel): readonly ActionRef[] {
  return model.autoInvokeAction === undefined ? model.actions : [...model.actions, model.autoInvokeAction];
}

/** The node to report a problem of a whole element or action on: its "type" value, else the object. */
export function typeNodeOf(node: JsonNode): JsonNode {
  return propertyValue(node, 'type') ?? node;
}

/**
 * docs/rules.md § "Walking an Adaptive Card": every `Input.*` counts as an input for ids, Input.Time and unknown inputs
 * included.
 */
export function isInput(element: ElementRef): boolean {
  return element.type?.startsWith('Input.') === true;
}

/** The non-empty string `id` value node of an element or action object. */
export function idNode(node: JsonNode): JsonNode | undefined {
  const id = propertyValue(node, 'id');
  return id?.type === 'string' && id.value !== '' ? id : undefined;
}

/** The id node an Action.ToggleVisibility `targetElements` entry names: the string itself or the object's `elementId`. */
export function targetIdNode(entry: JsonNode): JsonNode | undefined {
  const id = entry.type === 'object' ? propertyValue(entry, 'elementId') : entry;
  return id?.type === 'string' && (id.value as string).trim() !== '' ? id : undefined;
}
