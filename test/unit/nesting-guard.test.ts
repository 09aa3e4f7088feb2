// The nesting guard against the parsers it protects: jsonc-parser (parseTree, parse, visit and getLocation all run
// its `visit`) and vscode-json-languageservice's parser (completion, hover and the structure features). On generated
// texts made of the edge cases of comments, line breaks, strings, escapes and unterminated tokens, the guard must
// never count fewer levels than either parser recurses into, and must count exactly jsonc-parser's levels, at the
// same brackets, wherever that parser skips no token to recover from an error.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { printParseErrorCode, visit, type ParseOptions } from 'jsonc-parser';
import { getLanguageService, TextDocument, type ASTNode } from 'vscode-json-languageservice';
import { findExcessiveNesting } from '../../server/src/card/nesting-guard';
import { seededRandom } from './fuzz-inputs';

interface ParserNesting {
  /** How many levels deep the parser recursed. */
  readonly depth: number;
  /** The offset of the bracket at which it first entered level i + 1. */
  readonly firstAt: readonly number[];
}

/** jsonc-parser's recursion, as its begin and end callbacks report it, and whether it skipped tokens to recover. */
function jsoncNesting(text: string, options: ParseOptions): ParserNesting & { readonly recovered: boolean } {
  const firstAt: number[] = [];
  let level = 0;
  let recovered = false;
  const begin = (offset: number): void => {
    if (firstAt.length === level) firstAt.push(offset);
    level++;
  };
  const end = (): void => {
    level--;
  };
  visit(text, {
    onObjectBegin: begin, onArrayBegin: begin, onObjectEnd: end, onArrayEnd: end,
    // These three errors are the ones after which the parser skips tokens up to a comma or a closing bracket.
    onError: (error) => {
      if (['ValueExpected', 'PropertyNameExpected', 'ColonExpected'].includes(printParseErrorCode(error))) recovered = true;
    },
  }, options);
  return { depth: firstAt.length, firstAt, recovered };
}

const languageService = getLanguageService({});

/** The depth of containers in vscode-json-languageservice's tree: it builds one node per recursion. */
function languageServiceDepth(text: string): number {
  const { root } = languageService.parseJSONDocument(TextDocument.create('test://nesting.json', 'json', 0, text));
  let deepest = 0;
  const pending: { node: ASTNode; depth: number }[] = root ? [{ node: root, depth: 0 }] : [];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const depth = next.node.type === 'object' || next.node.type === 'array' ? next.depth + 1 : next.depth;
    deepest = Math.max(deepest, depth);
    for (const child of next.node.children ?? []) pending.push({ node: child, depth });
  }
  return deepest;
}

/** What the guard reports at each limit: the offset of the bracket opening level `limit + 1`, until it says none. */
function guardNesting(text: string): ParserNesting {
  const firstAt: number[] = [];
  for (let limit = 0; ; limit++) {
    const at = findExcessiveNesting(text, limit);
    if (at < 0) return { depth: limit, firstAt };
    firstAt.push(at);
  }
}

/** The options the project parses with: strict (json-document.ts), the default (getLocation, verify.ts), lenient (the preview). */
const OPTIONS: readonly ParseOptions[] = [
  { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  {},
  { disallowComments: false, allowTrailingComma: true },
];

/** Compares guard and parsers on `text`; returns whether jsonc-parser read it without skipping (the exact case). */
function assertGuardHolds(text: string, label: string): boolean {
  const guard = guardNesting(text);
  const shown = JSON.stringify(text);
  const languageService = languageServiceDepth(text);
  assert.ok(languageService <= guard.depth, `${label}: vscode-json-languageservice nests ${languageService} levels, the guard counts ${guard.depth}: ${shown}`);
  let exact = false;
  for (const options of OPTIONS) {
    const jsonc = jsoncNesting(text, options);
    assert.ok(jsonc.depth <= guard.depth, `${label}: jsonc-parser nests ${jsonc.depth} levels, the guard counts ${guard.depth}: ${shown}`);
    if (!jsonc.recovered) {
      assert.deepEqual(guard.firstAt, jsonc.firstAt, `${label}: the guard's levels start at other brackets than jsonc-parser's: ${shown}`);
      exact = true;
    }
  }
  return exact;
}

/** Fragments around which the old guard and the parser disagreed, and the brackets and separators around them. */
const FRAGMENTS = [
  '[', '[', '[', '{', '{', ']', '}', ',', ':', ' ', '1', 'true', 'x', '"', '"', '"a"', '"a":', '\\', '\\"', '\\\\', '\\u', '\\u00e9',
  '\\n', '\n', '\r', '\r\n', '\u2028', '\t', '\u0000', '\u001f', '//', '/*', '*/', '/', '#', '\uFEFF',
];

function generatedText(random: () => number): string {
  const length = 1 + Math.floor(random() * 24);
  return Array.from({ length }, () => FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]).join('');
}

/** The shapes of the probe's overflow at a depth these tests can afford. */
const EDGE_CASES = [
  '[//"\n[[[', '[/*"*/[[[', '["\n[[[', '["a\\"\n[[', '["\\\n[[[', '["\\u\n[[', '["\r[[', '["\u2028[[', '[//\r[[', '[/*\n*/[[',
  '[/*', '["', '[{"a":"', '[//', '{"a"://"\n[[', '{"a":"\\"}[[', '[},[},[},', '[{]},[{]},', '[1}[[', '{"a" [[',
  '{[[', '{"a":1]', ']][[', '[][[', '1[[', 'x[[', '//c\n[[', '/*"*/[["', '"\\"[["', '[\'"\'[[', '[`"`[[', '[#"\n[[',
  '', ' ', '[', ']', '{}', '[[]]', '[[1,[2,[3]]],{"a":{"b":[]}}]',
];

describe('nesting guard against the parsers', () => {
  it('holds on the edge cases of comments, line breaks, strings, escapes and unterminated tokens', () => {
    for (const [index, text] of EDGE_CASES.entries()) assertGuardHolds(text, `edge case ${index}`);
  });

  it('holds on 20,000 generated texts, and is exact on every one jsonc-parser reads without skipping tokens', () => {
    const random = seededRandom(20261130);
    let exact = 0;
    const count = 20_000;
    for (let i = 0; i < count; i++) if (assertGuardHolds(generatedText(random), `generated text ${i}`)) exact++;
    // The exact comparison must carry weight: most generated texts are read without recovery.
    assert.ok(exact > count / 4, `only ${exact} of ${count} generated texts were compared exactly`);
  });

  it('finds the probe\'s document: a comment hiding a quote before 20,000 brackets', () => {
    const text = '[//"\n' + '['.repeat(20_000);
    assert.equal(findExcessiveNesting(text), 5 + 999);
  });
});
