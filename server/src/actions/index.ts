// The round trip with an action's own service: which local target answers for a card's host (and what may be
// contacted), the request Outlook sends with a development token, and the response envelope. Imports card/ and signing/.
export { ActionTargetError, isLoopbackUrl, parseTargetPair, resolveActionTarget, type ActionTargets, type ResolvedTarget } from './action-target';
export { httpActionsOf, invokeHttpAction, type ActionInvocation, type InvokedAction } from './invoke-action';
export { DEFAULT_ACTION_TIMEOUT_MS, MAX_RESPONSE_BODY_BYTES, formatActionResponse, sendActionRequest, type ActionResponse } from './send-action';
