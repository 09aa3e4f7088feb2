// UI check of the action target: with actionableMessages.actionTarget.targets mapping the card's host to a real
// node:http service on 127.0.0.1, Approve in the preview sends Outlook's request from the extension host; the service
// verifies the development token with jose against the JWKS the extension wrote, and the preview shows its answer.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { previewAfresh, startAfresh } from '../workbench.mjs';

const COMMENT = 'Fine by me "Ana" & co';

/** A user's service: trusts the development JWKS in the workspace, verifies the token, answers with a card. */
function startService(workspace, received) {
  const service = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk) => { body += chunk; }).on('end', async () => {
      const token = String(request.headers['authorization'] ?? '').replace(/^Bearer /, '');
      try {
        const jwks = createLocalJWKSet(JSON.parse(fs.readFileSync(path.join(workspace, '.amcard/vscode-development.jwks.json'), 'utf8')));
        const { payload } = await jwtVerify(token, jwks, { issuer: 'https://substrate.office.com/sts/', audience: 'https://api.contoso.example', algorithms: ['RS256'] });
        received.push({ url: request.url, headers: request.headers, body, claims: payload });
        response.writeHead(200, { 'CARD-ACTION-STATUS': 'Approved by the local service.', 'CARD-UPDATE-IN-BODY': 'true', 'Content-Type': 'application/json' })
          .end(JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Approved.' }] }));
      } catch (error) {
        received.push({ url: request.url, headers: request.headers, body, refused: error.message });
        response.writeHead(401, { 'CARD-ACTION-STATUS': `token refused: ${error.message}` }).end();
      }
    });
  });
  return new Promise((resolve) => service.listen(0, '127.0.0.1', () => resolve(service)));
}

/** A card whose autoInvokeAction POSTs to the registered host, with a correlationId. */
function writeAutoInvokeCard(file) {
  fs.writeFileSync(file, JSON.stringify({
    type: 'AdaptiveCard', version: '1.0', originator: 'b9e1f0a4-5c2d-4e7f-9a3b-1d6c8e2f4a70', correlationId: 'auto-7',
    body: [{ type: 'TextBlock', text: 'Loading the latest status…' }],
    autoInvokeAction: { type: 'Action.Http', method: 'POST', url: 'https://api.contoso.example/status', body: '{"ticket": 7}' },
  }, null, 2));
}

/** @param {import('../run.mjs').UiContext} context */
export default async function actionTargetChecks({ page, uiCheck, workspace, artifacts }) {
  const received = [];
  const service = await startService(workspace, received);
  const settingsFile = path.join(workspace, '.vscode/settings.json');
  const before = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined;
  const autoInvokeFile = path.join(workspace, 'auto-invoke-target.card.json');
  try {
    await uiCheck('without an action target, Simulate autoInvokeAction sends nothing and asks for the response file in VS Code', async () => {
      writeAutoInvokeCard(autoInvokeFile);
      const count = received.length;
      const preview = await previewAfresh(page, path.basename(autoInvokeFile));
      await preview.locator('button.simulate', { hasText: 'Simulate autoInvokeAction' }).click();
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'approval-http.response.json' }).first().waitFor();
      await page.keyboard.press('Escape');
      if (received.length !== count) throw new Error('a request reached the service without an action target');
    });

    await uiCheck('with an action target, Approve in the preview sends the request with a development token the service verifies, and shows its answer', async () => {
      fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
      fs.writeFileSync(settingsFile, JSON.stringify({
        ...(before === undefined ? {} : JSON.parse(before)),
        'actionableMessages.actionTarget.targets': { 'https://api.contoso.example': `http://127.0.0.1:${service.address().port}` },
        'actionableMessages.actionTarget.tokenShape': 'legacy',
        'actionableMessages.actionTarget.actingUser': 'lee.chen@contoso.example',
      }));
      const preview = await previewAfresh(page, 'approval-http.card.json');
      await preview.locator('textarea').fill(COMMENT);
      await preview.getByRole('button', { name: 'Approve', exact: true }).click();
      const entry = preview.locator('.log-entry', { has: preview.locator('.entry-title', { hasText: 'Response: Action.Http: Approve' }) });
      await entry.waitFor();
      const text = await entry.locator('.entry-text').textContent();
      if (!/^HTTP 200 OK \(\d+ ms\)\n/.test(text) || !text.includes('card-action-status: Approved by the local service.')) throw new Error(`the preview does not show the service's answer:\n${text}`);
      const request = received.at(-1);
      if (request === undefined || request.refused !== undefined) throw new Error(`the service did not accept the request: ${request?.refused ?? 'nothing arrived'}`);
      if (request.url !== '/expenses/EXP-2026-0412/approve') throw new Error(`the request went to ${request.url}`);
      if (!request.body.includes(JSON.stringify(COMMENT).slice(1, -1))) throw new Error(`the body lacks the typed comment: ${request.body}`);
      if (request.headers['card-correlation-id'] !== 'b9e1f0a4-5c2d-4e7f-9a3b-1d6c8e2f4a70') throw new Error(`Card-Correlation-Id is ${request.headers['card-correlation-id']}`);
      if (request.claims.sub !== 'lee.chen@contoso.example') throw new Error(`the token's sub is ${request.claims.sub}`);
      await entry.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(artifacts, 'action-target-response.png') });
    });
    await uiCheck("with an action target, Simulate autoInvokeAction sends the card's own request as a click does, and the service's answer replaces the card", async () => {
      writeAutoInvokeCard(autoInvokeFile);
      const count = received.length;
      const preview = await previewAfresh(page, path.basename(autoInvokeFile));
      await preview.locator('button.simulate', { hasText: 'Simulate autoInvokeAction' }).click();
      await preview.locator('.log-entry .entry-title', { hasText: 'Response: autoInvokeAction' }).waitFor();
      await preview.getByText('Approved.', { exact: true }).waitFor();
      const request = received.at(-1);
      if (received.length !== count + 1 || request.refused !== undefined) throw new Error(`the service did not accept one request: ${request?.refused ?? 'nothing arrived'}`);
      if (request.url !== '/status' || request.body !== '{"ticket": 7}') throw new Error(`the service got ${request.url} ${request.body}`);
      if (request.headers['card-correlation-id'] !== 'auto-7') throw new Error(`Card-Correlation-Id is ${request.headers['card-correlation-id']}`);
    });
  } finally {
    fs.rmSync(autoInvokeFile, { force: true });
    if (before === undefined) fs.rmSync(settingsFile, { force: true });
    else fs.writeFileSync(settingsFile, before);
    service.close();
    await startAfresh(page);
  }
}
