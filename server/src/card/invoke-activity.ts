// The `invoke` activity Outlook's channel sends a bot for an Action.Execute (Universal Action Model): its value,
// built from the action and the inputs for the preview's log, and the whole activity, built around that value for a
// run against a local bot. Pure and browser-safe: the caller passes ids, times and the reply address.
import { isJsonObject, type JsonObject } from './json-text';

export type InvokeTrigger = 'manual' | 'automatic';

/** The name of the invoke activity of an Action.Execute. */
export const ACTION_INVOKE_NAME = 'adaptiveCard/action';

export interface ExecuteInvoke {
  readonly name: typeof ACTION_INVOKE_NAME;
  readonly value: {
    readonly action: { readonly type: 'Action.Execute'; readonly id?: string; readonly verb?: string; readonly data: unknown };
    readonly trigger: InvokeTrigger;
  };
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The Universal Action Model invoke Outlook sends for an `Action.Execute` (a button, or `refresh.action` with
 * trigger automatic): `adaptiveCard/action` with the action's verb and its data merged with the input values.
 * A `data` that is not an object is sent as it is.
 */
export function buildExecuteInvoke(action: JsonObject, inputs: ReadonlyMap<string, string>, trigger: InvokeTrigger): ExecuteInvoke {
  const data = action['data'];
  const inputData = Object.fromEntries(inputs);
  const merged = data === undefined ? inputData : isJsonObject(data) ? { ...data, ...inputData } : data;
  const id = asString(action['id']);
  const verb = asString(action['verb']);
  return {
    name: ACTION_INVOKE_NAME,
    value: { action: { type: 'Action.Execute', ...(id === undefined ? {} : { id }), ...(verb === undefined ? {} : { verb }), data: merged }, trigger },
  };
}

/** An invoke from an untrusted sender (the preview page), checked field by field; undefined when malformed. */
export function executeInvokeFrom(value: unknown): ExecuteInvoke | undefined {
  if (!isJsonObject(value) || value['name'] !== ACTION_INVOKE_NAME || !isJsonObject(value['value'])) return undefined;
  const { action, trigger } = value['value'];
  if (!isJsonObject(action) || action['type'] !== 'Action.Execute' || (trigger !== 'manual' && trigger !== 'automatic')) return undefined;
  const { id, verb, data } = action;
  if ((id !== undefined && typeof id !== 'string') || (verb !== undefined && typeof verb !== 'string')) return undefined;
  return {
    name: ACTION_INVOKE_NAME,
    value: { action: { type: 'Action.Execute', ...(id === undefined ? {} : { id }), ...(verb === undefined ? {} : { verb }), data }, trigger },
  };
}

/** A channel account of the Bot Framework activity schema: the user who clicked, or the bot. */
export interface ChannelAccount {
  readonly id: string;
  readonly name: string;
  /** The user's Microsoft Entra object id, which Outlook's channel sends for the user. */
  readonly aadObjectId?: string;
}

/** Who talks to whom, where replies go, and the activity's own id and time. */
export interface InvokeContext {
  readonly activityId: string;
  /** When the user clicked, as an ISO 8601 string. */
  readonly timestamp: string;
  /** Where the bot sends activities it sends on its own (its replies): the caller hosts it. */
  readonly serviceUrl: string;
  readonly user: ChannelAccount;
  readonly bot: ChannelAccount;
  readonly conversationId: string;
}

/** The channel Outlook's actionable messages talk to bots on. */
export const OUTLOOK_CHANNEL_ID = 'outlook';

/** The invoke activity, shaped as the Outlook channel POSTs it to the bot's messaging endpoint. */
export function buildInvokeActivity(invoke: ExecuteInvoke, context: InvokeContext): JsonObject {
  return {
    type: 'invoke',
    name: invoke.name,
    id: context.activityId,
    timestamp: context.timestamp,
    serviceUrl: context.serviceUrl,
    channelId: OUTLOOK_CHANNEL_ID,
    from: { ...context.user },
    recipient: { ...context.bot },
    conversation: { id: context.conversationId },
    locale: 'en-US',
    value: invoke.value,
  };
}
