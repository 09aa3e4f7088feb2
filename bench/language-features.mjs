// Completion, hover and quick fixes on a 1 MB card over LSP (dist/server.js --stdio), against JSON.parse of the same
// text in this process as the floor, interleaved round by round. Every request is of the same document version, the
// case the server keeps a parse for: the first of each, which makes that parse, is reported on its own.
// Alone: `node bench/language-features.mjs`.
import { pathToFileURL } from 'node:url';
import { generateCard } from './generate-cards.mjs';
import { positionAt, startLspSession } from './lsp-session.mjs';
import { formatMs, markdownTable, median } from './stats.mjs';

const URI = 'file:///bench/features.card.json';
/** Issue 13, goal 3: the p50 of each feature within this multiple of JSON.parse of the same text. */
export const FEATURES_TARGET_RATIO = 5;

/** The generated card with an Action.Submit (AM030, whose quick fixes read the card model) among its last actions. */
function cardWithSubmit(bytes) {
  const card = JSON.parse(generateCard(bytes));
  card.actions.push({ type: 'Action.Submit', title: 'Send' });
  return JSON.stringify(card, null, 2);
}

export async function benchLanguageFeatures({ bytes = 1_000_000, warmup = 5, rounds = 30 } = {}) {
  const text = cardWithSubmit(bytes);
  const session = await startLspSession();
  try {
    const opened = session.diagnosticsOf(URI, 1);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'json', version: 1, text } });
    const { diagnostics } = await opened;
    const submit = diagnostics.filter((diagnostic) => diagnostic.code === 'AM030');
    if (submit.length === 0) throw new Error(`no AM030 among the ${diagnostics.length} diagnostics of the card: the quick fix cannot be measured`);
    // Near the end of the card, where a scan from the start costs the most: a property name and a value of the last section.
    const keyAt = text.lastIndexOf('"placeholder"') + 3;
    const valueAt = text.lastIndexOf('"Input.Date"') + 3;
    const textDocument = { uri: URI };
    const features = {
      'JSON.parse (floor)': async () => {
        const start = performance.now();
        JSON.parse(text);
        return { ms: performance.now() - start, size: 1 };
      },
      completion: async () => {
        const { ms, result } = await session.timedRequest('textDocument/completion', { textDocument, position: positionAt(text, valueAt) });
        return { ms, size: (Array.isArray(result) ? result : result?.items ?? []).length };
      },
      hover: async () => {
        const { ms, result } = await session.timedRequest('textDocument/hover', { textDocument, position: positionAt(text, keyAt) });
        return { ms, size: result?.contents?.value?.length ?? 0 };
      },
      codeAction: async () => {
        const { ms, result } = await session.timedRequest('textDocument/codeAction', { textDocument, range: submit[0].range, context: { diagnostics: submit } });
        return { ms, size: result?.length ?? 0 };
      },
    };
    const names = Object.keys(features);
    const first = {};
    for (const name of names) first[name] = await features[name]();
    const samples = Object.fromEntries(names.map((name) => [name, []]));
    for (let round = 0; round < warmup + rounds; round++) {
      for (const name of names.map((_, i) => names[(i + round) % names.length])) {
        const { ms, size } = await features[name]();
        if (size === 0) throw new Error(`${name} answered nothing on the ${text.length.toLocaleString('en')} B card`);
        if (round >= warmup) samples[name].push(ms);
      }
    }
    const floor = median(samples[names[0]]);
    return {
      bytes: text.length,
      rounds,
      floor,
      features: names.slice(1).map((name) => {
        const p50 = median(samples[name]);
        return { name, first: first[name].ms, p50, ratio: p50 / floor, met: p50 / floor <= FEATURES_TARGET_RATIO, size: first[name].size };
      }),
    };
  } finally {
    await session.stop();
  }
}

export function languageFeaturesTable(result) {
  return markdownTable(
    ['request', 'first (makes the parse)', 'p50', 'p50 / JSON.parse', `goal: ≤ ${FEATURES_TARGET_RATIO}x`],
    result.features.map((f) => [f.name, `${formatMs(f.first)} ms`, `${formatMs(f.p50)} ms`, `${f.ratio.toFixed(1)}x`, f.met ? 'met' : 'MISSED']),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchLanguageFeatures();
  console.log(`${result.bytes.toLocaleString('en')} B card, JSON.parse p50 ${formatMs(result.floor)} ms, ${result.rounds} rounds`);
  console.log(languageFeaturesTable(result));
  if (result.features.some((f) => !f.met)) process.exitCode = 1;
}
