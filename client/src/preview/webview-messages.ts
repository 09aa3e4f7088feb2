import type { PreviewOptions, WebviewMessage } from '../../../webview/src/protocol';
import { previewOptionsFrom } from '../../../webview/src/preview-options';

type Fields = Record<string, unknown>;

const OUTCOMES = new Set(['card', 'problem', 'keptLastGood']);
const PICK_TRIGGERS = new Set(['action', 'refresh', 'autoInvokeAction']);

const isStringPair = (pair: unknown): pair is [string, string] =>
  Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string';

function sendHttpActionFrom(message: Fields): WebviewMessage | undefined {
  const { title, action, inputs, correlationId, automatic } = message;
  if (typeof title !== 'string' || typeof action !== 'object' || action === null || Array.isArray(action)) return undefined;
  if (!Array.isArray(inputs) || !inputs.every(isStringPair)) return undefined;
  if (correlationId !== undefined && typeof correlationId !== 'string') return undefined;
  if (automatic !== undefined && automatic !== true) return undefined;
  return {
    type: 'sendHttpAction', title, action: action as Fields, inputs,
    ...(correlationId === undefined ? {} : { correlationId }), ...(automatic ? { automatic } : {}),
  };
}

/**
 * A message from the webview, checked field by field: the page runs card content, so the host trusts nothing it
 * posts. Anything malformed is undefined and ignored.
 */
export function webviewMessageFrom(value: unknown): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Fields;
  switch (message.type) {
    case 'ready':
    case 'showProblems':
      return { type: message.type };
    case 'rendered':
      if (typeof message.sequence !== 'number' || typeof message.durationMs !== 'number' || !OUTCOMES.has(message.outcome as string)) return undefined;
      return { type: 'rendered', sequence: message.sequence, durationMs: message.durationMs, outcome: message.outcome as 'card' | 'problem' | 'keptLastGood' };
    case 'openUrl':
      return typeof message.url === 'string' ? { type: 'openUrl', url: message.url } : undefined;
    case 'actionSimulated':
      return typeof message.title === 'string' ? { type: 'actionSimulated', title: message.title } : undefined;
    case 'pickResponse':
      return PICK_TRIGGERS.has(message.trigger as string) ? { type: 'pickResponse', trigger: message.trigger as 'action' | 'refresh' | 'autoInvokeAction' } : undefined;
    case 'sendHttpAction':
      return sendHttpActionFrom(message);
    case 'invokeBot':
      return { type: 'invokeBot', invoke: message.invoke };
    case 'optionsChanged': {
      const options: PreviewOptions = previewOptionsFrom(message.options);
      return { type: 'optionsChanged', options };
    }
    default:
      return undefined;
  }
}
