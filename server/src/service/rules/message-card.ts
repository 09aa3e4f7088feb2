import type { JsonNode } from '../json-document';
import type { RuleContext } from './context';

/** Spec § 5.9: the legacy MessageCard mode. */
export function checkMessageCard(_card: JsonNode, _ctx: RuleContext, _payloadOriginator?: string): void {}
