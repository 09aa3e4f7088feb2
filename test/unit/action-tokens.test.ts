// The request Outlook sends for an Action.Http (its headers), the development tokens of both shapes, the action
// target rule, and the token inspector: both kinds, expired, wrong audience, forged, and jku/x5u never fetched.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createLocalJWKSet, decodeJwt, jwtVerify, SignJWT } from 'jose';
import { resolveActionTarget } from '../../server/src/actions';
import { buildHttpRequest, withOutlookHeaders } from '../../server/src/card';
import {
  ACTIONS_APP_ID, createDevelopmentKey, developmentJwks, developmentTokenClaims, signDevelopmentToken, type DevelopmentKey
} from '../../server/src/signing/development-token';
import { inspectToken, parseJwks, type TokenInspection } from '../../server/src/signing/token-inspector';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CONTEXT = { bearerToken: 'eyJ.dev.token', correlationId: 'c0ffee00-1234-4abc-8def-0123456789ab', actionRequestId: '6f1c1a52-0d7e-4b8e-9a55-2f4c8e9b1d3a' };
const ACTION = { type: 'Action.Http', method: 'POST', url: 'https://api.contoso.example/approve?c={{c.value}}', body: '{"c": "{{c.value}}"}' };

describe('withOutlookHeaders: the request as Outlook sends it', () => {
  const inputs = new Map([['c', 'a "b" & c']]);

  it('adds Content-Type application/json, Authorization: Bearer, Card-Correlation-Id and Action-Request-Id to a card without headers', () => {
    const request = withOutlookHeaders(buildHttpRequest(ACTION, inputs), CONTEXT);
    assert.deepEqual(request, {
      method: 'POST',
      url: 'https://api.contoso.example/approve?c=a%20%22b%22%20%26%20c',
      body: '{"c": "a \\"b\\" & c"}',
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Authorization', value: 'Bearer eyJ.dev.token' },
        { name: 'Card-Correlation-Id', value: CONTEXT.correlationId },
        { name: 'Action-Request-Id', value: CONTEXT.actionRequestId },
      ],
    });
  });

  it('sends the token in Action-Authorization, and no Authorization, when the card sets Authorization to ""', () => {
    const action = { ...ACTION, headers: [{ name: 'authorization', value: '' }, { name: 'X-Tenant', value: '{{c.value}}' }] };
    const request = withOutlookHeaders(buildHttpRequest(action, inputs), CONTEXT);
    assert.deepEqual(request.headers.map(({ name }) => name), ['X-Tenant', 'Content-Type', 'Action-Authorization', 'Card-Correlation-Id', 'Action-Request-Id']);
    assert.equal(request.headers.find(({ name }) => name === 'Action-Authorization')?.value, 'Bearer eyJ.dev.token');
    assert.equal(request.headers[0]!.value, 'a%20%22b%22%20%26%20c');
  });

  it("keeps the card's Content-Type, replaces an Authorization value the card gives, and leaves out Card-Correlation-Id without a correlationId", () => {
    const action = { ...ACTION, headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }, { name: 'Authorization', value: 'Basic abc' }] };
    const request = withOutlookHeaders(buildHttpRequest(action, inputs), { ...CONTEXT, correlationId: undefined });
    assert.deepEqual(request.headers, [
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
      { name: 'Authorization', value: 'Bearer eyJ.dev.token' },
      { name: 'Action-Request-Id', value: CONTEXT.actionRequestId },
    ]);
    assert.equal(request.body, '{"c": "a%20%22b%22%20%26%20c"}');
  });

  it('sends no Content-Type with a request that has no body', () => {
    const request = withOutlookHeaders(buildHttpRequest({ type: 'Action.Http', method: 'GET', url: 'https://api.contoso.example/x' }, new Map()), CONTEXT);
    assert.deepEqual(request.headers.map(({ name }) => name), ['Authorization', 'Card-Correlation-Id', 'Action-Request-Id']);
  });
});

describe('resolveActionTarget: only loopback or listed URLs are contacted', () => {
  const targets = { 'https://api.contoso.example': 'http://127.0.0.1:7071/dev/' };

  it("maps the card's host to the target, keeping the path and query after the target's path", () => {
    assert.deepEqual(resolveActionTarget('https://api.contoso.example/approve?id=1', { targets, allowedUrls: [] }),
      { registeredBase: 'https://api.contoso.example', url: 'http://127.0.0.1:7071/dev/approve?id=1' });
  });

  it('refuses a host no target maps, and a non-loopback target that is not listed', () => {
    assert.throws(() => resolveActionTarget('https://other.example/approve', { targets, allowedUrls: [] }), /No action target maps https:\/\/other\.example/);
    const remote = { 'https://api.contoso.example': 'https://dev.contoso.example' };
    assert.throws(() => resolveActionTarget('https://api.contoso.example/a', { targets: remote, allowedUrls: [] }), /not a loopback address and not listed/);
    assert.throws(() => resolveActionTarget('https://api.contoso.example/a', { targets: remote, allowedUrls: ['https://dev.contoso.example/other'] }), /not listed/);
    assert.equal(resolveActionTarget('https://api.contoso.example/a', { targets: remote, allowedUrls: ['https://dev.contoso.example'] }).url, 'https://dev.contoso.example/a');
  });

  it('counts 127.0.0.0/8, [::1] and localhost as loopback, and not a host that only starts like one', () => {
    for (const url of ['http://127.0.0.2:1', 'http://[::1]:1', 'http://localhost:1']) {
      assert.equal(resolveActionTarget('https://a.example/', { targets: { 'https://a.example': url }, allowedUrls: [] }).registeredBase, 'https://a.example');
    }
    assert.throws(() => resolveActionTarget('https://a.example/', { targets: { 'https://a.example': 'http://127.0.0.1.evil.example' }, allowedUrls: [] }), /not a loopback/);
  });
});

describe('development tokens: the claims of both shapes, signed by the development key', () => {
  let key: DevelopmentKey;
  before(async () => { key = await createDevelopmentKey(); });

  it('legacy: iss substrate, aud the base URL of the target, sub, sender, appid, iat/nbf/exp', () => {
    const claims = developmentTokenClaims({ shape: 'legacy', targetUrl: 'https://api.contoso.example/approve?x=1', actingUser: 'ana@contoso.example', sender: 'bot@contoso.example', issuedAt: 1_800_000_000 });
    assert.deepEqual(claims, {
      iss: 'https://substrate.office.com/sts/', aud: 'https://api.contoso.example', sub: 'ana@contoso.example', sender: 'bot@contoso.example',
      appid: '48af08dc-f6d2-435f-b2a7-069abd99c086', iat: 1_800_000_000, nbf: 1_800_000_000, exp: 1_800_000_300,
    });
  });

  it('Entra ID: iss of the tenant, aud the app, azp/appid the Actions app, scp, tid, oid, preferred_username/upn', () => {
    const claims = developmentTokenClaims({ shape: 'entra', targetUrl: 'https://api.contoso.example', actingUser: 'ana@contoso.example', tenant: TENANT, audience: 'api://contoso-actions', issuedAt: 1_800_000_000 });
    assert.equal(claims.iss, `https://login.microsoftonline.com/${TENANT}/v2.0`);
    assert.equal(claims.aud, 'api://contoso-actions');
    assert.equal(claims['azp'], ACTIONS_APP_ID);
    assert.equal(claims['appid'], ACTIONS_APP_ID);
    assert.equal(claims['scp'], 'user_impersonation');
    assert.equal(claims['tid'], TENANT);
    assert.match(String(claims['oid']), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(claims['preferred_username'], 'ana@contoso.example');
    assert.equal(claims['upn'], 'ana@contoso.example');
    assert.deepEqual([claims.iat, claims.nbf, claims.exp], [1_800_000_000, 1_800_000_000, 1_800_000_300]);
    assert.equal(claims['sender'], undefined);
  });

  it('an Entra ID token needs a GUID tenant and an audience', () => {
    const base = { shape: 'entra', targetUrl: 'https://api.contoso.example', actingUser: 'ana@contoso.example' } as const;
    assert.throws(() => developmentTokenClaims({ ...base, audience: 'api://x' }), /needs a tenant id/);
    assert.throws(() => developmentTokenClaims({ ...base, tenant: 'contoso', audience: 'api://x' }), /"contoso" is not a GUID/);
    assert.throws(() => developmentTokenClaims({ ...base, tenant: TENANT }), /needs an audience/);
  });

  it('a service verifies it with jose against the development JWKS, which holds no private member', async () => {
    const jwks = JSON.parse(developmentJwks(key)) as { keys: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(jwks.keys[0]!).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
    const claims = developmentTokenClaims({ shape: 'legacy', targetUrl: 'https://api.contoso.example', actingUser: 'ana@contoso.example' });
    const token = await signDevelopmentToken(claims, key);
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(parseJwks(developmentJwks(key))!), { issuer: 'https://substrate.office.com/sts/', audience: 'https://api.contoso.example' });
    assert.equal(payload.sub, 'ana@contoso.example');
    assert.equal(protectedHeader.kid, key.publicJwk.kid);
  });
});

describe('inspectToken', () => {
  let key: DevelopmentKey;
  let otherKey: DevelopmentKey;
  const now = Math.floor(Date.now() / 1000);
  const jwksOf = (of: DevelopmentKey) => ({ kind: 'jwks', jwks: parseJwks(developmentJwks(of))!, source: 'dev.jwks.json' } as const);
  const legacy = (issuedAt = now) => developmentTokenClaims({ shape: 'legacy', targetUrl: 'https://api.contoso.example', actingUser: 'ana@contoso.example', issuedAt });
  const entra = () => developmentTokenClaims({ shape: 'entra', targetUrl: 'https://api.contoso.example', actingUser: 'ana@contoso.example', tenant: TENANT, audience: 'api://contoso-actions', issuedAt: now });
  const verdictOf = (inspection: TokenInspection, claim: string) => inspection.verdicts.find((verdict) => verdict.claim === claim)?.verdict;
  async function inspected(...args: Parameters<typeof inspectToken>): Promise<TokenInspection> {
    const reading = await inspectToken(...args);
    assert.ok(reading.ok, reading.ok ? '' : reading.message);
    return reading.inspection;
  }
  before(async () => { [key, otherKey] = await Promise.all([createDevelopmentKey(), createDevelopmentKey()]); });

  it('classifies a legacy token, passes every claim against its target and verifies the signature', async () => {
    const inspection = await inspected(`Authorization: Bearer ${await signDevelopmentToken(legacy(), key)}`, { targetUrl: 'https://api.contoso.example/x' }, jwksOf(key));
    assert.equal(inspection.kind, 'legacy');
    assert.equal(inspection.signature.verdict, 'valid');
    assert.deepEqual(inspection.verdicts.filter(({ verdict }) => verdict !== 'ok'), []);
    assert.deepEqual(inspection.verdicts.map(({ claim }) => claim), ['iss', 'aud', 'appid', 'sub', 'sender', 'exp', 'nbf', 'iat']);
    assert.match(inspection.recipe, /createRemoteJWKSet\(new URL\('https:\/\/substrate\.office\.com\/sts\/common\/discovery\/keys'\)\)/);
    assert.match(inspection.recipe, /audience: 'https:\/\/api\.contoso\.example'/);
  });

  it('says a signed card is no action token, though its payload has a sender, and points to decode', async () => {
    const signedCard = { sender: 'noreply@contoso.example', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', recipientsSerialized: '["ana@contoso.example"]', adaptiveCardSerialized: '{"type":"AdaptiveCard","version":"1.0","body":[]}', iat: now };
    const inspection = await inspected(await signDevelopmentToken(signedCard, key), {});
    assert.equal(inspection.kind, 'unknown');
    assert.equal(verdictOf(inspection, 'iss'), 'error');
    assert.match(inspection.verdicts.find(({ claim }) => claim === 'iss')!.message, /this is a signed card .*not an action token: read it with amcard decode or Decode JWS/);
  });

  it('classifies an Entra ID token, checks aud against the app and gives the tenant recipe', async () => {
    const inspection = await inspected(await signDevelopmentToken(entra(), key), { audience: 'api://contoso-actions', tenant: TENANT }, jwksOf(key));
    assert.equal(inspection.kind, 'entra');
    assert.deepEqual(inspection.verdicts.filter(({ verdict }) => verdict !== 'ok'), []);
    assert.deepEqual(inspection.verdicts.map(({ claim }) => claim), ['iss', 'tid', 'aud', 'azp', 'scp', 'preferred_username', 'exp', 'nbf', 'iat']);
    assert.match(inspection.recipe, new RegExp(`login\\.microsoftonline\\.com/${TENANT}/discovery/v2\\.0/keys`));
  });

  it('fails an expired token, a wrong audience and a wrong Actions app id', async () => {
    const expired = await inspected(await signDevelopmentToken(legacy(now - 3600), key), { now }, jwksOf(key));
    assert.equal(verdictOf(expired, 'exp'), 'error');
    assert.match(expired.verdicts.find(({ claim }) => claim === 'exp')!.message, /expired 3300 s ago/);
    const wrongAudience = await inspected(await signDevelopmentToken(entra(), key), { audience: 'api://someone-else' });
    assert.equal(verdictOf(wrongAudience, 'aud'), 'error');
    const wrongApp = await inspected(await signDevelopmentToken({ ...legacy(), appid: '00000000-0000-0000-0000-000000000000' }, key), {});
    assert.equal(verdictOf(wrongApp, 'appid'), 'error');
  });

  it('passes an aud array that holds the expected audience, as jose does, and fails one that does not (RFC 7519 §4.1.3)', async () => {
    const withAudiences = (aud: string[]) => signDevelopmentToken({ ...entra(), aud }, key);
    const listed = await withAudiences(['api://other-service', 'api://contoso-actions']);
    await jwtVerify(listed, createLocalJWKSet(parseJwks(developmentJwks(key))!), { audience: 'api://contoso-actions' });
    const inspection = await inspected(listed, { audience: 'api://contoso-actions', tenant: TENANT }, jwksOf(key));
    assert.equal(verdictOf(inspection, 'aud'), 'ok');
    assert.match(inspection.verdicts.find(({ claim }) => claim === 'aud')!.message, /one of them is the service's app id or App ID URI, as expected/);
    const unlisted = await inspected(await withAudiences(['api://other-service']), { audience: 'api://contoso-actions' });
    assert.equal(verdictOf(unlisted, 'aud'), 'error');
    assert.match(unlisted.verdicts.find(({ claim }) => claim === 'aud')!.message, /none of them is the service's app id or App ID URI, "api:\/\/contoso-actions": the service must refuse/);
  });

  it('says an exp that is not a number is not a NumericDate, and a missing exp that the token has no expiry time', async () => {
    // Object.assign: the claims' type allows only a number; a token may carry anything.
    const message = async (exp: string | undefined) => (await inspected(await signDevelopmentToken(Object.assign(legacy(), { exp }), key), {})).verdicts.find(({ claim }) => claim === 'exp')!;
    const text = await message(String(now + 300));
    assert.equal(text.verdict, 'error');
    assert.match(text.message, /^"\d+": not a number; exp must be a NumericDate/);
    assert.doesNotMatch(text.message, /without an expiry/);
    assert.match((await message(undefined)).message, /^missing: a token without an expiry time must be refused/);
  });

  it('says a forged signature is invalid: signed by another key under the same kid, or a changed payload', async () => {
    const forged = await new SignJWT(legacy()).setProtectedHeader({ alg: 'RS256', kid: key.publicJwk.kid }).sign(otherKey.privateKey);
    assert.equal((await inspected(forged, {}, jwksOf(key))).signature.verdict, 'invalid');
    const [header, , signature] = (await signDevelopmentToken(legacy(), key)).split('.');
    const changed = `${header}.${Buffer.from(JSON.stringify({ ...legacy(), sub: 'mallory@contoso.example' })).toString('base64url')}.${signature}`;
    assert.equal(decodeJwt(changed).sub, 'mallory@contoso.example');
    assert.equal((await inspected(changed, {}, jwksOf(key))).signature.verdict, 'invalid');
    assert.equal((await inspected(changed, {})).signature.verdict, 'not checked');
  });

  describe('with jku and x5u in the header', () => {
    let requests = 0;
    const server = http.createServer((_request, response) => {
      requests += 1;
      response.end(developmentJwks(otherKey));
    });
    let base = '';
    before(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => { server.close(); });

    it('warns about them and never fetches them, so a token signed by the key they name is not valid', async () => {
      const token = await new SignJWT(legacy()).setProtectedHeader({ alg: 'RS256', jku: `${base}/jwks`, x5u: `${base}/cert` }).sign(otherKey.privateKey);
      const inspection = await inspected(token, {}, jwksOf(key));
      assert.equal(verdictOf(inspection, 'jku'), 'warning');
      assert.equal(verdictOf(inspection, 'x5u'), 'warning');
      assert.equal(inspection.signature.verdict, 'invalid');
      assert.equal((await inspected(token, {})).signature.verdict, 'not checked');
      assert.equal(requests, 0, 'the inspector fetched a URL named in the token');
    });
  });

  it('says what a text that is not a JWT is', async () => {
    const reading = await inspectToken('Bearer not-a-token', {});
    assert.equal(reading.ok, false);
  });
});
