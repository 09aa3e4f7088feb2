// amcard gives V8 its short-run flags (server/src/cli/v8-flags.ts) before it runs a command, and V8 knows them: a
// preloaded module records each flag the bundled dist/cli.js sets, and V8 would report a flag it does not know on
// standard error.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

const REPOSITORY = path.join(__dirname, '../../..');
const CLI = path.join(REPOSITORY, 'dist/cli.js');

/** Wraps v8.setFlagsFromString so that each flag set is written to standard error, marked, before V8 gets it. */
const RECORDER = `
const v8 = require('node:v8');
const setFlags = v8.setFlagsFromString;
v8.setFlagsFromString = (flag) => { process.stderr.write('set-v8-flag ' + flag + '\\n'); setFlags(flag); };
`;

let dir: string;

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'amcard-v8-flags-'));
  writeFileSync(path.join(dir, 'record-v8-flags.cjs'), RECORDER);
  writeFileSync(path.join(dir, 'approval.card.json'), readFileSync(path.join(REPOSITORY, 'examples/approval-http.card.json')));
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('amcard and V8', () => {
  it('sets --no-turbo-inlining and a doubled interrupt budget before it lints, and V8 takes the flags without a complaint', () => {
    const run = spawnSync(process.execPath, ['-r', path.join(dir, 'record-v8-flags.cjs'), CLI, 'lint', 'approval.card.json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, 'set-v8-flag --no-turbo-inlining\nset-v8-flag --interrupt-budget=135168\n');
    assert.match(run.stdout, /No problems in 1 file\./);
  });
});
