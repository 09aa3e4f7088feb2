// A well-formed signed-card payload (spec § 5.10) and a signer for it, shared by the decode tests.
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { base64url, CompactSign } from 'jose';

export const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
export const SENDER = 'noreply@contoso.example';
export const CARD = { type: 'AdaptiveCard', version: '1.0', originator: ORIGINATOR, body: [{ type: 'TextBlock', text: 'Hi' }] };
export const PAYLOAD = {
  sender: SENDER,
  originator: ORIGINATOR,
  recipientsSerialized: JSON.stringify(['ana@contoso.example']),
  adaptiveCardSerialized: JSON.stringify(CARD),
  iat: 1717430400,
};

export const encodeJson = (value: unknown): string => base64url.encode(JSON.stringify(value));

/** A compact JWS of `payload` signed by jose; the header defaults to the RS256 one of a signed card. */
export async function signWithJose(payload: unknown, privateKey: KeyObject, header: Record<string, unknown> = { alg: 'RS256' }): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader(header as { alg: string }).sign(privateKey);
}

/** A public key with `modulus` (base64url, from a real key) and any exponent, as a made-up key would carry. */
export function rsaPublicKeyWith(modulus: string, exponent: bigint): KeyObject {
  const hex = exponent.toString(16);
  const e = Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex').toString('base64url');
  return createPublicKey({ key: { kty: 'RSA', n: modulus, e }, format: 'jwk' });
}

const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * An RS256 token of `payload` forged without any private key for the exponent-1 key of `modulus`: s^1 mod n = s, so
 * the signature is the EMSA-PKCS1-v1_5 encoding of the digest itself. Returns the signing input and signature too.
 */
export function exponentOneForgery(payload: unknown, modulus: string): { token: string; signingInput: string; signature: Buffer } {
  const signingInput = `${encodeJson({ alg: 'RS256' })}.${encodeJson(payload)}`;
  const digestInfo = Buffer.concat([SHA256_DIGEST_INFO, createHash('sha256').update(signingInput, 'ascii').digest()]);
  const modulusBytes = Buffer.from(modulus, 'base64url').length;
  const padding = Buffer.alloc(modulusBytes - digestInfo.length - 3, 0xff);
  const signature = Buffer.concat([Buffer.from([0x00, 0x01]), padding, Buffer.from([0x00]), digestInfo]);
  return { token: `${signingInput}.${base64url.encode(signature)}`, signingInput, signature };
}
