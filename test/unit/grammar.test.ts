// The card-token injection grammar, run by vscode-textmate + vscode-oniguruma over VS Code's JSON and JSON with
// Comments grammars (as shipped by tm-grammars) and over the Adaptive Card language's grammar, the way VS Code injects
// it (package.json contributes.grammars).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const ROOT = path.join(__dirname, '../../..');
const INJECTION = 'card-tokens.injection';
const CARD_SCOPE = 'source.json.adaptive-card';
const GRAMMAR_FILES: Record<string, string> = {
  'source.json': require.resolve('tm-grammars/grammars/json.json'),
  'source.json.comments': require.resolve('tm-grammars/grammars/jsonc.json'),
  [INJECTION]: path.join(ROOT, 'syntaxes/card-tokens.injection.json'),
  [CARD_SCOPE]: path.join(ROOT, 'syntaxes/adaptive-card.tmLanguage.json'),
};

interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

let json: IGrammar;
let jsonc: IGrammar;
let card: IGrammar;

async function loadGrammars(): Promise<void> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const contributed = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] };
  }).contributes.grammars;
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      const file = GRAMMAR_FILES[scopeName];
      return file === undefined ? null : parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
    // As VS Code does: the grammars whose contribution lists this scope in injectTo.
    getInjections: (scopeName) => contributed.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
  });
  json = (await registry.loadGrammar('source.json'))!;
  jsonc = (await registry.loadGrammar('source.json.comments'))!;
  card = (await registry.loadGrammar(CARD_SCOPE))!;
}

function tokenize(grammar: IGrammar, line: string): Token[] {
  return grammar.tokenizeLine(line, INITIAL).tokens.map((token) => ({
    text: line.slice(token.startIndex, token.endIndex),
    scopes: token.scopes,
  }));
}

/** The scopes of the token whose text is exactly `text` (the first such token). */
function scopesOf(tokens: readonly Token[], text: string): readonly string[] {
  const token = tokens.find((t) => t.text === text);
  assert.ok(token, `no token "${text}" in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return token.scopes;
}

function cardTokenScopes(tokens: readonly Token[]): string[] {
  return tokens.flatMap((t) => t.scopes).filter((scope) => scope.endsWith('.card-tokens'));
}

before(loadGrammars);

describe('card-tokens injection grammar', () => {
  it('is contributed for JSON, JSON with Comments and the Adaptive Card language', () => {
    const grammars = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] };
    }).contributes.grammars;
    const entry = grammars.find((g) => g.scopeName === INJECTION);
    assert.ok(entry);
    assert.equal(path.normalize(entry.path), path.normalize('./syntaxes/card-tokens.injection.json'));
    assert.deepEqual([...entry.injectTo!].sort(), ['source.json', 'source.json.adaptive-card', 'source.json.comments']);
    const language = grammars.find((g) => g.scopeName === CARD_SCOPE);
    assert.ok(language);
    assert.equal(path.normalize(language.path), path.normalize('./syntaxes/adaptive-card.tmLanguage.json'));
  });

  it('colours an Adaptive Card file as JSON, with the card tokens in its strings', () => {
    const tokens = tokenize(card, '{"type": "TextBlock", "size": 2, "text": "Hi {{name.value}}"}');
    assert.ok(scopesOf(tokens, 'type').includes('support.type.property-name.json'));
    assert.ok(scopesOf(tokens, 'TextBlock').includes('string.quoted.double.json'));
    assert.ok(scopesOf(tokens, '2').includes('constant.numeric.json'));
    assert.equal(scopesOf(tokens, '{')[0], CARD_SCOPE);
    const id = scopesOf(tokens, 'name');
    assert.ok(id.includes('variable.other.readwrite.input-id.card-tokens'));
    assert.ok(id.includes('string.quoted.double.json'));
  });

  it('scopes the parts of an {{id.value}} substitution inside a string value', () => {
    const tokens = tokenize(json, '{"body": "{\\"c\\": \\"{{comment.value}}\\"}"}');
    assert.ok(scopesOf(tokens, '{{').includes('punctuation.definition.template-expression.begin.card-tokens'));
    const id = scopesOf(tokens, 'comment');
    assert.ok(id.includes('variable.other.readwrite.input-id.card-tokens'));
    assert.ok(id.includes('meta.template.expression.input-substitution.card-tokens'));
    assert.ok(id.includes('string.quoted.double.json'), 'still inside the JSON string');
    assert.ok(scopesOf(tokens, 'value').includes('variable.other.property.card-tokens'));
    assert.ok(scopesOf(tokens, '}}').includes('punctuation.definition.template-expression.end.card-tokens'));
    assert.ok(!scopesOf(tokens, '\\"').some((scope) => scope.endsWith('.card-tokens')), 'escapes around the token keep the JSON scopes');
  });

  it('accepts the id characters the renderer accepts and any case of "value"', () => {
    const tokens = tokenize(json, '["{{$row_2@x.VALUE}}"]');
    assert.ok(scopesOf(tokens, '$row_2@x').includes('variable.other.readwrite.input-id.card-tokens'));
    assert.ok(scopesOf(tokens, 'VALUE').includes('variable.other.property.card-tokens'));
  });

  it('scopes {{DATE(...)}} and {{TIME(...)}} text functions', () => {
    const tokens = tokenize(json, '{"text": "Due {{DATE(2026-06-03T09:30:00Z, SHORT)}} at {{TIME(2026-06-03T09:30:00Z)}}"}');
    assert.ok(scopesOf(tokens, 'DATE').includes('support.function.date-time.card-tokens'));
    assert.ok(scopesOf(tokens, 'TIME').includes('support.function.date-time.card-tokens'));
    assert.ok(scopesOf(tokens, '2026-06-03T09:30:00Z, SHORT').includes('constant.other.date-time.card-tokens'));
    assert.deepEqual(cardTokenScopes([tokens.find((t) => t.text.startsWith('Due'))!]), [], 'text around the tokens is plain string');
  });

  it('scopes ${...} templating expressions', () => {
    const tokens = tokenize(json, '{"text": "Hello ${$root.user.name}!", "n": "${if(count > 1, \'items\', \'item\')}"}');
    assert.ok(scopesOf(tokens, '${').includes('punctuation.definition.template-expression.begin.card-tokens'));
    assert.ok(scopesOf(tokens, '$root.user.name').includes('variable.other.template-expression.card-tokens'));
    assert.ok(scopesOf(tokens, "if(count > 1, 'items', 'item')").includes('meta.template.expression.templating.card-tokens'));
  });

  it('leaves plain strings, malformed tokens, property names and numbers alone', () => {
    for (const line of [
      '{"text": "Approve the {request} for {{comment}}"}',
      '{"body": "{{shirt-size.value}} {{ name.value }}"}',
      '{"{{key.value}}": 1, "${key}": 2}',
      '{"n": 42, "b": true}',
      '["${unterminated", "and}"]',
    ]) {
      assert.deepEqual(cardTokenScopes(tokenize(json, line)), [], line);
    }
  });

  it('works the same in JSON with Comments, and not inside comments', () => {
    const tokens = tokenize(jsonc, '{"url": "https://a.example/?q={{q.value}}" /* {{q.value}} */}');
    const inString = tokens.filter((t) => t.text === 'q' && t.scopes.includes('string.quoted.double.json.comments'));
    assert.equal(inString.length, 1);
    assert.ok(inString[0]!.scopes.includes('variable.other.readwrite.input-id.card-tokens'));
    const comment = tokens.filter((t) => t.scopes.some((scope) => scope.startsWith('comment.')));
    assert.ok(comment.length > 0);
    assert.deepEqual(cardTokenScopes(comment), []);
  });
});
