// RFC 7515 § 7.1 compact serialization: header.payload.signature, each segment base64url without padding.
// Syntax only: the signature is kept as text and never verified.
import { base64url } from 'jose';

export type JwsSegmentName = 'header' | 'payload' | 'signature';

/** Where a segment sits in the token, in UTF-16 code units. */
export interface JwsSegment {
  readonly name: JwsSegmentName;
  readonly text: string;
  readonly offset: number;
}

export interface CompactJws {
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>>;
  /** The payload's JSON text as signed (after base64url decoding), for tools that need its positions. */
  readonly payloadJson: string;
  readonly headerJson: string;
  /** The base64url signature segment; empty for an unsecured JWS. */
  readonly signature: string;
  readonly segments: readonly [JwsSegment, JwsSegment, JwsSegment];
}

/** Why a string is not a decodable compact JWS, with the part of the token at fault. */
export interface JwsProblem {
  readonly message: string;
  readonly offset: number;
  readonly length: number;
}

export type CompactJwsResult =
  | { readonly ok: true; readonly jws: CompactJws }
  | { readonly ok: false; readonly problem: JwsProblem };

const BASE64URL_ALPHABET = /[^A-Za-z0-9_-]/;

function failure(message: string, offset: number, length: number): CompactJwsResult {
  return { ok: false, problem: { message, offset, length } };
}

function describeCharacter(character: string): string {
  const code = character.codePointAt(0)!;
  return code < 0x21 || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${character}'`;
}

function badCharacterAdvice(character: string): string {
  if (character === '+' || character === '/') return ' It looks like standard base64: use base64url, which writes - for + and _ for /.';
  if (character === '=') return ' base64url in a JWS has no = padding: remove it.';
  if (/\s/.test(character)) return ' Remove the whitespace (line breaks too).';
  return '';
}

function segmentCountProblem(token: string, count: number): CompactJwsResult {
  const trimmed = token.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    return failure('This is JSON text, not a compact JWS: sign the payload (e.g. with jose CompactSign) and put the resulting header.payload.signature token here.', 0, token.length);
  }
  const jwe = count === 5 ? ' Five segments make a JWE (an encrypted token); a signed card is a JWS.' : '';
  return failure(`A compact JWS has three base64url segments separated by dots (header.payload.signature); this has ${count}.${jwe}`, 0, token.length);
}

type SegmentDecoding = { readonly ok: true; readonly json: string; readonly value: Record<string, unknown> } | { readonly ok: false; readonly result: CompactJwsResult };

function decodeJsonObjectSegment(segment: JwsSegment): SegmentDecoding {
  const fail = (message: string): SegmentDecoding =>
    ({ ok: false, result: failure(`The JWS ${segment.name} ${message}`, segment.offset, segment.text.length) });
  if (segment.text.length % 4 === 1) {
    return fail(`segment has ${segment.text.length} characters, a length no base64url text can have: it is truncated or has a stray character.`);
  }
  let bytes: Uint8Array;
  try {
    bytes = base64url.decode(segment.text);
  } catch {
    return fail('segment is not valid base64url.');
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('does not decode to UTF-8 text: it must be base64url-encoded JSON.');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return fail(`does not decode to JSON (${(error as Error).message}); the decoded text starts with ${JSON.stringify(json.slice(0, 40))}.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return fail(`decodes to ${kind}, but it must be a JSON object.`);
  }
  return { ok: true, json, value: value as Record<string, unknown> };
}

/**
 * Splits a compact JWS and decodes its header and payload to JSON objects. Fails with the first problem found,
 * located in the token: wrong number of segments, an empty header or payload, a character outside the base64url
 * alphabet, an impossible segment length, or a header/payload that is not UTF-8 JSON object text.
 */
export function decodeCompactJws(token: string): CompactJwsResult {
  const parts = token.split('.');
  if (parts.length !== 3) return segmentCountProblem(token, parts.length);
  const names: readonly JwsSegmentName[] = ['header', 'payload', 'signature'];
  let offset = 0;
  const segments = parts.map((text, index) => {
    const segment: JwsSegment = { name: names[index]!, text, offset };
    offset += text.length + 1;
    return segment;
  }) as [JwsSegment, JwsSegment, JwsSegment];

  for (const segment of segments) {
    const bad = BASE64URL_ALPHABET.exec(segment.text);
    if (bad) {
      const character = String.fromCodePoint(segment.text.codePointAt(bad.index)!);
      return failure(
        `${describeCharacter(character)} at position ${bad.index + 1} of the JWS ${segment.name} segment is not a base64url character (A–Z, a–z, 0–9, - and _).${badCharacterAdvice(character)}`,
        segment.offset + bad.index, character.length);
    }
  }
  const [headerSegment, payloadSegment, signatureSegment] = segments;
  for (const segment of [headerSegment, payloadSegment]) {
    if (segment.text === '') return failure(`The JWS ${segment.name} segment is empty: it must be a base64url-encoded JSON object.`, segment.offset, 0);
  }

  const header = decodeJsonObjectSegment(headerSegment);
  if (!header.ok) return header.result;
  const payload = decodeJsonObjectSegment(payloadSegment);
  if (!payload.ok) return payload.result;
  return {
    ok: true,
    jws: { header: header.value, payload: payload.value, headerJson: header.json, payloadJson: payload.json, signature: signatureSegment.text, segments },
  };
}
