// What completion offers, in the service's own types: shared by the schema's proposals and the snippets.
import type { TextEdit } from './json-edit';

export type CompletionKind = 'property' | 'value' | 'type' | 'snippet';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText: string;
  /** When true, insertText uses snippet syntax ($1, ${1:default}). */
  readonly insertTextIsSnippet: boolean;
  /** The text from replaceOffset to replaceOffset + replaceLength is replaced by insertText. */
  readonly replaceOffset: number;
  readonly replaceLength: number;
  readonly filterText?: string;
  /** Edits elsewhere in the text that go with this one, e.g. the comma before an inserted array item. */
  readonly additionalEdits?: readonly TextEdit[];
}
