// Full diagnostics of one document: this service's validateText (parse, schema, Outlook rules) against
// vscode-json-languageservice (parse + JSON-schema validation with the same schema), with bare JSON.parse as the
// floor. All three run in this one process, in a rotating order (each goes first in turn), so drift and GC pressure hit each
// alike. No forced GC between runs: after a forced full GC every following run was several times slower.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateCard } from './generate-cards.mjs';
import { median } from './stats.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

export const SCHEMA_PATH = path.join(root, 'server/schema/outlook-card.schema.json');
const COMPILED_VALIDATE = path.join(root, 'out/server/src/rules/validate.js');

/** The URI the generated cards name in "$schema"; the language service is given our schema under it. */
const CARD_SCHEMA_URI = 'http://adaptivecards.io/schemas/adaptive-card.json';

export function loadCompetitors() {
  if (!existsSync(COMPILED_VALIDATE)) throw new Error(`${path.relative(root, COMPILED_VALIDATE)} is missing: run "npm run build" first.`);
  if (!existsSync(SCHEMA_PATH)) throw new Error(`${path.relative(root, SCHEMA_PATH)} is missing: the comparison needs the card schema.`);
  const { validateText } = require(COMPILED_VALIDATE);
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  const jsonService = getLanguageService({});
  jsonService.configure({
    validate: true,
    allowComments: false,
    schemas: [{ uri: CARD_SCHEMA_URI, fileMatch: ['*.card.json'], schema }],
  });
  let version = 0;
  return {
    floor: (text) => JSON.parse(text),
    ours: (text) => validateText(text, {}).findings,
    jsonLanguageService: (text) => {
      const document = TextDocument.create('file:///bench/generated.card.json', 'json', ++version, text);
      return jsonService.doValidation(document, jsonService.parseJSONDocument(document), { comments: 'error', trailingCommas: 'error' });
    },
  };
}

async function timeOnce(run, text) {
  const start = performance.now();
  await run(text);
  return performance.now() - start;
}

/** Both sides must report a schema violation, else the comparison would time a validator that checks nothing. */
async function assertBothValidate(competitors) {
  const card = JSON.parse(generateCard(1));
  card.body[0].wrap = 'yes';
  const text = JSON.stringify(card);
  const ours = competitors.ours(text).filter((finding) => finding.rule === 'schema').length;
  const theirs = (await competitors.jsonLanguageService(text)).length;
  if (ours === 0 || theirs === 0) throw new Error(`"wrap": "yes" is not reported (this service: ${ours}, vscode-json-languageservice: ${theirs}).`);
}

/** Sizes with warm-up and measured rounds chosen so the whole comparison takes well under a minute. */
export const DIAGNOSTIC_SIZES = [
  { label: '10 KB', bytes: 10_000, warmup: 50, rounds: 200 },
  { label: '100 KB', bytes: 100_000, warmup: 10, rounds: 60 },
  { label: '1 MB', bytes: 1_000_000, warmup: 3, rounds: 25 },
];

/** Medians in ms per size for the floor, this service and vscode-json-languageservice, plus what each reported. */
export async function benchDiagnostics(sizes = DIAGNOSTIC_SIZES) {
  const competitors = loadCompetitors();
  await assertBothValidate(competitors);
  const names = Object.keys(competitors);
  const results = [];
  for (const size of sizes) {
    const text = generateCard(size.bytes);
    const samples = Object.fromEntries(names.map((name) => [name, []]));
    for (let round = 0; round < size.warmup + size.rounds; round++) {
      const order = names.map((_, i) => names[(i + round) % names.length]);
      for (const name of order) {
        const ms = await timeOnce(competitors[name], text);
        if (round >= size.warmup) samples[name].push(ms);
      }
    }
    results.push({
      label: size.label,
      bytes: text.length,
      medians: Object.fromEntries(names.map((name) => [name, median(samples[name])])),
      findings: { ours: competitors.ours(text).length, jsonLanguageService: (await competitors.jsonLanguageService(text)).length },
    });
  }
  return results;
}
