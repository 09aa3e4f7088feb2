// Completion from the project's card schema: property names, enum values, and element/action types for the card's version.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete } from '../../server/src/language/language-features';
import { ParsedDocument } from '../../server/src/language/parsed-document';
import { parseTree, type ParseError } from 'jsonc-parser';
import { LANGUAGE_FEATURES_MAX_DEPTH, LANGUAGE_FEATURES_MAX_LENGTH, LANGUAGE_FEATURES_MAX_SYNTAX_ERRORS } from '../../server/src/language/feature-limits';
import type { CompletionEntry } from '../../server/src/language/completion-entry';

/** Completion at the `|` in `template`. */
async function completeAt(template: string): Promise<{ text: string; entries: CompletionEntry[] }> {
  const offset = template.indexOf('|');
  const text = template.slice(0, offset) + template.slice(offset + 1);
  return { text, entries: await complete(new ParsedDocument(text), offset) };
}

async function labels(template: string): Promise<string[]> {
  return (await completeAt(template)).entries.map((e) => e.label.replace(/^"|"$/g, ''));
}

const ELEMENTS_1_0 = ['ActionSet', 'ColumnSet', 'Container', 'FactSet', 'Image', 'ImageSet', 'Input.ChoiceSet', 'Input.Date', 'Input.Number', 'Input.Text', 'Input.Toggle', 'TextBlock'];
const OUTLOOK_ACTIONS = ['Action.DisplayAppointmentForm', 'Action.DisplayMessageForm', 'Action.InvokeAddInCommand', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility'];

describe('completion of element and action types', () => {
  it('offers the 1.0 element types in a 1.0 card: no Media, no RichTextBlock, never Input.Time', async () => {
    assert.deepEqual((await labels('{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "|"}]}')).sort(), ELEMENTS_1_0);
  });

  it('offers Media from 1.1 and RichTextBlock from 1.2', async () => {
    const at11 = await labels('{"type": "AdaptiveCard", "version": "1.1", "body": [{"type": "|"}]}');
    assert.ok(at11.includes('Media') && !at11.includes('RichTextBlock'));
    const at14 = await labels('{"type": "AdaptiveCard", "version": "1.4", "body": [{"type": "|"}]}');
    assert.deepEqual(at14.sort(), [...ELEMENTS_1_0, 'Media', 'RichTextBlock'].sort());
  });

  it('offers Action.Http but not Action.Execute in a 1.0 card, and never Action.Submit', async () => {
    assert.deepEqual((await labels('{"type": "AdaptiveCard", "version": "1.0", "actions": [{"type": |}]}')).sort(), ['Action.Http', ...OUTLOOK_ACTIONS].sort());
  });

  it('offers Action.Execute but not Action.Http in a 1.4 card', async () => {
    assert.deepEqual((await labels('{"type": "AdaptiveCard", "version": "1.4", "actions": [{"type": "|"}]}')).sort(), ['Action.Execute', ...OUTLOOK_ACTIONS].sort());
  });

  it('uses the top-level version inside ShowCard cards and offers actions for selectAction', async () => {
    const inShowCard = await labels('{"type": "AdaptiveCard", "version": "1.4", "actions": [{"type": "Action.ShowCard", "card": {"type": "AdaptiveCard", "actions": [{"type": "|"}]}}]}');
    assert.ok(inShowCard.includes('Action.Execute') && !inShowCard.includes('Action.Http'));
    const selectAction = await labels('{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "Container", "items": [], "selectAction": {"type": "|"}}]}');
    assert.ok(selectAction.includes('Action.OpenUrl') && !selectAction.includes('TextBlock'));
  });

  it('offers no Action.ShowCard where AM034 rejects it: selectAction and inlineAction; elsewhere it does', async () => {
    const slots = {
      selectAction: '{"type": "AdaptiveCard", "version": "1.0", "selectAction": {"type": "|"}}',
      inContainer: '{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "Container", "items": [], "selectAction": {"type": "|"}}]}',
      inlineAction: '{"type": "AdaptiveCard", "version": "1.4", "body": [{"type": "Input.Text", "id": "a", "inlineAction": {"type": "|"}}]}',
    };
    for (const [slot, template] of Object.entries(slots)) {
      const offered = await labels(template);
      assert.ok(offered.includes('Action.OpenUrl') && !offered.includes('Action.ShowCard'), `${slot}: ${offered.join()}`);
    }
    assert.ok((await labels('{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "ActionSet", "actions": [{"type": "|"}]}]}')).includes('Action.ShowCard'));
  });

  it('offers only the element types in body, items and columns: no action type and no AdaptiveCard', async () => {
    const templates = [
      '{"type": "AdaptiveCard", "version": "1.4", "body": [{"type": "|"}]}',
      '{"type": "AdaptiveCard", "version": "1.4", "body": [{"type": "Container", "items": [{"type": |}]}]}',
      '{"type": "AdaptiveCard", "version": "1.4", "body": [{"type": "ColumnSet", "columns": [{"items": [{"type": "|"}]}]}]}',
    ];
    for (const template of templates) {
      const offered = await labels(template);
      assert.ok(offered.includes('TextBlock') && offered.includes('Input.Text'), offered.join());
      assert.deepEqual(offered.filter((label) => label.startsWith('Action.') || label === 'AdaptiveCard'), [], template);
    }
    assert.deepEqual(await labels('{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "ColumnSet", "columns": [{"type": "|"}]}]}'), ['Column']);
  });

  it('offers every type when the version is missing', async () => {
    const found = await labels('{"type": "AdaptiveCard", "actions": [{"type": "|"}]}');
    assert.ok(found.includes('Action.Http') && found.includes('Action.Execute') && !found.includes('Action.Submit'));
  });

  it('marks types as kind "type" with documentation and replaces the whole quoted value', async () => {
    const { text, entries } = await completeAt('{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "Tex|"}]}');
    const textBlock = entries.find((e) => e.label === '"TextBlock"');
    assert.ok(textBlock);
    assert.equal(textBlock.kind, 'type');
    assert.match(textBlock.documentation ?? '', /TextBlock/);
    assert.equal(text.slice(textBlock.replaceOffset, textBlock.replaceOffset + textBlock.replaceLength), '"Tex"');
    assert.match(textBlock.insertText, /^"TextBlock"/);
  });
});

describe('completion of property names and values', () => {
  it('offers the properties of the element type, with Outlook extensions', async () => {
    const image = await labels('{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "Image", |}]}');
    for (const name of ['url', 'altText', 'width', 'height', 'backgroundColor', 'size', 'selectAction', 'spacing']) assert.ok(image.includes(name), name);
    const http = await labels('{"type": "AdaptiveCard", "version": "1.0", "actions": [{"type": "Action.Http", |}]}');
    for (const name of ['method', 'url', 'body', 'headers', 'title', 'isPrimary']) assert.ok(http.includes(name), name);
  });

  it('offers the Outlook root properties on the card', async () => {
    const root = await labels('{"type": "AdaptiveCard", "version": "1.0", |}');
    for (const name of ['originator', 'hideOriginalBody', 'autoInvokeAction', 'correlationId', 'expectedActors', 'body', 'actions']) assert.ok(root.includes(name), name);
  });

  it('offers refresh only from 1.4 (AM021) and autoInvokeAction only below it (AM020), also in a name being typed', async () => {
    const at10 = await labels('{"type": "AdaptiveCard", "version": "1.0", |}');
    assert.ok(at10.includes('autoInvokeAction') && !at10.includes('refresh'), at10.join());
    const at14 = await labels('{"type": "AdaptiveCard", "version": "1.4", |}');
    assert.ok(at14.includes('refresh') && !at14.includes('autoInvokeAction'), at14.join());
    assert.ok(!(await labels('{"type": "AdaptiveCard", "version": "1.0", "ref|"}')).includes('refresh'));
    assert.ok(!(await labels('{\n  "type": "AdaptiveCard",\n  "version": "1.4",\n  |\n  "body": []\n}')).includes('autoInvokeAction'));
  });

  it('offers no input validation on inputs of a card below 1.3 (AM022), and offers it from 1.3', async () => {
    const validation = ['isRequired', 'regex', 'errorMessage'];
    const at10 = await labels('{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "Input.Text", "id": "c",\n  |\n  }]}');
    assert.ok(at10.includes('placeholder') && at10.includes('label'), at10.join());
    for (const name of validation) assert.ok(!at10.includes(name), name);
    assert.ok(!(await labels('{"type": "AdaptiveCard", "version": "1.2", "body": [{"type": "Input.Number", |}]}')).includes('isRequired'));
    const at14 = await labels('{"type": "AdaptiveCard", "version": "1.4", "body": [{"type": "Input.Text", |}]}');
    for (const name of validation) assert.ok(at14.includes(name), name);
    assert.ok((await labels('{"type": "AdaptiveCard", "version": "1.3", "body": [{"type": "Input.Date", |}]}')).includes('isRequired'));
  });

  it('offers every property, whatever the version gates, when the card has no version the rules read', async () => {
    for (const version of ['', '"version": 1.0, ', '"version": "1", ']) {
      const root = await labels(`{"type": "AdaptiveCard", ${version}|}`);
      assert.ok(root.includes('refresh') && root.includes('autoInvokeAction'), `${version}: ${root.join()}`);
      assert.ok((await labels(`{"type": "AdaptiveCard", ${version}"body": [{"type": "Input.Text", |}]}`)).includes('isRequired'), version);
    }
  });

  it('returns property entries as snippets with documentation', async () => {
    const { entries } = await completeAt('{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "TextBlock", |}]}');
    const wrap = entries.find((e) => e.label === 'wrap');
    assert.ok(wrap);
    assert.equal(wrap.kind, 'property');
    assert.equal(wrap.insertTextIsSnippet, true);
    assert.match(wrap.insertText, /^"wrap": /);
    assert.match(wrap.documentation ?? '', /wraps/);
    assert.ok(!(await labels('{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "TextBlock", "wrap": true, |}]}')).includes('wrap'));
  });

  it('offers enum values', async () => {
    assert.deepEqual(await labels('{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "TextBlock", "text": "x", "size": |}]}'), ['default', 'small', 'medium', 'large', 'extraLarge']);
    assert.deepEqual(await labels('{"type": "AdaptiveCard", "version": "1.0", "actions": [{"type": "Action.Http", "method": "|"}]}'), ['GET', 'POST']);
    const { entries } = await completeAt('{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "Container", "items": [], "style": |}]}');
    assert.ok(entries.every((e) => e.kind === 'value'));
  });

  it('gives no entries outside any card property and does not throw on broken text', async () => {
    assert.deepEqual(await labels('{"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "a|bc"}]}'), []);
    assert.ok(Array.isArray(await labels('{"type": "AdaptiveCard", "body": [{"type": |')));
  });

  it('offers nothing past the nesting and length limits, and still works just inside them and past the former 512 KiB', async () => {
    // Depth: the card object and its body (2), two per Container (object, items), one for the TextBlock.
    const nested = (containers: number) => '{"type": "AdaptiveCard", "version": "1.0", "body": [' +
      '{"type": "Container", "items": ['.repeat(containers) + '{"type": "TextBlock", "text": "x", "|"}' + ']}'.repeat(containers) + ']}';
    assert.ok((await labels(nested((LANGUAGE_FEATURES_MAX_DEPTH - 3) / 2 - 0.5))).includes('wrap'));
    assert.deepEqual(await labels(nested((LANGUAGE_FEATURES_MAX_DEPTH - 3) / 2 + 0.5)), []);
    assert.deepEqual(await labels(nested(5_000)), []);
    const padding = (length: number) => `"fallbackText": "${'x'.repeat(length)}", `;
    const sized = (length: number) => `{${padding(length)}"type": "AdaptiveCard", "version": "1.0", |}`;
    assert.ok((await labels(sized(1000))).includes('originator'));
    assert.ok((await labels(sized(600_000))).includes('originator'));
    assert.deepEqual(await labels(sized(LANGUAGE_FEATURES_MAX_LENGTH)), []);
  });

  it('offers nothing in a text with more syntax errors than the limit, and still works at the limit', async () => {
    // each comma of the array is an error ("Value expected"), as are its closing bracket and the unfinished property
    // at the cursor (two): the count is checked below
    const withErrors = (count: number) => `{"type": "AdaptiveCard", "version": "1.0", "fallbackText": [${','.repeat(count - 3)}], |}`;
    const errorCount = (template: string): number => {
      const errors: ParseError[] = [];
      parseTree(template.replace('|', ''), errors);
      return errors.length;
    };
    assert.equal(errorCount(withErrors(LANGUAGE_FEATURES_MAX_SYNTAX_ERRORS)), LANGUAGE_FEATURES_MAX_SYNTAX_ERRORS);
    assert.ok((await labels(withErrors(LANGUAGE_FEATURES_MAX_SYNTAX_ERRORS))).includes('originator'));
    assert.deepEqual(await labels(withErrors(LANGUAGE_FEATURES_MAX_SYNTAX_ERRORS + 1)), []);
  });
});


describe('completion by document kind: Adaptive Card proposals only where the document has its Adaptive Card', () => {
  const CARD_ROOT = ['version', 'originator', 'body', 'actions', 'hideOriginalBody'];
  const INVOKE = (card: string): string => `{"statusCode": 200, "type": "application/vnd.microsoft.card.adaptive", "value": ${card}}`;
  const ENVELOPE = (body: string): string => `{"status": 200, "headers": {"CARD-UPDATE-IN-BODY": "true"}, "body": ${body}}`;

  it('offers no Adaptive Card property or type in a MessageCard', async () => {
    const root = await labels('{"@type": "MessageCard", "@context": "https://schema.org/extensions", "summary": "s", |}');
    for (const name of CARD_ROOT) assert.ok(!root.includes(name), `${name}: ${root.join()}`);
    assert.deepEqual(await labels('{"@type": "MessageCard", "summary": "s", "type": "|"}'), []);
  });

  it('offers the card root properties inside an invoke response\'s value, not on its wrapper', async () => {
    const wrapper = await labels(INVOKE('{"type": "AdaptiveCard", "version": "1.4", "body": []}').replace(/}$/, ', |}'));
    for (const name of CARD_ROOT) assert.ok(!wrapper.includes(name), `${name}: ${wrapper.join()}`);
    const card = await labels(INVOKE('{"type": "AdaptiveCard", "version": "1.4", |}'));
    assert.ok(card.includes('originator') && card.includes('refresh') && !card.includes('autoInvokeAction'), card.join());
  });

  it('offers element types and snippets for the version of the card in an invoke response or an envelope', async () => {
    const invoke = await labels(INVOKE('{"type": "AdaptiveCard", "version": "1.4", "body": [{"type": "|"}]}'));
    assert.ok(invoke.includes('TextBlock') && invoke.includes('Media'), invoke.join());
    const envelope = await labels(ENVELOPE('{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "|"}]}'));
    assert.ok(envelope.includes('TextBlock') && !envelope.includes('Media'), envelope.join());
    const inInvokeInEnvelope = await labels(ENVELOPE(INVOKE('{"type": "AdaptiveCard", "version": "1.0", "actions": [{"type": "|"}]}')));
    assert.ok(inInvokeInEnvelope.includes('Action.Http') && !inInvokeInEnvelope.includes('Action.Execute'), inInvokeInEnvelope.join());
    const snippets = (await completeAt(INVOKE('{"type": "AdaptiveCard", "version": "1.4", "body": [|]}'))).entries.filter((e) => e.kind === 'snippet');
    assert.ok(snippets.some((e) => e.label === 'TextBlock'));
  });

  it('still offers the card root properties in a document of no known kind, most often a card being started', async () => {
    const root = await labels('{|}');
    for (const name of CARD_ROOT) assert.ok(root.includes(name), name);
  });
});
