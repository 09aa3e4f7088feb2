// The one `{{id.value}}` grammar (server/src/card/input-tokens.ts), and the three places that must read tokens as it
// does: the rules (AM046/AM047), the preview's substitution, and the TextMate grammar that colours them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import {
  bracedTokens, inputIdOf, inputToken, isSubstitutableId, substituteInputTokens, substitutableIdFrom, valueReferenceName
} from '../../server/src/card/input-tokens';
import { substituteInputs } from '../../server/src/card';
import { card, findings } from './helpers';

/** The input id when `value` is exactly one input token as the module reads it, e.g. `{{comment.value}}`. */
function wholeInputTokenId(value: string): string | undefined {
  const [first] = bracedTokens(value);
  return first?.kind === 'input' && first.text.length === value.length ? first.inputId : undefined;
}

/** The inputs of the card the rules see, and of the preview's substitution. */
const CARD_INPUTS = ['comment', 'a', 'N', 'x_1$@'];

type TokenKind = 'input' | 'unknown input' | 'text function' | 'not a token' | 'no braces';

/** Strings that are one `{{…}}` (or almost), what they are, and for input tokens the card input they name. */
const TOKENS: readonly (readonly [text: string, kind: TokenKind, input?: string])[] = [
  ['{{comment.value}}', 'input', 'comment'],
  ['{{COMMENT.VALUE}}', 'input', 'comment'],
  ['{{Comment.vaLuE}}', 'input', 'comment'],
  ['{{a.value}}', 'input', 'a'],
  ['{{n.value}}', 'input', 'N'],
  ['{{x_1$@.value}}', 'input', 'x_1$@'],
  ['{{missing.value}}', 'unknown input'],
  ['{{a$.value}}', 'unknown input'],
  ['{{@.value}}', 'unknown input'],
  ['{{0.Value}}', 'unknown input'],
  ['{{aXvalue}}', 'not a token'],
  ['{{a-value}}', 'not a token'],
  ['{{a.valueX}}', 'not a token'],
  ['{{a.valu}}', 'not a token'],
  ['{{a.vaIue}}', 'not a token'],
  ['{{a..value}}', 'not a token'],
  ['{{.value}}', 'not a token'],
  ['{{a.value.value}}', 'not a token'],
  ['{{comment}}', 'not a token'],
  ['{{ comment.value }}', 'not a token'],
  ['{{comment.value }}', 'not a token'],
  ['{{comment.value\n}}', 'not a token'],
  ['{{shirt-size.value}}', 'not a token'],
  ['{{first name.value}}', 'not a token'],
  ['{{cómment.value}}', 'not a token'],
  ['{{comment.valuе}}', 'not a token'], // Cyrillic е
  ['{{{comment.value}}', 'not a token'],
  ['{{{{comment.value}}', 'not a token'],
  ['{{}}', 'not a token'],
  ['{{date(2024-06-03T12:00:00Z)}}', 'not a token'],
  ['{{DATE(2024-06-03T12:00:00Z, SHORT)}}', 'text function'],
  ['{{TIME(2024-06-03T12:00:00Z)}}', 'text function'],
  ['{{comment.value}', 'no braces'],
  ['{comment.value}}', 'no braces'],
  ['{ {comment.value}}', 'no braces'],
  ['comment.value', 'no braces'],
];

describe('input tokens: the grammar', () => {
  it('finds each {{ up to the first }} after it, with its offset and what it names', () => {
    const value = 'a {{x.value}} {{DATE(2024-06-03)}} {{y}}{{Z.VALUE}} {{open';
    assert.deepEqual(bracedTokens(value), [
      { offset: 2, text: '{{x.value}}', inner: 'x.value', kind: 'input', inputId: 'x' },
      { offset: 14, text: '{{DATE(2024-06-03)}}', inner: 'DATE(2024-06-03)', kind: 'textFunction' },
      { offset: 35, text: '{{y}}', inner: 'y', kind: 'other' },
      { offset: 40, text: '{{Z.VALUE}}', inner: 'Z.VALUE', kind: 'input', inputId: 'Z' },
    ]);
    assert.deepEqual(bracedTokens('{{ {{a.value}}').map(({ text, kind }) => [text, kind]), [['{{ {{a.value}}', 'other']]);
    assert.deepEqual(bracedTokens('no tokens }} {{'), []);
  });

  it('names the input of exactly one token, and knows which ids a token can name', () => {
    for (const [text, kind] of TOKENS) {
      const id = wholeInputTokenId(text);
      assert.equal(id !== undefined, kind === 'input' || kind === 'unknown input', text);
      if (id !== undefined) assert.equal(inputToken(id).toLowerCase(), text.toLowerCase(), text);
    }
    assert.equal(wholeInputTokenId('{{a.value}} '), undefined);
    assert.equal(wholeInputTokenId('{{a.value}}{{b.value}}'), undefined);
    assert.equal(inputIdOf('Due.VALUE'), 'Due');
    assert.equal(valueReferenceName('first name.Value'), 'first name');
    assert.equal(valueReferenceName('value'), undefined);
    assert.ok(isSubstitutableId('a_Z9$@'));
    assert.ok(!isSubstitutableId(''));
    assert.ok(!isSubstitutableId('a-b'));
    assert.equal(substitutableIdFrom('shirt-size #2'), 'shirtsize2');
  });

  it('substitutes input tokens with values as given, leaving the others and unknown ids as written', () => {
    const values = new Map([['a', '$& {{b.value}}'], ['b', 'B']]);
    assert.equal(substituteInputTokens('{{a.value}}{{A.Value}} {{b}} {{c.value}} {{b.value}}', (id) => values.get(id.toLowerCase())),
      '$& {{b.value}}$& {{b.value}} {{b}} {{c.value}} B');
    assert.equal(substituteInputTokens('{{{{b.value}}', () => 'B'), '{{{{b.value}}');
  });
});

describe('input tokens: the rules and the preview agree', () => {
  const cardText = (body: string): string => card('1.0', CARD_INPUTS.map((id) => ({ type: 'Input.Text', id })), {
    actions: [{ type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/c', body }],
  });
  const tokenRules = (body: string): string[] => findings(cardText(body)).filter((f) => f.rule === 'AM046' || f.rule === 'AM047').map((f) => f.rule);
  const values = new Map(CARD_INPUTS.map((id) => [id, `<${id}>`]));
  const RULES_SAY: Record<TokenKind, readonly string[]> = {
    'input': [], 'unknown input': ['AM046'], 'text function': [], 'not a token': ['AM047'], 'no braces': [],
  };

  for (const [text, kind, input] of TOKENS) {
    it(`${JSON.stringify(text)}: ${kind}`, () => {
      assert.deepEqual(tokenRules(text), RULES_SAY[kind], 'the rules (AM046/AM047)');
      assert.equal(substituteInputs(text, values, 'json'), input === undefined ? text : `<${input}>`, 'the preview');
      assert.equal(substituteInputs(`x${text}y`, values, 'json'), input === undefined ? `x${text}y` : `x<${input}>y`, 'the preview, inside text');
    });
  }
});

describe('input tokens: the TextMate grammar colours exactly the input tokens', () => {
  let fullMatch: oniguruma.OnigScanner;
  before(async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const grammar = JSON.parse(readFileSync(path.join(__dirname, '../../../syntaxes/card-tokens.injection.json'), 'utf8')) as {
      repository: Record<string, { match: string }>;
    };
    fullMatch = new oniguruma.OnigScanner([`\\A(?:${grammar.repository['input-substitution']!.match})\\z`]);
  });

  it('matches a whole string exactly when the module reads it as one input token, and captures the same id', () => {
    const more = ['{{a.value}}{{b.value}}', '{{a.value}} ', '', '{{', '{{a$@_.VALUE}}', '{{DATE(a.value)}}'];
    for (const text of [...TOKENS.map(([token]) => token), ...more]) {
      const match = fullMatch.findNextMatchSync(text, 0);
      const grammarId = match === null ? undefined : text.slice(match.captureIndices[2]!.start, match.captureIndices[2]!.end);
      assert.equal(grammarId, wholeInputTokenId(text), JSON.stringify(text));
    }
  });
});
