// RS256 sign and verify of one signed-card payload: this project's signPayload (jose CompactSign) and jose compactVerify
// against bare node:crypto sign/verify (RSA-SHA256) of the same signing input. Both run in this one process, in
// batches that alternate which goes first, so drift and GC pressure hit each alike; the medians of the batches count.
import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compactVerify } from 'jose';
import { median } from './stats.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const COMPILED_SIGN = path.join(root, 'out/server/src/signing/sign.js');
const CARD = path.join(root, 'examples/approval-http.card.json');

/** Operations per timed batch (an RSA-2048 signature costs about a millisecond, a verification some microseconds). */
const SIGN = { batch: 20, warmup: 3, rounds: 40 };
const VERIFY = { batch: 400, warmup: 3, rounds: 40 };

async function timeBatch(operation, count) {
  const start = performance.now();
  for (let i = 0; i < count; i++) await operation();
  return count / ((performance.now() - start) / 1000);
}

/** Median ops/s of each competitor over the measured rounds; the order alternates per round. */
async function interleaved(competitors, { batch, warmup, rounds }) {
  const names = Object.keys(competitors);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < warmup + rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      const opsPerSecond = await timeBatch(competitors[name], batch);
      if (round >= warmup) samples[name].push(opsPerSecond);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name])]));
}

/** { payloadBytes, sign: {jose, nodeCrypto}, verify: {jose, nodeCrypto} } in operations per second. */
export async function benchSigning() {
  if (!existsSync(COMPILED_SIGN)) throw new Error(`${path.relative(root, COMPILED_SIGN)} is missing: run "npm run build" first.`);
  const { buildSignedCardPayload, signPayload } = require(COMPILED_SIGN);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKey = createPublicKey(privateKey);
  const payload = buildSignedCardPayload({
    cardText: readFileSync(CARD, 'utf8'),
    sender: 'expenses@contoso.example',
    recipients: ['ana@contoso.example', 'bo@contoso.example'],
    iat: 1717430400,
  });

  const token = await signPayload(payload, privateKey);
  const signingInput = Buffer.from(token.slice(0, token.lastIndexOf('.')));
  const signature = Buffer.from(token.slice(token.lastIndexOf('.') + 1), 'base64url');
  // RSASSA-PKCS1-v1_5 is deterministic: equal signatures prove both sides sign the very same bytes.
  if (!sign('sha256', signingInput, privateKey).equals(signature)) throw new Error('node:crypto and jose signed different bytes.');
  if (!verify('sha256', signingInput, publicKey, signature)) throw new Error('node:crypto does not verify the jose signature.');

  const signing = await interleaved({
    jose: () => signPayload(payload, privateKey),
    nodeCrypto: () => sign('sha256', signingInput, privateKey),
  }, SIGN);
  const verifying = await interleaved({
    jose: () => compactVerify(token, publicKey, { algorithms: ['RS256'] }),
    nodeCrypto: () => {
      if (!verify('sha256', signingInput, publicKey, signature)) throw new Error('verification failed');
    },
  }, VERIFY);
  return { payloadBytes: JSON.stringify(payload).length, tokenBytes: token.length, sign: signing, verify: verifying };
}
