// Completion and hover over the wire in cards with every form of "$schema": the adaptivecards.io addresses get the
// Outlook schema, a foreign one gets AM006 and no schema proposals. Completion lists hold each label once, anywhere
// in the examples, and offer only the types valid in the slot.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createScanner, parseTree, SyntaxKind, type Node } from 'jsonc-parser';
import { LspClient, positionAt, ROOT, textIn, uriOf, type CompletionItem, type Diagnostic, type Range } from './lsp-client';

interface Hover { contents: { kind: string; value: string }; range?: Range }

const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
const ADAPTIVE_CARDS_SCHEMAS = [
  'http://adaptivecards.io/schemas/adaptive-card.json',
  'https://adaptivecards.io/schemas/adaptive-card.json',
  'http://adaptivecards.io/schemas/1.0.0/adaptive-card.json',
  'https://adaptivecards.io/schemas/1.4.0/adaptive-card.json',
];

/** A 1.0 card with `$schema` (none when undefined), an element whose type is being typed, and Outlook root properties. */
function cardWithSchema(schema: string | undefined): string {
  const schemaProperty = schema === undefined ? '' : `"$schema": "${schema}",\n  `;
  return `{\n  ${schemaProperty}"type": "AdaptiveCard",\n  "version": "1.0",\n  "originator": "${ORIGINATOR}",\n  "hideOriginalBody": true,\n  "body": [{ "type": "" }]\n}`;
}

const unquoted = (label: string): string => label.replace(/^"|"$/g, '');
const repeated = (labels: readonly string[]): string[] => labels.filter((label, index) => labels.indexOf(label) !== index);

describe('lsp: "$schema" and completion a card author trusts', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ settings: {} }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  const completeAt = async (uri: string, text: string, offset: number): Promise<CompletionItem[]> =>
    (await client.request<CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset) })) ?? [];
  const hoverAt = (uri: string, text: string, offset: number) =>
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(text, offset) });

  for (const schema of [undefined, ...ADAPTIVE_CARDS_SCHEMAS]) {
    it(`offers the Outlook body element types and hovers Outlook properties with ${schema ?? 'no "$schema"'}`, async () => {
      const uri = uriOf(`schema-${ADAPTIVE_CARDS_SCHEMAS.indexOf(schema ?? '') + 1}.card.json`);
      const text = cardWithSchema(schema);
      const diagnostics = await client.openAndWait(uri, text);
      assert.deepEqual(diagnostics.map((d) => d.code), ['AM032'], 'only the type being typed is reported; no AM006');
      const labels = (await completeAt(uri, text, text.indexOf('""') + 1)).map((item) => unquoted(item.label));
      assert.ok(labels.includes('TextBlock') && labels.includes('Input.Text'), labels.join());
      assert.deepEqual(labels.filter((label) => label.startsWith('Action.') || label === 'AdaptiveCard'), []);
      assert.deepEqual(repeated(labels), []);
      for (const [property, documented] of [['hideOriginalBody', /email body is hidden/], ['originator', /provider ID/]] as const) {
        const hover = await hoverAt(uri, text, text.indexOf(`"${property}"`) + 3);
        assert.match(hover?.contents.value ?? '', documented, property);
        assert.equal(textIn(text, hover!.range!), `"${property}"`);
      }
      await client.close(uri);
    });
  }

  it('reports a foreign "$schema" as AM006, offers no Outlook schema proposals there, and links the hover to the rule', async () => {
    const uri = uriOf('foreign-schema.card.json');
    const text = cardWithSchema('http://json-schema.org/draft-07/schema#');
    const diagnostics: Diagnostic[] = await client.openAndWait(uri, text);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.source]), [['AM006', 'actionable-messages'], ['AM032', 'actionable-messages']]);
    assert.deepEqual(await completeAt(uri, text, text.indexOf('""') + 1), []);
    assert.equal(await hoverAt(uri, text, text.indexOf('"hideOriginalBody"') + 3), null);
    const onSchema = await hoverAt(uri, text, text.indexOf('json-schema.org'));
    assert.match(onSchema?.contents.value ?? '', /^\[AM006\]\(file:\/\/\S+\/docs\/rules\.md#am006\): `\$schema` is not/);
    assert.equal(onSchema!.contents.value.match(/\((file:[^)]+)\)/)![1], diagnostics[0].codeDescription?.href);
    // The element snippets come from the card's structure, not from the schema.
    const itemText = text.replace('[{ "type": "" }]', '[ ]');
    await client.changeAndWait(uri, itemText);
    assert.ok((await completeAt(uri, itemText, itemText.indexOf('[ ]') + 1)).some((item) => item.label === 'TextBlock'));
    await client.close(uri);
  });

  for (const schema of ['https://adaptivecards.io/schemas/adaptive-card.json#', '']) {
    it(`takes "$schema": ${JSON.stringify(schema)} as the rule does: AM006, and no Outlook completion or hover`, async () => {
      const uri = uriOf(`near-schema-${schema.length}.card.json`);
      const text = cardWithSchema(schema);
      assert.deepEqual((await client.openAndWait(uri, text)).map((d) => d.code), ['AM006', 'AM032']);
      assert.deepEqual(await completeAt(uri, text, text.indexOf('""') + 1), []);
      assert.equal(await hoverAt(uri, text, text.indexOf('"hideOriginalBody"') + 3), null);
      await client.close(uri);
    });
  }

  it('links the hover on a finding to its rule, after the schema documentation', async () => {
    const uri = uriOf('rule-link.card.json');
    const text = `{"type": "AdaptiveCard", "version": "1.0", "originator": "${ORIGINATOR}", "actions": [{"type": "Action.Http", "title": "Go", "method": "POST", "url": "http://plain.example/", "body": ""}]}`;
    const diagnostics = await client.openAndWait(uri, text);
    const am042 = diagnostics.find((d) => d.code === 'AM042')!;
    const hover = await hoverAt(uri, text, text.indexOf('plain.example'));
    assert.match(hover?.contents.value ?? '', /URL of your service[\s\S]*\n---\n\n\[AM042\]\(file:/);
    assert.ok(hover!.contents.value.includes(`(${am042.codeDescription!.href})`));
    assert.doesNotMatch((await hoverAt(uri, text, text.indexOf('"title"') + 2))?.contents.value ?? '', /AM042/);
    await client.close(uri);
  });

  it('offers only the types valid in each slot of the card', async () => {
    const uri = uriOf('slots.card.json');
    const cases: [string, string[], string[]][] = [
      ['{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "Container", "items": [{"type": ""}]}]}', ['TextBlock', 'Input.Text'], ['Action.OpenUrl', 'AdaptiveCard']],
      ['{"type": "AdaptiveCard", "version": "1.0", "actions": [{"type": ""}]}', ['Action.Http', 'Action.ShowCard'], ['TextBlock', 'Action.Execute']],
      ['{"type": "AdaptiveCard", "version": "1.4", "actions": [{"type": ""}]}', ['Action.Execute', 'Action.ShowCard'], ['TextBlock', 'Action.Http']],
      ['{"type": "AdaptiveCard", "version": "1.0", "selectAction": {"type": ""}}', ['Action.Http', 'Action.OpenUrl'], ['Action.ShowCard', 'TextBlock']],
      ['{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "ColumnSet", "columns": [{"type": "", "items": []}]}]}', ['Column'], ['TextBlock']],
    ];
    await client.openAndWait(uri, cases[0][0]);
    for (const [text, offered, notOffered] of cases) {
      await client.changeAndWait(uri, text);
      const labels = (await completeAt(uri, text, text.indexOf('""') + 1)).map((item) => unquoted(item.label));
      for (const label of offered) assert.ok(labels.includes(label), `${label} in ${text}: ${labels.join()}`);
      for (const label of notOffered) assert.ok(!labels.includes(label), `${label} in ${text}`);
    }
    await client.close(uri);
  });

  it('never offers a label twice, and documents every property, anywhere in the examples', async () => {
    const examples = readdirSync(path.join(ROOT, 'examples')).filter((name) => /\.(card|response)\.json$/.test(name));
    assert.ok(examples.length >= 5);
    let lists = 0;
    for (const name of examples) {
      const original = readFileSync(path.join(ROOT, 'examples', name), 'utf8');
      const uri = uriOf(name);
      await client.openAndWait(uri, original);
      for (const [text, offsets] of editedVariants(original)) {
        // Completion reads the text of the last change; waiting for its diagnostics would only slow the walk.
        if (text !== original) await client.change(uri, text);
        for (const offset of offsets) {
          const items = await completeAt(uri, text, offset);
          if (items.length > 0) lists++;
          const where = `${name} at ${JSON.stringify(text.slice(Math.max(0, offset - 30), offset))}`;
          assert.deepEqual(repeated(items.map((item) => item.label)), [], where);
          assert.deepEqual(items.filter((item) => item.kind === 10 && !item.documentation?.value).map((item) => item.label), [], where);
        }
      }
      await client.close(uri);
    }
    assert.ok(lists > 200, `${lists} non-empty completion lists`);
  });
});

/**
 * Each place a card author completes at: every token's start and the middle of every string in the example as it is, a new
 * property name in every object, a new item in every array, and an empty value of every property.
 */
function editedVariants(text: string): [string, number[]][] {
  const tokenOffsets: number[] = [];
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const start = scanner.getTokenOffset();
    tokenOffsets.push(start);
    // Inside a string: a property name or a value being typed.
    if (kind === SyntaxKind.StringLiteral) tokenOffsets.push(start + Math.floor(scanner.getTokenLength() / 2));
  }
  const variants: [string, number[]][] = [[text, [...new Set(tokenOffsets)]]];
  const insertAt = (offset: number, inserted: string, cursor: number): void => {
    variants.push([text.slice(0, offset) + inserted + text.slice(offset), [offset + cursor]]);
  };
  const visit = (node: Node): void => {
    if (node.type === 'object') insertAt(node.offset + 1, ' "": 1,', 2);
    if (node.type === 'array') insertAt(node.offset + 1, ' ', 1);
    if (node.type === 'property' && node.children?.[1]) {
      const value = node.children[1];
      variants.push([`${text.slice(0, value.offset)}""${text.slice(value.offset + value.length)}`, [value.offset + 1]]);
    }
    for (const child of node.children ?? []) visit(child);
  };
  const root = parseTree(text);
  if (root) visit(root);
  return variants;
}
