import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import { generateKeyPair, SignJWT } from 'jose';
import type { InspectTokenResult } from '../../client/src/commands/inspect-token';
import { execute, failure, startExtension, succeeded } from './helpers';

const COMMAND = 'actionableMessages.inspectActionToken';

describe('Inspect Action Token in a real VS Code', () => {
  let requests = 0;
  const keyServer = http.createServer((_request, response) => {
    requests += 1;
    response.end('{"keys": []}');
  });
  let jku = '';

  before(async () => {
    await startExtension();
    await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
    jku = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}/keys`;
  });
  after(() => { keyServer.close(); });

  it('classifies a legacy token from a log line, judges its claims, opens the report and never fetches its jku', async () => {
    // Asynchronous: a second generateKeyPairSync in one process can deadlock Node's main thread (see rsa-keys.ts).
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({
      iss: 'https://substrate.office.com/sts/', aud: 'https://api.contoso.example', sub: 'lee.chen@contoso.example',
      sender: 'alerts@contoso.example', appid: '48af08dc-f6d2-435f-b2a7-069abd99c086', iat: now - 600, nbf: now - 600, exp: now - 300,
    }).setProtectedHeader({ alg: 'RS256', jku }).sign(privateKey);
    const result = succeeded(await execute<InspectTokenResult>(COMMAND, { token: `Authorization: Bearer ${token}` }));
    assert.strictEqual(result.inspection.kind, 'legacy');
    assert.strictEqual(result.inspection.signature.verdict, 'not checked');
    const verdicts = Object.fromEntries(result.inspection.verdicts.map(({ claim, verdict }) => [claim, verdict]));
    assert.strictEqual(verdicts['jku'], 'warning');
    assert.strictEqual(verdicts['exp'], 'error');
    assert.strictEqual(verdicts['appid'], 'ok');
    const report = (await vscode.workspace.openTextDocument(result.report)).getText();
    assert.match(report, /^Token kind: legacy/);
    assert.match(report, /createRemoteJWKSet/);
    assert.strictEqual(requests, 0, 'the command fetched the jku URL');
  });

  it('refuses a text that is no JWT, saying why', async () => {
    assert.match(failure(await execute(COMMAND, { token: 'Bearer hello' })), /Inspect Action Token: not a JWT: /);
  });
});
