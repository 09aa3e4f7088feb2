import { TextDocument, type Position, type Range } from 'vscode-languageserver-textdocument';

export type { Position, Range };

/** Something located by character offsets into a text, such as a Finding or a SyntaxProblem. */
export interface OffsetSpan {
  readonly offset: number;
  readonly length: number;
}

/**
 * Converts offsets of one text into LSP positions (zero-based line and UTF-16 character; CR, LF and CRLF all end
 * a line). Build it once per text: the line table is computed on the first lookup and reused.
 */
export class PositionLocator {
  private readonly document: TextDocument;

  constructor(text: string) {
    this.document = TextDocument.create('amcard:text', 'json', 0, text);
  }

  positionAt(offset: number): Position {
    return this.document.positionAt(offset);
  }

  rangeOf(span: OffsetSpan): Range {
    return { start: this.positionAt(span.offset), end: this.positionAt(span.offset + span.length) };
  }
}
