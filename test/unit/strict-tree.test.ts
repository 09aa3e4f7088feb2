// The fast tree builder must agree with jsonc-parser's parseTree: the same tree for every strict JSON text, and
// no tree (so parseTree describes the problem) for every text parseTree rejects.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { parseJsonDocument, plainValue, propertyKeyName, propertyKeyNode, propertyValueNode } from '../../server/src/card/json-document';
import { findExcessiveNesting, MAX_NESTING_DEPTH } from '../../server/src/card/nesting-guard';
import { buildStrictTree } from '../../server/src/card/strict-tree';
import { mutate, readSeeds, seededRandom } from './fuzz-inputs';

/** A number as text that keeps what JSON.stringify loses: -0 and Infinity (which it writes as 0 and null). */
const exactValue = (value: unknown): unknown => (typeof value === 'number' ? `number ${Object.is(value, -0) ? '-0' : String(value)}` : value);

/**
 * The tree as plain data, checking on the way that every child points back at its parent and that the walks' accessors
 * of a property's name, key and value (fields on the strict tree, `children` on parseTree's) give its children, the
 * same key node every time (a rule's report and a code action compare nodes).
 */
function shape(node: JsonNode | undefined, parent?: JsonNode): unknown {
  if (node === undefined) return undefined;
  assert.equal(node.parent, parent, `parent of the ${node.type} at ${node.offset}`);
  if (node.type === 'property') {
    assert.equal(propertyKeyNode(node), node.children?.[0], `key of the property at ${node.offset}`);
    assert.equal(propertyKeyNode(node), propertyKeyNode(node), `the key node of the property at ${node.offset}, asked for twice`);
    assert.equal(propertyKeyName(node), node.children?.[0]?.value, `name of the property at ${node.offset}`);
    assert.equal(propertyValueNode(node), node.children?.[1], `value of the property at ${node.offset}`);
  }
  return {
    type: node.type, offset: node.offset, length: node.length, value: exactValue(node.value), colonOffset: node.colonOffset,
    children: node.children?.map((child) => shape(child, node)),
  };
}

function assertAgrees(text: string, label: string): void {
  const errors: ParseError[] = [];
  const expected = findExcessiveNesting(text) >= 0 ? undefined : parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const strict = buildStrictTree(text, MAX_NESTING_DEPTH);
  if (strict !== undefined && 'tooDeepAt' in strict) {
    assert.equal(strict.tooDeepAt, findExcessiveNesting(text), `${label}: nesting reported at another bracket`);
  } else if (errors.length > 0 || expected === undefined) {
    assert.equal(strict, undefined, `${label}: accepted a text parseTree rejects: ${JSON.stringify(text.slice(0, 200))}`);
  } else {
    assert.ok(strict, `${label}: rejected strict JSON: ${JSON.stringify(text.slice(0, 200))}`);
    // Serialized: deepEqual itself recurses too deeply for the 1,000-level trees.
    assert.equal(JSON.stringify(shape(strict.root)), JSON.stringify(shape(expected)), label);
  }
}

const EDGE_CASES = [
  '{}', '[]', '0', '-0.5e+3', '"x"', 'true', 'null', ' \n\t{ "a" : [ 1 , { } , [ ] ] }\r\n',
  '{"a":1 "b":2}', '{"a":1,}', '[1,]', '{,}', '[,1]', '{"a"}', '{"a":}', '{"a" 1}', '{1:2}', '[1 2]', '01', '-', '1.',
  '1e', '.5', '"\\x"', '"\\u12"', '"a\nb"', '{"a":1}{}', '', ' ', '\uFEFF{}', '/*c*/{}', '{}//c', '{"a"://c\n1}', 'nul',
  'true false', "{'a': 1}", '{"a": NaN}', '{"a": Infinity}', '[', ']', '{', '}', '{"a":[}', '[{]', '{"a":1]', '[1}',
  '{"a":{"b":{"c":[1,2,{"d":null}]}}}', '"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9"', '[1,2,3,4,5,6,7,8,9,10]', '{"":""}',
  '{"a":1,"a":2}', '[' + '['.repeat(MAX_NESTING_DEPTH) + ']'.repeat(MAX_NESTING_DEPTH + 1),
  '['.repeat(MAX_NESTING_DEPTH) + ']'.repeat(MAX_NESTING_DEPTH), '{"a": 1, "b": [' + '['.repeat(MAX_NESTING_DEPTH) + ']',
];

/** Strings, numbers and words at the edges of the hand-written scanner: escapes, surrogates, number forms, whitespace. */
const SCANNER_CASES = [
  '"\\u00e9\\u00E9\\uD83D\\uDE00"', '"\\uD800 lone high"', '"lone low \\uDFFF"', '"\\u0000"', '"\\u00g0"', '"\\uFFFF"',
  '"escape at the end\\n"', '"\\tescape at the start, a long one"', '"a long string of more than thirteen characters"',
  '"\\\\"', '"\\""', '"\\/"', '"\\a"', '"\\', '"\u0001"', '"\u001f"', '"\u007f \u2028 \u0085 😀"', '"unterminated',
  '-0', '[-0, 0, -0.0, 0e0, -0e-0]', '1e400', '-1e400', '0.1e-5', '1E+2', '1e-0', '12345678901234567890123', '9007199254740993',
  '123456789012345678901234567890e-30', '-', '--1', '+1', '-a', '1e+', '1e-', '1.e5', '0x10', '00', '-01', '1.5.3', '[1,-]',
  'truex', '[true1]', 'nulll', '[nul]', 'falsey', '[true,false,null]', 'True', 'NULL',
  '\u000b{}', '\u000c{}', '\u00a0{}', '{}\u2028', '{}\u3000', '\r\n\t {"a":\r\n\t1}\r\n', '{"a"\t:\n1}', '{"a" \u00a0: 1}',
];

/** A random strict JSON text: nested objects and arrays of escaped strings, numbers of every form and words, with random whitespace. */
function generatedDocument(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const space = (): string => pick(['', '', ' ', '\n  ', '\t', '\r\n']);
  const numbers = ['0', '-0', '1', '-12', '3.25', '0.1e-5', '1E+2', '1e400', '-1e400', '5e-324', '12345678901234567890123', '2.5E-3'];
  const pieces = ['a', 'Action.Http', 'é', '😀', ' ', '\\n', '\\"', '\\\\', '\\/', '\\u00e9', '\\uD83D\\uDE00', '\\uD800', '\\uDFFF', '\\b\\f\\r\\t', '{{id.value}}', 'a long run of plain text'];
  const string = (): string => `"${Array.from({ length: Math.floor(random() * 5) }, () => pick(pieces)).join('')}"`;
  const value = (depth: number): string => {
    const roll = random();
    if (depth < 6 && roll < 0.2) {
      const members = Array.from({ length: Math.floor(random() * 5) }, () => `${space()}${string()}${space()}:${space()}${value(depth + 1)}${space()}`);
      return `{${members.join(',')}}`;
    }
    if (depth < 6 && roll < 0.35) return `[${Array.from({ length: Math.floor(random() * 5) }, () => `${space()}${value(depth + 1)}${space()}`).join(',')}]`;
    if (roll < 0.7) return string();
    if (roll < 0.9) return pick(numbers);
    return pick(['true', 'false', 'null']);
  };
  return `${space()}${value(0)}${space()}`;
}

describe('strict tree builder', () => {
  it('agrees with parseTree on hand-picked edge cases', () => {
    EDGE_CASES.forEach((text, index) => assertAgrees(text, `edge case ${index}`));
  });

  it('agrees with parseTree on escapes, surrogates, number forms, words and whitespace', () => {
    SCANNER_CASES.forEach((text, index) => assertAgrees(text, `scanner case ${index}: ${JSON.stringify(text)}`));
    for (const text of ['-0', '1e400', '0.1e-5', '"\\uD800"', '{"a":"\\uDFFF\\u00e9"}']) {
      assert.ok(buildStrictTree(text, MAX_NESTING_DEPTH), `the fast path reads ${text} itself`);
    }
  });

  it('agrees with parseTree on 3,000 generated documents and 3,000 mutations of them', () => {
    const random = seededRandom(2027);
    for (let round = 0; round < 3_000; round++) {
      const text = generatedDocument(random);
      assertAgrees(text, `generated ${round}`);
      const mutated = mutate(text, random);
      assertAgrees(mutated.text, `generated ${round} mutated (${mutated.steps.join(', ')})`);
    }
  });

  it('agrees with parseTree on every seed card and 4,000 seeded mutations of them', () => {
    const seeds = readSeeds();
    for (const [index, seed] of seeds.entries()) assertAgrees(seed, `seed ${index}`);
    const random = seededRandom(4711);
    for (let round = 0; round < 4_000; round++) {
      const seed = seeds[Math.floor(random() * seeds.length)];
      const mutated = mutate(seed, random);
      assertAgrees(mutated.text, `mutation ${round} (${mutated.steps.join(', ')})`);
    }
  });

  it('stops at the bracket that opens one level too many, even after a syntax error earlier in the text', () => {
    const deep = '{"a": NaN, "b": ' + '['.repeat(10_000) + ']'.repeat(10_000) + '}';
    assert.equal(parseJsonDocument(deep).syntaxProblem?.offset, 16 + MAX_NESTING_DEPTH - 1);
    const valid = '['.repeat(10_000) + ']'.repeat(10_000);
    assert.equal(buildStrictTree(valid, MAX_NESTING_DEPTH)?.hasOwnProperty('tooDeepAt'), true);
    assert.equal(parseJsonDocument(valid).syntaxProblem?.offset, MAX_NESTING_DEPTH);
  });
});

/** JSON.stringify that keeps -0 apart from 0; key order and own "__proto__" keys show in the text. */
const exactText = (value: unknown): string => JSON.stringify(value, (_key, item: unknown) => (Object.is(item, -0) ? 'number -0' : item));

function assertPlainValueIsJsonParse(text: string, label: string): void {
  const { root } = parseJsonDocument(text);
  if (root === undefined) return;
  // The root's own text, as the schema check parsed it before: a leading byte order mark is not part of it.
  assert.equal(exactText(plainValue(root)), exactText(JSON.parse(text.slice(root.offset, root.offset + root.length))), label);
}

describe('plainValue of the tree (what the schema check validates)', () => {
  it('is JSON.parse of the text: duplicate keys, "__proto__", -0, escapes, number forms', () => {
    const cases = [...EDGE_CASES, ...SCANNER_CASES, '{"__proto__": {"a": 1}, "b": [1]}', '{"a": 1, "b": 2, "a": [3]}', '{"constructor": 1, "toString": "x"}'];
    cases.forEach((text, index) => assertPlainValueIsJsonParse(text, `case ${index}: ${JSON.stringify(text.slice(0, 80))}`));
    const proto = plainValue(parseJsonDocument('{"__proto__": {"a": 1}}').root!) as object;
    assert.equal(Object.getPrototypeOf(proto), Object.prototype, '"__proto__" must not become the prototype');
  });

  it('is JSON.parse of the text on 3,000 generated documents and every seed card', () => {
    const random = seededRandom(2028);
    for (let round = 0; round < 3_000; round++) assertPlainValueIsJsonParse(generatedDocument(random), `generated ${round}`);
    for (const [index, seed] of readSeeds().entries()) assertPlainValueIsJsonParse(seed, `seed ${index}`);
  });
});

describe('parseJsonDocument and a byte order mark', () => {
  it('reads a leading BOM as whitespace, with offsets that count it', () => {
    const document = parseJsonDocument('\uFEFF{"a": [1]}');
    assert.equal(document.syntaxProblem, undefined);
    assert.equal(document.text, '\uFEFF{"a": [1]}', 'the text as given');
    assert.deepEqual([document.root?.offset, document.root?.length], [1, 10]);
    assert.equal(parseJsonDocument('\uFEFF{"a": NaN}').syntaxProblem?.offset, 7);
    assert.equal(parseJsonDocument('\uFEFF' + '['.repeat(MAX_NESTING_DEPTH + 1)).syntaxProblem?.offset, MAX_NESTING_DEPTH + 1);
  });

  it('refuses a BOM anywhere else, as JSON does', () => {
    assert.equal(parseJsonDocument(' \uFEFF{}').syntaxProblem?.offset, 1);
    assert.equal(parseJsonDocument('\uFEFF\uFEFF{}').syntaxProblem?.offset, 1);
    assert.equal(parseJsonDocument('{"a": 1}\uFEFF').syntaxProblem?.offset, 8);
  });
});
