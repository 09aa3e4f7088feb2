import * as assert from 'assert';
import { createPrivateKey, generateKeyPairSync } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ActionableMessagesApi } from '../../client/src/extension';
import type { CopiedEmailHtml } from '../../client/src/commands/copy-email-html';
import type { DecodeJwsResult } from '../../client/src/commands/decode-jws';
import type { GeneratedKeyPair } from '../../client/src/commands/generate-key-pair';
import type { SignedCard } from '../../client/src/commands/sign-card';
import { exponentOneForgery, rsaPublicKeyWith } from '../unit/signed-card-fixtures';
import { execute, failure, filesUnder, openInEditor, scriptCard, sessionLogFolder, startExtension, succeeded, waitForNoRule, waitForRule, workspaceFile } from './helpers';

const SENDER = 'alerts@contoso.example';
const RECIPIENTS = ['lee.chen@contoso.example', 'ana.silva@contoso.example'];
const EXAMPLE = 'examples/approval-http.card.json';

async function textOf(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

function fileText(name: string): string {
  return fs.readFileSync(workspaceFile(name).fsPath, 'utf8');
}

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('actionableMessages');
}

async function generateIntoSecretStorage(): Promise<GeneratedKeyPair> {
  return succeeded(await execute<GeneratedKeyPair>('actionableMessages.generateSigningKeyPair',
    { modulusLength: 2048, privateKeyDestination: 'secretStorage', replace: true }));
}

/** The approval example as on disk: other suites edit it (to version 1.4, AM020) and may leave the edit in memory. */
async function openExample(): Promise<void> {
  const editor = await openInEditor(EXAMPLE);
  const onDisk = fileText(EXAMPLE);
  if (editor.document.getText() !== onDisk) {
    const whole = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
    assert.ok(await editor.edit((edit) => edit.replace(whole, onDisk)), 'the example was restored');
    await editor.document.save();
  }
  await waitForNoRule(editor.document.uri, 'AM020');
}

async function signExample(options: object = {}): Promise<SignedCard> {
  await openExample();
  return succeeded(await execute<SignedCard>('actionableMessages.signCard',
    { sender: SENDER, recipients: RECIPIENTS, keySource: 'secretStorage', ...options }));
}

describe('signing commands in a real VS Code', () => {
  let api: ActionableMessagesApi;

  before(async () => {
    api = await startExtension();
  });

  afterEach(async () => {
    for (const name of ['signing.publicKeys', 'signing.privateKeyFile', 'sender', 'recipients']) {
      await settings().update(name, undefined, vscode.ConfigurationTarget.Workspace);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('generates a key pair into secret storage and shows the public key as RSAKeyValue XML and SPKI PEM', async () => {
    const generated = await generateIntoSecretStorage();
    assert.strictEqual(generated.privateKeyStoredIn, 'secretStorage');
    assert.match(generated.publicKeyXml, /^<RSAKeyValue><Modulus>[A-Za-z0-9+/=]{300,}<\/Modulus><Exponent>AQAB<\/Exponent><\/RSAKeyValue>/);
    assert.match(generated.publicKeyPem, /^-----BEGIN PUBLIC KEY-----\n/);
    assert.strictEqual(await vscode.env.clipboard.readText(), generated.publicKeyXml.trim());
    const shown = await textOf(generated.publicKeyDocument);
    assert.strictEqual(generated.publicKeyDocument.scheme, 'untitled');
    assert.ok(shown.includes(generated.publicKeyXml.trim()) && shown.includes(generated.publicKeyPem.trim()), shown);
    assert.ok(!shown.includes('PRIVATE KEY'), 'only the public key is shown');
  });

  it('signs the approval example, and Decode JWS says "valid" with the configured public key and opens the card', async () => {
    const generated = await generateIntoSecretStorage();
    await settings().update('signing.publicKeys', [generated.publicKeyPem], vscode.ConfigurationTarget.Workspace);
    const signed = await signExample();
    assert.match(signed.jws, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.strictEqual(await textOf(signed.jwsDocument), signed.jws);

    const decoded = succeeded(await execute<DecodeJwsResult>('actionableMessages.decodeJws', { text: signed.jws }));
    assert.strictEqual(decoded.cards.length, 1);
    const [card] = decoded.cards;
    assert.strictEqual(card!.verified, true);
    assert.deepStrictEqual(card!.problems, []);
    const report = await textOf(decoded.report);
    assert.match(report, /Verification: \*\*valid\*\*/);
    assert.ok(report.includes('"alg": "RS256"'), report);
    assert.ok(report.includes(`| sender | \`${SENDER}\` |`), report);
    assert.match(report, new RegExp(`\\| iat \\| \`\\d+\` \\(${new Date().toISOString().slice(0, 10)}T`), 'iat is shown as a date');

    const cardDocument = await vscode.workspace.openTextDocument(card!.cardDocument!);
    assert.match(cardDocument.uri.path, /^decoded-card-\d+\.card\.json$/);
    assert.strictEqual(cardDocument.languageId, 'adaptive-card');
    assert.deepStrictEqual(JSON.parse(cardDocument.getText()), JSON.parse(fileText(EXAMPLE)));

    const envelope = JSON.stringify({ '@context': 'http://schema.org/extensions', '@type': 'SignedAdaptiveCard', signedAdaptiveCard: signed.jws });
    const fromEnvelope = succeeded(await execute<DecodeJwsResult>('actionableMessages.decodeJws', { text: envelope }));
    assert.deepStrictEqual(fromEnvelope.cards.map((decodedCard) => decodedCard.verified), [true], 'the JSON-LD envelope decodes the same');
  });

  it('says "invalid" and why when the JWS was signed with another key than the configured one', async () => {
    await generateIntoSecretStorage();
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await settings().update('signing.publicKeys', [other.publicKey.export({ type: 'spki', format: 'pem' })], vscode.ConfigurationTarget.Workspace);
    const signed = await signExample();
    const decoded = succeeded(await execute<DecodeJwsResult>('actionableMessages.decodeJws', { text: signed.jws }));
    assert.strictEqual(decoded.cards[0]!.verified, false);
    assert.match(await textOf(decoded.report), /Verification: \*\*invalid\*\*: The signature does not verify: the signature was made with another key/);
  });

  it('refuses a public key of the setting with exponent 1, which would call a signature forged without any private key valid', async () => {
    const modulus = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }).n!;
    const degenerate = rsaPublicKeyWith(modulus, 1n).export({ type: 'spki', format: 'pem' }) as string;
    await settings().update('signing.publicKeys', [degenerate], vscode.ConfigurationTarget.Workspace);
    const { token } = exponentOneForgery({ sender: SENDER, originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', adaptiveCardSerialized: '{"type":"AdaptiveCard","version":"1.0","body":[]}' }, modulus);
    const message = failure(await execute<DecodeJwsResult>('actionableMessages.decodeJws', { text: token }));
    assert.match(message, /actionableMessages\.signing\.publicKeys\[0\]: this RSA key is refused: its public exponent is 1, below 3: anyone can forge a signature/);
  });

  it('says "not checked" without a public key, and the decoded card gets its diagnostics (AM030)', async () => {
    await generateIntoSecretStorage();
    await openInEditor('submit.card.json');
    await waitForRule(workspaceFile('submit.card.json'), 'AM030');
    const signed = succeeded(await execute<SignedCard>('actionableMessages.signCard',
      { sender: SENDER, recipients: RECIPIENTS, keySource: 'secretStorage', signAnyway: true }));
    const decoded = succeeded(await execute<DecodeJwsResult>('actionableMessages.decodeJws', { text: signed.jws }));
    assert.strictEqual(decoded.cards[0]!.verified, null);
    assert.match(await textOf(decoded.report), /Verification: \*\*not checked\*\*: no public key is configured/);
    await waitForRule(decoded.cards[0]!.cardDocument!, 'AM030');
  });

  it('takes sender and recipients from the settings when run without arguments, as from the palette', async () => {
    await generateIntoSecretStorage();
    await settings().update('sender', SENDER, vscode.ConfigurationTarget.Workspace);
    await settings().update('recipients', RECIPIENTS, vscode.ConfigurationTarget.Workspace);
    await openExample();
    const signed = succeeded(await execute<SignedCard>('actionableMessages.signCard'));
    const payload = JSON.parse(Buffer.from(signed.jws.split('.')[1]!, 'base64url').toString('utf8'));
    assert.strictEqual(payload.sender, SENDER);
    assert.deepStrictEqual(JSON.parse(payload.recipientsSerialized), RECIPIENTS);
    assert.strictEqual(payload.originator, '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', 'the originator comes from the card');
  });

  it('rejects an unsigned JWS (alg none) as invalid, naming the algorithm', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sender: SENDER })).toString('base64url');
    const decoded = succeeded(await execute<DecodeJwsResult>('actionableMessages.decodeJws', { text: `${header}.${payload}.` }));
    assert.strictEqual(decoded.cards[0]!.verified, false);
    assert.strictEqual(decoded.cards[0]!.cardDocument, undefined);
    assert.match(await textOf(decoded.report), /Verification: \*\*invalid\*\*: The JWS header says "alg": "none"/);
  });

  it('refuses card JSON, empty text, HTML without a card and prose, saying what it takes', async () => {
    const refusal = async (text: string) => failure(await execute<DecodeJwsResult>('actionableMessages.decodeJws', { text }));
    assert.match(await refusal(fileText(EXAMPLE)), /^The text holds JSON but no signed-card envelope with a JWS/);
    assert.match(await refusal('  \n'), /^The text is empty: expected a JWS, a signed-card envelope, an HTML email or an \.eml message\.$/);
    assert.match(await refusal('<p>No card</p>'), /^The text has no card: no <script type="application\/adaptivecard\+json">/);
    assert.match(await refusal('Paste the token here'), /^The text is not a JWS \(header\.payload\.signature: base64url segments separated by dots\)/);
  });

  it('refuses to sign a card with errors, listing them, unless told to sign anyway', async () => {
    await generateIntoSecretStorage();
    await openInEditor('submit.card.json');
    await waitForRule(workspaceFile('submit.card.json'), 'AM030');
    const message = failure(await execute('actionableMessages.signCard', { sender: SENDER, recipients: RECIPIENTS, keySource: 'secretStorage' }));
    assert.match(message, /^Not signed: submit\.card\.json has \d+ errors?;/);
    assert.match(message, /line 9: AM030 /);
  });

  it('refuses text that is not valid JSON in Sign Card and Copy Email HTML, even when told to sign anyway', async () => {
    await generateIntoSecretStorage();
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: '{\n  "type": "AdaptiveCard",\n  "version": "1.0"\n  "body": []\n}\n' });
    await vscode.window.showTextDocument(document);
    const signing = failure(await execute('actionableMessages.signCard', { sender: SENDER, recipients: RECIPIENTS, keySource: 'secretStorage', signAnyway: true }));
    assert.match(signing, /^Not signed: Untitled-\d+ is not valid JSON at line 4, column 3: .+ Fix the JSON first\.$/);
    await vscode.env.clipboard.writeText('unchanged');
    const copying = failure(await execute('actionableMessages.copyEmailHtml', {}));
    assert.match(copying, /^Nothing copied: Untitled-\d+ is not valid JSON at line 4, column 3:/);
    assert.strictEqual(await vscode.env.clipboard.readText(), 'unchanged');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('names the key file and the reason when the key file cannot be read', async () => {
    const missing = path.join(os.tmpdir(), 'no-such-dir-ams', 'signing-key.pem');
    await openExample();
    const message = failure(await execute('actionableMessages.signCard', { sender: SENDER, recipients: RECIPIENTS, keyFile: missing }));
    assert.strictEqual(message, `Cannot read the private key file ${missing}: the file does not exist.`);
  });

  it('Copy Email HTML puts an HTML document with the card\'s script on the clipboard', async () => {
    await openExample();
    const copied = succeeded(await execute<CopiedEmailHtml>('actionableMessages.copyEmailHtml', {}));
    const clipboard = await vscode.env.clipboard.readText();
    assert.strictEqual(clipboard, copied.html);
    assert.match(clipboard, /^<!DOCTYPE html>/i);
    assert.deepStrictEqual(scriptCard(clipboard), JSON.parse(fileText(EXAMPLE)));
  });

  it('Copy Email HTML from the palette asks Unsigned or Signed when a key is at hand, and copies what is picked', async () => {
    await generateIntoSecretStorage();
    await openExample();
    await vscode.env.clipboard.writeText('');
    /** Runs the command from the palette (no arguments) and sends `quickInputCommand` until it settles. */
    const runAnswering = async (quickInputCommand: string) => {
      const running = execute<CopiedEmailHtml>('actionableMessages.copyEmailHtml');
      let settled = false;
      void running.finally(() => { settled = true; });
      while (!settled) {
        await vscode.commands.executeCommand(quickInputCommand);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return running;
    };
    // Closing the pick cancels: proof that it was shown.
    assert.strictEqual(await runAnswering('workbench.action.closeQuickOpen'), undefined);
    assert.strictEqual(await vscode.env.clipboard.readText(), '');
    // Accepting picks its first item, "Unsigned".
    const copied = succeeded(await runAnswering('workbench.action.acceptSelectedQuickOpenItem'));
    assert.strictEqual(copied.signed, false);
    assert.deepStrictEqual(scriptCard(await vscode.env.clipboard.readText()), JSON.parse(fileText(EXAMPLE)));
  });

  it('copies signed email HTML whose SignedAdaptiveCard section decodes back to a valid card', async () => {
    const generated = await generateIntoSecretStorage();
    await settings().update('signing.publicKeys', [generated.publicKeyXml], vscode.ConfigurationTarget.Workspace);
    await openExample();
    const copied = succeeded(await execute<CopiedEmailHtml>('actionableMessages.copyEmailHtml',
      { signed: true, sender: SENDER, recipients: RECIPIENTS, keySource: 'secretStorage' }));
    const clipboard = await vscode.env.clipboard.readText();
    assert.ok(copied.signed && clipboard.includes('itemtype="http://schema.org/SignedAdaptiveCard"'), clipboard);
    const decoded = succeeded(await execute<DecodeJwsResult>('actionableMessages.decodeJws', { text: clipboard }));
    assert.deepStrictEqual(decoded.cards.map((card) => [card.origin, card.verified]), [['signed', true]]);
  });

  it('decodes every card of an .eml file (quoted-printable) passed from the explorer', async () => {
    const decoded = succeeded(await execute<DecodeJwsResult>('actionableMessages.decodeJws', workspaceFile('submit-card-email.eml')));
    assert.deepStrictEqual(decoded.cards.map((card) => card.origin), ['script']);
    assert.ok(decoded.cards[0]!.problems.some((problem) => problem.startsWith('AM030')), decoded.cards[0]!.problems.join('\n'));
    await waitForRule(decoded.cards[0]!.cardDocument!, 'AM030');
  });

  it('decodes an .eml from its bytes, so an 8-bit ISO-8859-1 part\'s byte E9 opens as é', async () => {
    const card = { type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Café' }] };
    const eml = `From: ${SENDER}\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<script type="application/adaptivecard+json">${JSON.stringify(card)}</script>\r\n`;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ams-latin1-')), 'latin1.eml');
    fs.writeFileSync(file, Buffer.from(eml, 'latin1'));
    const decoded = succeeded(await execute<DecodeJwsResult>('actionableMessages.decodeJws', vscode.Uri.file(file)));
    assert.deepStrictEqual(JSON.parse(await textOf(decoded.cards[0]!.cardDocument!)), card);
  });

  it('checks a decoded card with the settings as the language server reads them: bad rules entries and targetUrls items are skipped', async () => {
    await settings().update('rules', { AM030: 'off', AM999: 'off', AM036: 'loud' }, vscode.ConfigurationTarget.Workspace);
    await settings().update('targetUrls', ['https://api.contoso.example/', 7], vscode.ConfigurationTarget.Workspace);
    try {
      const decoded = succeeded(await execute<DecodeJwsResult>('actionableMessages.decodeJws', workspaceFile('submit-card-email.eml')));
      assert.deepStrictEqual(decoded.cards.map((card) => card.origin), ['script']);
      assert.ok(!decoded.cards[0]!.problems.some((problem) => problem.startsWith('AM030')), decoded.cards[0]!.problems.join('\n'));
    } finally {
      for (const name of ['rules', 'targetUrls']) await settings().update(name, undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('keeps the private key out of settings, logs, output channels and the clipboard', async () => {
    const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ams-key-')), 'signing-key.pem');
    const generated = succeeded(await execute<GeneratedKeyPair>('actionableMessages.generateSigningKeyPair',
      { modulusLength: 2048, privateKeyDestination: { file: keyFile } }));
    assert.strictEqual(fs.statSync(keyFile).mode & 0o777, 0o600, 'the key file is readable by its owner only');
    const pem = fs.readFileSync(keyFile, 'utf8');
    assert.match(pem, /^-----BEGIN PRIVATE KEY-----\n/);
    const jwk = createPrivateKey(pem).export({ format: 'jwk' });
    // The key's bytes as PEM (a body line), JWK (d, p) and RSAKeyValue XML (D, base64) would show them.
    const needles = [pem.split('\n')[5]!, jwk.d!.slice(0, 40), jwk.p!.slice(0, 40), Buffer.from(jwk.d!, 'base64url').toString('base64').slice(0, 40)];

    await settings().update('signing.privateKeyFile', keyFile, vscode.ConfigurationTarget.Workspace);
    await settings().update('signing.publicKeys', [generated.publicKeyPem], vscode.ConfigurationTarget.Workspace);
    await openExample();
    const signed = succeeded(await execute<SignedCard>('actionableMessages.signCard', { sender: SENDER, recipients: RECIPIENTS, keySource: 'file' }));
    const decoded = succeeded(await execute<DecodeJwsResult>('actionableMessages.decodeJws', { text: signed.jws }));
    assert.strictEqual(decoded.cards[0]!.verified, true, 'signed with the key file');
    await openExample();
    succeeded(await execute<CopiedEmailHtml>('actionableMessages.copyEmailHtml', { signed: true, sender: SENDER, recipients: RECIPIENTS, keySource: 'file' }));
    // A broken key file: its error must not quote it either.
    fs.writeFileSync(keyFile, pem.replace(/\n[A-Za-z0-9+/]{20}/, '\n!!'));
    failure(await execute('actionableMessages.signCard', { sender: SENDER, recipients: RECIPIENTS, keySource: 'file' }));

    const logFolder = sessionLogFolder(api);
    const logFiles = filesUnder(logFolder);
    assert.ok(logFiles.some((file) => file.includes('exthost')), `the extension host's logs are under ${logFolder}: ${logFiles.join(', ')}`);
    const places: [string, string][] = [
      ['settings', JSON.stringify(vscode.workspace.getConfiguration())],
      ['clipboard', await vscode.env.clipboard.readText()],
      ...logFiles.map((file): [string, string] => [file, fs.readFileSync(file, 'latin1')]),
    ];
    for (const [place, text] of places) {
      for (const needle of needles) assert.ok(!text.includes(needle), `private key material found in ${place}`);
    }
    fs.rmSync(path.dirname(keyFile), { recursive: true, force: true });
  });
});
