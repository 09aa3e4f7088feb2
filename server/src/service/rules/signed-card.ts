import type { JsonNode } from '../json-document';
import type { RuleContext } from './context';

/** Spec § 5.10: a signed-card JWS payload (AM090–AM094) and its inner card. */
export function checkSignedPayload(_payload: JsonNode, _ctx: RuleContext): void {}

/** Spec § 5.10: the JSON-LD signed-card envelope (AM095), then its decoded payload. */
export function checkSignedEnvelope(_envelope: JsonNode, _ctx: RuleContext): void {}
