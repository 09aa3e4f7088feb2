import type { RuleId } from './catalog';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One problem in a document, located by character offsets into the text the service was given. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly offset: number;
  readonly length: number;
}
