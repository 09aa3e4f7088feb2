// `amcard send` as users run it (dist/cli.js in a child process) against a real SMTP server and a Graph stand-in on
// 127.0.0.1, both with a certificate made for this run that the child trusts through NODE_EXTRA_CA_CERTS. What arrived
// is read back with postal-mime: the card in the head script, or the signed section whose JWS verifies.
import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { compactVerify } from 'jose';
import PostalMime from 'postal-mime';
import { scriptCard, signedSection } from '../unit/mail-parsing';
import {
  selfSignedCertificate, startGraphStandIn, startSmtpServer, type Certificate, type RunningGraphStandIn, type RunningSmtpServer,
} from './mail-servers';
import { runCliAsync, type CliRun } from './run-cli';

const ME = 'ana.silva@contoso.example';
const PASSWORD = 'correct-horse-battery-9137';
const SMTP_TOKEN = 'ya29.smtp-oauth-token-5521';
const GRAPH_TOKEN = 'eyJ0eXAiOiJKV1QiLCJub25jZSI6Im1haWwtc2VuZCJ9.graph-token-7731';
const GRAPH_TOKEN_WITHOUT_MAIL_SEND = 'eyJ0eXAiOiJKV1QiLCJub25jZSI6InJlYWQifQ.read-only-4410';
const SECRETS = [PASSWORD, SMTP_TOKEN, GRAPH_TOKEN, GRAPH_TOKEN_WITHOUT_MAIL_SEND];
const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
const CARD = {
  type: 'AdaptiveCard', version: '1.0', originator: ORIGINATOR,
  body: [{ type: 'TextBlock', text: 'Approve </script><!--<script> expense of 120 €?', wrap: true }],
  actions: [{ type: 'Action.OpenUrl', title: 'Details', url: 'https://contoso.example/expense/1' }],
};

let dir: string;
let certificate: Certificate;
let smtp: RunningSmtpServer;
let noStarttls: RunningSmtpServer;
let graph: RunningGraphStandIn;
let publicKey: KeyObject;
const outputs: string[] = [];

async function amcard(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  const run = await runCliAsync(args, dir, { NODE_EXTRA_CA_CERTS: certificate.certFile, ...env });
  outputs.push(run.stdout, run.stderr);
  return run;
}

function smtpUrl(port: number, user = ME): string {
  return `smtp://${encodeURIComponent(user)}@127.0.0.1:${port}`;
}

async function parse(raw: Buffer) {
  const email = await PostalMime.parse(raw);
  assert.ok(email.html, 'the message has an HTML part');
  return { ...email, html: email.html };
}

/** A port nothing listens on: one the system gave out and that was closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'amcard-send-'));
  certificate = selfSignedCertificate();
  smtp = await startSmtpServer(certificate, [
    { user: ME, password: PASSWORD, accessToken: SMTP_TOKEN },
    { user: 'lee.chen@contoso.example', refusal: '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.' },
  ]);
  noStarttls = await startSmtpServer(certificate, [{ user: ME, password: PASSWORD }], false);
  graph = await startGraphStandIn({ [GRAPH_TOKEN]: ['Mail.Send'], [GRAPH_TOKEN_WITHOUT_MAIL_SEND]: ['Mail.Read'] }, certificate);
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  publicKey = pair.publicKey;
  writeFileSync(path.join(dir, 'key.pem'), pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  writeFileSync(path.join(dir, 'expense.card.json'), JSON.stringify(CARD, null, 2));
  writeFileSync(path.join(dir, 'broken.card.json'), JSON.stringify({ ...CARD, version: '1.5' }));
});

after(async () => {
  await Promise.all([smtp.close(), noStarttls.close(), graph.close()]);
  rmSync(dir, { recursive: true, force: true });
  rmSync(path.dirname(certificate.certFile), { recursive: true, force: true });
});

describe('amcard send over SMTP', () => {
  it('is listed by amcard --help', async () => {
    const run = await amcard(['--help']);
    assert.match(run.stdout, /^\s+send\s+Send the card to yourself/m);
  });

  it('sends the card to yourself over STARTTLS with the password from AMCARD_SMTP_PASSWORD; the head script holds the exact card', async () => {
    const before = smtp.received.length;
    const run = await amcard(['send', 'expense.card.json', '--smtp', smtpUrl(smtp.port)], { AMCARD_SMTP_PASSWORD: PASSWORD });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Sent expense\.card\.json to ana\.silva@contoso\.example over SMTP: 250 /);
    assert.match(run.stdout, /Actionable Messages Debugger/);
    const mail = smtp.received[before]!;
    assert.equal(smtp.received.length, before + 1);
    assert.deepEqual({ from: mail.from, to: mail.to, user: mail.user, secure: mail.secure }, { from: ME, to: [ME], user: ME, secure: true });
    const email = await parse(mail.raw);
    assert.equal(email.subject, 'Card: expense.card.json');
    assert.equal(email.from?.address, ME);
    assert.deepEqual(email.to?.map((to) => to.address), [ME]);
    const card = scriptCard(email.html);
    assert.equal(card.type, 'application/adaptivecard+json');
    assert.deepEqual(card.value, CARD);
  });

  it('signs the card with --sign --key: the signed section\'s JWS verifies, with the sender and the recipient as claims', async () => {
    const before = smtp.received.length;
    const run = await amcard(['send', 'expense.card.json', '--smtp', smtpUrl(smtp.port), '--sign', '--key', 'key.pem', '--subject', 'Signed test', '--json'],
      { AMCARD_SMTP_PASSWORD: PASSWORD });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.deepEqual({ ...result, answer: undefined }, { sent: true, transport: 'SMTP', from: ME, to: ME, signed: true, answer: undefined });
    assert.match(String(result.answer), /^250 /);
    const email = await parse(smtp.received[before]!.raw);
    assert.equal(email.subject, 'Signed test');
    const { type, token } = signedSection(email.html);
    assert.equal(type, 'http://schema.org/SignedAdaptiveCard');
    const { payload } = await compactVerify(token, publicKey);
    const claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    assert.equal(claims.sender, ME);
    assert.equal(claims.recipientsSerialized, JSON.stringify([ME]));
    assert.deepEqual(JSON.parse(String(claims.adaptiveCardSerialized)), CARD);
  });

  it('logs in with XOAUTH2 when AMCARD_SMTP_TOKEN holds an OAuth2 token', async () => {
    const before = smtp.received.length;
    const run = await amcard(['send', 'expense.card.json', '--smtp', smtpUrl(smtp.port)], { AMCARD_SMTP_TOKEN: SMTP_TOKEN });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(smtp.logins.at(-1), { method: 'XOAUTH2', user: ME });
    assert.deepEqual(scriptCard((await parse(smtp.received[before]!.raw)).html).value, CARD);
  });

  it('reports a wrong password as refused by SMTP, with the server\'s answer and without the password, and exits 1', async () => {
    const count = smtp.received.length;
    const run = await amcard(['send', 'expense.card.json', '--smtp', smtpUrl(smtp.port), '--json'], { AMCARD_SMTP_PASSWORD: 'wrong-password-0000' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^amcard send: Not sent: SMTP 127\.0\.0\.1:\d+ answered: .*535 5\.7\.8 Error: authentication failed.* Check the user name and password/m);
    assert.doesNotMatch(run.stdout + run.stderr, /wrong-password-0000/);
    assert.deepEqual(JSON.parse(run.stdout).failure, 'auth-refused');
    assert.equal(smtp.received.length, count, 'nothing was sent');
  });

  it('names SMTP AUTH disabled for the tenant (535 5.7.139)', async () => {
    const user = 'lee.chen@contoso.example';
    const run = await amcard(['send', 'expense.card.json', '--smtp', smtpUrl(smtp.port, user), '--json'], { AMCARD_SMTP_PASSWORD: PASSWORD });
    assert.equal(run.status, 1);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.equal(result.failure, 'smtp-auth-disabled');
    assert.match(String(result.message), /535 5\.7\.139 .*SmtpClientAuthentication is disabled.* SMTP AUTH is disabled for the tenant/);
  });

  it('refuses to log in when the server offers no STARTTLS: the password is never sent in the clear', async () => {
    const run = await amcard(['send', 'expense.card.json', '--smtp', smtpUrl(noStarttls.port), '--json'], { AMCARD_SMTP_PASSWORD: PASSWORD });
    assert.equal(run.status, 1);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.deepEqual([result.transport, result.failure], ['SMTP', 'starttls-refused']);
    assert.match(String(result.message), /STARTTLS/);
    assert.deepEqual(noStarttls.logins, [], 'no AUTH was attempted');
    assert.equal(noStarttls.received.length, 0);
  });

  it('reports a refused connection as the network, naming the host and port', async () => {
    const port = await closedPort();
    const run = await amcard(['send', 'expense.card.json', '--smtp', smtpUrl(port), '--json'], { AMCARD_SMTP_PASSWORD: PASSWORD });
    assert.equal(run.status, 1);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.equal(result.failure, 'network');
    assert.match(String(result.message), new RegExp(`SMTP 127\\.0\\.0\\.1:${port} answered: .*ECONNREFUSED`));
  });

  it('refuses a recipient that is not the sender without --allow-other-recipient, saying why (originator), and sends with it', async () => {
    const count = smtp.received.length;
    const refused = await amcard(['send', 'expense.card.json', '--smtp', smtpUrl(smtp.port), '--to', 'lee.chen@contoso.example'], { AMCARD_SMTP_PASSWORD: PASSWORD });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /lee\.chen@contoso\.example is not the sender ana\.silva@contoso\.example.*removes a card without a registered "originator".*--allow-other-recipient/);
    assert.equal(smtp.received.length, count);
    const allowed = await amcard(['send', 'expense.card.json', '--smtp', smtpUrl(smtp.port), '--to', 'lee.chen@contoso.example', '--allow-other-recipient'],
      { AMCARD_SMTP_PASSWORD: PASSWORD });
    assert.equal(allowed.status, 0, allowed.stderr);
    assert.deepEqual(smtp.received[count]!.to, ['lee.chen@contoso.example']);
  });

  it('refuses a password in the SMTP URL, and asks for AMCARD_SMTP_PASSWORD when there is no terminal to prompt at', async () => {
    const inUrl = await amcard(['send', 'expense.card.json', '--smtp', `smtp://ana:${PASSWORD}@127.0.0.1:${smtp.port}`]);
    assert.equal(inUrl.status, 2);
    assert.match(inUrl.stderr, /The SMTP URL holds a password: remove it/);
    const noPassword = await amcard(['send', 'expense.card.json', '--smtp', smtpUrl(smtp.port)]);
    assert.equal(noPassword.status, 2);
    assert.match(noPassword.stderr, /no password for ana\.silva@contoso\.example: set the AMCARD_SMTP_PASSWORD environment variable/);
  });

  it('sends nothing when the card has errors (exit 1, the errors listed), and sends with --force', async () => {
    const count = smtp.received.length;
    const run = await amcard(['send', 'broken.card.json', '--smtp', smtpUrl(smtp.port)], { AMCARD_SMTP_PASSWORD: PASSWORD });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /AM003/);
    assert.match(run.stderr, /amcard send: not sent: the card has errors\. Fix them, or pass --force to send it anyway\./);
    assert.equal(smtp.received.length, count);
    const json = await amcard(['send', 'broken.card.json', '--smtp', smtpUrl(smtp.port), '--json'], { AMCARD_SMTP_PASSWORD: PASSWORD });
    assert.equal(json.status, 1);
    assert.deepEqual(JSON.parse(json.stdout), { sent: false, failure: 'card-errors', message: 'The card has errors (listed on standard error): nothing was sent.' });
    assert.equal(smtp.received.length, count);
    const forced = await amcard(['send', 'broken.card.json', '--smtp', smtpUrl(smtp.port), '--force'], { AMCARD_SMTP_PASSWORD: PASSWORD });
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stderr, /AM003[\s\S]*amcard send: sending anyway \(--force\)\./);
    assert.equal(smtp.received.length, count + 1);
  });

  it('sends nothing, even with --force, when the card file is a private key amcard keygen wrote as JWK (exit 2)', async () => {
    const keygen = await amcard(['keygen', '--out', 'mine.jwk', '--public-out', 'mine.pub.jwk', '--format', 'jwk']);
    assert.equal(keygen.status, 0, keygen.stderr);
    const count = smtp.received.length;
    const run = await amcard(['send', 'mine.jwk', '--smtp', smtpUrl(smtp.port), '--force'], { AMCARD_SMTP_PASSWORD: PASSWORD });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /amcard send: the card mine\.jwk holds a JWK private key \(with "d"\)/);
    assert.equal(smtp.received.length, count);
  });
});

describe('amcard send over Microsoft Graph', () => {
  it('posts the base64 MIME message to /me/sendMail as text/plain with the bearer token from AMCARD_GRAPH_TOKEN', async () => {
    const before = graph.accepted.length;
    const run = await amcard(['send', 'expense.card.json', '--graph', '--graph-url', graph.baseUrl, '--from', ME], { AMCARD_GRAPH_TOKEN: GRAPH_TOKEN });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /over Microsoft Graph: 202 Accepted/);
    const request = graph.requests.at(-1)!;
    assert.deepEqual([request.method, request.path, request.contentType, request.authorization], ['POST', '/v1.0/me/sendMail', 'text/plain', `Bearer ${GRAPH_TOKEN}`]);
    assert.equal(graph.accepted.length, before + 1);
    const email = await parse(graph.accepted[before]!);
    assert.equal(email.from?.address, ME);
    assert.deepEqual(scriptCard(email.html).value, CARD);
  });

  it('names Graph\'s 403 as the missing Mail.Send permission, without the token', async () => {
    const run = await amcard(['send', 'expense.card.json', '--graph', '--graph-url', graph.baseUrl, '--from', ME, '--json'], { AMCARD_GRAPH_TOKEN: GRAPH_TOKEN_WITHOUT_MAIL_SEND });
    assert.equal(run.status, 1);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.deepEqual([result.transport, result.failure], ['Microsoft Graph', 'forbidden']);
    assert.match(String(result.message), /answered: 403 ErrorAccessDenied: Access is denied\..*Mail\.Send/);
  });

  it('names Graph\'s 401 as a token that is not valid', async () => {
    const run = await amcard(['send', 'expense.card.json', '--graph', '--graph-url', graph.baseUrl, '--from', ME], { AMCARD_GRAPH_TOKEN: 'expired-token-1234' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /answered: 401 InvalidAuthenticationToken: .* Sign in again/);
    assert.doesNotMatch(run.stderr, /expired-token-1234/);
  });

  it('needs the token in AMCARD_GRAPH_TOKEN and --from, and refuses an http base URL off this machine', async () => {
    const noToken = await amcard(['send', 'expense.card.json', '--graph', '--from', ME]);
    assert.equal(noToken.status, 2);
    assert.match(noToken.stderr, /AMCARD_GRAPH_TOKEN/);
    const noFrom = await amcard(['send', 'expense.card.json', '--graph', '--graph-url', graph.baseUrl], { AMCARD_GRAPH_TOKEN: GRAPH_TOKEN });
    assert.equal(noFrom.status, 2);
    assert.match(noFrom.stderr, /missing --from <address>/);
    // a URL it cannot use is a wrong command line, as a wrong SMTP URL is: exit 2, the reason on stderr, no JSON
    const http = await amcard(['send', 'expense.card.json', '--graph', '--graph-url', 'http://graph.contoso.example', '--from', ME, '--json'], { AMCARD_GRAPH_TOKEN: GRAPH_TOKEN });
    assert.equal(http.status, 2);
    assert.equal(http.stdout, '');
    assert.match(http.stderr, /must use https: the access token would travel in the clear/);
    const notUrl = await amcard(['send', 'expense.card.json', '--graph', '--graph-url', 'graph', '--from', ME], { AMCARD_GRAPH_TOKEN: GRAPH_TOKEN });
    assert.equal(notUrl.status, 2);
    assert.match(notUrl.stderr, /The Graph base URL "graph" is not a URL/);
  });

  it('reports a Graph endpoint it cannot reach as the network', async () => {
    const port = await closedPort();
    const run = await amcard(['send', 'expense.card.json', '--graph', '--graph-url', `https://127.0.0.1:${port}`, '--from', ME, '--json'], { AMCARD_GRAPH_TOKEN: GRAPH_TOKEN });
    assert.equal(run.status, 1);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.equal(result.failure, 'network');
    assert.match(String(result.message), /could not be reached \(ECONNREFUSED\)/);
  });
});

describe('amcard send with the real cards of ../shared/corpus-real', () => {
  const corpus = path.join(__dirname, '..', '..', '..', '..', 'shared', 'corpus-real', 'cards');
  it('sends each real Adaptive Card without errors, and the exact card arrives', { skip: existsSync(corpus) ? false : `no ${corpus} beside the project` }, async (t) => {
    let sent = 0;
    const names = readdirSync(corpus).filter((file) => file.endsWith('.json')).sort();
    for (const name of names) {
      const file = path.join(corpus, name);
      const before = smtp.received.length;
      const run = await amcard(['send', file, '--smtp', smtpUrl(smtp.port)], { AMCARD_SMTP_PASSWORD: PASSWORD });
      // A card with errors, or a template without its data, is not sent: the lint and template tests own those verdicts.
      if (run.status === 1 && /not sent: the card has errors/.test(run.stderr)) continue;
      if (run.status === 2 && /is a template/.test(run.stderr)) continue;
      assert.equal(run.status, 0, `${name}: ${run.stderr}`);
      const arrived = scriptCard((await parse(smtp.received[before]!.raw)).html).value;
      assert.deepEqual(arrived, JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')), name);
      sent++;
    }
    t.diagnostic(`${sent} of ${names.length} real cards sent; the others have errors or are templates without data`);
    assert.ok(sent >= 10, `only ${sent} real cards were sent`);
  });
});

describe('amcard send outputs', () => {
  it('never held a password or token', () => {
    for (const secret of SECRETS) assert.ok(!outputs.some((output) => output.includes(secret)), 'a secret appeared in an output');
  });
});
