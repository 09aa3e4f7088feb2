// `amcard` as users run it: the bundled dist/cli.js in a child process, on files in a temporary directory.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, type CliRun } from './run-cli';

const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';

const CLEAN = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', originator: ORIGINATOR, body: [{ type: 'TextBlock', text: 'Hi' }] });
// AM010 (warning) on the "type" value at 2:11, AM030 (error) on the Action.Submit "type" value at 4:24.
const SUBMIT = [
  '{',
  '  "type": "AdaptiveCard", "version": "1.0",',
  '  "body": [{"type": "TextBlock", "text": "Hi"}],',
  '  "actions": [{"type": "Action.Submit", "title": "Send"}]',
  '}',
].join('\n');
const NO_ORIGINATOR = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Hi' }] });
const HTTP_ACTION = JSON.stringify({
  type: 'AdaptiveCard', version: '1.0', originator: ORIGINATOR, body: [{ type: 'TextBlock', text: 'Hi' }],
  actions: [{ type: 'Action.Http', title: 'Go', method: 'GET', url: 'https://api.contoso.example/go' }],
});


let dir: string;

function amcard(args: readonly string[], cwd = dir): CliRun {
  return runCli(args, cwd);
}

function write(relative: string, text: string): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return relative;
}

interface JsonResult {
  file: string;
  findings: { rule: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

function json(run: CliRun): JsonResult[] {
  return JSON.parse(run.stdout) as JsonResult[];
}

function rulesOf(run: CliRun): string[] {
  return json(run).flatMap((result) => result.findings.map((finding) => finding.rule)).sort();
}

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'amcard-cli-'));
  write('clean.card.json', CLEAN);
  write('submit.card.json', SUBMIT);
  write('no-originator.card.json', NO_ORIGINATOR);
  write('http.card.json', HTTP_ACTION);
  write('nested/deeper/card.json', SUBMIT);
  write('nested/other.json', CLEAN);
  write('broken.card.json', '{"type": "AdaptiveCard",}');
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('amcard dispatcher', () => {
  it('--help lists the lint command and exits 0', () => {
    const run = amcard(['--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /Usage: amcard <command>/);
    assert.match(run.stdout, /^\s+lint\s+\S/m);
  });

  it('lint --help describes the options and exit status and exits 0', () => {
    const run = amcard(['lint', '--help']);
    assert.equal(run.status, 0);
    for (const option of ['--json', '--config', '--originator', '--sender', '--target-url', '--rule']) assert.ok(run.stdout.includes(option), option);
    assert.match(run.stdout, /Exit status/);
  });

  it('an unknown command exits 2 and names it', () => {
    const run = amcard(['frobnicate']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown command "frobnicate"/);
    assert.equal(run.stdout, '');
  });

  it('no command at all exits 2 with the usage on stderr', () => {
    const run = amcard([]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Usage: amcard/);
  });
});

describe('amcard lint: exit status and human output', () => {
  it('exits 0 and says so when a card has no findings', () => {
    const run = amcard(['lint', 'clean.card.json']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'No problems in 1 file.\n');
  });

  it('exits 0 when the only findings are warnings, and still prints them', () => {
    const run = amcard(['lint', 'no-originator.card.json']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^no-originator\.card\.json:1:9: warning AM010 /m);
    assert.match(run.stdout, /1 problem \(1 warning\) in 1 of 1 file\.\n$/);
  });

  it('exits 1 with an error finding; lines are path:line:col (1-based), sorted, then a summary', () => {
    const run = amcard(['lint', 'submit.card.json']);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^submit\.card\.json:2:11: warning AM010 \S/);
    assert.match(lines[1]!, /^submit\.card\.json:4:24: error AM030 \S/);
    assert.equal(lines[2], '');
    assert.equal(lines[3], '2 problems (1 error, 1 warning) in 1 of 1 file.');
  });

  it('reports a syntax error as the `syntax` rule with exit 1', () => {
    const run = amcard(['lint', 'broken.card.json']);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^broken\.card\.json:1:\d+: error syntax /m);
  });

  it('reports nesting past the limit behind a comment holding a quote as `syntax` at the bracket, with exit 1', () => {
    write('deep.card.json', '[//"\n' + '['.repeat(20_000));
    const run = amcard(['lint', 'deep.card.json']);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^deep\.card\.json:2:1000: error syntax Nesting deeper than 1000 levels/m);
    assert.equal(run.stderr, '');
  });

  it('counts columns after a byte order mark and lines after CRLF as an editor shows them', () => {
    write('crlf.card.json', `\uFEFF${SUBMIT.replaceAll('\n', '\r\n')}`);
    const run = amcard(['lint', 'crlf.card.json']);
    assert.match(run.stdout, /^crlf\.card\.json:4:24: error AM030 /m);
  });
});

describe('amcard lint --json', () => {
  it('prints one entry per file with rule, severity, message and a zero-based range', () => {
    const run = amcard(['lint', '--json', 'submit.card.json', 'clean.card.json']);
    assert.equal(run.status, 1);
    const results = json(run);
    assert.deepEqual(results.map((result) => result.file), ['clean.card.json', 'submit.card.json']);
    assert.deepEqual(results[0]!.findings, []);
    const submit = results[1]!.findings.find((finding) => finding.rule === 'AM030')!;
    assert.equal(submit.severity, 'error');
    assert.match(submit.message, /Action\.Submit/);
    assert.deepEqual(submit.range, { start: { line: 3, character: 23 }, end: { line: 3, character: 38 } });
    assert.deepEqual(Object.keys(submit).sort(), ['message', 'range', 'rule', 'severity']);
  });

  it('exits 0 with --json when nothing is at error severity', () => {
    const run = amcard(['lint', '--json', 'clean.card.json']);
    assert.equal(run.status, 0);
    assert.deepEqual(json(run), [{ file: 'clean.card.json', findings: [] }]);
  });
});

describe('amcard lint --github', () => {
  it('prints a GitHub Actions workflow command per finding (1-based, last column inclusive), then the summary', () => {
    const run = amcard(['lint', '--github', 'submit.card.json', 'clean.card.json']);
    assert.equal(run.status, 1);
    const lines = run.stdout.split('\n');
    assert.match(lines[0]!, /^::warning file=submit\.card\.json,line=2,endLine=2,col=11,endColumn=24,title=AM010::The card has no "originator"/);
    assert.match(lines[1]!, /^::error file=submit\.card\.json,line=4,endLine=4,col=24,endColumn=38,title=AM030::Outlook does not support Action\.Submit/);
    assert.deepEqual(lines.slice(2), ['2 problems (1 error, 1 warning) in 1 of 2 files.', '']);
  });

  it('escapes what would end a property or the command: "," and ":" in a file name, "%" and line breaks', () => {
    const name = write('odd, name: 100%.card.json', SUBMIT);
    const run = amcard(['lint', '--github', '--rule', 'AM010=off', name]);
    assert.match(run.stdout, /^::error file=odd%2C name%3A 100%25\.card\.json,line=4,/);
    // Each finding is one line: a message never holds a raw line break.
    assert.equal(run.stdout.split('\n').filter((line) => line.startsWith('::')).length, 1);
  });

  it('maps info and hint to notices, and gives a not-a-card note on a named file one', () => {
    write('package.json', '{ "name": "cards" }');
    const run = amcard(['lint', '--github', '--rule', 'AM010=info', '--rule', 'AM030=hint', 'submit.card.json', 'package.json']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.stdout.split('\n').filter((line) => line.startsWith('::')).map((line) => line.slice(0, line.indexOf(' '))), ['::notice', '::notice', '::notice']);
  });

  it('refuses --github with --json', () => {
    const run = amcard(['lint', '--github', '--json', 'clean.card.json']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--json and --github are two output formats/);
  });
});

describe('amcard lint: flags', () => {
  it('--rule turns a rule off or changes its severity, and the exit status follows', () => {
    const off = amcard(['lint', '--json', '--rule', 'AM030=off', 'submit.card.json']);
    assert.equal(off.status, 0);
    assert.deepEqual(rulesOf(off), ['AM010']);
    const raised = amcard(['lint', '--json', '--rule', 'AM010=error', 'no-originator.card.json']);
    assert.equal(raised.status, 1);
    assert.equal(json(raised)[0]!.findings[0]!.severity, 'error');
    const both = amcard(['lint', '--json', '--rule', 'AM030=off', '--rule', 'AM010=off', 'submit.card.json']);
    assert.deepEqual(rulesOf(both), []);
  });

  it('--rule with an unknown id, a bad severity or no "=" exits 2 and names the problem', () => {
    const unknown = amcard(['lint', '--rule', 'AM999=off', 'clean.card.json']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown rule id "AM999"/);
    const severity = amcard(['lint', '--rule', 'AM010=loud', 'clean.card.json']);
    assert.equal(severity.status, 2);
    assert.match(severity.stderr, /AM010 must be one of error, warning, info, hint, off/);
    const shape = amcard(['lint', '--rule', 'AM010', 'clean.card.json']);
    assert.equal(shape.status, 2);
    assert.match(shape.stderr, /--rule expects <ID>=<severity>/);
  });

  it('--target-url registers target URLs: an Action.Http URL outside them gets AM096', () => {
    assert.deepEqual(rulesOf(amcard(['lint', '--json', 'http.card.json'])), []);
    const outside = amcard(['lint', '--json', '--target-url', 'https://elsewhere.example/', '--target-url', 'https://other.example/', 'http.card.json']);
    assert.deepEqual(rulesOf(outside), ['AM096']);
    const inside = amcard(['lint', '--json', '--target-url', 'https://api.contoso.example/', 'http.card.json']);
    assert.deepEqual(rulesOf(inside), []);
  });

  it('names the host of AM096 and the placeholder of AM012 exactly as the card writes them', () => {
    write('messages.card.json', HTTP_ACTION.replace('https://api.contoso.example/go', 'https://api.contoso.example.../go').replace(ORIGINATOR, '{your-provider-id}'));
    const run = amcard(['lint', '--target-url', 'https://contoso.example/', '--originator', ORIGINATOR, 'messages.card.json']);
    assert.match(run.stdout, /AM096 "api\.contoso\.example\.\.\." is not under the registered target URLs \(contoso\.example\)/);
    assert.match(run.stdout, new RegExp(`AM012 "originator" is still the placeholder "\\{your-provider-id\\}": replace the whole value with "${ORIGINATOR}"\\.$`, 'm'));
  });

  it('--originator and --sender are accepted', () => {
    const run = amcard(['lint', '--originator', ORIGINATOR, '--sender', 'alerts@contoso.example', 'clean.card.json']);
    assert.equal(run.status, 0, run.stderr);
  });

  it('an unknown option exits 2 and names it', () => {
    const run = amcard(['lint', '--fix', 'clean.card.json']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--fix/);
  });

  it('quotes an unknown option as written, with the argument that holds it', () => {
    const hint = 'A file name that starts with "-" goes after "--".\nRun "amcard lint --help" for the options.\n';
    const cases: Record<string, string> = {
      '--frob': 'unknown option "--frob".',
      '--frob=1': 'unknown option "--frob" (in "--frob=1").',
      '-x': 'unknown option "-x".',
      '-xy': 'unknown option "-x" (in "-xy").',
    };
    for (const [argument, message] of Object.entries(cases)) {
      const run = amcard(['lint', argument, 'clean.card.json']);
      assert.equal(run.status, 2, argument);
      assert.equal(run.stderr, `amcard lint: ${message} ${hint}`, argument);
    }
    const own = mkdtempSync(path.join(tmpdir(), 'amcard-dash-'));
    try {
      writeFileSync(path.join(own, '-x.card.json'), CLEAN);
      const afterTerminator = amcard(['lint', '--', '-x.card.json'], own);
      assert.equal(afterTerminator.status, 0, afterTerminator.stderr);
      assert.match(afterTerminator.stdout, /No problems in 1 file/);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});

describe('amcard lint: files, directories and globs', () => {
  it('expands a glob, relative to the working directory, sorted', () => {
    const run = amcard(['lint', '--json', '**/card.json', 'nested/*.json']);
    assert.deepEqual(json(run).map((result) => result.file), [path.join('nested', 'deeper', 'card.json'), path.join('nested', 'other.json')]);
  });

  it('searches a directory with the default card patterns and for JSON that is a card by its content', () => {
    const run = amcard(['lint', '--json', 'nested']);
    assert.deepEqual(json(run).map((result) => result.file), [path.join('nested', 'deeper', 'card.json'), path.join('nested', 'other.json')]);
  });

  it('lints a file named twice once', () => {
    const run = amcard(['lint', '--json', 'clean.card.json', './clean.card.json', '*.card.json']);
    assert.equal(json(run).filter((result) => result.file === 'clean.card.json').length, 1);
  });

  it('a glob that matches nothing exits 2 and names the pattern', () => {
    const run = amcard(['lint', 'clean.card.json', 'missing/**/*.json']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /missing\/\*\*\/\*\.json: no files match/);
    assert.equal(run.stdout, '', 'nothing is checked when an input is wrong');
  });

  it('a missing file exits 2 and names the file', () => {
    const run = amcard(['lint', 'clean.card.json', 'absent.card.json']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /absent\.card\.json: no such file or directory/);
  });

  it('no inputs at all exits 2', () => {
    const run = amcard(['lint']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no input files/);
  });
});

describe('amcard lint - (standard input)', () => {
  it('checks the card piped in, named <stdin>, with the exit status of its findings', () => {
    const run = runCli(['lint', '-'], dir, SUBMIT);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^<stdin>:2:11: warning AM010 /m);
    assert.match(run.stdout, /^<stdin>:4:24: error AM030 /m);
    assert.match(run.stdout, /in 1 of 1 file\.$/m);
  });

  it('goes with files, in the sorted output, and reads standard input once when - is given twice', () => {
    const run = runCli(['lint', '--json', 'clean.card.json', '-', '-'], dir, CLEAN);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(json(run).map((result) => result.file), ['<stdin>', 'clean.card.json']);
  });

  it('is checked whatever it holds: JSON that is no card gets AM001, not a "not-a-card" note', () => {
    const run = runCli(['lint', '-'], dir, '{"name": "package"}');
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^<stdin>:1:1: error AM001 Not an Outlook card/m);
  });

  it('an empty standard input is a syntax error at 1:1', () => {
    const run = runCli(['lint', '-'], dir, '');
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^<stdin>:1:1: error syntax The document is empty/m);
  });
});

describe('amcard lint --config', () => {
  it('applies rules, targetUrls and files of the config file; flags win over it', () => {
    write('configs/am.json', JSON.stringify({
      originator: ORIGINATOR,
      rules: { AM010: 'off' },
      targetUrls: ['https://elsewhere.example/'],
      files: ['../*.card.json'],
    }));
    const fromConfig = amcard(['lint', '--json', '--config', 'configs/am.json']);
    const byFile = Object.fromEntries(json(fromConfig).map((result) => [result.file, result.findings.map((f) => f.rule).sort()]));
    assert.deepEqual(byFile['no-originator.card.json'], []);
    assert.deepEqual(byFile['submit.card.json'], ['AM030']);
    assert.deepEqual(byFile['http.card.json'], ['AM096']);
    assert.ok(!('nested/other.json' in byFile));

    const overridden = amcard(['lint', '--json', '--config', 'configs/am.json', '--rule', 'AM010=warning', '--target-url', 'https://api.contoso.example/', 'no-originator.card.json', 'http.card.json']);
    assert.deepEqual(rulesOf(overridden), ['AM010']);
  });

  it('a config file that is not valid JSON exits 2 naming the file and the position', () => {
    write('bad-config.json', '{\n  "rules": {"AM010": "off"},\n}');
    const run = amcard(['lint', '--config', 'bad-config.json', 'clean.card.json']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^bad-config\.json:3:1: config file is not valid JSON/);
  });

  it('a config with an unknown key, a wrong type or a bad rule exits 2 naming the file and the key', () => {
    write('typo-config.json', JSON.stringify({ rule: { AM010: 'off' } }));
    assert.match(amcard(['lint', '--config', 'typo-config.json', 'clean.card.json']).stderr, /typo-config\.json: unknown key "rule"/);
    write('type-config.json', JSON.stringify({ targetUrls: 'https://a.example/' }));
    assert.match(amcard(['lint', '--config', 'type-config.json', 'clean.card.json']).stderr, /type-config\.json: "targetUrls" must be an array of strings/);
    write('rule-config.json', JSON.stringify({ rules: { AM010: 'silent' } }));
    const run = amcard(['lint', '--config', 'rule-config.json', 'clean.card.json']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /rule-config\.json: "rules": severity of AM010/);
  });

  it('a config with a bad targetUrls item and an unknown rule id exits 2 naming each, one line each, and checks nothing', () => {
    write('entries-config.json', JSON.stringify({ targetUrls: ['https://api.contoso.example/', 7], rules: { AM010: 'off', AM999: 'off' } }));
    const run = amcard(['lint', '--config', 'entries-config.json', 'no-originator.card.json']);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.deepEqual(run.stderr.trim().split('\n'), [
      'entries-config.json: "targetUrls" must be an array of strings; [1] is a number.',
      'entries-config.json: "rules": unknown rule id "AM999" (ids look like AM010, or "syntax", "schema").',
    ]);
  });

  it('a config file that is not a JSON object exits 2 naming the keys it may hold', () => {
    write('list-config.json', '["AM010"]');
    const run = amcard(['lint', '--config', 'list-config.json', 'clean.card.json']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^list-config\.json: config file must be a JSON object with keys originator, sender, targetUrls, rules, files, responseFiles\.$/m);
  });

  it('a missing config file exits 2 naming it', () => {
    const run = amcard(['lint', '--config', 'nowhere.json', 'clean.card.json']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Cannot read config file nowhere\.json: no such file or directory/);
  });
});
