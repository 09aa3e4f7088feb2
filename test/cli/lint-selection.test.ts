// `amcard lint` chooses files as the language server chooses documents: the card and response-card patterns, and JSON
// that is a card by its content. The rest is skipped and counted; a file the user named gets a "not a card" note.
// Run as users run it: dist/cli.js in a child process, on a folder laid out like a project.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, type CliRun } from './run-cli';

const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
const REPOSITORY = path.join(__dirname, '../../..');
/** Real cards by others, beside the project on the machines that have them (../shared/corpus-real/cards). */
const REAL_CARDS = path.join(REPOSITORY, '..', 'shared', 'corpus-real', 'cards');

const card = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: '${title}' }], ...extra }, null, 2);

interface JsonResult {
  file: string;
  skipped?: string;
  findings: { rule: string; severity: string; message: string }[];
}

let dir: string;

function amcard(args: readonly string[], cwd = dir): CliRun {
  return runCli(args, cwd);
}

function write(relative: string, text: string): void {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function byFile(run: CliRun): Record<string, JsonResult> {
  return Object.fromEntries((JSON.parse(run.stdout) as JsonResult[]).map((result) => [result.file.split(path.sep).join('/'), result]));
}

const rules = (result: JsonResult | undefined) => result?.findings.map((finding) => finding.rule).sort();

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'amcard-selection-'));
  write('project/expense.card.json', card({ originator: ORIGINATOR }));
  write('project/expense.data.json', JSON.stringify({ title: 'Expense EXP-1' }));
  write('project/approved.response.json', card());
  write('project/bot-reply.json', JSON.stringify({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: JSON.parse(card()) }));
  write('project/legacy.json', JSON.stringify({ '@type': 'MessageCard', '@context': 'http://schema.org/extensions', originator: ORIGINATOR, summary: 'x', text: 'x' }));
  write('project/package.json', JSON.stringify({ name: 'cards', version: '1.0.0', type: 'module' }));
  write('project/tsconfig.json', '{\n  // comments, as tsconfig allows\n  "compilerOptions": {}\n}\n');
  write('project/node_modules/pkg/card.json', card());
  write('project/replies/declined.json', card());
  write('project/amcard.json', JSON.stringify({ responseFiles: ['replies/*.json'] }));
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('amcard lint: which files are cards', () => {
  it('a directory: cards by pattern and by content are checked, other JSON is skipped and named with the reason, exit 0', () => {
    const run = amcard(['lint', 'project']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^2 problems \(2 warnings\) in 2 of 5 files\.$/m);
    assert.match(run.stdout, /^Skipped 4 files that are not a card: /m);
    for (const name of ['amcard.json', 'package.json', 'tsconfig.json']) {
      assert.ok(run.stdout.includes(`${path.join('project', name)} (JSON with no Outlook card kind at its root)`), name);
    }
    assert.ok(run.stdout.includes(`${path.join('project', 'expense.data.json')} (template data, a *.data.json file)`));
    assert.doesNotMatch(run.stdout, /not-a-card/, 'files found in a directory get no note of their own');
    assert.doesNotMatch(run.stdout, /node_modules/);
  });

  it('--json: the response card and the invoke response get no AM010; a card by content in a plain .json does', () => {
    const results = byFile(amcard(['lint', '--json', 'project']));
    assert.deepEqual(Object.keys(results).sort(), [
      'project/amcard.json', 'project/approved.response.json', 'project/bot-reply.json', 'project/expense.card.json', 'project/expense.data.json',
      'project/legacy.json', 'project/package.json', 'project/replies/declined.json', 'project/tsconfig.json',
    ]);
    assert.deepEqual(rules(results['project/approved.response.json']), []);
    assert.deepEqual(rules(results['project/bot-reply.json']), []);
    assert.deepEqual(rules(results['project/replies/declined.json']), ['AM010']);
    assert.deepEqual(rules(results['project/legacy.json']), ['AM080']);
    assert.equal(results['project/expense.data.json']!.skipped, 'template data, a *.data.json file');
    assert.deepEqual(results['project/expense.data.json']!.findings, []);
    assert.equal(results['project/expense.card.json']!.skipped, undefined);
  });

  it('files named one by one, as a shell expands project/*.json: each non-card gets an info "not a card" note, exit 0', () => {
    const names = readdirSync(path.join(dir, 'project')).filter((name) => name.endsWith('.json')).map((name) => path.join('project', name));
    const run = amcard(['lint', ...names]);
    assert.equal(run.status, 0, run.stderr);
    const data = path.join('project', 'expense.data.json');
    assert.ok(run.stdout.includes(`${data}:1:1: info not-a-card Not a card (template data, a *.data.json file); not checked.`), run.stdout);
    assert.ok(run.stdout.includes(`${path.join('project', 'package.json')}:1:1: info not-a-card Not a card (JSON with no Outlook card kind at its root); not checked.`));
    assert.match(run.stdout, /^1 problem \(1 warning\) in 1 of 4 files\.$/m, 'the notes are not problems of a card');
    assert.match(run.stdout, /^Skipped 4 files that are not a card: /m);
    const json = byFile(amcard(['lint', '--json', data]));
    assert.deepEqual(json['project/expense.data.json']!.findings.map((finding) => [finding.rule, finding.severity]), [['not-a-card', 'info']]);
  });

  it('keeps the exit codes: an error in a card still exits 1 beside a skipped file, a usage error 2', () => {
    write('errors/submit.card.json', card({ originator: ORIGINATOR, actions: [{ type: 'Action.Submit', title: 'Send' }] }));
    write('errors/report.data.json', '{}');
    const run = amcard(['lint', 'errors/submit.card.json', 'errors/report.data.json']);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /error AM030/);
    assert.match(run.stdout, /info not-a-card/);
    assert.equal(amcard(['lint', 'project', 'absent.json']).status, 2);
  });

  it('a glob chooses the same way: template data matched by it is skipped without a note', () => {
    const run = amcard(['lint', '--json', 'project/*.json']);
    const results = byFile(run);
    assert.equal(run.status, 0);
    assert.deepEqual(results['project/expense.data.json']!.findings, []);
    assert.equal(results['project/expense.data.json']!.skipped, 'template data, a *.data.json file');
  });

  it('a glob passes over node_modules as a directory argument and --config do, unless it names node_modules', () => {
    const results = byFile(amcard(['lint', '--json', 'project/**/*.json']));
    assert.ok(results['project/expense.card.json'], Object.keys(results).join());
    assert.equal(results['project/node_modules/pkg/card.json'], undefined);
    const named = byFile(amcard(['lint', '--json', 'project/node_modules/**/*.json']));
    assert.deepEqual(Object.keys(named), ['project/node_modules/pkg/card.json']);
  });

  it('a file whose name reads as a glob is the file named: q{a,b}.card.json', () => {
    write('braces/q{a,b}.card.json', card({ originator: ORIGINATOR }));
    const run = amcard(['lint', '--json', 'braces/q{a,b}.card.json']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(Object.keys(byFile(run)), ['braces/q{a,b}.card.json']);
  });

  it('responseFiles of --config replaces the default pattern, relative to the config file', () => {
    const results = byFile(amcard(['lint', '--json', '--config', 'project/amcard.json', 'project']));
    assert.deepEqual(rules(results['project/replies/declined.json']), []);
    assert.deepEqual(rules(results['project/approved.response.json']), ['AM010'], 'no longer a response file');
    assert.deepEqual(rules(results['project/bot-reply.json']), [], 'an invoke response is a response card wherever it is');
  });
});

describe('amcard lint on the repository', () => {
  it('examples/ and examples/*.json exit 0 and name the template data file they skip', () => {
    const directory = runCli(['lint', 'examples/'], REPOSITORY);
    assert.equal(directory.status, 0, directory.stdout + directory.stderr);
    assert.match(directory.stdout, /Skipped 1 file that is not a card: examples\/expense-template\.data\.json \(template data, a \*\.data\.json file\)\./);
    const expanded = readdirSync(path.join(REPOSITORY, 'examples')).filter((name) => name.endsWith('.json')).map((name) => `examples/${name}`);
    const files = runCli(['lint', ...expanded], REPOSITORY);
    assert.equal(files.status, 0, files.stdout + files.stderr);
    assert.match(files.stdout, /^examples\/expense-template\.data\.json:1:1: info not-a-card /m);
  });

  it('real cards by others: a directory and its files named one by one check the same files', (t) => {
    if (!existsSync(REAL_CARDS)) {
      t.skip(`no real cards at ${REAL_CARDS} (they sit beside the project on its machines, not in a clone)`);
      return;
    }
    const directory = byFile(runCli(['lint', '--json', REAL_CARDS], REPOSITORY));
    const names = readdirSync(REAL_CARDS).filter((name) => name.endsWith('.json')).map((name) => path.join(REAL_CARDS, name));
    const named = byFile(runCli(['lint', '--json', ...names], REPOSITORY));
    assert.deepEqual(Object.keys(named).sort(), Object.keys(directory).sort());
    for (const [file, result] of Object.entries(directory)) {
      assert.equal(named[file]!.skipped, result.skipped, file);
      if (result.skipped === undefined) assert.deepEqual(rules(named[file]), rules(result), file);
    }
    assert.ok(Object.values(directory).some((result) => result.skipped === undefined), 'some real cards are checked');
  });
});
