// The Universal Actions invoke Outlook would send for a card's Action.Execute, built for the "Simulated actions" log
// (an Action.Http's request is the card kernel's, server/src/card/http-request.ts). Pure: nothing here touches the
// network.
import { isJsonObject, type InputValues, type JsonObject } from '../../server/src/card';

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export type InvokeTrigger = 'manual' | 'automatic';

export interface ExecuteInvoke {
  readonly name: 'adaptiveCard/action';
  readonly value: {
    readonly action: { readonly type: 'Action.Execute'; readonly id?: string; readonly verb?: string; readonly data: unknown };
    readonly trigger: InvokeTrigger;
  };
}

/**
 * The Universal Action Model invoke Outlook sends for an `Action.Execute` (a button, or `refresh.action` with
 * trigger automatic): `adaptiveCard/action` with the action's verb and its data merged with the input values.
 * A `data` that is not an object is sent as it is.
 */
export function buildExecuteInvoke(action: JsonObject, inputs: InputValues, trigger: InvokeTrigger): ExecuteInvoke {
  const data = action['data'];
  const inputData = Object.fromEntries(inputs);
  const merged = data === undefined ? inputData : isJsonObject(data) ? { ...data, ...inputData } : data;
  const id = asString(action['id']);
  const verb = asString(action['verb']);
  return {
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', ...(id === undefined ? {} : { id }), ...(verb === undefined ? {} : { verb }), data: merged }, trigger },
  };
}

export function formatExecuteInvoke(invoke: ExecuteInvoke): string {
  return [
    `invoke ${invoke.name} (trigger: ${invoke.value.trigger})`,
    `verb: ${invoke.value.action.verb ?? '(none)'}`,
    '',
    JSON.stringify(invoke, null, 2),
  ].join('\n');
}
