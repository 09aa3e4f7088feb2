import type { RuleId, Severity } from './catalog';

/** Another place of the document a finding points to, such as the earlier of two duplicate ids. */
export interface RelatedPlace {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

/** One problem in a document, located by character offsets into the text the service was given. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly offset: number;
  readonly length: number;
  /** Other places the problem involves; the editor lists them under the diagnostic. */
  readonly related?: readonly RelatedPlace[];
}
