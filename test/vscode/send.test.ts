// Send Card to Myself in the real VS Code: the command sends to a real SMTP server (smtp-server) and to the Graph
// stand-in on 127.0.0.1, and what arrived is read back with postal-mime. The SMTP server's STARTTLS certificate is
// made for this run, and the extension host trusts it as a machine trusts its CAs (tls.setDefaultCACertificates).
// VS Code's own fetch, which Graph goes through, reads the system's CAs instead, so the Graph stand-in is served over
// http on 127.0.0.1, which the extension accepts for a base URL on this machine only (the CLI test covers https).
// The workbench has no Microsoft sign-in (no network here), so Graph's session comes through the seam of
// client/src/commands/microsoft-session.ts.
import * as assert from 'assert';
import { generateKeyPair } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tls from 'tls';
import { promisify } from 'util';
import * as vscode from 'vscode';
import { compactVerify } from 'jose';
import PostalMime from 'postal-mime';
import { MICROSOFT_SESSION_SEAM } from '../../client/src/commands/microsoft-session';
import type { SentCard } from '../../client/src/commands/send-card';
import type { ActionableMessagesApi } from '../../client/src/extension';
import { selfSignedCertificate, startGraphStandIn, startSmtpServer, type Certificate, type RunningGraphStandIn, type RunningSmtpServer } from '../cli/mail-servers';
import { scriptCard, signedSection } from '../unit/mail-parsing';
import { execute, failure, filesUnder, sessionLogFolder, startExtension, succeeded, workspaceFile } from './helpers';

const ME = 'ana.silva@contoso.example';
const PASSWORD = 'in-host-smtp-password-6620';
const GRAPH_TOKEN = 'eyJ0eXAiOiJKV1QifQ.in-host-graph-token-3318';
const READ_ONLY_TOKEN = 'eyJ0eXAiOiJKV1QifQ.in-host-read-only-2205';
const CLIENT_ID = '0f6d8c3e-2b1a-4e5f-9a7b-1c2d3e4f5a6b';
const CARD_FILE = 'send-me.card.json';
const CARD = {
  type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a',
  body: [{ type: 'TextBlock', text: 'Expense report 42 </script> is ready for review', wrap: true }],
  actions: [{ type: 'Action.OpenUrl', title: 'Open', url: 'https://contoso.example/expense/42' }],
};
const SEND_SETTINGS = ['send.transport', 'send.to', 'send.allowOtherRecipients', 'send.graph.baseUrl', 'send.graph.clientId',
  'send.smtp.host', 'send.smtp.port', 'send.smtp.security', 'send.smtp.user', 'sender'];

type TrustStore = { getCACertificates?(type: 'default'): string[]; setDefaultCACertificates?(certificates: string[]): void };

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('actionableMessages');
}

async function configure(values: Record<string, unknown>): Promise<void> {
  for (const [key, value] of Object.entries(values)) await settings().update(key, value, vscode.ConfigurationTarget.Workspace);
}

function sendCard(options: object = {}) {
  return execute<SentCard>('actionableMessages.sendCardToMyself', { uri: workspaceFile(CARD_FILE), ...options });
}

interface SessionRequest {
  readonly providerId: string;
  readonly scopes: readonly string[];
  readonly options: vscode.AuthenticationGetSessionOptions;
}

describe('Send Card to Myself in a real VS Code', function () {
  const trustStore = tls as unknown as TrustStore;
  let api: ActionableMessagesApi;
  let certificate: Certificate;
  let smtp: RunningSmtpServer;
  let graph: RunningGraphStandIn;
  let trustedBefore: string[] | undefined;
  const sessionRequests: SessionRequest[] = [];
  let sessionToken = GRAPH_TOKEN;

  before(async function () {
    if (trustStore.setDefaultCACertificates === undefined || trustStore.getCACertificates === undefined) {
      // Node 22.15 and 24 have it; an older extension host cannot trust the test servers' certificate.
      this.skip();
    }
    api = await startExtension();
    certificate = selfSignedCertificate();
    trustedBefore = trustStore.getCACertificates!('default');
    trustStore.setDefaultCACertificates!([...trustedBefore, certificate.cert]);
    smtp = await startSmtpServer(certificate, [{ user: ME, password: PASSWORD }]);
    graph = await startGraphStandIn({ [GRAPH_TOKEN]: ['Mail.Send'], [READ_ONLY_TOKEN]: ['Mail.Read'] });
    fs.writeFileSync(workspaceFile(CARD_FILE).fsPath, JSON.stringify(CARD, null, 2));
    (globalThis as Record<symbol, unknown>)[MICROSOFT_SESSION_SEAM] = async (providerId: string, scopes: readonly string[], options: vscode.AuthenticationGetSessionOptions) => {
      sessionRequests.push({ providerId, scopes, options });
      return { id: 'session-1', accessToken: sessionToken, account: { id: 'account-1', label: ME }, scopes };
    };
  });

  after(async () => {
    delete (globalThis as Record<symbol, unknown>)[MICROSOFT_SESSION_SEAM];
    if (trustedBefore !== undefined) trustStore.setDefaultCACertificates!(trustedBefore);
    await configure(Object.fromEntries(SEND_SETTINGS.map((key) => [key, undefined])));
    await Promise.all([smtp?.close(), graph?.close()]);
    fs.rmSync(workspaceFile(CARD_FILE).fsPath, { force: true });
    if (certificate !== undefined) fs.rmSync(path.dirname(certificate.certFile), { recursive: true, force: true });
  });

  it('sends the card over SMTP with the password kept in secret storage; the exact card arrives in the head script', async () => {
    await configure({ 'send.transport': 'smtp', 'send.smtp.host': '127.0.0.1', 'send.smtp.port': smtp.port, 'send.smtp.user': ME, 'sender': ME });
    succeeded(await execute('actionableMessages.setSmtpPassword', { password: PASSWORD }));
    const sent = succeeded(await sendCard());
    assert.deepStrictEqual({ ...sent, answer: undefined }, { transport: 'SMTP', from: ME, to: ME, signed: false, answer: undefined });
    assert.match(sent.answer, /^250 /);
    const mail = smtp.received.at(-1)!;
    assert.deepStrictEqual([mail.from, mail.to, mail.user, mail.secure], [ME, [ME], ME, true]);
    const email = await PostalMime.parse(mail.raw);
    assert.strictEqual(email.subject, `Card: ${CARD_FILE}`);
    assert.deepStrictEqual(scriptCard(email.html!).value, CARD);
  });

  it('signs the card with a key file when asked: the signed section\'s JWS verifies, for the sender and recipient', async () => {
    const { publicKey, privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
    const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ams-send-key-')), 'key.pem');
    fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    try {
      const sent = succeeded(await sendCard({ signed: true, keyFile }));
      assert.strictEqual(sent.signed, true);
      const { token } = signedSection((await PostalMime.parse(smtp.received.at(-1)!.raw)).html!);
      const claims = JSON.parse(new TextDecoder().decode((await compactVerify(token, publicKey)).payload)) as Record<string, unknown>;
      assert.deepStrictEqual([claims.sender, claims.recipientsSerialized], [ME, JSON.stringify([ME])]);
      assert.deepStrictEqual(JSON.parse(String(claims.adaptiveCardSerialized)), CARD);
    } finally {
      fs.rmSync(path.dirname(keyFile), { recursive: true, force: true });
    }
  });

  it('names SMTP and the server\'s answer for a wrong password, and forgets the stored password', async () => {
    const count = smtp.received.length;
    succeeded(await execute('actionableMessages.setSmtpPassword', { password: 'wrong-in-host-password-1177' }));
    const refused = failure(await sendCard());
    assert.match(refused, /^Not sent: SMTP 127\.0\.0\.1:\d+ answered: .*535 .*Check the user name and password.*The stored password was forgotten/);
    assert.ok(!refused.includes('wrong-in-host-password-1177'));
    assert.match(failure(await sendCard()), /no SMTP password for ana\.silva@contoso\.example at 127\.0\.0\.1: run "Actionable Messages: Set SMTP Password"/);
    assert.strictEqual(smtp.received.length, count, 'nothing was sent');
  });

  it('refuses a recipient that is not you without actionableMessages.send.allowOtherRecipients, saying why', async () => {
    succeeded(await execute('actionableMessages.setSmtpPassword', { password: PASSWORD }));
    await configure({ 'send.to': 'lee.chen@contoso.example' });
    const count = smtp.received.length;
    assert.match(failure(await sendCard()), /lee\.chen@contoso\.example is not the sender ana\.silva@contoso\.example.*"originator".*set actionableMessages\.send\.allowOtherRecipients to true/);
    assert.strictEqual(smtp.received.length, count);
    await configure({ 'send.allowOtherRecipients': true });
    assert.strictEqual(succeeded(await sendCard()).to, 'lee.chen@contoso.example');
    assert.deepStrictEqual(smtp.received.at(-1)!.to, ['lee.chen@contoso.example']);
    await configure({ 'send.to': undefined, 'send.allowOtherRecipients': undefined });
  });

  it('sends over Microsoft Graph with the session asked of the microsoft provider for Mail.Send and the client id', async () => {
    await configure({ 'send.transport': 'graph', 'send.graph.baseUrl': graph.baseUrl, 'send.graph.clientId': CLIENT_ID });
    const sent = succeeded(await sendCard());
    assert.deepStrictEqual([sent.transport, sent.from, sent.to, sent.answer], ['Microsoft Graph', ME, ME, '202 Accepted']);
    assert.deepStrictEqual(sessionRequests.at(-1), { providerId: 'microsoft', scopes: ['Mail.Send', `VSCODE_CLIENT_ID:${CLIENT_ID}`], options: { silent: true } });
    const request = graph.requests.at(-1)!;
    assert.deepStrictEqual([request.method, request.path, request.contentType, request.authorization], ['POST', '/v1.0/me/sendMail', 'text/plain', `Bearer ${GRAPH_TOKEN}`]);
    assert.deepStrictEqual(scriptCard((await PostalMime.parse(graph.accepted.at(-1)!)).html!).value, CARD);
  });

  it('names Graph\'s 403 as the missing Mail.Send permission', async () => {
    sessionToken = READ_ONLY_TOKEN;
    try {
      assert.match(failure(await sendCard()), /^Not sent: Microsoft Graph \(http:\/\/127\.0\.0\.1:\d+\) answered: 403 ErrorAccessDenied: .*Mail\.Send/);
    } finally {
      sessionToken = GRAPH_TOKEN;
    }
  });

  it('never writes a password or token to a log, an output channel or a setting', () => {
    const logFiles = filesUnder(sessionLogFolder(api));
    const places: [string, string][] = [
      ['settings', JSON.stringify(vscode.workspace.getConfiguration())],
      ['the extension host\'s command line', process.argv.join(' ')],
      ...logFiles.map((file): [string, string] => [file, fs.readFileSync(file, 'latin1')]),
    ];
    for (const [place, text] of places) {
      for (const secret of [PASSWORD, 'wrong-in-host-password-1177', GRAPH_TOKEN, READ_ONLY_TOKEN]) assert.ok(!text.includes(secret), `a secret found in ${place}`);
    }
  });
});
