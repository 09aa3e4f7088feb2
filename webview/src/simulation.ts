// What the preview does instead of Outlook for each action: the log entry with the exact request or what Outlook
// would open, and the URL the host may open after asking the user. Pure: the renderer reports which action ran
// with which input values.
import { isJsonObject, type JsonObject } from './card-source';
import { usesUniversalActions } from './outlook-version';
import type { WebviewMessage } from './protocol';
import {
  buildExecuteInvoke, buildHttpRequest, correlationIdOf, formatHttpRequest, withOutlookHeaders, type ExecuteInvoke, type InputValues,
} from '../../server/src/card';
import { formatExecuteInvoke } from './requests';

export type ResponseTrigger = Extract<WebviewMessage, { type: 'pickResponse' }>['trigger'];

/**
 * An action the user triggered. ShowCard and ToggleVisibility are the renderer's own and are not simulated.
 * `notChecked` names the inputs whose value the preview could not check against their regex, and why.
 */
export type TriggeredAction =
  | { readonly kind: 'http'; readonly source: JsonObject; readonly inputs: InputValues; readonly notChecked?: readonly string[] }
  | { readonly kind: 'execute'; readonly source: JsonObject; readonly inputs: InputValues; readonly notChecked?: readonly string[] }
  | { readonly kind: 'openUrl'; readonly url: string }
  | { readonly kind: 'outlook'; readonly type: string; readonly source: JsonObject };

export interface LogEntry {
  readonly title: string;
  /** The request, or what Outlook would open or show, exactly. */
  readonly text: string;
  /** Set when a response can be applied to this entry: what the response answers. */
  readonly respondsTo?: ResponseTrigger;
}

export interface Simulated {
  readonly entry: LogEntry;
  /** A URL for the host to open after the user confirms. */
  readonly openUrl?: string;
  /** The invoke of an Action.Execute, which the host sends to the bot when one is set. */
  readonly invoke?: ExecuteInvoke;
  /** The Action.Http request, which the host sends to the action target when one maps its host. */
  readonly httpAction?: { readonly source: JsonObject; readonly inputs: InputValues };
}

const OPENABLE_URL = /^(https?|mailto):/i;

function titled(type: string, source: JsonObject): string {
  const title = source['title'];
  return typeof title === 'string' && title !== '' ? `${type}: ${title}` : type;
}

function quoted(value: unknown): string {
  return value === undefined ? '(missing)' : JSON.stringify(value, null, 2);
}

function describeOutlookAction(type: string, source: JsonObject): string {
  if (type === 'Action.InvokeAddInCommand') {
    return [
      'Outlook opens the add-in command:',
      `addInId: ${quoted(source['addInId'])}`,
      `desktopCommandId: ${quoted(source['desktopCommandId'])}`,
      `initializationContext: ${quoted(source['initializationContext'])}`,
    ].join('\n');
  }
  const form = type === 'Action.DisplayAppointmentForm' ? 'appointment' : 'message';
  return `Outlook opens the ${form} form of the item:\nitemId: ${quoted(source['itemId'])}`;
}

/** The request text, and a paragraph on the inputs whose values went into it unchecked. */
function withNotChecked(text: string, notChecked: readonly string[] = []): string {
  if (notChecked.length === 0) return text;
  return `${text}\n\nNot checked against their regex (the preview treats the values as valid):\n${notChecked.map((line) => `- ${line}`).join('\n')}`;
}

/**
 * Stands for the bearer token in a simulated request: the page never holds a token (the extension host signs one
 * only when it sends the request to an action target).
 */
export const SIMULATED_TOKEN = '<development token: signed by VS Code only when it sends the request to an action target>';

/** The request text of an Action.Http of `card`, with the headers Outlook adds, as the host would send it. */
function simulatedHttpRequest(action: JsonObject, inputs: InputValues, card: JsonObject): string {
  return formatHttpRequest(withOutlookHeaders(buildHttpRequest(action, inputs), {
    bearerToken: SIMULATED_TOKEN,
    correlationId: correlationIdOf(card),
    actionRequestId: crypto.randomUUID(),
  }));
}

/** Simulates `action` of the shown `card` (whose correlationId an Action.Http request carries). */
export function simulate(action: TriggeredAction, card: JsonObject): Simulated {
  switch (action.kind) {
    case 'http': {
      const text = withNotChecked(simulatedHttpRequest(action.source, action.inputs, card), action.notChecked);
      return { entry: { title: titled('Action.Http', action.source), text, respondsTo: 'action' }, httpAction: { source: action.source, inputs: action.inputs } };
    }
    case 'execute': {
      const invoke = buildExecuteInvoke(action.source, action.inputs, 'manual');
      const text = withNotChecked(formatExecuteInvoke(invoke), action.notChecked);
      return { entry: { title: titled('Action.Execute', action.source), text, respondsTo: 'action' }, invoke };
    }
    case 'openUrl': {
      // Spaces around the URL are dropped, as a link's href drops them (isLinkUrl), so a Markdown link and an
      // Action.OpenUrl to the same text open alike.
      const url = action.url.trim();
      return OPENABLE_URL.test(url)
        ? { entry: { title: 'Open URL', text: `${url}\n(VS Code asks before opening it.)` }, openUrl: url }
        : { entry: { title: 'Open URL (not opened)', text: `${action.url}\nOnly http, https and mailto links are opened.` } };
    }
    case 'outlook':
      return { entry: { title: titled(action.type, action.source), text: describeOutlookAction(action.type, action.source) } };
  }
}

/** A request a card sends without a click (its refresh, its autoInvokeAction), simulated from a button. */
export interface AutomaticRequest {
  readonly label: string;
  simulate(inputs: InputValues): Simulated;
}

/** The requests `card` sends by itself when Outlook opens it; empty when it has none. */
export function automaticRequests(card: JsonObject): readonly AutomaticRequest[] {
  const requests: AutomaticRequest[] = [];
  const refresh = card['refresh'];
  const refreshAction = isJsonObject(refresh) ? refresh['action'] : undefined;
  if (isJsonObject(refreshAction) && refreshAction['type'] === 'Action.Execute' && usesUniversalActions(card['version'])) {
    requests.push({
      label: 'Simulate refresh',
      // Outlook refreshes as the card opens, before anyone has typed: the invoke carries the action's data only.
      simulate: () => {
        const invoke = buildExecuteInvoke(refreshAction, new Map(), 'automatic');
        return { entry: { title: 'refresh', text: formatExecuteInvoke(invoke), respondsTo: 'refresh' }, invoke };
      },
    });
  }
  const autoInvoke = card['autoInvokeAction'];
  // An Action.Http like any other: Outlook runs it only below 1.4 (AM020).
  if (isJsonObject(autoInvoke) && !usesUniversalActions(card['version'])) {
    requests.push({
      label: 'Simulate autoInvokeAction',
      simulate: (inputs) => ({
        entry: { title: 'autoInvokeAction', text: simulatedHttpRequest(autoInvoke, inputs, card), respondsTo: 'autoInvokeAction' },
        httpAction: { source: autoInvoke, inputs },
      }),
    });
  }
  return requests;
}
