import type { KeyObject } from 'node:crypto';

/**
 * Why an RSA key's public numbers cannot belong to a real key pair, or undefined when they can. OpenSSL accepts
 * any such numbers; with e = 1 the "signature" of a message is its padded digest itself, so anyone can forge one,
 * and an even e or an even modulus has no private key that RS256 could have signed with.
 */
export function degenerateRsaKeyReason(key: KeyObject): string | undefined {
  const jwk = key.export({ format: 'jwk' });
  const exponent = bigIntOf(jwk.e);
  const modulus = bigIntOf(jwk.n);
  if (exponent < 3n) {
    const forgery = exponent === 1n ? ' (with 1, the signature is the padded digest itself)' : '';
    return `its public exponent is ${exponent}, below 3: anyone can forge a signature that such a key accepts${forgery}. It is not a real RSA key; use the key from the key pair (amcard keygen makes one with 65537).`;
  }
  if (exponent % 2n === 0n) return `its public exponent ${exponent} is even, which no RSA key pair has; the key is damaged or made up. Use the key from the key pair (amcard keygen makes one with 65537).`;
  if (modulus % 2n === 0n) return 'its modulus is even, which no RSA key pair has; the key is damaged or made up. Use the key from the key pair (amcard keygen makes one).';
  return undefined;
}

/** A JWK member (an unsigned big-endian integer in base64url) as a bigint; 0 when absent. */
export function bigIntOf(text: string | undefined): bigint {
  const hex = Buffer.from(text ?? '', 'base64url').toString('hex');
  return hex === '' ? 0n : BigInt(`0x${hex}`);
}
