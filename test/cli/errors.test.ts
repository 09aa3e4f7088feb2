// Every kind of InputError the rooms throw reaches an `amcard` user the same way: its message on standard error and
// exit status 2, never an "internal error" with a stack. The bundled dist/cli.js in a child process.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './run-cli';

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
