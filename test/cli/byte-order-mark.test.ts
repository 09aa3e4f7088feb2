// Every file amcard reads may have been saved as "UTF-8 with BOM" (Notepad, PowerShell's Out-File): cards, config
// files, key files in each format, JWS files, HTML and .eml files, and standard input. Each command reads them as the
// same text without the BOM, and no BOM reaches a signature, an email or a position.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, type CliRun } from './run-cli';

const BOM = '\uFEFF';
const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
const CARD = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', originator: ORIGINATOR, body: [{ type: 'TextBlock', text: 'Expense EXP-42' }] });
const SIGNING = ['--sender', 'noreply@contoso.example', '--recipients', 'ana@contoso.example'];

let dir: string;

function amcard(args: readonly string[], input?: string): CliRun {
  return runCli(args, dir, input);
}

function succeeded(run: CliRun): CliRun {
  assert.equal(run.status, 0, run.stderr);
  return run;
}

/** Writes `text` with a BOM in front under `name`, and returns the name. */
function withBom(name: string, text: string): string {
  writeFileSync(path.join(dir, name), BOM + text);
  return name;
}

function read(name: string): string {
  return readFileSync(path.join(dir, name), 'utf8');
}

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'amcard-bom-'));
  succeeded(amcard(['keygen', '--out', 'key.pem', '--public-out', 'public.pem']));
  for (const format of ['jwk', 'xml'] as const) {
    succeeded(amcard(['key', 'convert', 'key.pem', '--to', format, '--out', `key.${format}`]));
    succeeded(amcard(['key', 'convert', 'key.pem', '--to', format, '--public', '--out', `public.${format}`]));
  }
  for (const name of ['key.pem', 'key.jwk', 'key.xml', 'public.pem', 'public.jwk', 'public.xml']) withBom(`bom-${name}`, read(name));
  withBom('bom.card.json', CARD);
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('amcard and files that start with a byte order mark', () => {
  it('lint checks the card and counts columns without the BOM', () => {
    const card = withBom('bom-bad.card.json', CARD.replace(ORIGINATOR, 'contoso'));
    const run = amcard(['lint', card]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, new RegExp(`^bom-bad\\.card\\.json:1:${CARD.indexOf(ORIGINATOR)}: error AM012 `, 'm'));
    assert.doesNotMatch(run.stdout, /syntax/);
  });

  it('lint reads a config file with a BOM', () => {
    const config = withBom('bom-config.json', JSON.stringify({ rules: { AM012: 'off' } }));
    const card = withBom('bom-placeholder.card.json', CARD.replace(ORIGINATOR, '{your-provider-id}'));
    succeeded(amcard(['lint', '--config', config, card]));
  });

  for (const format of ['pem', 'jwk', 'xml']) {
    it(`sign takes a ${format} private key and a card with BOMs, and decode verifies the JWS file with a ${format} public key with a BOM`, () => {
      const jws = succeeded(amcard(['sign', 'bom.card.json', '--key', `bom-key.${format}`, ...SIGNING])).stdout.trim();
      const payload = JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8')) as { adaptiveCardSerialized: string };
      assert.equal(payload.adaptiveCardSerialized, CARD, 'the signed card is the card without the BOM');
      const file = withBom(`bom-${format}.jws`, `${jws}\n`);
      assert.match(succeeded(amcard(['decode', file, '--key', `bom-public.${format}`])).stdout, /^Signature: valid$/m);
    });
  }

  it('decode reads a JWS with a BOM from standard input', () => {
    const jws = succeeded(amcard(['sign', 'bom.card.json', '--key', 'key.pem', ...SIGNING])).stdout.trim();
    assert.match(succeeded(amcard(['decode', '-', '--key', 'public.pem'], `${BOM}${jws}\n`)).stdout, /^Signature: valid$/m);
  });

  it('decode reads a UTF-16 JWS file and email (little- and big-endian, with their BOM) as the other commands read UTF-16', () => {
    const jws = succeeded(amcard(['sign', 'bom.card.json', '--key', 'key.pem', ...SIGNING])).stdout;
    const html = succeeded(amcard(['html', 'bom.card.json', '--sign-with', 'key.pem', ...SIGNING])).stdout;
    for (const [name, text] of [['utf16.jws', jws], ['utf16.html', html]] as const) {
      writeFileSync(path.join(dir, `le-${name}`), Buffer.from(`${BOM}${text}`, 'utf16le'));
      writeFileSync(path.join(dir, `be-${name}`), Buffer.from(`${BOM}${text}`, 'utf16le').swap16());
      for (const file of [`le-${name}`, `be-${name}`]) {
        assert.match(succeeded(amcard(['decode', file, '--key', 'public.pem'])).stdout, /^Signature: valid$/m, file);
      }
    }
  });

  it('html puts the card without the BOM into the email, and decode reads that email back with a BOM', () => {
    const html = succeeded(amcard(['html', 'bom.card.json', '--sign-with', 'bom-key.pem', ...SIGNING])).stdout;
    assert.ok(!html.includes(BOM), 'no BOM in the email');
    assert.ok(html.includes('Expense EXP-42'), 'the readable body');
    const unsigned = succeeded(amcard(['html', 'bom.card.json'])).stdout;
    assert.ok(unsigned.includes(`<script type="application/adaptivecard+json">${CARD}`), unsigned);
    const file = withBom('bom-email.html', html);
    assert.match(succeeded(amcard(['decode', file, '--key', 'public.pem'])).stdout, /^Signature: valid$/m);
  });

  it('eml writes the card without the BOM, and decode reads a .eml with a BOM', () => {
    succeeded(amcard(['eml', 'bom.card.json', '--from', 'noreply@contoso.example', '--to', 'ana@contoso.example', '--subject', 'Expense', '--sign-with', 'bom-key.xml', '--out', 'signed.eml']));
    const eml = read('signed.eml');
    const file = withBom('bom-signed.eml', eml);
    const run = succeeded(amcard(['decode', file, '--key', 'bom-public.jwk', '--json']));
    const report = JSON.parse(run.stdout) as { verified: boolean; card: unknown };
    assert.equal(report.verified, true);
    assert.deepEqual(report.card, JSON.parse(CARD));
  });

  it('key convert reads keys with a BOM in each format, from a file and from standard input', () => {
    const jwk = JSON.parse(read('public.jwk')) as { n: string };
    for (const name of ['bom-public.pem', 'bom-public.xml', 'bom-key.xml']) {
      const converted = JSON.parse(succeeded(amcard(['key', 'convert', name, '--to', 'jwk', '--public'])).stdout) as { n: string };
      assert.equal(converted.n, jwk.n, name);
    }
    const fromStdin = JSON.parse(succeeded(amcard(['key', 'convert', '-', '--to', 'jwk', '--public'], read('bom-public.pem'))).stdout) as { n: string };
    assert.equal(fromStdin.n, jwk.n);
  });
});
