// `npm run bench`: full-diagnostics comparison with vscode-json-languageservice, the LSP didChange round trip, 1 MB
// didOpen over LSP against the peer, completion, hover and quick fixes over LSP against JSON.parse,
// RS256 signing with jose against bare node:crypto, and edit-to-rendered in the preview webview against bare
// adaptivecards, and activation against loading vscode-languageclient alone.
// Prints a markdown report with the environment and writes it to bench-results/. Exits non-zero when a target is missed.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchDiagnostics } from './diagnostics.mjs';
import { benchMemory } from './memory.mjs';
import { benchRoundTrips, roundTripTable } from './lsp-roundtrip.mjs';
import { benchLanguageFeatures, FEATURES_TARGET_RATIO, languageFeaturesTable } from './language-features.mjs';
import { benchLspOpen, lspOpenTable, OPEN_SPEEDUP_TARGET } from './lsp-open.mjs';
import { benchSigning } from './signing.mjs';
import { benchWebview } from './webview.mjs';
import { formatMs, markdownTable } from './stats.mjs';

const root = path.resolve(import.meta.dirname, '..');
const SPEEDUP_TARGET_AT_1MB = 3;
const FLOOR_MULTIPLE_AT_1MB = 10;
/** 30 MB is 3x 10 MB; a little over 3x allows for the fixed part of the heap's growth. */
const MEMORY_GROWTH_LIMIT = 3.3;

function environment() {
  const cpus = os.cpus();
  return [
    `- node ${process.version} (${process.platform} ${process.arch})`,
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} logical cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- ${new Date().toISOString()}`,
  ].join('\n');
}

const lines = ['# Benchmark', '', environment(), ''];
const say = (text = '') => { lines.push(text); console.log(text); };
console.log(lines.join('\n'));
const failures = [];

say('## Full diagnostics (median ms, same process, interleaved runs)');
say();
const diagnostics = await benchDiagnostics();
say(markdownTable(
  ['card', 'JSON.parse (floor)', 'this service', 'vscode-json-languageservice', 'speed-up', 'service / floor', 'findings (ours / json-ls)'],
  diagnostics.map(({ label, bytes, medians, findings }) => [
    `${label} (${bytes.toLocaleString('en')} B)`,
    formatMs(medians.floor), formatMs(medians.ours), formatMs(medians.jsonLanguageService),
    `${(medians.jsonLanguageService / medians.ours).toFixed(1)}x`,
    `${(medians.ours / medians.floor).toFixed(1)}x`,
    `${findings.ours} / ${findings.jsonLanguageService}`,
  ]),
));
const largest = diagnostics.at(-1);
const speedUp = largest.medians.jsonLanguageService / largest.medians.ours;
say();
say(`Target: at ${largest.label} at least ${SPEEDUP_TARGET_AT_1MB}x faster than vscode-json-languageservice: ${speedUp >= SPEEDUP_TARGET_AT_1MB ? 'met' : 'MISSED'} (${speedUp.toFixed(1)}x).`);
if (speedUp < SPEEDUP_TARGET_AT_1MB) failures.push('diagnostics speed-up');
const floorMultiple = largest.medians.ours / largest.medians.floor;
say(`Target: at ${largest.label} this service at most ${FLOOR_MULTIPLE_AT_1MB}x JSON.parse of the same text: ${floorMultiple <= FLOOR_MULTIPLE_AT_1MB ? 'met' : 'MISSED'} (${floorMultiple.toFixed(1)}x).`);
if (floorMultiple > FLOOR_MULTIPLE_AT_1MB) failures.push('diagnostics against JSON.parse');

say();
say('## Memory: peak RSS that full diagnostics add (a fresh process per card and competitor)');
say();
const memory = await benchMemory();
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
say(markdownTable(
  ['card', 'this service', 'vscode-json-languageservice', 'findings (ours / json-ls)'],
  memory.map(({ label, bytes, ours, peer }) => [
    `${label} (${bytes.toLocaleString('en')} B)`, mib(ours.addedBytes), mib(peer.addedBytes), `${ours.findings} / ${peer.findings}`,
  ]),
));
const [memory10, memory30] = memory;
const memoryGrowth = memory30.ours.addedBytes / memory10.ours.addedBytes;
say();
say(`Target: at ${memory10.label} no more than vscode-json-languageservice: ${memory10.ours.addedBytes <= memory10.peer.addedBytes ? 'met' : 'MISSED'} (${(memory10.ours.addedBytes / memory10.peer.addedBytes).toFixed(2)}x).`);
say(`Target: linear from ${memory10.label} to ${memory30.label}, at most ${MEMORY_GROWTH_LIMIT}x for 3x the size: ${memoryGrowth <= MEMORY_GROWTH_LIMIT ? 'met' : 'MISSED'} (${memoryGrowth.toFixed(2)}x).`);
if (memory10.ours.addedBytes > memory10.peer.addedBytes) failures.push('memory against vscode-json-languageservice');
if (memoryGrowth > MEMORY_GROWTH_LIMIT) failures.push('memory growth');
say('Each process reads the card, loads both competitors and collects garbage; its peak RSS then is the baseline, and the table shows what one full diagnostics run adds to it.');

say();
say('## LSP round trip (didChange → publishDiagnostics, dist/server.js --stdio, the server\'s wait after a change included)');
say();
const roundTrips = await benchRoundTrips();
say(roundTripTable(roundTrips));
say();
say('Goal (issue 13, 1): p95 under the budget of each size, debounce included; the server waits a multiple of the card\'s validation time, bounded (server/src/language/change-debounce.ts).');
for (const r of roundTrips.filter((r) => !r.met)) failures.push(`round-trip p95 at ${r.label}`);

say();
say('## Over LSP on a 1 MB card: full diagnostics against the peer, and completion, hover and quick fixes against JSON.parse');
say();
const lspOpen = await benchLspOpen();
say(lspOpenTable(lspOpen));
say();
say(`Goal (issue 13, 2): didOpen → publishDiagnostics at most 1/${OPEN_SPEEDUP_TARGET} of vscode-json-languageservice validating the same card against the same schema, in this process (no LSP cost on its side); medians of ${lspOpen.rounds} interleaved rounds.`);
if (!lspOpen.met) failures.push('1 MB didOpen over LSP against the peer');
say();
const languageFeatures = await benchLanguageFeatures();
say(languageFeaturesTable(languageFeatures));
say();
say(`Goal (issue 13, 3): each p50 within ${FEATURES_TARGET_RATIO}x JSON.parse of the same ${languageFeatures.bytes.toLocaleString('en')} B text (${formatMs(languageFeatures.floor)} ms), interleaved over ${languageFeatures.rounds} rounds; "first" is the request that makes the version's parse.`);
for (const f of languageFeatures.features.filter((f) => !f.met)) failures.push(`${f.name} on 1 MB against JSON.parse`);

say();
say('## Signed cards: RS256 sign and verify, jose against bare node:crypto (median ops/s, same process, interleaved batches)');
say();
const signing = await benchSigning();
const overheadMicroseconds = (rates) => ((1 / rates.jose - 1 / rates.nodeCrypto) * 1e6).toFixed(0);
say(markdownTable(
  ['operation', 'jose (ops/s)', 'node:crypto (ops/s)', 'jose / node:crypto', 'jose overhead per op'],
  [['sign (signPayload / crypto.sign)', signing.sign], ['verify (compactVerify / crypto.verify)', signing.verify]].map(([operation, rates]) => [
    operation, rates.jose.toFixed(0), rates.nodeCrypto.toFixed(0), `${(rates.jose / rates.nodeCrypto).toFixed(2)}x`, `${overheadMicroseconds(rates)} µs`,
  ]),
));
say();
say(`RSA 2048, a ${signing.payloadBytes.toLocaleString('en')} B payload (examples/approval-http.card.json), ${signing.tokenBytes.toLocaleString('en')} B token. jose signs the payload object (JSON, base64url) and node:crypto the finished signing input. jose 6 uses only WebCrypto, whose every call is an asynchronous job on the thread pool: a fixed cost per operation that weighs most against a verification of some tens of µs.`);

say();
say('## Preview webview: edit to rendered (median ms, headless Chromium, one page, interleaved runs)');
say();
const webview = await benchWebview();
say(markdownTable(
  ['card', 'bare adaptivecards parse + render (floor)', 'render message → rendered', 'preview / floor'],
  webview.map(({ label, bytes, medians }) => [
    `${label} (${bytes.toLocaleString('en')} B)`, formatMs(medians.floor), formatMs(medians.ours), `${(medians.ours / medians.floor).toFixed(1)}x`,
  ]),
));
say();
say(`${webview[0].rounds} runs per card after warm-up. The preview's time runs from posting the \`render\` message to its \`rendered\` answer: message dispatch, reading the text (JSON, signed cards, template), the image filter, a fresh Outlook-configured renderer with Outlook Markdown (markdown-it) for every text, the header and the saved state. The floor parses and renders the same card with adaptivecards' own build and the Outlook desktop host config, without Markdown. Neither waits for layout or paint.`);

// amcard lint per file (issue 13, goal 4): within LINT_PER_FILE_TARGET x of reading and JSON.parse-ing the same files.
{
  const LINT_PER_FILE_TARGET = 3;
  say();
  say('## amcard lint: per-file cost on small cards (median µs per file, process start subtracted, interleaved runs)');
  say();
  const { benchLint } = await import('./lint.mjs');
  const lint = await benchLint();
  const microseconds = (value) => value.toFixed(0);
  say(markdownTable(
    ['clock', 'read + JSON.parse (floor)', 'amcard lint', 'lint / floor', 'rounds (min–max of lint)'],
    [
      ['wall', lint.perFileMicroseconds, lint.ratio, lint.spread.lint],
      ['CPU', lint.cpuPerFileMicroseconds, lint.cpuRatio, lint.spread.lintCpu],
    ].map(([clock, perFile, ratio, spread]) => [
      clock, microseconds(perFile.floor), microseconds(perFile.lint), `${ratio.toFixed(1)}x`, `${microseconds(spread[0])}–${microseconds(spread[1])}`,
    ]),
  ));
  say();
  say(`${lint.files.toLocaleString('en')} files in sub-folders: ${lint.cards.toLocaleString('en')} cards of 1–5 KB (bench/lint-cards.mjs) and ${lint.skipped} files lint skips (template data, a package.json); ${lint.rounds} rounds. Each side's time on the folder minus its time on a folder of one card (process start: lint ${formatMs(lint.startupMs.lint)} ms, floor ${formatMs(lint.startupMs.floor)} ms), divided by the files added. CPU time is each process's own (all threads), less disturbed by other load than wall time.`);
  say(`Target: lint within ${LINT_PER_FILE_TARGET}x of read + JSON.parse per file (wall): ${lint.ratio <= LINT_PER_FILE_TARGET ? 'met' : 'MISSED'} (${lint.ratio.toFixed(1)}x).`);
  if (lint.ratio > LINT_PER_FILE_TARGET) failures.push('amcard lint per file');
}

// Activation (issue 13, goal 6): loading dist/extension.js and running activate() within 1.2x of loading
// vscode-languageclient/node alone, in fresh processes (bench/activation.mjs).
{
  const ACTIVATION_TARGET = 1.2;
  const { benchActivation } = await import('./activation.mjs');
  say();
  say('## Activation: dist/extension.js + activate() against vscode-languageclient/node alone (median ms, fresh processes, alternating)');
  say();
  const activation = benchActivation();
  const ratio = activation.medians.extension / activation.medians.client;
  say(markdownTable(
    ['vscode-languageclient/node alone (floor)', 'dist/extension.js + activate()', 'activation / floor', 'dist/ files loaded'],
    [[formatMs(activation.medians.client), formatMs(activation.medians.extension), `${ratio.toFixed(2)}x`, activation.loaded.join(', ')]],
  ));
  say();
  say(markdownTable(['bundle', 'bytes'], Object.entries(activation.sizes).map(([name, bytes]) => [`dist/${name}`, bytes.toLocaleString('en')])));
  say();
  say(`${activation.runs} runs of each in new Node processes, with a minimal stand-in for the \`vscode\` module (a harness, not the real extension host). Target: at most ${ACTIVATION_TARGET}x: ${ratio <= ACTIVATION_TARGET ? 'met' : 'MISSED'} (${ratio.toFixed(2)}x).`);
  if (ratio > ACTIVATION_TARGET) failures.push('activation');
}

const resultsDir = path.join(root, 'bench-results');
mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
writeFileSync(file, lines.join('\n') + '\n');
console.log(`\nWritten to ${path.relative(root, file)}`);
if (failures.length > 0) {
  console.error(`Missed targets: ${failures.join(', ')}`);
  process.exitCode = 1;
}
