// A folder of realistic small Outlook cards for the `amcard lint` bench, as a project keeps them: varied shapes taken
// from examples/ and the sections of generate-cards.mjs, 1–5 KB each, written pretty or compact, in sub-folders. Some
// have findings (no originator, Action.Submit, a version Outlook does not render), some are templates with their
// *.data.json, some response cards, some cards recognised by content only (plain *.json), and a package.json.
// The same count always gives the same files.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeSection } from './generate-cards.mjs';

const root = path.resolve(import.meta.dirname, '..');
const example = (name) => JSON.parse(readFileSync(path.join(root, 'examples', name), 'utf8'));
const SHAPES = ['approval-http.card.json', 'approval-uam.card.json', 'input-form.card.json', 'add-in-command.card.json'].map(example);
const RESPONSE = example('approval-http.response.json');
const TEMPLATE = example('expense-template.card.json');
const TEMPLATE_DATA = example('expense-template.data.json');

const MIN_BYTES = 1024;
const MAX_BYTES = 5 * 1024;
const FILES_PER_FOLDER = 50;
const WORDS = ['expense', 'report', 'approval', 'invoice', 'travel', 'budget', 'quarter', 'review', 'manager', 'order', 'shipment', 'ticket'];

/** lowbias32: neighbouring indexes give unrelated variations. */
function hash(x) {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The card with every human-readable text rewritten from `seed`, so no two files are alike. */
function rewordTexts(value, seed) {
  let draw = 0;
  const visit = (node) => {
    if (Array.isArray(node)) { node.forEach(visit); return; }
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if ((key === 'text' || key === 'placeholder') && typeof child === 'string' && !child.includes('{{') && !child.includes('${')) {
        node[key] = Array.from({ length: 2 + (hash(seed * 31 + draw) % 8) }, () => WORDS[hash(seed * 977 + draw++) % WORDS.length]).join(' ');
      } else {
        visit(child);
      }
    }
  };
  visit(value);
  return value;
}

function sectionCard(index) {
  const section = makeSection(index);
  // A section holds a header, a ColumnSet, a FactSet, five inputs and an ActionSet: drop the ColumnSet or the FactSet
  // and the ShowCard in turn, so the cards differ in shape and size and still name only inputs they have.
  section.items = section.items.filter((item) => item.type !== ['ColumnSet', 'FactSet', 'none'][index % 3]);
  const actionSet = section.items.at(-1);
  if (index % 4 === 0) actionSet.actions = actionSet.actions.filter((action) => action.type !== 'Action.ShowCard');
  return {
    type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', hideOriginalBody: true,
    body: [{ type: 'TextBlock', text: `Item ${index}`, size: 'large', weight: 'bolder' }, section],
  };
}

/** One of the mistakes Outlook rejects, in about one card in five. */
function addFinding(card, index) {
  if (index % 7 === 0) delete card.originator;
  else if (index % 11 === 0 && Array.isArray(card.actions) && card.actions.length > 0) card.actions[0] = { type: 'Action.Submit', title: 'Send' };
  else if (index % 13 === 0) card.version = '1.5';
}

/** The card's text within MIN_BYTES..MAX_BYTES: body elements dropped from the end, or TextBlocks added. */
function fitted(card, index) {
  const format = (value) => JSON.stringify(value, null, index % 3 === 0 ? undefined : 2);
  let text = format(card);
  while (text.length > MAX_BYTES && card.body.length > 1) { card.body.pop(); text = format(card); }
  for (let extra = 0; text.length < MIN_BYTES; extra++) {
    card.body.push({ type: 'TextBlock', text: WORDS.slice(0, 4 + (extra % 8)).join(' '), wrap: true });
    text = format(card);
  }
  return text;
}

/**
 * Writes `count` files into `dir` (in sub-folders of FILES_PER_FOLDER) and returns how many lint should check and
 * skip: every card is checked; the package.json and the *.data.json files are skipped.
 */
export function writeLintCards(dir, count) {
  let cards = 0;
  let skipped = 0;
  const write = (index, name, text) => {
    const folder = path.join(dir, `team-${String(Math.floor(index / FILES_PER_FOLDER)).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, name), text);
  };
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'cards', version: '1.0.0', private: true, scripts: { lint: 'amcard lint .' } }, null, 2));
  skipped++;
  for (let index = 1; index < count; index++) {
    const base = `card-${index}`;
    if (index % 50 === 1 && index + 1 < count) {
      write(index, `${base}.card.json`, fitted(rewordTexts(structuredClone(TEMPLATE), index), index));
      write(index, `${base}.data.json`, JSON.stringify({ ...TEMPLATE_DATA, report: { ...TEMPLATE_DATA.report, id: `EXP-${index}` } }, null, 2));
      index++;
      cards++;
      skipped++;
      continue;
    }
    if (index % 40 === 0) {
      write(index, `${base}.response.json`, fitted(rewordTexts(structuredClone(RESPONSE), index), index));
      cards++;
      continue;
    }
    const card = index % 2 === 0 ? sectionCard(index) : rewordTexts(structuredClone(SHAPES[index % SHAPES.length]), index);
    addFinding(card, index);
    // About one card in nine is a plain *.json file, a card by its content only.
    write(index, index % 9 === 0 ? `${base}.json` : `${base}.card.json`, fitted(card, index));
    cards++;
  }
  return { cards, skipped };
}
