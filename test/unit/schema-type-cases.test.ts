// The schema check's compiled validator (server/src/rules/generated/card-schema.ts) reads each element's and action's
// "type" once ("typeCases", server/scripts/card-schema-validation.mjs) where the schema writes an "allOf" of
// `if "type" is X then S`. These tests hold it to plain ajv compiling the schema without that step: the same errors,
// in the same order, on thousands of mutated cards, less the "if" errors that only say a "then" failed (the schema
// check skips them).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { validate as compiledValidate } from '../../server/src/rules/generated/card-schema';

const repoRoot = path.join(__dirname, '../../..');

interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: unknown;
}
type Validator = ((data: unknown) => boolean) & { errors?: readonly AjvError[] | null };
interface ValidationModule {
  forValidation(schema: unknown): unknown;
  withTypeCases(schema: unknown): unknown;
  validationAjv(): { compile(schema: unknown): Validator };
}

/** The errors the schema check reads, in order: every one but "if". */
function checkedErrors(validate: Validator, value: unknown): { instancePath: string; keyword: string; params: unknown }[] {
  validate(value);
  return (validate.errors ?? []).filter((error) => error.keyword !== 'if')
    .map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params }));
}

/** mulberry32: the same seed gives the same mutations on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Property names the schema gives types or values to, on elements, actions and the card. */
const KEYS = [
  'type', 'text', 'size', 'weight', 'color', 'spacing', 'separator', 'isVisible', 'style', 'url', 'title', 'method',
  'horizontalAlignment', 'wrap', 'maxLines', 'isSubtle', 'fontType', 'height', 'id', 'items', 'columns', 'actions',
  'body', 'card', 'facts', 'images', 'choices', 'placeholder', 'isMultiline', 'value', 'width', 'targetElements',
  'iconUrl', 'isPrimary', 'requires', 'fallback', 'imageSize', 'selectAction', 'inlines', 'isMultiSelect', 'min',
  'verb', 'data', 'associatedInputs', 'padding', 'backgroundImage', 'inlineAction', 'sources', 'poster', 'headers',
];
const ELEMENT_TYPES = [
  'TextBlock', 'RichTextBlock', 'Image', 'ImageSet', 'Media', 'Container', 'ColumnSet', 'Column', 'FactSet', 'ActionSet',
  'Input.Text', 'Input.Number', 'Input.Date', 'Input.Toggle', 'Input.ChoiceSet', 'TextRun', 'Action.Http',
  'Action.Execute', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility', 'Action.InvokeAddInCommand',
  'Action.DisplayMessageForm', 'Action.DisplayAppointmentForm', 'Action.Submit', 'AdaptiveCard',
];

function replacement(next: () => number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const values: (() => unknown)[] = [
    () => 42, () => 'bogus', () => true, () => null, () => [], () => ({}), () => [1, 'x'], () => pick(ELEMENT_TYPES),
    () => pick(['Bolder', 'large', 'Default', 'emphasis', 'positive', 'auto', 'None', 'stretch']),
    () => ({ type: pick(ELEMENT_TYPES), [pick(KEYS)]: pick([7, 'bogus', false, {}, []]) }),
    () => [{ type: pick(ELEMENT_TYPES), [pick(KEYS)]: pick([7, 'bogus', false]) }, 'plain', 3],
  ];
  return pick(values)();
}

/** Every object and array in `value`, depth first. */
function containers(value: unknown, found: (Record<string, unknown> | unknown[])[] = []): (Record<string, unknown> | unknown[])[] {
  if (typeof value !== 'object' || value === null) return found;
  found.push(value as Record<string, unknown> | unknown[]);
  for (const child of Object.values(value)) containers(child, found);
  return found;
}

/** The property names the schema's definition of `type` lists, for a mutation to give a wrong value. */
function definedKeys(schema: { definitions: Record<string, { properties?: object }> }, type: string): readonly string[] {
  return Object.keys(schema.definitions[type]?.properties ?? {});
}

/**
 * `card` with one to three places changed: mostly a property of a typed object (one its definition lists, or a
 * common one) set to a value of another kind, otherwise an array item replaced.
 */
function mutated(card: unknown, schema: { definitions: Record<string, { properties?: object }> }, next: () => number): unknown {
  const copy = structuredClone(card);
  const changes = 1 + Math.floor(next() * 3);
  for (let change = 0; change < changes; change++) {
    const all = containers(copy);
    const typed = all.filter((item) => !Array.isArray(item) && typeof item.type === 'string') as Record<string, unknown>[];
    if (typed.length > 0 && next() < 0.75) {
      const target = typed[Math.floor(next() * typed.length)]!;
      const own = definedKeys(schema, target.type as string);
      const keys = own.length > 0 && next() < 0.5 ? own : KEYS;
      target[keys[Math.floor(next() * keys.length)]!] = replacement(next);
      continue;
    }
    const target = all[Math.floor(next() * all.length)]!;
    if (Array.isArray(target)) {
      if (target.length > 0) target[Math.floor(next() * target.length)] = replacement(next);
      else target.push(replacement(next));
    } else {
      target[KEYS[Math.floor(next() * KEYS.length)]!] = replacement(next);
    }
  }
  return copy;
}

/** A card with one of each element and action type the schema knows, so that every case gets mutated. */
const EVERY_TYPE_CARD = {
  type: 'AdaptiveCard', version: '1.0', body: [
    { type: 'TextBlock', text: 'a' }, { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'b' }] },
    { type: 'Image', url: 'https://c.example/i.png' }, { type: 'ImageSet', images: [{ type: 'Image', url: 'https://c.example/j.png' }] },
    { type: 'Media', sources: [{ mimeType: 'video/mp4', url: 'https://c.example/v.mp4' }] },
    { type: 'Container', items: [] }, { type: 'ColumnSet', columns: [{ type: 'Column', items: [] }] },
    { type: 'FactSet', facts: [{ title: 't', value: 'v' }] }, { type: 'Input.Text', id: 't' }, { type: 'Input.Number', id: 'n' },
    { type: 'Input.Date', id: 'd' }, { type: 'Input.Toggle', id: 'g', title: 'g' }, { type: 'Input.ChoiceSet', id: 'c', choices: [] },
    { type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', targetElements: ['t'] }] },
  ],
  actions: [
    { type: 'Action.Http', method: 'POST', url: 'https://c.example', body: '' }, { type: 'Action.Execute', verb: 'v' },
    { type: 'Action.OpenUrl', url: 'https://c.example' }, { type: 'Action.ShowCard', card: { type: 'AdaptiveCard', body: [] } },
    { type: 'Action.InvokeAddInCommand', addInId: 'a', desktopCommandId: 'd' }, { type: 'Action.DisplayMessageForm', itemId: 'i' },
    { type: 'Action.DisplayAppointmentForm', itemId: 'i' },
  ],
};

function seedCards(): unknown[] {
  const examples = readdirSync(path.join(repoRoot, 'examples')).filter((name) => name.endsWith('.card.json'))
    .map((name) => JSON.parse(readFileSync(path.join(repoRoot, 'examples', name), 'utf8')) as unknown);
  const specExamples = Object.values(JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/spec-examples.json'), 'utf8')) as Record<string, string>)
    .flatMap((text) => { try { return [JSON.parse(text) as unknown]; } catch { return []; } })
    .filter((value) => (value as { type?: unknown } | null)?.type === 'AdaptiveCard');
  // The card with every type first: every other mutation starts from it.
  return [EVERY_TYPE_CARD, ...examples, ...specExamples];
}

/** The "type" of the innermost object on the error's path that has a string one: which case the error came from. */
function typeAt(value: unknown, instancePath: string): string | undefined {
  let node = value;
  let type: string | undefined;
  for (const segment of instancePath.split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) break;
    const declared = (node as { type?: unknown }).type;
    if (typeof declared === 'string') type = declared;
    node = (node as Record<string, unknown>)[segment];
  }
  return type;
}

describe('schema check: typeCases gives exactly the errors of the allOf of if/then it replaces', () => {
  let validation: ValidationModule;
  let schema: unknown;
  before(async () => {
    validation = await import(path.join(repoRoot, 'server/scripts/card-schema-validation.mjs')) as ValidationModule;
    schema = JSON.parse(readFileSync(path.join(repoRoot, 'server/schema/outlook-card.schema.json'), 'utf8'));
  });

  it('the compiled validator equals plain ajv on 4,000 mutated cards, with errors under every element and action type', () => {
    const reference = validation.validationAjv().compile(validation.forValidation(schema));
    const generated = compiledValidate as unknown as Validator;
    const seeds = seedCards();
    assert.ok(seeds.length >= 20, `only ${seeds.length} seed cards`);
    const next = random(13);
    const typesWithErrors = new Set<string>();
    let withErrors = 0;
    for (let index = 0; index < 4000; index++) {
      const value = mutated(seeds[index % 2 === 0 ? 0 : index % seeds.length], schema as { definitions: Record<string, { properties?: object }> }, next);
      const expected = checkedErrors(reference, value);
      assert.deepEqual(checkedErrors(generated, value), expected, `mutation ${index}: ${JSON.stringify(value)}`);
      if (expected.length > 0) withErrors++;
      for (const error of expected) {
        const type = typeAt(value, error.instancePath);
        if (type !== undefined) typesWithErrors.add(type);
      }
    }
    assert.ok(withErrors > 1000, `only ${withErrors} mutated cards have errors`);
    const cases = ELEMENT_TYPES.filter((type) => !['TextRun', 'Column', 'Action.Submit', 'AdaptiveCard'].includes(type));
    assert.deepEqual(cases.filter((type) => !typesWithErrors.has(type)), [], 'types no error was found under');
  });

  it('the compiled validator has typeCases where the schema has the if/then allOf (Element and Action)', () => {
    const prepared = validation.withTypeCases(validation.forValidation(schema)) as { definitions: Record<string, Record<string, unknown>> };
    const withCases = Object.entries(prepared.definitions).filter(([, definition]) => 'typeCases' in definition).map(([name]) => name);
    assert.deepEqual(withCases, ['Element', 'Action']);
    assert.equal(Object.keys(prepared.definitions.Element!.typeCases as object).length, 14);
  });

  it('on a small schema: a value that is no object gets every "then", an unlisted type none, a repeated type stays an allOf', () => {
    const when = (type: string, then: unknown) => ({ if: { properties: { type: { const: type } }, required: ['type'] }, then });
    const small = {
      properties: {
        cases: { allOf: [when('A', { properties: { a: { type: 'number' } }, minLength: 3 }), when('B', { type: 'object', required: ['b'] }), when('C', { maximum: 1 })] },
        repeated: { allOf: [when('A', { required: ['x'] }), when('A', { required: ['y'] })] },
        mixed: { allOf: [when('A', { required: ['x'] }), { required: ['z'] }] },
      },
    };
    const prepared = validation.withTypeCases(small) as { properties: Record<string, Record<string, unknown>> };
    assert.deepEqual(Object.keys(prepared.properties.cases!), ['typeCases']);
    assert.deepEqual(Object.keys(prepared.properties.repeated!), ['allOf']);
    assert.deepEqual(Object.keys(prepared.properties.mixed!), ['allOf']);
    const ajv = validation.validationAjv();
    const reference = ajv.compile(small);
    const cased = validation.validationAjv().compile(prepared);
    const values: unknown[] = [
      { type: 'A', a: 'x' }, { type: 'A', a: 1 }, { type: 'B' }, { type: 'B', b: 1 }, { type: 'C' }, { type: 'D', a: 'x' }, {},
      { type: 5 }, 'ab', 'abcd', 5, 0, null, true, [], [{ type: 'A' }],
    ];
    let errors = 0;
    for (const value of values) {
      for (const key of ['cases', 'repeated', 'mixed']) {
        const data = { [key]: value };
        const expected = checkedErrors(reference, data);
        errors += expected.length;
        assert.deepEqual(checkedErrors(cased, data), expected, JSON.stringify(data));
      }
    }
    assert.ok(errors > 10, 'the small schema must find errors to compare');
    // A value that is no object gets every "then" whose keywords apply to it: a string A's minLength and B's type, a number B's type and C's maximum.
    assert.deepEqual(checkedErrors(cased, { cases: 'ab' }).map((error) => error.keyword), ['minLength', 'type']);
    assert.deepEqual(checkedErrors(cased, { cases: 5 }).map((error) => error.keyword), ['type', 'maximum']);
  });
});
