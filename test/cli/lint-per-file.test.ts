// What amcard lint does once per file, made cheaper for large folders: each file is read into one buffer of its size,
// parsed once to tell whether it is a card and to check it, and matched against setting globs compiled once. The
// answers must stay those of one file linted alone. dist/cli.js in a child process, as users run it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './run-cli';

const REPOSITORY = path.join(__dirname, '../../..');
const EXAMPLES = path.join(REPOSITORY, 'examples');
const FIRST_READ_OF_STANDARD_INPUT = 64 * 1024;

interface JsonResult {
  file: string;
  skipped?: string;
  findings: { rule: string; severity: string; message: string; range: unknown }[];
}

let dir: string;

function write(relative: string, text: string): void {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** The examples, each also as a plain .json (a card by content), without its originator, and in another folder. */
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'amcard-per-file-'));
  for (const name of readdirSync(EXAMPLES)) {
    const text = readFileSync(path.join(EXAMPLES, name), 'utf8');
    write(`cards/${name}`, text);
    const value = JSON.parse(text) as Record<string, unknown>;
    delete value.originator;
    write(`plain/${name.replace(/\.(card|response)\.json$/, '.json')}`, JSON.stringify(value));
    write(`nested/deeper/${name}`, JSON.stringify(value, null, 1));
  }
  write('plain/draft.json', '{ "type": "AdaptiveCard", "version": "1.0", "body": [], }');
  write('plain/tsconfig.json', '{\n  // comments, as tsconfig allows\n  "compilerOptions": {}\n}\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

function lintJson(args: readonly string[]): JsonResult[] {
  const run = runCli(['lint', '--json', ...args], dir);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return JSON.parse(run.stdout) as JsonResult[];
}

describe('amcard lint: a folder checks each file as it is checked alone', () => {
  it('every file of the folder gets the findings and skip reason it gets when linted by itself', () => {
    const together = lintJson(['.']);
    assert.ok(together.length >= 20, `${together.length} files`);
    assert.ok(together.some((result) => result.findings.some((finding) => finding.rule === 'AM010')), 'the cards without originator are reported');
    for (const result of together) {
      const [alone] = lintJson([result.file]).filter((entry) => entry.file === result.file);
      assert.equal(alone?.skipped, result.skipped, result.file);
      // A file named alone that is no card gets a "not-a-card" note that a folder search does not give.
      if (result.skipped === undefined) assert.deepEqual(alone?.findings, result.findings, result.file);
    }
  });

  it('a card by content with a syntax error is still a card: checked, with its syntax finding; commented JSON that is no card is skipped', () => {
    const results = Object.fromEntries(lintJson(['plain']).map((result) => [result.file.split(path.sep).join('/'), result]));
    assert.equal(results['plain/draft.json']?.skipped, undefined);
    assert.deepEqual(results['plain/draft.json']?.findings.map((finding) => finding.rule), ['syntax']);
    assert.equal(results['plain/tsconfig.json']?.skipped, 'JSON with no Outlook card kind at its root');
    assert.equal(results['plain/expense-template.data.json']?.skipped, 'template data, a *.data.json file');
  });
});

describe('amcard reads a file into one buffer of its size', () => {
  it('standard input longer than the first read is read whole: the same HTML as from the file', () => {
    const text = readFileSync(path.join(EXAMPLES, 'approval-http.card.json'), 'utf8');
    const long = text.replace(/\n}\s*$/, `${' '.repeat(3 * FIRST_READ_OF_STANDARD_INPUT)}\n}\n`);
    write('long.card.json', long);
    const fromFile = runCli(['html', 'long.card.json'], dir);
    const fromInput = runCli(['html', '-'], dir, long);
    assert.equal(fromFile.status, 0, fromFile.stderr);
    assert.equal(fromInput.status, 0, fromInput.stderr);
    assert.equal(fromInput.stdout, fromFile.stdout);
    assert.match(fromInput.stdout, /api\.contoso\.example\/expenses\/EXP-2026-0412\/approve/);
  });

  it('files read one after another into the same buffer: a small card after a large one is not read with its tail', () => {
    const text = readFileSync(path.join(EXAMPLES, 'approval-http.card.json'), 'utf8');
    const card = JSON.parse(text) as Record<string, unknown>;
    // Larger than the first buffer (64 KiB), a finding near its end; then a short card with one of its own.
    const large = { ...card, body: [...(card.body as unknown[]), ...Array.from({ length: 1500 }, (_, index) => ({ type: 'TextBlock', text: `line ${index}` })), { type: 'Input.Time', id: 'when' }] };
    const small = { ...card, version: '1.5' };
    write('buffers/a-small.card.json', JSON.stringify(small));
    write('buffers/b-large.card.json', JSON.stringify(large, null, 2));
    write('buffers/c-small.card.json', JSON.stringify(small, null, 2));
    write('buffers/d-empty.card.json', '');
    const together = lintJson(['buffers']);
    assert.deepEqual(together.map((result) => path.basename(result.file)), ['a-small.card.json', 'b-large.card.json', 'c-small.card.json', 'd-empty.card.json']);
    for (const result of together) {
      const [alone] = lintJson([result.file]);
      assert.deepEqual(alone?.findings, result.findings, result.file);
    }
    assert.ok(together[1]!.findings.some((finding) => finding.rule === 'AM031'), 'the large card is read to its end');
    assert.deepEqual(together[2]!.findings.map((finding) => finding.rule), together[0]!.findings.map((finding) => finding.rule));
    assert.deepEqual(together[3]!.findings.map((finding) => finding.rule), ['syntax']);
  });

  it('a file and standard input are decoded alike: byte order mark, multi-byte characters, invalid UTF-8', () => {
    const text = readFileSync(path.join(EXAMPLES, 'approval-http.card.json'), 'utf8');
    const at = text.indexOf('"text": "') + '"text": "'.length;
    // 0xFF is never UTF-8 and 0xC3 starts a sequence that does not go on: each reads as U+FFFD.
    const bytes = Buffer.concat([Buffer.from(`\uFEFF${text.slice(0, at)}Café €5 `), Buffer.from([0xff, 0xc3]), Buffer.from(` ${text.slice(at)}`)]);
    mkdirSync(path.join(dir, 'encodings'), { recursive: true });
    writeFileSync(path.join(dir, 'encodings', 'mixed.card.json'), bytes);
    const fromFile = runCli(['html', 'encodings/mixed.card.json'], dir);
    const fromInput = runCli(['html', '-'], dir, bytes);
    assert.equal(fromFile.status, 0, fromFile.stderr);
    assert.equal(fromInput.stdout, fromFile.stdout);
    assert.match(fromFile.stdout, /Café €5 \uFFFD\uFFFD /);
  });

  it('UTF-16 with a byte order mark (what Windows PowerShell 5 writes with >) reads as the editor reads it', () => {
    // AM010 on line 2 and AM030 on line 3 in each encoding, after an emoji: two UTF-16 units, as the editor counts.
    const text = [
      '{',
      '  "type": "AdaptiveCard", "version": "1.0",',
      '  "body": [{"type": "TextBlock", "text": "Café €5 😀"}], "actions": [{"type": "Action.Submit", "title": "Send"}]',
      '}',
    ].join('\r\n');
    const bigEndian = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
    mkdirSync(path.join(dir, 'utf16'));
    writeFileSync(path.join(dir, 'utf16', 'le.card.json'), Buffer.from(`\uFEFF${text}`, 'utf16le'));
    writeFileSync(path.join(dir, 'utf16', 'be.card.json'), bigEndian);
    writeFileSync(path.join(dir, 'utf16', 'utf8.card.json'), text);
    const results = lintJson(['utf16']);
    assert.deepEqual(results.map((result) => path.basename(result.file)), ['be.card.json', 'le.card.json', 'utf8.card.json']);
    const findings = (result: JsonResult): string[] => result.findings.map((finding) => `${finding.rule} ${JSON.stringify(finding.range)}`);
    assert.deepEqual(findings(results[2]!), [
      'AM010 {"start":{"line":1,"character":10},"end":{"line":1,"character":24}}',
      'AM030 {"start":{"line":2,"character":78},"end":{"line":2,"character":93}}',
    ]);
    assert.deepEqual(findings(results[0]!), findings(results[2]!));
    assert.deepEqual(findings(results[1]!), findings(results[2]!));
    const fromInput = runCli(['lint', '--json', '-'], dir, bigEndian);
    assert.deepEqual(findings((JSON.parse(fromInput.stdout) as JsonResult[])[0]!), findings(results[2]!));
  });

  it('files of 0, 1 and some thousand bytes are read exactly', () => {
    write('sizes/empty.card.json', '');
    write('sizes/one.card.json', '{');
    const run = runCli(['lint', '--json', 'sizes', 'cards/approval-http.card.json'], dir);
    const results = Object.fromEntries((JSON.parse(run.stdout) as JsonResult[]).map((result) => [path.basename(result.file), result]));
    assert.deepEqual(results['empty.card.json']?.findings.map((finding) => `${finding.rule} ${finding.message}`), ['syntax The document is empty: a card is a JSON object.']);
    assert.deepEqual(results['one.card.json']?.findings.map((finding) => finding.rule), ['syntax']);
    assert.deepEqual(results['approval-http.card.json']?.findings, []);
  });
});
