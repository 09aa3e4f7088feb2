// A well-formed signed-card payload (spec § 5.10) and a signer for it, shared by the decode tests.
import type { KeyObject } from 'node:crypto';
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
