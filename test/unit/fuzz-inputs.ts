// Seeded inputs for the tests that feed the service broken documents: a PRNG, seed cards and a text mutator.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repository = path.join(__dirname, '../../..');

export const PROVIDER = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';

/** mulberry32: small, fast and seedable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function readSeeds(): string[] {
  const examples: Record<string, string> = JSON.parse(readFileSync(path.join(repository, 'test/fixtures/spec-examples.json'), 'utf8'));
  const cardFiles = (directory: string): string[] => {
    try {
      return readdirSync(directory).filter((file) => file.endsWith('.json')).map((file) => readFileSync(path.join(directory, file), 'utf8'));
    } catch {
      return [];
    }
  };
  return [...Object.values(examples), ...cardFiles(path.join(repository, 'examples')), ...cardFiles(path.join(repository, 'test/fixtures/ws')), REALISTIC_CARD];
}

/** A realistic Action.Http card: containers, a column set, every input kind, substitution tokens and a ShowCard. */
export const REALISTIC_CARD = JSON.stringify({
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  type: 'AdaptiveCard',
  version: '1.0',
  originator: PROVIDER,
  hideOriginalBody: true,
  body: [
    { type: 'TextBlock', text: 'Expense report #4711', size: 'large', weight: 'bolder' },
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'auto', items: [{ type: 'Image', url: 'https://contoso.example/a.png', size: 'small', style: 'person' }] },
        { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: 'Submitted by Ana', wrap: true }], selectAction: { type: 'Action.OpenUrl', url: 'https://contoso.example' } },
      ],
    },
    {
      type: 'Container',
      items: [
        { type: 'FactSet', facts: [{ title: 'Amount', value: '42.00 EUR' }, { title: 'Due', value: '2026-06-30' }] },
        { type: 'Input.Text', id: 'comment', placeholder: 'Comment', isMultiline: true },
        { type: 'Input.Number', id: 'amount', min: 0 },
        { type: 'Input.Date', id: 'due' },
        { type: 'Input.Toggle', id: 'notify', title: 'Notify' },
        { type: 'Input.ChoiceSet', id: 'decision', choices: [{ title: 'Approve', value: 'approve' }, { title: 'Reject', value: 'reject' }] },
      ],
    },
  ],
  actions: [
    {
      type: 'Action.Http', title: 'Approve', method: 'POST', url: 'https://api.contoso.example/approve?id={{comment.value}}',
      body: '{"comment": "{{comment.value}}", "amount": "{{amount.value}}"}', headers: [{ name: 'Content-Type', value: 'application/json' }],
    },
    {
      type: 'Action.ShowCard', title: 'Reject',
      card: { type: 'AdaptiveCard', body: [{ type: 'Input.Text', id: 'reason' }], actions: [{ type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/reject', body: '{{reason.value}}' }] },
    },
  ],
});

export const STRUCTURAL = ['{', '}', '[', ']', '"', ',', ':', '\\', ' ', '\n', '0', '-', 'e', 'null', 'true', '"type"', '"AdaptiveCard"', '"Action.Http"', '"Container"', '"items"', '"body"', '"card"'];
export const JUNK = ['\uD800', '\uDFFF', '\uDBFF\uDC00', '\uFEFF', '\u0000', '\u2028', '\u202E', '\uFFFF', '😀', 'e\u0301', '\\uD800', '\\u00', '\\x41', '\\', '\u0085', '\t', '\r'];

export function mutate(text: string, random: () => number): { text: string; steps: string[] } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const steps: string[] = [];
  const mutations = 1 + Math.floor(random() * 4);
  for (let m = 0; m < mutations; m++) {
    const at = Math.floor(random() * (text.length + 1));
    const kind = pick(['flip', 'delete', 'insert', 'duplicate', 'junk'] as const);
    steps.push(`${kind}@${at}`);
    switch (kind) {
      case 'flip':
        text = text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << Math.floor(random() * 7))) + text.slice(at + 1);
        break;
      case 'delete':
        text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 8));
        break;
      case 'insert':
        text = text.slice(0, at) + pick(STRUCTURAL) + text.slice(at);
        break;
      case 'duplicate': {
        const length = Math.floor(random() * 60);
        text = text.slice(0, at + length) + text.slice(at, at + length) + text.slice(at + length);
        break;
      }
      case 'junk':
        text = text.slice(0, at) + pick(JUNK) + text.slice(at);
        break;
    }
  }
  return { text, steps };
}
