// LSP round trip: spawns the bundled server over stdio, opens a generated card and measures, for a series of
// spaced-apart edits, the time from sending didChange to receiving the publishDiagnostics of that version: the
// server's wait after a change (scaled to the card's validation time) is part of every latency.
// Alone: `node bench/lsp-roundtrip.mjs` prints the goals of ROUND_TRIP_SIZES.
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { TextDocumentSyncKind } from 'vscode-languageserver/node';
import { generateCard } from './generate-cards.mjs';
import { positionAt, startLspSession } from './lsp-session.mjs';
import { formatMs, markdownTable, median, percentile } from './stats.mjs';

const URI = 'file:///bench/approvals.card.json';

/** Issue 13, goal 1: edit → diagnostics p95, debounce included, per card size. */
export const ROUND_TRIP_SIZES = [
  { label: '10 KB', bytes: 10_000, p95BudgetMs: 25 },
  { label: '100 KB', bytes: 100_000, p95BudgetMs: 50 },
];

const TITLE = '"Pending approvals"';

/** The edit of round `i`: rewrites the title at `at`, keeping its length so the same offset stays valid. */
function editTitle(text, at, i) {
  const replacement = `"Pending edit ${String(i % 10_000).padStart(4, '0')}"`;
  return { at, length: TITLE.length, replacement, text: text.slice(0, at) + replacement + text.slice(at + TITLE.length) };
}

/**
 * Sends didChange notifications `spacingMs` apart (after the previous diagnostics arrived) and returns the latencies
 * in ms of the `edits` after the first `warmupEdits`, which compile the server's hot code. The server's own debounce
 * is part of every latency.
 */
export async function benchRoundTrip({ edits = 60, warmupEdits = 5, spacingMs = 150, bytes = 100_000 } = {}) {
  const session = await startLspSession();
  try {
    const sync = session.capabilities.textDocumentSync;
    const incremental = (typeof sync === 'number' ? sync : sync?.change) === TextDocumentSyncKind.Incremental;
    let text = generateCard(bytes);
    const titleAt = text.indexOf(TITLE);
    const opened = session.diagnosticsOf(URI, 1);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'json', version: 1, text } });
    await opened;

    const latencies = [];
    for (let i = 0; i < warmupEdits + edits; i++) {
      await sleep(spacingMs);
      const version = i + 2;
      const edit = editTitle(text, titleAt, i);
      const change = incremental
        ? { range: { start: positionAt(text, edit.at), end: positionAt(text, edit.at + edit.length) }, text: edit.replacement }
        : { text: edit.text };
      text = edit.text;
      const received = session.diagnosticsOf(URI, version);
      const sent = performance.now();
      await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [change] });
      const latency = (await received).at - sent;
      if (i >= warmupEdits) latencies.push(latency);
    }
    return { latencies, bytes: text.length, incremental };
  } finally {
    await session.stop();
  }
}

/** The round trip at each of ROUND_TRIP_SIZES, with its p50, p95 and verdict against the size's p95 budget. */
export async function benchRoundTrips(sizes = ROUND_TRIP_SIZES) {
  const results = [];
  for (const size of sizes) {
    const { latencies, bytes, incremental } = await benchRoundTrip({ bytes: size.bytes });
    const p95 = percentile(latencies, 0.95);
    results.push({ ...size, bytes, incremental, latencies, p50: median(latencies), p95, max: Math.max(...latencies), met: p95 < size.p95BudgetMs });
  }
  return results;
}

/** The markdown table of benchRoundTrips' results. */
export function roundTripTable(results) {
  return markdownTable(
    ['card', 'edits', 'sync', 'p50', 'p95', 'max', 'goal: p95 under', 'verdict'],
    results.map((r) => [
      `${r.label} (${r.bytes.toLocaleString('en')} B)`, String(r.latencies.length), r.incremental ? 'incremental' : 'full',
      `${formatMs(r.p50)} ms`, `${formatMs(r.p95)} ms`, `${formatMs(r.max)} ms`, `${r.p95BudgetMs} ms`, r.met ? 'met' : 'MISSED',
    ]),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchRoundTrips();
  console.log(roundTripTable(results));
  if (results.some((r) => !r.met)) process.exitCode = 1;
}
