import { TextDocument, type Position, type Range } from 'vscode-languageserver-textdocument';

export type { Position, Range };

/** Something located by character offsets into a text, such as a Finding or a SyntaxProblem. */
export interface OffsetSpan {
  readonly offset: number;
  readonly length: number;
}

/** Where each line of a text without CR starts: 0, and one past each LF. */
function lineFeedStarts(text: string): number[] {
  const starts = [0];
  for (let lineFeed = text.indexOf('\n'); lineFeed >= 0; lineFeed = text.indexOf('\n', lineFeed + 1)) starts.push(lineFeed + 1);
  return starts;
}

/**
 * Converts offsets of one text into LSP positions (zero-based line and UTF-16 character; CR, LF and CRLF all end
 * a line), as TextDocument.positionAt does. Build it once per text: the line table is computed on the first lookup
 * and reused. A text without CR has its lines found by indexOf, in a third of the time of TextDocument's loop over
 * every character (amcard lint locates the findings of thousands of files); a text with a CR is left to TextDocument
 * and its rules for CR and CRLF.
 */
export class PositionLocator {
  private readonly text: string;
  /** The line starts of a text without CR. */
  private lineStarts: number[] | undefined;
  /** The document of a text with a CR. */
  private document: TextDocument | undefined;

  constructor(text: string) {
    this.text = text;
  }

  positionAt(offset: number): Position {
    if (this.lineStarts === undefined && this.document === undefined) {
      if (this.text.includes('\r')) this.document = TextDocument.create('amcard:text', 'json', 0, this.text);
      else this.lineStarts = lineFeedStarts(this.text);
    }
    if (this.document !== undefined) return this.document.positionAt(offset);
    const starts = this.lineStarts!;
    const at = Math.max(Math.min(offset, this.text.length), 0);
    // The last line that starts at or before `at`; line 0 starts at 0, so there is one.
    let after = 1;
    let end = starts.length;
    while (after < end) {
      const middle = (after + end) >>> 1;
      if (starts[middle]! > at) end = middle;
      else after = middle + 1;
    }
    return { line: after - 1, character: at - starts[after - 1]! };
  }

  rangeOf(span: OffsetSpan): Range {
    return { start: this.positionAt(span.offset), end: this.positionAt(span.offset + span.length) };
  }
}
