// Every kind of InputError the rooms throw reaches an `amcard` user the same way: its message on standard error and
// exit status 2, never an "internal error" with a stack. The bundled dist/cli.js in a child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, runCli } from './run-cli';

let dir: string;

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'amcard-errors-'));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(path.join(dir, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(path.join(dir, 'empty.pem'), '');
  writeFileSync(path.join(dir, 'broken.xml'), '<RSAKeyValue><Modulus>AQAB</RSAKeyValue>');
  writeFileSync(path.join(dir, 'card.json'), JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body: [] }));
});

after(() => rmSync(dir, { recursive: true, force: true }));

const SIGNING = ['--sign-with', 'key.pem', '--sender', 'noreply@contoso.example', '--recipients', 'ana@contoso.example'];

/** The error class the command meets, its arguments, and the message the user must read. */
const REFUSALS: ReadonlyArray<readonly [string, readonly string[], RegExp]> = [
  ['UsageError', ['lint', '--colour'], /^amcard lint: unknown option "--colour"\./],
  ['KeyFormatError', ['key', 'convert', 'empty.pem', '--to', 'jwk'], /^empty\.pem: the key text is empty\.$/m],
  ['XmlKeyError', ['key', 'convert', 'broken.xml', '--to', 'pem'], /^broken\.xml: RSAKeyValue XML, line 1, column 27: expected <\/Modulus> to close <Modulus>/m],
  ['KeyFileError', ['key', 'convert', 'key.pem', '--to', 'pem', '--out', path.join('missing', 'key.pem')], /^missing\/key\.pem: cannot write: its folder does not exist\.$/m],
  ['SigningInputError', ['html', 'card.json', ...SIGNING, '--originator', 'provider-1'], /^amcard html: The originator "provider-1" is not a GUID/],
  ['EmlInputError', ['eml', 'card.json', '--from', 'noreply', '--to', 'ana@contoso.example', '--subject', 'Hi'], /^amcard eml: The From address: "noreply" is not an email address: it has no @\.$/m],
];

describe('amcard on input it refuses', () => {
  for (const [kind, args, message] of REFUSALS) {
    it(`a ${kind} exits 2 with its message and no stack`, () => {
      const run = runCli(args, dir);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.doesNotMatch(run.stderr, /internal error|\n\s+at /);
      assert.equal(run.stdout, '');
    });
  }
});

describe('amcard --version', () => {
  it('prints the version of package.json and exits 0, as -V does', () => {
    const { version } = JSON.parse(readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const run = runCli([flag], dir);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, `${version}\n`);
    }
  });
});

/**
 * `amcard … | head`: the reader exits after the lines it wants, and amcard's next write to the pipe fails (EPIPE).
 * The output is larger than a pipe holds (64 KiB on Linux), so that write always comes after head is gone.
 */
describe('amcard when its output cannot be written', () => {
  const FINDINGS = 6000;
  let cardFile: string;

  before(() => {
    // Each Action.Submit is one AM030 finding, about 170 bytes of output: about 1 MB in all.
    const actions = Array.from({ length: FINDINGS }, (_, index) => ({ type: 'Action.Submit', title: `Submit ${index}` }));
    cardFile = path.join(dir, 'many-findings.card.json');
    writeFileSync(cardFile, JSON.stringify({ type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', body: [{ type: 'TextBlock', text: 'Expenses to approve' }], actions }));
  });

  /** `amcard <args> | head -n 1` in bash, as a user types it: head's output, amcard's stderr and exit status. */
  function pipedToHead(args: string): { firstLine: string; stderr: string; status: string } {
    const script = `"${process.execPath}" "${CLI}" ${args} 2>amcard.stderr | head -n 1; echo "amcard exit \${PIPESTATUS[0]}"`;
    const run = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    const [firstLine = '', status = ''] = run.stdout.split('\n');
    return { firstLine, stderr: readFileSync(path.join(dir, 'amcard.stderr'), 'utf8'), status };
  }

  it('lint stops quietly and keeps its exit status (1: findings)', () => {
    const run = pipedToHead('lint many-findings.card.json');
    assert.match(run.firstLine, /^many-findings\.card\.json:\d+:\d+: (error|warning) AM0\d\d /);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 'amcard exit 1');
  });

  it('lint --json stops quietly too', () => {
    const run = pipedToHead('lint --json many-findings.card.json');
    assert.match(run.firstLine, /^\[/);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 'amcard exit 1');
  });

  it('a command of the second bundle (html) stops quietly and exits 0', () => {
    const run = pipedToHead('html many-findings.card.json');
    assert.match(run.firstLine, /<html|<!DOCTYPE/i);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 'amcard exit 0');
  });

  it('a full disk (/dev/full) is named in one line, with exit status 2', { skip: !existsSync('/dev/full') && 'no /dev/full here' }, () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [CLI, 'lint', 'many-findings.card.json'], { cwd: dir, encoding: 'utf8', timeout: 30_000, stdio: ['ignore', full, 'pipe'] });
      assert.equal(run.stderr, 'amcard: cannot write to standard output: ENOSPC: no space left on device, write\n');
      assert.equal(run.status, 2);
    } finally {
      closeSync(full);
    }
  });
});
