// Renders a card with adaptivecards configured as Outlook's container in adaptivecards-designer
// (src/containers/outlook/outlook-container.ts): Outlook's host config, Action.Submit unregistered, Action.Http
// registered (in cards below 1.4; Action.Execute from 1.4 on, as Outlook renders them), target version 1.4,
// Outlook's extra properties (padding, resources.actions and `action:` links) and Outlook's own actions as buttons.
// Every render gets fresh registries and a fresh serialization context.
import * as Adaptive from 'adaptivecards';
import type { JsonObject } from './card-source';
import { isLinkUrl } from './link-urls';
import { renderOutlookMarkdown } from './markdown';
import { usesUniversalActions, validatesInputs } from './outlook-version';
import { notCheckedInputs, RegexBoundedTextInput } from './regex-text-input';
import type { InputValues } from '../../server/src/card';
import type { TriggeredAction } from './simulation';

export interface RenderedCard {
  readonly element: HTMLElement;
  /** Current values of all the card's inputs, for requests sent without a button (autoInvokeAction). */
  inputValues(): InputValues;
  /** Lays the card out again after its width changed. */
  updateLayout(): void;
}

const OUTLOOK_ACTION_TYPES = ['Action.InvokeAddInCommand', 'Action.DisplayMessageForm', 'Action.DisplayAppointmentForm'];

/** A button-only action class for one of Outlook's own action types; the pane reads its properties from the JSON. */
function outlookActionClass(jsonTypeName: string): new () => Adaptive.Action {
  return class extends Adaptive.Action {
    getJsonTypeName(): string {
      return jsonTypeName;
    }
  };
}
const OUTLOOK_ACTION_CLASSES = new Map(OUTLOOK_ACTION_TYPES.map((type) => [type, outlookActionClass(type)]));

/** Action.OpenUrl whose URL becomes an anchor's href (a TextRun's selectAction) only when link-urls.ts allows it. */
class LinkSafeOpenUrlAction extends Adaptive.OpenUrlAction {
  override getHref(): string | undefined {
    return this.url !== undefined && isLinkUrl(this.url) ? this.url : undefined;
  }
}

// What Outlook's container sets (HostContainer.initialize, then OutlookContainer.initialize). These are global to
// adaptivecards; the preview sets them once and never changes them.
Adaptive.GlobalSettings.useAdvancedCardBottomTruncation = false;
Adaptive.GlobalSettings.useAdvancedTextBlockTruncation = true;
Adaptive.GlobalSettings.useMarkdownInRadioButtonAndCheckbox = false;
Adaptive.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = renderOutlookMarkdown(text);
  result.didProcess = true;
};

/** Outlook renders a card of any declared version as far as 1.4 goes instead of falling back. */
const ANY_VERSION = new Adaptive.Version(Number.MAX_SAFE_INTEGER, 0);

function parsePadding(source: unknown): Adaptive.PaddingDefinition | undefined {
  const spacing = (name: unknown): Adaptive.Spacing =>
    typeof name === 'string' ? Adaptive.parseEnum(Adaptive.Spacing, name, Adaptive.Spacing.None) as Adaptive.Spacing : Adaptive.Spacing.None;
  if (typeof source === 'string') {
    const uniform = spacing(source);
    return new Adaptive.PaddingDefinition(uniform, uniform, uniform, uniform);
  }
  if (typeof source === 'object' && source !== null) {
    const sides = source as Record<string, unknown>;
    return new Adaptive.PaddingDefinition(spacing(sides['top']), spacing(sides['right']), spacing(sides['bottom']), spacing(sides['left']));
  }
  return undefined;
}

function createContext(actionSources: WeakMap<Adaptive.Action, JsonObject>, universalActions: boolean): Adaptive.SerializationContext {
  const elements = new Adaptive.CardObjectRegistry<Adaptive.CardElement>();
  const actions = new Adaptive.CardObjectRegistry<Adaptive.Action>();
  Adaptive.GlobalRegistry.populateWithDefaultElements(elements);
  elements.register('Input.Text', RegexBoundedTextInput, Adaptive.Versions.v1_0);
  Adaptive.GlobalRegistry.populateWithDefaultActions(actions);
  actions.unregister('Action.Submit');
  actions.register('Action.OpenUrl', LinkSafeOpenUrlAction);
  // Outlook's two action models (docs/rules.md § "Card versions"): a card gets Action.Http or Action.Execute, never
  // both.
  if (universalActions) {
    actions.unregister('Action.Http');
  } else {
    actions.register('Action.Http', Adaptive.HttpAction);
    actions.unregister('Action.Execute');
  }
  for (const [type, actionClass] of OUTLOOK_ACTION_CLASSES) actions.register(type, actionClass);

  const context = new Adaptive.SerializationContext(Adaptive.Versions.v1_4);
  context.setElementRegistry(elements);
  context.setActionRegistry(actions);
  context.onParseAction = (action, source: JsonObject) => actionSources.set(action, source);
  context.onParseElement = (element, source: JsonObject) => {
    if (element instanceof Adaptive.Container || element instanceof Adaptive.ColumnSet) {
      const padding = parsePadding(source['padding']);
      if (padding) element.padding = padding;
    }
  };
  return context;
}

/** Outlook's `resources.actions`: actions not shown as buttons, run by `[text](action:id)` links in text. */
function parseResourceActions(card: Adaptive.AdaptiveCard, source: JsonObject, context: Adaptive.SerializationContext): Adaptive.Action[] {
  const resources = source['resources'];
  const actions = typeof resources === 'object' && resources !== null ? (resources as JsonObject)['actions'] : undefined;
  if (!Array.isArray(actions)) return [];
  return actions.flatMap((actionSource: unknown) => {
    const action = context.parseAction(card, actionSource, [], false);
    if (!action) return [];
    action.setParent(card);
    return [action];
  });
}

function valuesOf(inputs: readonly Adaptive.Input[], onlySet: boolean): InputValues {
  const values = new Map<string, string>();
  for (const input of inputs) {
    if (!input.id || values.has(input.id) || (onlySet && !input.isSet())) continue;
    const value: unknown = input.value;
    values.set(input.id, value === undefined || value === null ? '' : String(value));
  }
  return values;
}

/** Outlook ignores `isRequired` and `regex` below 1.3 (validatesInputs): the actions run with any value. */
function ignoreInputValidation(card: Adaptive.AdaptiveCard): void {
  for (const input of card.getAllInputs()) {
    input.isRequired = false;
    if (input instanceof Adaptive.TextInput) input.regex = undefined;
  }
}

export function renderOutlookCard(source: JsonObject, hostConfig: object, onAction: (action: TriggeredAction) => void): RenderedCard {
  const actionSources = new WeakMap<Adaptive.Action, JsonObject>();
  const context = createContext(actionSources, usesUniversalActions(source['version']));
  const card = new Adaptive.AdaptiveCard();
  card.hostConfig = new Adaptive.HostConfig(hostConfig);
  card.maxVersion = ANY_VERSION;
  card.parse(source, context);
  if (!validatesInputs(source['version'])) ignoreInputValidation(card);
  const resourceActions = parseResourceActions(card, source, context);
  const allInputValues = () => valuesOf(card.getAllInputs(), false);

  card.onExecuteAction = (action) => {
    const actionSource = actionSources.get(action) ?? {};
    const type = action.getJsonTypeName();
    // the inputs adaptivecards validated before it ran the action
    const validated = Object.values(action.getReferencedInputs() ?? {});
    if (action instanceof Adaptive.HttpAction) {
      onAction({ kind: 'http', source: actionSource, inputs: allInputValues(), notChecked: notCheckedInputs(validated) });
    } else if (action instanceof Adaptive.ExecuteAction) {
      onAction({ kind: 'execute', source: actionSource, inputs: valuesOf(validated, true), notChecked: notCheckedInputs(validated) });
    } else if (action instanceof Adaptive.OpenUrlAction) {
      onAction({ kind: 'openUrl', url: action.url ?? '' });
    } else if (OUTLOOK_ACTION_CLASSES.has(type)) {
      onAction({ kind: 'outlook', type, source: actionSource });
    }
  };
  card.onAnchorClicked = (_element, anchor) => {
    const actionId = /^action:(.+)$/i.exec(anchor.href)?.[1];
    if (actionId === undefined) {
      onAction({ kind: 'openUrl', url: anchor.href });
    } else {
      resourceActions.find((action) => action.id === actionId)?.execute();
    }
    return true;
  };

  const element = card.render();
  if (!element) throw new Error('adaptivecards rendered nothing for this card.');
  return { element, inputValues: allInputValues, updateLayout: () => card.updateLayout() };
}
