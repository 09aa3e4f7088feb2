// Full diagnostics of a 1 MB card over LSP: didOpen → publishDiagnostics with dist/server.js --stdio (the text's
// transfer, parse, rules, schema and the diagnostics' return included), against vscode-json-languageservice's
// doValidation of the same card with the same schema, in this process (the peer of bench/diagnostics.mjs, without any
// LSP cost, so the goal is harder to meet than against a server: the npm package of a JSON language server,
// vscode-json-languageserver 1.3.4, runs vscode-json-languageservice 4, a major version behind the 5.7 that this
// project and its bench use). Interleaved round by round: each round opens the card under a new address, then closes
// it.
// Alone: `node bench/lsp-open.mjs`.
import { pathToFileURL } from 'node:url';
import { loadCompetitors } from './diagnostics.mjs';
import { generateCard } from './generate-cards.mjs';
import { startLspSession } from './lsp-session.mjs';
import { formatMs, markdownTable, median } from './stats.mjs';

/** Issue 13, goal 2 over LSP: the server's didOpen → publish at most 1/5 of the peer's validation. */
export const OPEN_SPEEDUP_TARGET = 5;

export async function benchLspOpen({ bytes = 1_000_000, warmup = 3, rounds = 15 } = {}) {
  const text = generateCard(bytes);
  const { jsonLanguageService, floor } = loadCompetitors();
  const session = await startLspSession();
  const samples = { lsp: [], peer: [], floor: [] };
  try {
    for (let round = 0; round < warmup + rounds; round++) {
      const uri = `file:///bench/open-${round}.card.json`;
      const published = session.diagnosticsOf(uri, 1);
      const sent = performance.now();
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
      const lspMs = (await published).at - sent;
      await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      let start = performance.now();
      await jsonLanguageService(text);
      const peerMs = performance.now() - start;
      start = performance.now();
      floor(text);
      const floorMs = performance.now() - start;
      if (round < warmup) continue;
      samples.lsp.push(lspMs);
      samples.peer.push(peerMs);
      samples.floor.push(floorMs);
    }
  } finally {
    await session.stop();
  }
  const medians = { lsp: median(samples.lsp), peer: median(samples.peer), floor: median(samples.floor) };
  const speedUp = medians.peer / medians.lsp;
  return { bytes: text.length, rounds, medians, speedUp, met: speedUp >= OPEN_SPEEDUP_TARGET };
}

export function lspOpenTable(result) {
  const { medians } = result;
  return markdownTable(
    ['card', 'JSON.parse (floor)', 'didOpen → publish over LSP', 'vscode-json-languageservice doValidation', 'peer / ours', `goal: ≥ ${OPEN_SPEEDUP_TARGET}x`],
    [[
      `${result.bytes.toLocaleString('en')} B`, `${formatMs(medians.floor)} ms`, `${formatMs(medians.lsp)} ms`, `${formatMs(medians.peer)} ms`,
      `${result.speedUp.toFixed(1)}x`, result.met ? 'met' : 'MISSED',
    ]],
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchLspOpen();
  console.log(`medians of ${result.rounds} rounds`);
  console.log(lspOpenTable(result));
  if (!result.met) process.exitCode = 1;
}
