// amcard invoke and amcard token inspect as processes, against a real node:http service on 127.0.0.1 that verifies
// the development token with jose against the JWKS amcard wrote, as a user's service would, and answers.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { runCli, runCliAsync } from './run-cli';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CARD = {
  type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', correlationId: 'c0ffee00-1234-4abc-8def-0123456789ab',
  body: [{ type: 'Input.Text', id: 'comment' }],
  actions: [
    { type: 'Action.Http', id: 'approve', title: 'Approve', method: 'POST', url: 'https://api.contoso.example/approve?c={{comment.value}}', body: '{"comment": "{{comment.value}}"}' },
    { type: 'Action.Http', id: 'reject', title: 'Reject', method: 'POST', url: 'https://api.contoso.example/reject', body: '{}', headers: [{ name: 'Authorization', value: '' }] },
    { type: 'Action.Http', title: 'Break', method: 'POST', url: 'https://api.contoso.example/break', body: '{}' },
  ],
};
/** The card of the bug report: one input with a value, one without, both in the URL and the body. */
const DEFAULTS_CARD = {
  type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a',
  body: [{ type: 'Input.Text', id: 'comment', value: 'Looks good' }, { type: 'Input.Text', id: 'note' }, { type: 'Input.Toggle', id: 'urgent', title: 'Urgent' }],
  actions: [{
    type: 'Action.Http', title: 'Go', method: 'POST', url: 'https://api.contoso.example/go?c={{comment.value}}&n={{note.value}}&u={{urgent.value}}&x={{other.value}}',
    body: '{"c": "{{comment.value}}", "n": "{{note.value}}"}',
  }],
};

/** Starts `service` on a free loopback port; gives the --target that maps the cards' host to it. */
async function listenOnLoopback(service: http.Server): Promise<string> {
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  return `https://api.contoso.example=http://127.0.0.1:${(service.address() as AddressInfo).port}`;
}

interface Received {
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  readonly claims?: JWTPayload;
}

describe('amcard invoke and amcard token inspect', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'ams-invoke-'));
  const received: Received[] = [];
  let target = '';
  /** What the service checks the token with: the issuer and audience of the shape the test sends. */
  let expected: { issuer: string; audience: string } = { issuer: '', audience: '' };

  // A user's service: it trusts the development JWKS, verifies the bearer token with jose, and answers.
  const service = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => { body += chunk; }).on('end', async () => {
      const header = request.headers['authorization'] ?? request.headers['action-authorization'];
      const token = String(header).replace(/^Bearer /, '');
      try {
        const jwks = createLocalJWKSet(JSON.parse(readFileSync(path.join(folder, '.amcard/development-key.jwks.json'), 'utf8')));
        const { payload } = await jwtVerify(token, jwks, { ...expected, algorithms: ['RS256'] });
        received.push({ url: request.url ?? '', headers: request.headers, body, claims: payload });
      } catch (error) {
        received.push({ url: request.url ?? '', headers: request.headers, body });
        response.writeHead(401, { 'CARD-ACTION-STATUS': `token refused: ${(error as Error).message}` }).end();
        return;
      }
      if (request.url === '/break') {
        response.writeHead(500, { 'Content-Type': 'text/plain' }).end('database down');
        return;
      }
      response.writeHead(200, { 'CARD-ACTION-STATUS': 'Approved.', 'CARD-UPDATE-IN-BODY': 'true', 'Content-Type': 'application/json' })
        .end(JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Done' }] }));
    });
  });

  before(async () => {
    writeFileSync(path.join(folder, 'card.json'), JSON.stringify(CARD));
    writeFileSync(path.join(folder, 'defaults.card.json'), JSON.stringify(DEFAULTS_CARD));
    target = await listenOnLoopback(service);
  });
  after(() => {
    service.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const entraArgs = ['--token-shape', 'entra', '--tenant', TENANT, '--audience', 'api://contoso-actions', '--user', 'ana@contoso.example'];

  it('sends an Entra ID token the service verifies with jose against the written JWKS, with Outlook headers, and exits 0 on 200', async () => {
    expected = { issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`, audience: 'api://contoso-actions' };
    const run = await runCliAsync(['invoke', 'card.json', '--action', 'approve', '--input', 'comment=a "b" & c', '--target', target, '--json', ...entraArgs], folder);
    assert.equal(run.status, 0, run.stderr);
    const request = received.at(-1)!;
    assert.equal(request.url, '/approve?c=a%20%22b%22%20%26%20c');
    assert.equal(request.body, '{"comment": "a \\"b\\" & c"}');
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers['card-correlation-id'], CARD.correlationId);
    assert.match(String(request.headers['action-request-id']), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(request.claims?.['azp'], '48af08dc-f6d2-435f-b2a7-069abd99c086');
    assert.equal(request.claims?.['preferred_username'], 'ana@contoso.example');
    const envelope = JSON.parse(run.stdout) as { status: number; headers: Record<string, string>; body: { body: { text: string }[] } };
    assert.equal(envelope.status, 200);
    assert.equal(envelope.headers['card-action-status'], 'Approved.');
    assert.equal(envelope.headers['card-update-in-body'], 'true');
    assert.equal(envelope.body.body[0]!.text, 'Done');
    assert.equal(statSync(path.join(folder, '.amcard/development-key.json')).mode & 0o777, 0o600);
    assert.ok(!run.stdout.includes('"d"') && !run.stderr.includes('PRIVATE'), 'no key material printed');
  });

  it('sends a legacy token in Action-Authorization when the card sets Authorization to "", a second Action-Request-Id, and the same key', async () => {
    expected = { issuer: 'https://substrate.office.com/sts/', audience: 'https://api.contoso.example' };
    const first = received.at(-1)!.headers['action-request-id'];
    const run = await runCliAsync(['invoke', 'card.json', '--action', 'Reject', '--target', target, '--token-shape', 'legacy', '--user', 'ana@contoso.example', '--sender', 'approvals@contoso.example'], folder);
    assert.equal(run.status, 0, run.stderr);
    const request = received.at(-1)!;
    assert.equal(request.headers['authorization'], undefined);
    assert.match(String(request.headers['action-authorization']), /^Bearer ey/);
    assert.notEqual(request.headers['action-request-id'], first);
    assert.equal(request.claims?.['sender'], 'approvals@contoso.example');
    assert.match(run.stdout, /^HTTP 200 OK \(\d+ ms\)\ncard-action-status: Approved\./);
    assert.match(run.stderr, /^POST https:\/\/api\.contoso\.example\/reject\n/m);
  });

  it('substitutes the value the card gives an input when no --input does, "" when it has none, and leaves unknown ids as written', async () => {
    expected = { issuer: 'https://substrate.office.com/sts/', audience: 'https://api.contoso.example' };
    const legacyArgs = ['--target', target, '--token-shape', 'legacy', '--user', 'lee@contoso.example'];
    const defaults = await runCliAsync(['invoke', 'defaults.card.json', ...legacyArgs], folder);
    assert.equal(defaults.status, 0, defaults.stderr);
    assert.equal(received.at(-1)!.url, '/go?c=Looks%20good&n=&u=false&x={{other.value}}');
    assert.equal(received.at(-1)!.body, '{"c": "Looks good", "n": ""}');
    const given = await runCliAsync(['invoke', 'defaults.card.json', '--input', 'NOTE=ship it', '--input', 'comment=', ...legacyArgs], folder);
    assert.equal(given.status, 0, given.stderr);
    assert.equal(received.at(-1)!.body, '{"c": "", "n": "ship it"}');
  });

  it('exits 2 and sends nothing for an --input no input of the card has', () => {
    const before = received.length;
    const run = runCli(['invoke', 'defaults.card.json', '--input', 'other=x', '--target', target, '--token-shape', 'legacy', '--user', 'lee@contoso.example'], folder);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /amcard invoke: the card has no input "other" to give a value to \(its inputs are comment, note, urgent\)/);
    assert.equal(received.length, before);
  });

  it('exits 1 on a 5xx and on the 401 of a token the service refuses (wrong audience)', async () => {
    expected = { issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`, audience: 'api://contoso-actions' };
    const broken = await runCliAsync(['invoke', 'card.json', '--action', 'Break', '--target', target, ...entraArgs], folder);
    assert.equal(broken.status, 1, broken.stderr);
    assert.match(broken.stdout, /^HTTP 500 /);
    assert.match(broken.stdout, /database down/);
    const refused = await runCliAsync(['invoke', 'card.json', '--action', 'approve', '--target', target, '--token-shape', 'entra', '--tenant', TENANT, '--audience', 'api://someone-else', '--user', 'ana@contoso.example'], folder);
    assert.equal(refused.status, 1, refused.stderr);
    assert.match(refused.stdout, /^HTTP 401 [^]*card-action-status: token refused: unexpected "aud" claim value/);
  });

  it('exits 2 and sends nothing without a target, to an unlisted remote target, for an unknown action or a service that is down', () => {
    const before = received.length;
    const cases: [string[], RegExp][] = [
      [['invoke', 'card.json', '--action', 'approve', ...entraArgs], /--target <card host>=<local URL> is required; nothing is sent without it/],
      [['invoke', 'card.json', '--action', 'approve', '--target', 'https://api.contoso.example=https://dev.contoso.example', ...entraArgs], /not a loopback address and not listed/],
      [['invoke', 'card.json', '--action', 'approve', '--target', 'https://other.example=http://127.0.0.1:9', ...entraArgs], /No action target maps https:\/\/api\.contoso\.example/],
      [['invoke', 'card.json', '--action', 'nope', '--target', target, ...entraArgs], /no Action\.Http has the id or title "nope"; the card has approve, reject, Break/],
      [['invoke', 'card.json', '--target', target, ...entraArgs], /has 3 Action\.Http actions; choose one with --action/],
      [['invoke', 'card.json', '--action', 'approve', '--target', 'https://api.contoso.example=http://127.0.0.1:9', ...entraArgs], /Could not send the request to http:\/\/127\.0\.0\.1:9\/approve/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(args, folder);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
    }
    assert.equal(received.length, before);
  });

  describe('amcard token inspect', () => {
    let token = '';
    before(async () => {
      expected = { issuer: 'https://substrate.office.com/sts/', audience: 'https://api.contoso.example' };
      await runCliAsync(['invoke', 'card.json', '--action', 'approve', '--target', target, '--token-shape', 'legacy', '--user', 'ana@contoso.example'], folder);
      token = String(received.at(-1)!.headers['authorization']).replace(/^Bearer /, '');
    });

    it('exits 0 for the token the service received, classified legacy, with its signature valid against the JWKS', () => {
      writeFileSync(path.join(folder, 'token.txt'), `Authorization: Bearer ${token}\n`);
      const run = runCli(['token', 'inspect', 'token.txt', '--jwks', '.amcard/development-key.jwks.json', '--target', 'https://api.contoso.example'], folder);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^Token kind: legacy/);
      assert.match(run.stdout, /Signature: valid/);
      assert.match(run.stdout, /createRemoteJWKSet/);
    });

    it('exits 1 for a wrong audience or a changed signature, and 2 for text that is no JWT or a JWKS that is not one', () => {
      const wrongAudience = runCli(['token', 'inspect', token, '--target', 'https://api.other.example'], folder);
      assert.equal(wrongAudience.status, 1);
      assert.match(wrongAudience.stdout, /error +aud +"https:\/\/api\.contoso\.example", but/);
      const forged = runCli(['token', 'inspect', `${token.slice(0, -4)}AAAA`, '--jwks', '.amcard/development-key.jwks.json'], folder);
      assert.equal(forged.status, 1);
      assert.match(forged.stdout, /Signature: invalid/);
      const notJwt = runCli(['token', 'inspect', 'hello'], folder);
      assert.equal(notJwt.status, 2);
      assert.match(notJwt.stderr, /not a JWT/);
      const badJwks = runCli(['token', 'inspect', token, '--jwks', 'card.json'], folder);
      assert.equal(badJwks.status, 2);
      assert.match(badJwks.stderr, /card\.json is not a JWKS/);
    });

    it('exits 2 naming a missing file, a directory, an empty file, a device or a named pipe, never reading them as token text', () => {
      mkdirSync(path.join(folder, 'tokens'));
      writeFileSync(path.join(folder, 'empty.txt'), '');
      const fifo = spawnSync('mkfifo', [path.join(folder, 'token.pipe')]);
      assert.equal(fifo.status, 0, `mkfifo failed: ${fifo.stderr}`);
      const cases: [string, RegExp][] = [
        ['missing.jwt', /^amcard token inspect: cannot read missing\.jwt: no such file, and it is not a JWT \(header\.payload\.signature\)\.$/m],
        ['tokens', /^Cannot read the token tokens: is a directory\.$/m],
        ['empty.txt', /^amcard token inspect: empty\.txt is empty: expected a JWT/m],
        ['/dev/zero', /^Cannot read the token \/dev\/zero: is a device, not a regular file/m],
        ['token.pipe', /^Cannot read the token token\.pipe: is a named pipe \(FIFO\), not a regular file/m],
      ];
      for (const [argument, message] of cases) {
        const run = runCli(['token', 'inspect', argument], folder);
        assert.notEqual(run.status, null, `${argument}: did not finish in time`);
        assert.equal(run.status, 2, `${argument}: ${run.stderr}`);
        assert.match(run.stderr, message);
        assert.doesNotMatch(run.stderr, /segments/);
      }
    });
  });
});

describe('amcard invoke: command lines it refuses before anything is created or sent', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'ams-invoke-refused-'));
  const target = 'https://api.contoso.example=http://127.0.0.1:9';
  before(() => writeFileSync(path.join(folder, 'card.json'), JSON.stringify(CARD)));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('an Entra ID token (the default shape) without --tenant or --audience names the flags, and creates no key', () => {
    const cases: [string[], RegExp][] = [
      [[], /^amcard invoke: an Entra ID token \(the default --token-shape\) needs --tenant <guid> and --audience <app id\|URI>; or send a legacy token with --token-shape legacy\.$/m],
      [['--token-shape', 'entra', '--tenant', TENANT], /^amcard invoke: an Entra ID token \(--token-shape entra\) needs --audience <app id\|URI>;/m],
      [['--audience', 'api://contoso-actions', '--tenant', ' '], /needs --tenant <guid>;/],
    ];
    for (const [flags, message] of cases) {
      const run = runCli(['invoke', 'card.json', '--action', 'approve', '--target', target, '--user', 'ana@contoso.example', ...flags], folder);
      assert.equal(run.status, 2, `${flags.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
    }
    assert.ok(!existsSync(path.join(folder, '.amcard')), 'no development key was created');
  });

  it('a file .amcard where the development key\'s folder goes is named in one line, not as errno text', () => {
    const blocked = path.join(folder, 'blocked');
    mkdirSync(blocked);
    writeFileSync(path.join(blocked, 'card.json'), JSON.stringify(CARD));
    writeFileSync(path.join(blocked, '.amcard'), 'not a folder');
    const run = runCli(['invoke', 'card.json', '--action', 'approve', '--target', target, '--token-shape', 'legacy', '--user', 'ana@contoso.example'], blocked);
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr, 'Cannot write .amcard/development-key.json: .amcard is a file, not a folder.\n');
    const deeper = runCli(['invoke', 'card.json', '--action', 'approve', '--target', target, '--token-shape', 'legacy', '--user', 'ana@contoso.example', '--dev-key', '.amcard/keys/key.json'], blocked);
    assert.equal(deeper.status, 2, deeper.stderr);
    assert.equal(deeper.stderr, 'Cannot create the folder .amcard/keys for the development key: .amcard is a file, not a folder.\n');
  });
});

describe('amcard invoke: a response body over 4 MiB', () => {
  const BODY_BYTES = 5 * 1024 * 1024;
  const folder = mkdtempSync(path.join(tmpdir(), 'ams-invoke-large-'));
  // Answers every request with a body 1 MiB over the limit: with its Content-Length, or in chunks without one.
  const service = http.createServer((request, response) => {
    request.resume().on('end', () => {
      const body = Buffer.alloc(BODY_BYTES, 'x');
      if (request.url === '/declared') {
        response.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(BODY_BYTES) }).end(body);
        return;
      }
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.write(body.subarray(0, BODY_BYTES / 2));
      response.end(body.subarray(BODY_BYTES / 2));
    });
  });
  let target = '';
  const LARGE_CARD = {
    type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', body: [],
    actions: ['declared', 'chunked'].map((id) => ({ type: 'Action.Http', id, title: id, method: 'POST', url: `https://api.contoso.example/${id}`, body: '{}' })),
  };

  before(async () => {
    writeFileSync(path.join(folder, 'card.json'), JSON.stringify(LARGE_CARD));
    target = await listenOnLoopback(service);
  });
  after(() => {
    service.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const invoke = (action: string, ...flags: string[]) =>
    runCliAsync(['invoke', 'card.json', '--action', action, '--target', target, '--token-shape', 'legacy', '--user', 'ana@contoso.example', ...flags], folder);

  it('says where it cut the body and of how many bytes: a last line, and "bodyCut" in --json', async () => {
    const human = await invoke('declared');
    assert.equal(human.status, 0, human.stderr);
    const note = '\n(response body cut at 4 MiB of 5242880 bytes)\n';
    assert.equal(human.stdout.slice(-note.length), note);
    const body = human.stdout.slice(human.stdout.indexOf('\n\n') + 2, -note.length);
    assert.ok(body.length === 4 * 1024 * 1024 && /^x+$/.test(body), `the body shown is the first 4 MiB (${body.length} characters)`);
    const json = await invoke('declared', '--json');
    assert.equal(json.status, 0, json.stderr);
    const envelope = JSON.parse(json.stdout) as { body: string; bodyCut?: unknown };
    assert.equal(envelope.body.length, 4 * 1024 * 1024);
    assert.deepEqual(envelope.bodyCut, { atBytes: 4 * 1024 * 1024, ofBytes: BODY_BYTES });
  });

  it('says it cut the body when the response did not declare its size', async () => {
    const human = await invoke('chunked');
    assert.equal(human.status, 0, human.stderr);
    const note = '\n(response body cut at 4 MiB of a size the response did not declare)\n';
    assert.equal(human.stdout.slice(-note.length), note);
    const json = JSON.parse((await invoke('chunked', '--json')).stdout) as { bodyCut?: unknown };
    assert.deepEqual(json.bodyCut, { atBytes: 4 * 1024 * 1024, ofBytes: null });
  });
});
