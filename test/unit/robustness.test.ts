// Robustness: thousands of broken, truncated, deeply nested and huge documents go through the service. None may
// throw, and none may cost more than a fixed allowance plus a small multiple of parsing it (see CpuBudget). The PRNG
// is seeded (AMS_ROBUSTNESS_SEED overrides the default) and a failing document is written to a temporary file named
// in the failure message, so every failure reproduces.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cpuMsSince, GROWTH_CHECKED_FROM, RUNS_OVER_LIMIT, scanAll, SIXTEENTH_GROWTH_LIMIT } from './cpu-cost';
import { quickFixes, type QuickFix } from '../../server/src/language/code-actions';
import { complete, hover } from '../../server/src/language/language-features';
import { ParsedDocument } from '../../server/src/language/parsed-document';
import { elementIdUsesAt } from '../../server/src/language/element-ids';
import { inputTokenCompletions } from '../../server/src/language/token-completion';
import type { ServiceSettings } from '../../server/src/rules/settings';
import { JUNK, mutate, PROVIDER, readSeeds, REALISTIC_CARD, seededRandom } from './fuzz-inputs';
import { validateText } from '../../server/src/rules/validate';

const SEED = Number(process.env.AMS_ROBUSTNESS_SEED ?? 20260601);

/**
 * What a document may cost is counted in floors measured in the same run (cpu-cost.ts says why). Any request pays
 * a fixed cost (schema, rule set, language service), measured as the median cost of the realistic card; a document's
 * size is paid in multiples of jsonc-parser's scanner over as many characters.
 * Element-dense documents (10,000 inputs, 25,000 TextBlocks) cost up to 140 scans today, a 10 MB string 1-5.
 */
const FIXED_COST_ALLOWANCE = 300;
const SIZE_ALLOWANCE = 200;

interface Case {
  readonly name: string;
  readonly text: string;
  readonly settings?: ServiceSettings;
  /** Where completion and hover are asked for; a seeded random offset when absent. */
  readonly cursor?: number;
  /** The same document built at a sixteenth of its size, for the growth check. */
  readonly sixteenth?: string;
}

const FULL_SETTINGS: ServiceSettings = {
  originator: PROVIDER,
  sender: 'alerts@contoso.example',
  targetUrls: ['https://api.contoso.example'],
  severities: { AM010: 'off', AM020: 'hint' },
};

/** The editor asks for the fixes of the diagnostics under the cursor, so a few per document are enough. */
const FIXED_FINDINGS_PER_DOCUMENT = 20;

/** Quick fixes promise edits inside the text and not overlapping each other. */
function misplacedEdit(fix: QuickFix, textLength: number): string | undefined {
  const edits = [...fix.edits].sort((a, b) => a.offset - b.offset);
  for (const [i, edit] of edits.entries()) {
    if (edit.offset < 0 || edit.length < 0 || edit.offset + edit.length > textLength) return `quick fix "${fix.title}" edits outside the text`;
    const next = edits[i + 1];
    if (next !== undefined && edit.offset + edit.length > next.offset) return `quick fix "${fix.title}" has overlapping edits`;
  }
  return undefined;
}

/**
 * Runs every service entry point on the case: validation, the quick fixes of its findings, completion, hover, the
 * uses of the element id and the token completions at the cursor.
 * Returns the CPU time it took in ms (CPU, not wall time: other processes do not count) and a broken promise of the
 * results, if any.
 */
async function exercise(testCase: Case, cursor: number): Promise<{ ms: number; broken?: string }> {
  const settings = testCase.settings ?? {};
  const start = process.cpuUsage();
  const { document, findings } = validateText(testCase.text, settings);
  let broken: string | undefined;
  for (const finding of findings.slice(0, FIXED_FINDINGS_PER_DOCUMENT)) {
    for (const fix of quickFixes(document, finding, settings)) broken ??= misplacedEdit(fix, testCase.text.length);
  }
  // One parse for both, given validation's tree, as the server keeps them for a document version.
  const parsed = new ParsedDocument(testCase.text);
  parsed.offerTree(document);
  await complete(parsed, cursor);
  await hover(parsed, cursor);
  const uses = elementIdUsesAt(parsed, cursor);
  const outside = (span: { offset: number; length: number }): boolean => span.offset < 0 || span.length < 0 || span.offset + span.length > testCase.text.length;
  if (uses !== undefined && [uses.at, ...uses.definitions, ...uses.references].some(outside)) broken ??= 'an element id use lies outside the text';
  for (const entry of inputTokenCompletions(parsed, cursor)) {
    if (outside({ offset: entry.replaceOffset, length: entry.replaceLength })) broken ??= 'a token completion replaces outside the text';
  }
  return { ms: cpuMsSince(start), broken };
}

let scanCost: number | undefined;
/** The size term of the budget: the median CPU time per character of scanning 1 MB of cards. */
function scanMsPerCharacter(): number {
  if (scanCost === undefined) {
    const text = `[${Array.from({ length: Math.ceil(2 ** 20 / REALISTIC_CARD.length) }, () => REALISTIC_CARD).join(',')}]`;
    const times: number[] = [];
    for (let run = 0; run < 9; run++) {
      const start = process.cpuUsage();
      scanAll(text);
      times.push(cpuMsSince(start) / text.length);
    }
    scanCost = times.sort((a, b) => a - b)[4];
  }
  return scanCost;
}

let fixedCost: Promise<number> | undefined;
/** The fixed term of the budget: the median CPU time of every entry point on the realistic card, once warmed up. */
function fixedCostMs(): Promise<number> {
  fixedCost ??= (async () => {
    const realistic: Case = { name: 'realistic card', text: REALISTIC_CARD, settings: FULL_SETTINGS };
    const times: number[] = [];
    for (let run = 0; run < 31; run++) times.push((await exercise(realistic, REALISTIC_CARD.indexOf('"body"'))).ms);
    return times.slice(10).sort((a, b) => a - b)[10];
  })();
  return fixedCost;
}

/** The least CPU time of up to RUNS_OVER_LIMIT runs, stopping once a run is within `limitMs`, and the first run's broken promise. */
async function leastCost(testCase: Case, cursor: number, limitMs: number): Promise<{ ms: number; broken?: string }> {
  const first = await exercise(testCase, cursor);
  let ms = first.ms;
  for (let run = 1; run < RUNS_OVER_LIMIT && ms > limitMs; run++) ms = Math.min(ms, (await exercise(testCase, cursor)).ms);
  return { ms, broken: first.broken };
}

let failureDirectory: string | undefined;
function saveForReproduction(testCase: Case): string {
  failureDirectory ??= mkdtempSync(path.join(os.tmpdir(), 'ams-robustness-'));
  const file = path.join(failureDirectory, `${testCase.name.replace(/[^\w.-]+/g, '_').slice(0, 80)}.json`);
  writeFileSync(file, testCase.text);
  return file;
}

/** Exercises every case; fails listing the first problems with the seed, the case and where its document was saved. */
async function assertRobust(cases: Iterable<Case>, minimumCount = 1): Promise<void> {
  const cursors = seededRandom(SEED + 3);
  const problems: string[] = [];
  const report = (testCase: Case, cursor: number, problem: string): void => {
    if (problems.length < 5) problems.push(`${testCase.name}, cursor ${cursor}: ${problem} (document: ${saveForReproduction(testCase)})`);
  };
  const fixedMs = await fixedCostMs();
  const scanMs = scanMsPerCharacter();
  let count = 0;
  let closest = { share: 0, text: '' };
  const account = (testCase: Case, cursor: number, ms: number, limitMs: number, what: string): void => {
    if (ms / limitMs > closest.share) closest = { share: ms / limitMs, text: `${testCase.name}: ${what}` };
    if (ms > limitMs) report(testCase, cursor, what);
  };
  for (const testCase of cases) {
    count++;
    const cursor = testCase.cursor ?? Math.floor(cursors() * (testCase.text.length + 1));
    try {
      const scanFloorMs = scanMs * testCase.text.length;
      const budgetMs = FIXED_COST_ALLOWANCE * fixedMs + SIZE_ALLOWANCE * scanFloorMs;
      const { ms, broken } = await leastCost(testCase, cursor, budgetMs);
      account(testCase, cursor, ms, budgetMs, `took ${ms.toFixed(1)} ms of CPU; its budget is ${budgetMs.toFixed(1)} ms ` +
        `(${FIXED_COST_ALLOWANCE} × ${fixedMs.toFixed(2)} ms fixed cost + ${SIZE_ALLOWANCE} × ${scanFloorMs.toFixed(2)} ms scan)`);
      if (broken !== undefined) report(testCase, cursor, broken);
      if (testCase.sixteenth !== undefined && ms > GROWTH_CHECKED_FROM * fixedMs) {
        const small: Case = { ...testCase, text: testCase.sixteenth };
        const smallCursor = Math.floor((cursor * small.text.length) / Math.max(1, testCase.text.length));
        const smallMs = (await leastCost(small, smallCursor, 0)).ms;
        const growthLimitMs = SIXTEENTH_GROWTH_LIMIT * smallMs;
        // the full size is run again while it grows too fast, in case a collection inflated it
        let fullMs = ms;
        for (let run = 1; run < RUNS_OVER_LIMIT && fullMs > growthLimitMs; run++) fullMs = Math.min(fullMs, (await exercise(testCase, cursor)).ms);
        account(testCase, cursor, fullMs, growthLimitMs,
          `took ${fullMs.toFixed(1)} ms of CPU, ${(fullMs / smallMs).toFixed(1)} times the ${smallMs.toFixed(1)} ms at a sixteenth of its size (limit ${SIXTEENTH_GROWTH_LIMIT})`);
      }
    } catch (error) {
      const stack = error instanceof Error ? error.stack ?? error.message : String(error);
      report(testCase, cursor, `threw ${stack.split('\n').slice(0, 4).join('\n')}`);
    }
  }
  assert.ok(count >= minimumCount, `only ${count} documents generated, expected at least ${minimumCount}`);
  if (process.env.AMS_ROBUSTNESS_VERBOSE === '1') console.log(`closest to a limit (${(100 * closest.share).toFixed(0)} %): ${closest.text}`);
  assert.deepEqual(problems, [], `seed ${SEED} (set AMS_ROBUSTNESS_SEED=${SEED} to reproduce); closest to a limit: ${closest.text}`);
}

/** Every prefix of `text`, and the text with each single character removed. */
function* truncationsOf(text: string, label: string): Iterable<Case> {
  // The cursor sits where typing stopped, as when the editor asks for completion while the card is unfinished.
  for (let end = 0; end <= text.length; end++) yield { name: `${label} truncated at ${end}`, text: text.slice(0, end), cursor: end };
  for (let at = 0; at < text.length; at++) yield { name: `${label} without character ${at}`, text: text.slice(0, at) + text.slice(at + 1) };
}

function* mutationsOf(seeds: readonly string[], count: number, seed: number): Iterable<Case> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const seedIndex = Math.floor(random() * seeds.length);
    const { text, steps } = mutate(seeds[seedIndex], random);
    yield { name: `mutation ${i} of seed ${seedIndex} (${steps.join(' ')})`, text, settings: i % 3 === 0 ? FULL_SETTINGS : {} };
  }
}

const TYPE_NAMES = [
  'AdaptiveCard', 'TextBlock', 'RichTextBlock', 'TextRun', 'Image', 'ImageSet', 'Media', 'Container', 'ColumnSet', 'Column', 'FactSet',
  'ActionSet', 'Input.Text', 'Input.Number', 'Input.Date', 'Input.Time', 'Input.Toggle', 'Input.ChoiceSet', 'Action.Http', 'Action.Execute',
  'Action.OpenUrl', 'Action.ShowCard', 'Action.Submit', 'Action.ToggleVisibility', 'Action.InvokeAddInCommand', 'MessageCard', 'ActionCard',
  'HttpPOST', 'OpenUri', 'SignedAdaptiveCard',
];

/** Values of every JSON type, including the odd ones rules are most likely to trip over. */
const REPLACEMENTS: readonly unknown[] = [
  null, 0, -1, 1.5, 1e308, -0, '', ' ', 'x', '1.0', '1.4', '99.99', 'https://', 'mailto:', '{{', '{{x.value}}', '{{.value}}', '\\uD800',
  '\uD800', 'not-a-guid', PROVIDER, true, false, [], [null], [[]], {}, { type: null }, { type: 'AdaptiveCard' }, { type: 'Container', items: {} },
  { type: 'Action.ShowCard', card: [] }, { '@type': 'MessageCard' }, ...TYPE_NAMES,
];

const EXTRA_PROPERTIES = ['selectAction', 'fallback', 'card', 'items', 'actions', 'body', 'id', 'url', 'refresh', 'autoInvokeAction', 'adaptiveCardSerialized'];

/** The parsed seed with values replaced by values of other types, properties dropped or added and types renamed. */
function mutateStructure(value: unknown, random: () => number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  if (random() < 0.08) return structuredClone(pick(REPLACEMENTS));
  if (Array.isArray(value)) {
    const items = value.filter(() => random() > 0.05).map((item) => mutateStructure(item, random));
    if (random() < 0.05 && items.length > 0) items.push(structuredClone(items[0]));
    return items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(() => random() > 0.05).map(([key, item]): [string, unknown] =>
      key === 'type' && random() < 0.2 ? [key, pick(TYPE_NAMES)] : [key, mutateStructure(item, random)]);
    if (random() < 0.05) entries.push([pick(EXTRA_PROPERTIES), structuredClone(pick(REPLACEMENTS))]);
    return Object.fromEntries(entries);
  }
  return value;
}

function* structureMutationsOf(seeds: readonly string[], count: number, seed: number): Iterable<Case> {
  const random = seededRandom(seed);
  const parsed = seeds.flatMap((text) => {
    try {
      return [JSON.parse(text) as unknown];
    } catch {
      return [];
    }
  });
  for (let i = 0; i < count; i++) {
    const seedIndex = Math.floor(random() * parsed.length);
    const text = JSON.stringify(mutateStructure(parsed[seedIndex], random), null, i % 2 === 0 ? 2 : undefined);
    yield { name: `structure mutation ${i} of parsed seed ${seedIndex}`, text, settings: i % 3 === 0 ? FULL_SETTINGS : {} };
  }
}

const card = (body: unknown, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body, ...extra });

/** `levels` levels of `open` around `inner`, closed or not. */
const nest = (levels: number, open: string, inner: string, close: string, closed = true): string =>
  open.repeat(levels) + inner + (closed ? close.repeat(levels) : '');

/** Containers nested `levels` deep (each Container adds an object and an array level). */
function nestedContainers(levels: number): string {
  const open = '{"type":"Container","items":[';
  return `{"type":"AdaptiveCard","version":"1.0","originator":"${PROVIDER}","body":[${nest(levels, open, '{"type":"Action.Submit"}', ']}')}]}`;
}

/** ShowCards nested `levels` deep, each an action array, an action and a card. */
function nestedShowCards(levels: number): string {
  const open = '{"type":"Action.ShowCard","title":"More","card":{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"x"}],"actions":[';
  return `{"type":"AdaptiveCard","version":"1.0","originator":"${PROVIDER}","body":[],"actions":[${nest(levels, open, '', ']}}')}]}`;
}

function* deepDocuments(): Iterable<Case> {
  for (const levels of [999, 1000, 1001, 10_000]) {
    yield { name: `${levels} nested arrays`, text: nest(levels, '[', '1', ']') };
    yield { name: `${levels} nested arrays, unclosed`, text: nest(levels, '[', '', ']', false) };
    yield { name: `${levels} nested objects`, text: nest(levels, '{"a":', '1', '}') };
    yield { name: `${levels} nested objects, unclosed`, text: nest(levels, '{"a":', '', '}', false) };
    yield { name: `${levels} nested mixed`, text: nest(levels, '[{"type":"Container","items":', '[]', '}]') };
  }
  for (const levels of [10, 100, 497, 498, 499, 500, 5_000, 10_000]) {
    yield { name: `${levels} nested Containers`, text: nestedContainers(levels) };
    yield { name: `${levels} nested Containers, truncated`, text: nestedContainers(levels).slice(0, -levels) };
  }
  for (const levels of [10, 100, 332, 333, 334, 3_400]) yield { name: `${levels} nested ShowCards`, text: nestedShowCards(levels) };
  yield { name: '10,000 nested arrays inside a string', text: card([{ type: 'TextBlock', text: '['.repeat(10_000) }]) };
  yield { name: 'brackets inside strings do not count as nesting', text: card([{ type: 'TextBlock', text: '"\\"[['.repeat(5_000) }]) };
  yield { name: 'unbalanced closers before deep nesting', text: ']'.repeat(10_000) + '['.repeat(10_000) };
  // The parser's tokens, not characters: a quote in a comment, or a string ended by a line break, starts no string.
  for (const [what, opening] of [['a line comment holding a quote', '[//"\n'], ['a block comment holding a quote', '[/*"*/'], ['a string ended by a line break', '["\n']]) {
    yield { name: `${what} before 20,000 brackets`, text: opening + '['.repeat(20_000) };
  }
  yield { name: '20,000 arrays each holding a mismatched } the parser skips', text: '[},'.repeat(20_000) };
  yield { name: 'signed payload serializing 10,000 levels', text: JSON.stringify({ adaptiveCardSerialized: nest(10_000, '[', '', ']'), originator: PROVIDER }) };
  yield { name: 'signed payload serializing 1,000 nested Containers', text: JSON.stringify({ adaptiveCardSerialized: nestedContainers(1_000), originator: PROVIDER }) };
  yield { name: 'signed payload serializing 499 nested Containers', text: JSON.stringify({ adaptiveCardSerialized: nestedContainers(499) }) };
}

/** A huge document built at full size and at a sixteenth of it; `build` takes the fraction of the full size. */
function scaled(name: string, build: (fraction: number) => string, settings?: ServiceSettings): Case {
  return { name, text: build(1), sixteenth: build(1 / 16), ...(settings ? { settings } : {}) };
}

function* hugeDocuments(): Iterable<Case> {
  const megabytes = (count: number, fraction: number): number => Math.round(count * 1024 * 1024 * fraction);
  const items = (count: number, fraction: number): number => Math.round(count * fraction);
  yield scaled('10 MB string value', (f) => card([{ type: 'TextBlock', text: 'x'.repeat(megabytes(10, f)) }]), FULL_SETTINGS);
  // jsonc-parser's scanner decodes escapes by string concatenation, which itself grows 4-10 fold per fourfold size
  // here (0.8-2 s for 10 MB of escapes): 2 MB of them, held to the budget only.
  yield { name: '2 MB string of escapes', text: card([{ type: 'TextBlock', text: '"\n\\'.repeat(megabytes(10, 1) / 30) }]) };
  yield scaled('10 MB unterminated string', (f) => `{"type":"AdaptiveCard","version":"1.0","body":[{"type":"TextBlock","text":"${'y'.repeat(megabytes(10, f))}`);
  yield scaled('10 MB URL in Action.Http', (f) => card([], { actions: [{ type: 'Action.Http', method: 'GET', title: 'Go', url: `https://api.contoso.example/${'a'.repeat(megabytes(10, f))}` }] }), FULL_SETTINGS);
  yield scaled('10 MB property name', (f) => `{"type":"AdaptiveCard","version":"1.0","${'k'.repeat(megabytes(10, f))}":1,"body":[]}`);
  yield scaled('10 MB signed payload string', (f) => JSON.stringify({ adaptiveCardSerialized: 'z'.repeat(megabytes(10, f)), originator: PROVIDER }));
  // About 1 MB, the largest card `npm run bench` measures.
  yield scaled('25,000 TextBlocks', (f) => card(Array.from({ length: items(25_000, f) }, (_, i) => ({ type: 'TextBlock', text: `line ${i}` }))));
  yield scaled('10,000 inputs with one id', (f) => card(Array.from({ length: items(10_000, f) }, () => ({ type: 'Input.Text', id: 'same' }))));
  yield scaled('10,000 Action.Http with substitution tokens', (f) => card([{ type: 'Input.Text', id: 'comment' }], {
    actions: Array.from({ length: items(10_000, f) }, (_, i) => ({ type: 'Action.Http', title: `A${i}`, method: 'POST', url: `https://api.contoso.example/${i}`, body: `{{comment.value}} {{missing${i}.value}}` })),
  }), FULL_SETTINGS);
  yield scaled('1 MB of dots in an expected actor\'s email address', (f) => card([], { expectedActors: [`a@${'.'.repeat(megabytes(1, f))} `] }));
  yield scaled('1 MB of {{ in an Action.Http body', (f) => card([], {
    actions: [{ type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/', body: `${'{{'.repeat(megabytes(0.5, f))}a.value}}` }],
  }));
  yield scaled('1,000,000-item number array', (f) => `[${Array.from({ length: items(1_000_000, f) }, (_, i) => i).join(',')}]`);
  yield scaled('1,000,000 commas', (f) => `[${','.repeat(items(1_000_000, f))}]`);
  yield scaled('200,000 syntax errors', (f) => '}'.repeat(items(200_000, f)));
  yield scaled('1,000,000 colons in an object', (f) => `{${':'.repeat(items(1_000_000, f))}}`);
}

function* unicodeDocuments(seeds: readonly string[]): Iterable<Case> {
  const random = seededRandom(SEED + 2);
  for (let i = 0; i < 500; i++) {
    const junk = Array.from({ length: 1 + Math.floor(random() * 6) }, () => JUNK[Math.floor(random() * JUNK.length)]).join('');
    const base = seeds[Math.floor(random() * seeds.length)];
    const at = Math.floor(random() * (base.length + 1));
    yield { name: `junk ${JSON.stringify(junk)} at ${at} of a seed`, text: base.slice(0, at) + junk + base.slice(at) };
    yield { name: `junk ${JSON.stringify(junk)} as every string value`, text: card([{ type: 'TextBlock', text: junk }], { fallbackText: junk, [junk]: junk }) };
  }
  yield { name: 'lone surrogates only', text: '\uD800\uDC00\uDFFF\uD800'.repeat(1000) };
  yield { name: 'escaped lone surrogates in every value', text: '{"type":"AdaptiveCard","version":"\\uD800","originator":"\\uDFFF","body":[{"type":"\\uD83D","text":"\\uDE00"}]}' };
}

describe('robustness: no input makes the service throw or cost more than its CPU budget', () => {
  const seeds = readSeeds();
  const smallest = [...seeds].sort((a, b) => a.length - b.length).find((seed) => seed.length >= 300) ?? seeds[0];

  it('every truncation and single deletion of a realistic card and of a spec example', async () => {
    await assertRobust([...truncationsOf(REALISTIC_CARD, 'realistic card'), ...truncationsOf(smallest, 'spec example')], 2 * REALISTIC_CARD.length);
  });

  it('5,000 seeded mutations (byte flips, deletions, structural insertions, duplications) of every seed', async () => {
    await assertRobust(mutationsOf(seeds, 5_000, SEED), 5_000);
  });

  it('2,500 seeded structure mutations (values of other types, dropped properties, renamed types) that stay valid JSON', async () => {
    await assertRobust(structureMutationsOf(seeds, 2_500, SEED + 1), 2_500);
  });

  it('unicode and surrogate junk in documents and values', async () => {
    await assertRobust(unicodeDocuments(seeds), 1_000);
  });

  it('nesting of arrays, objects, Containers and ShowCards up to 10,000 levels', async () => {
    await assertRobust(deepDocuments(), 40);
  });

  it('10 MB strings, huge arrays and floods of syntax errors', async () => {
    await assertRobust(hugeDocuments(), 13);
  });

  it('an empty or whitespace-only document is one syntax finding that says it is empty, over the whole text', () => {
    for (const text of ['', '   ', '\n\r\n\t', '\uFEFF', '\uFEFF\n']) {
      const { findings } = validateText(text, {});
      assert.equal(findings.length, 1, JSON.stringify(text));
      assert.equal(findings[0]!.rule, 'syntax');
      assert.equal(findings[0]!.message, 'The document is empty: a card is a JSON object.', JSON.stringify(text));
      assert.deepEqual([findings[0]!.offset, findings[0]!.length], [0, text.length], JSON.stringify(text));
    }
    // A no-break space is no JSON whitespace: the document is not empty, it has an invalid symbol.
    assert.match(validateText('\u00a0', {}).findings[0]!.message, /^Invalid symbol/);
  });

  it('deep nesting is reported as a syntax problem at the opening bracket, not silently dropped', () => {
    const text = nestedContainers(10_000);
    const [finding] = validateText(text, {}).findings;
    assert.equal(finding?.rule, 'syntax');
    assert.ok(/Nesting deeper than/.test(finding.message), finding.message);
    assert.ok('{['.includes(text[finding.offset]), `reported at ${JSON.stringify(text[finding.offset])}`);
  });
});
