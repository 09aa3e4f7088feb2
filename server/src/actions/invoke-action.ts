// One Action.Http as Outlook runs it against a development service: the card's request with Outlook's headers and a
// development token, sent to the action target. `amcard invoke` and the preview's host-side sender both call it.
import { randomUUID } from 'node:crypto';
import { buildHttpRequest, correlationIdOf, withOutlookHeaders, type HttpRequest, type InputValues, type JsonObject } from '../card';
import { developmentTokenClaims, signDevelopmentToken, type DevelopmentKey, type DevelopmentTokenRequest } from '../signing';
import { resolveActionTarget, type ActionTargets } from './action-target';
import { sendActionRequest, type ActionResponse } from './send-action';

export interface ActionInvocation {
  /** The top-level card: its `correlationId` goes into Card-Correlation-Id. */
  readonly card: JsonObject;
  readonly action: JsonObject;
  readonly inputs: InputValues;
  readonly targets: ActionTargets;
  /** Who acts, and the token's shape; the audience of a legacy token is the card's registered host. */
  readonly token: Omit<DevelopmentTokenRequest, 'targetUrl'>;
  readonly key: DevelopmentKey;
  readonly timeoutMs?: number;
}

export interface InvokedAction {
  /** The request as Outlook sends it, to the card's URL. */
  readonly request: HttpRequest;
  /** Where it was sent instead. */
  readonly sentTo: string;
  readonly response: ActionResponse;
}

/** Builds, signs and sends the request; throws ActionTargetError (nothing sent) when no allowed target maps its host. */
export async function invokeHttpAction(invocation: ActionInvocation): Promise<InvokedAction> {
  const cardRequest = buildHttpRequest(invocation.action, invocation.inputs);
  const target = resolveActionTarget(cardRequest.url, invocation.targets);
  const claims = developmentTokenClaims({ ...invocation.token, targetUrl: target.registeredBase });
  const request = withOutlookHeaders(cardRequest, {
    bearerToken: await signDevelopmentToken(claims, invocation.key),
    correlationId: correlationIdOf(invocation.card),
    actionRequestId: randomUUID(),
  });
  const response = await sendActionRequest({ ...request, url: target.url }, invocation.timeoutMs);
  return { request, sentTo: target.url, response };
}

/** The Action.Http actions of a card, anywhere in it (actions, ActionSets, selectActions, ShowCards, autoInvokeAction). */
export function httpActionsOf(card: JsonObject): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const object = value as JsonObject;
      if (object['type'] === 'Action.Http') found.push(object);
      Object.values(object).forEach(visit);
    }
  };
  visit(card);
  return found;
}
