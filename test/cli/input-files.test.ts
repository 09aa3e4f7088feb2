// What amcard does with input that is no ordinary file: a named pipe, a device, a file over the input limit, a
// directory it may not list. Each is refused or skipped with a message that names it; none blocks, fills memory
// or ends in a stack trace. The bundled dist/cli.js in a child process, with a timeout so a hang fails the test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './run-cli';

const CLI = path.join(__dirname, '../../../dist/cli.js');
const LIMIT_BYTES = 4 * 1024 * 1024;
const CARD = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Hi' }] });
const SIGNING = ['--sender', 'noreply@contoso.example', '--recipients', 'ana@contoso.example'];

let dir: string;

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'amcard-inputs-'));
  writeFileSync(path.join(dir, 'card.card.json'), CARD);
  writeFileSync(path.join(dir, 'huge.card.json'), ' '.repeat(LIMIT_BYTES + 1));
  const fifo = spawnSync('mkfifo', [path.join(dir, 'pipe')]);
  assert.equal(fifo.status, 0, `mkfifo failed: ${fifo.stderr}`);
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Every command that reads a file, with `file` in the place of one of its inputs. */
function readersOf(file: string): ReadonlyArray<readonly [string, readonly string[]]> {
  return [
    ['lint', ['lint', file]],
    ['lint --config', ['lint', '--config', file]],
    ['decode', ['decode', file]],
    ['decode --key', ['decode', '--key', file, 'a.b.c']],
    ['key convert', ['key', 'convert', file, '--to', 'jwk']],
    ['sign --key', ['sign', 'card.card.json', '--key', file, ...SIGNING]],
    ['html', ['html', file]],
    ['html --body', ['html', 'card.card.json', '--body', file]],
    ['eml', ['eml', file, '--from', 'noreply@contoso.example', '--to', 'ana@contoso.example', '--subject', 'Hi']],
  ];
}

/** Commands word it "<file>: cannot read: <why>" (lint, key convert) or "Cannot read the <what> <file>: <why>". */
function assertRefused(args: readonly string[], message: RegExp): void {
  const run = runCli(args, dir);
  assert.notEqual(run.status, null, `amcard ${args.join(' ')} did not finish in time`);
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, message);
  assert.doesNotMatch(run.stderr, /internal error|\n\s+at /);
}

describe('amcard refuses input files that are not regular files', () => {
  for (const [command, args] of readersOf('pipe')) {
    it(`${command}: a named pipe is refused at once, not waited on`, () => {
      assertRefused(args, /pipe(: cannot read)?: is a named pipe \(FIFO\), not a regular file/);
    });
  }
  for (const [command, args] of readersOf('/dev/zero')) {
    it(`${command}: /dev/zero is refused as a device, not read`, () => {
      assertRefused(args, /dev\/zero(: cannot read)?: is a device, not a regular file/);
    });
  }
});

describe('amcard refuses input files over its input limit', () => {
  for (const [command, args] of readersOf('huge.card.json')) {
    it(`${command}: a file one byte over 4 MiB is refused, naming the limit`, () => {
      assertRefused(args, /huge\.card\.json(: cannot read)?: larger than amcard's input limit of 4 MiB/);
    });
  }
  it('lint: a card read and checked before the refused file is not reported; nothing is checked then', () => {
    // Files are checked as they are read, in name order: card.card.json (AM010) comes before huge.card.json.
    const run = runCli(['lint', 'card.card.json', 'huge.card.json'], dir);
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^huge\.card\.json: cannot read: larger than amcard's input limit of 4 MiB$/m);
    assert.doesNotMatch(run.stderr, /AM010/);
  });
  it('decode -: standard input over 4 MiB is refused, naming the limit', () => {
    const run = runCli(['decode', '-'], dir, 'x'.repeat(LIMIT_BYTES + 1));
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /standard input: larger than amcard's input limit of 4 MiB/);
  });
  it('a file of exactly 4 MiB is read', () => {
    writeFileSync(path.join(dir, 'limit.json'), CARD.padEnd(LIMIT_BYTES, ' '));
    const run = runCli(['lint', 'limit.json'], dir);
    assert.doesNotMatch(run.stderr, /input limit/);
    assert.match(run.stdout, /AM010/);
  });
  it('the limit is in the help', () => {
    assert.match(runCli(['--help'], dir).stdout, /regular files of at most\s+4 MiB/);
  });
});

describe('amcard lint skips a directory it may not list', () => {
  // Root may list any directory, so as root the CLI runs as the unprivileged user "nobody" (uid 65534).
  const asRoot = process.getuid?.() === 0;
  let tree: string;
  let cli: string;

  before(() => {
    tree = mkdtempSync(path.join(tmpdir(), 'amcard-unlistable-'));
    // "nobody" may not enter the checkout (a fresh clone under mktemp -d is 0700), so it runs a copy of the bundle
    // that sits in the tree; lint needs nothing else from dist/.
    cli = path.join(tree, 'amcard.js');
    copyFileSync(CLI, cli);
    chmodSync(cli, 0o644);
    mkdirSync(path.join(tree, 'cards', 'locked'), { recursive: true });
    writeFileSync(path.join(tree, 'cards', 'open.card.json'), CARD);
    writeFileSync(path.join(tree, 'cards', 'locked', 'hidden.card.json'), CARD);
    for (const folder of [tree, path.join(tree, 'cards')]) chmodSync(folder, 0o755);
    chmodSync(path.join(tree, 'cards', 'open.card.json'), 0o644);
    chmodSync(path.join(tree, 'cards', 'locked'), 0o000);
  });

  after(() => {
    chmodSync(path.join(tree, 'cards', 'locked'), 0o755);
    rmSync(tree, { recursive: true, force: true });
  });

  function lint(argument: string) {
    return spawnSync(process.execPath, [cli, 'lint', argument], {
      cwd: tree, encoding: 'utf8', timeout: 30_000, ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
  }

  for (const argument of ['cards', 'cards/**/*.card.json']) {
    it(`lint ${argument}: names the skipped directory and checks the rest`, () => {
      const run = lint(argument);
      assert.equal(run.error, undefined, String(run.error));
      assert.match(run.stderr, /^amcard: warning: skipped the directory cards\/locked: permission denied$/m);
      assert.doesNotMatch(run.stderr, /internal error|\n\s+at /);
      assert.match(run.stdout, /cards\/open\.card\.json:.*AM010/);
      assert.doesNotMatch(run.stdout, /hidden/);
    });
  }
});
