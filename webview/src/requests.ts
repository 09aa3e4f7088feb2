// The Universal Actions invoke of a card's Action.Execute as text for the "Simulated actions" log (the invoke itself
// is the card kernel's, server/src/card/invoke-activity.ts, as an Action.Http's request is http-request.ts). Pure:
// nothing here touches the network.
import type { ExecuteInvoke } from '../../server/src/card';

export function formatExecuteInvoke(invoke: ExecuteInvoke): string {
  return [
    `invoke ${invoke.name} (trigger: ${invoke.value.trigger})`,
    `verb: ${invoke.value.action.verb ?? '(none)'}`,
    '',
    JSON.stringify(invoke, null, 2),
  ].join('\n');
}
