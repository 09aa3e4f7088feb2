import type { RuleId, Severity } from './catalog';

/** One problem in a document, located by character offsets into the text the service was given. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly offset: number;
  readonly length: number;
}
