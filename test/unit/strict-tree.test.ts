// The fast tree builder must agree with jsonc-parser's parseTree: the same tree for every strict JSON text, and
// no tree (so parseTree describes the problem) for every text parseTree rejects.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { parseJsonDocument } from '../../server/src/card/json-document';
import { findExcessiveNesting, MAX_NESTING_DEPTH } from '../../server/src/card/nesting-guard';
import { buildStrictTree } from '../../server/src/card/strict-tree';
import { mutate, readSeeds, seededRandom } from './fuzz-inputs';

/** The tree as plain data, checking on the way that every child points back at its parent. */
function shape(node: JsonNode | undefined, parent?: JsonNode): unknown {
  if (node === undefined) return undefined;
  assert.equal(node.parent, parent, `parent of the ${node.type} at ${node.offset}`);
  return {
    type: node.type, offset: node.offset, length: node.length, value: node.value, colonOffset: node.colonOffset,
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

describe('strict tree builder', () => {
  it('agrees with parseTree on hand-picked edge cases', () => {
    EDGE_CASES.forEach((text, index) => assertAgrees(text, `edge case ${index}`));
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
