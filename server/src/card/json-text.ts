// Reads the JSON texts the preview shows (card, data file, response file) and the template data that signing and the
// email use. The reading is lenient where the diagnostics are strict: comments and trailing commas do not stop a
// render (the `syntax` diagnostic reports them), but a real syntax error is reported with its line and column.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { findExcessiveNesting, MAX_NESTING_DEPTH } from './nesting-guard';
import { PositionLocator } from './positions';

/** One-based, as editors show them. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

export type JsonTextResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly position: TextPosition };

const LENIENT = { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false };

// Worded for this lenient reading: the diagnostics' own messages (json-document.ts) forbid comments and trailing commas.
const PROBLEMS: Record<string, string> = {
  InvalidSymbol: 'unexpected symbol (JSON has strings in double quotes, numbers, true, false, null, objects and arrays)',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected after the property name',
  CommaExpected: 'a comma is expected between values',
  CloseBraceExpected: 'a closing brace } is expected',
  CloseBracketExpected: 'a closing bracket ] is expected',
  EndOfFileExpected: 'the text goes on after the JSON value',
  InvalidCommentToken: 'malformed comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'invalid escape character in a string',
  InvalidCharacter: 'a control character in a string must be escaped',
};

function positionOf(text: string, offset: number): TextPosition {
  const position = new PositionLocator(text).positionAt(offset);
  return { line: position.line + 1, column: position.character + 1 };
}

export function parseJsonText(text: string): JsonTextResult {
  if (text.trim() === '') return { ok: false, message: 'The file is empty.', position: { line: 1, column: 1 } };
  // jsonc-parser recurses once per level; a pathological depth is refused before it can exhaust the stack.
  const tooDeepAt = findExcessiveNesting(text);
  if (tooDeepAt >= 0) {
    return { ok: false, message: `Nesting deeper than ${MAX_NESTING_DEPTH} levels.`, position: positionOf(text, tooDeepAt) };
  }
  try {
    // Most texts are strict JSON, which the native parser reads several times faster than jsonc-parser.
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // Comments, trailing commas or a real error: jsonc-parser tells which.
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, LENIENT);
  const first = errors[0];
  if (first) {
    const code = printParseErrorCode(first.error);
    return { ok: false, message: `Syntax error: ${PROBLEMS[code] ?? code}.`, position: positionOf(text, first.offset) };
  }
  return { ok: true, value };
}

export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** "null", "an array", "a string", …: what a parsed value is, for messages. */
export function kindOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function formatPosition(position: TextPosition): string {
  return `${position.line}:${position.column}`;
}
