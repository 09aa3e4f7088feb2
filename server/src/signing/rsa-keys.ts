// RSA signing keys in the formats people bring to actionable messages: PEM (PKCS#8, PKCS#1, SPKI, X.509), JWK and
// the RSAKeyValue XML of .NET / PowerShell and the Actionable Email Developer Dashboard. node:crypto does the ASN.1;
// XML is mapped onto a JWK. No message ever quotes key material: only names of parts, formats and sizes.
import { createPrivateKey, createPublicKey, generateKeyPair as generateKeyPairCallback, KeyObject, X509Certificate, type JsonWebKey } from 'node:crypto';
import { promisify } from 'node:util';
import { InputError } from '../card';
import { bigIntOf, degenerateRsaKeyReason } from './degenerate-rsa-key';
import { parseRsaKeyValueXml, RSA_KEY_VALUE_PARTS, XmlKeyError, type RsaKeyValuePart } from './rsa-key-value-xml';

/** A key that cannot be read or used; the message names the problem and, when given, the source (a file name). */
export class KeyFormatError extends InputError {
  static override readonly code = 'ERR_KEY_FORMAT';
}

export type KeyFormat = 'pem' | 'jwk' | 'xml';

export const MIN_MODULUS_BITS = 2048;
export const MAX_MODULUS_BITS = 16384;
/** Far above a 16384-bit private key in any of the formats, or a certificate chain. */
const MAX_KEY_TEXT_LENGTH = 256 * 1024;

const PRIVATE_PART_NAMES: readonly RsaKeyValuePart[] = ['P', 'Q', 'DP', 'DQ', 'InverseQ', 'D'];
const JWK_NAME_OF_XML_PART: Readonly<Record<RsaKeyValuePart, keyof JsonWebKey>> = {
  Modulus: 'n', Exponent: 'e', P: 'p', Q: 'q', DP: 'dp', DQ: 'dq', InverseQ: 'qi', D: 'd',
};
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

type Fail = (message: string) => never;

function failerFor(source: string | undefined): Fail {
  return (message) => {
    throw new KeyFormatError(source === undefined ? message : `${source}: ${message}`);
  };
}

/**
 * Reads a private or a public RSA key from text in any supported format; `key.type` says which it is.
 * Private: PKCS#8 PEM, PKCS#1 PEM, JWK, RSAKeyValue XML with P, Q, DP, DQ, InverseQ and D.
 * Public: SPKI PEM, PKCS#1 public PEM, X.509 certificate PEM, JWK, RSAKeyValue XML with Modulus and Exponent.
 */
export function readKey(text: string, source?: string): KeyObject {
  const fail: Fail = failerFor(source);
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') fail('the key text is empty.');
  if (trimmed.length > MAX_KEY_TEXT_LENGTH) fail(`the text is ${trimmed.length} characters long, too long to be a key (at most ${MAX_KEY_TEXT_LENGTH}).`);
  let key: KeyObject;
  if (trimmed.includes('-----BEGIN ')) key = readPem(trimmed, fail);
  else if (trimmed.startsWith('{')) key = readJwkText(trimmed, fail);
  else if (trimmed.startsWith('<')) key = readXml(trimmed, fail);
  else fail('not a key in a known format: expected PEM (-----BEGIN ...-----), JWK (a JSON object) or RSAKeyValue XML.');
  checkUsableRsaKey(key, fail);
  if (key.type === 'private') checkPrivatePartsAgree(key, fail);
  return key;
}

/** A private key from PKCS#8 PEM, PKCS#1 PEM, JWK or RSAKeyValue XML with private parts. */
export function readPrivateKey(text: string, source?: string): KeyObject {
  const key = readKey(text, source);
  if (key.type !== 'private') {
    failerFor(source)('this is a public key; signing needs the private key (PKCS#8 or PKCS#1 PEM, a JWK with "d", or RSAKeyValue XML with P, Q, DP, DQ, InverseQ and D).');
  }
  return key;
}

/** A public key from SPKI PEM, an X.509 certificate, JWK or RSAKeyValue XML; for a private key, its public half. */
export function readPublicKey(text: string, source?: string): KeyObject {
  const key = readKey(text, source);
  return key.type === 'private' ? createPublicKey(key) : key;
}

/** pem = PKCS#8; jwk = JSON with kty, n, e, d, p, q, dp, dq, qi; xml = RSAKeyValue as .NET's ToXmlString(true) writes it. */
export function writePrivateKey(key: KeyObject, format: KeyFormat): string {
  const fail: Fail = failerFor(undefined);
  if (key.type !== 'private') fail('writing a private key needs a private key; this is a public key.');
  checkUsableRsaKey(key, fail);
  if (format === 'pem') return key.export({ type: 'pkcs8', format: 'pem' }) as string;
  const jwk = key.export({ format: 'jwk' });
  if (format === 'jwk') return `${JSON.stringify(jwk, null, 2)}\n`;
  return rsaKeyValueXml(jwk, RSA_KEY_VALUE_PARTS);
}

/** pem = SPKI; jwk = JSON with kty, n, e; xml = <RSAKeyValue><Modulus>..</Modulus><Exponent>..</Exponent></RSAKeyValue>. */
export function writePublicKey(key: KeyObject, format: KeyFormat): string {
  const fail: Fail = failerFor(undefined);
  if (key.type === 'secret') fail('a secret (symmetric) key has no public key.');
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  checkUsableRsaKey(publicKey, fail);
  if (format === 'pem') return publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const jwk = publicKey.export({ format: 'jwk' });
  if (format === 'jwk') return `${JSON.stringify(jwk, null, 2)}\n`;
  return rsaKeyValueXml(jwk, ['Modulus', 'Exponent']);
}

/** A new RSA key pair with public exponent 65537. */
const generateRsaKeyPair = promisify(generateKeyPairCallback);

/**
 * A new RSA key pair. Asynchronous on purpose: with generateKeyPairSync, Node 20 can deadlock its main thread when the
 * garbage collector destroys an earlier key-generation job (~KeyGenJob waits on a mutex; seen in a CI run, gdb stack
 * in the closing note of issues 11 and 12), which would freeze the extension host on a second Generate Signing Key Pair.
 */
export async function generateKeyPair(modulusLength = MIN_MODULUS_BITS): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  if (!Number.isInteger(modulusLength) || modulusLength < MIN_MODULUS_BITS || modulusLength > MAX_MODULUS_BITS) {
    throw new KeyFormatError(`an RSA key must have ${MIN_MODULUS_BITS} to ${MAX_MODULUS_BITS} bits; ${modulusLength} was asked for.`);
  }
  return generateRsaKeyPair('rsa', { modulusLength, publicExponent: 0x10001 });
}

/** The size of an RSA key's modulus in bits. */
export function modulusBits(key: KeyObject): number {
  return key.asymmetricKeyDetails?.modulusLength ?? 0;
}

function checkUsableRsaKey(key: KeyObject, fail: Fail): void {
  const type = key.asymmetricKeyType;
  if (type !== 'rsa') {
    const what = type === undefined ? 'a secret (symmetric) key' : type === 'rsa-pss' ? 'an RSA-PSS key' : `an ${type === 'ec' ? 'EC' : type} key`;
    fail(`this is ${what}; actionable messages are signed with RS256, which needs an RSA key (PKCS#1 v1.5 padding, not RSA-PSS).`);
  }
  const bits = modulusBits(key);
  if (bits < MIN_MODULUS_BITS) fail(`this RSA key has ${bits} bits; Outlook needs at least ${MIN_MODULUS_BITS}. Generate a new key (amcard keygen).`);
  if (bits > MAX_MODULUS_BITS) fail(`this RSA key has ${bits} bits, more than the ${MAX_MODULUS_BITS} this tool accepts.`);
  const degenerate = degenerateRsaKeyReason(key);
  if (degenerate !== undefined) fail(`this RSA key is refused: ${degenerate}`);
}

// ---------------------------------------------------------------------------------------------------------- PEM

interface PemBlock {
  readonly label: string;
  readonly text: string;
}

const PRIVATE_LABELS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY']);
const PUBLIC_LABELS = new Set(['PUBLIC KEY', 'RSA PUBLIC KEY']);
const CERTIFICATE_LABEL = 'CERTIFICATE';
const FOREIGN_KEY_LABELS: Readonly<Record<string, string>> = {
  'EC PRIVATE KEY': 'an EC private key',
  'DSA PRIVATE KEY': 'a DSA private key',
  'OPENSSH PRIVATE KEY': 'an OpenSSH private key (convert it with: ssh-keygen -p -m PKCS8 -f <file>)',
  'ENCRYPTED PRIVATE KEY': 'an encrypted private key (decrypt it first: openssl pkey -in <file> -out <new file>)',
  'CERTIFICATE REQUEST': 'a certificate signing request, not a key',
  'NEW CERTIFICATE REQUEST': 'a certificate signing request, not a key',
};

function pemBlocks(text: string, fail: Fail): PemBlock[] {
  const blocks: PemBlock[] = [];
  const lines = text.split(/\r?\n/);
  let open: { label: string; start: number } | undefined;
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.trim();
    const begin = /^-----BEGIN ([A-Z0-9 ]+)-----$/.exec(line);
    const end = /^-----END ([A-Z0-9 ]+)-----$/.exec(line);
    if (begin) {
      if (open) fail(`PEM line ${index + 1}: "BEGIN ${begin[1]}" before the END of the "${open.label}" block that starts on line ${open.start + 1}; the file looks truncated or pasted twice.`);
      open = { label: begin[1]!, start: index };
    } else if (end) {
      if (!open) fail(`PEM line ${index + 1}: "END ${end[1]}" without a BEGIN line.`);
      if (end[1] !== open.label) fail(`PEM line ${index + 1}: "END ${end[1]}" closes a block that began as "BEGIN ${open.label}".`);
      blocks.push({ label: open.label, text: lines.slice(open.start, index + 1).map((l) => l.trim()).join('\n') + '\n' });
      open = undefined;
    }
  }
  if (open) fail(`the PEM block "BEGIN ${open.label}" on line ${open.start + 1} has no END line; the key is truncated.`);
  if (blocks.length === 0) fail('a "-----BEGIN" appears but no complete PEM block (-----BEGIN <label>----- ... -----END <label>-----).');
  return blocks;
}

function readPem(text: string, fail: Fail): KeyObject {
  const blocks = pemBlocks(text, fail);
  const keyBlocks = blocks.filter((block) => PRIVATE_LABELS.has(block.label) || PUBLIC_LABELS.has(block.label));
  if (keyBlocks.length > 1) fail(`found ${keyBlocks.length} PEM key blocks; give one key per file.`);
  const block = keyBlocks[0] ?? blocks.find((candidate) => candidate.label === CERTIFICATE_LABEL);
  if (block === undefined) {
    const foreign = blocks.find((candidate) => FOREIGN_KEY_LABELS[candidate.label] !== undefined);
    if (foreign) fail(`this is ${FOREIGN_KEY_LABELS[foreign.label]}; an RSA key is needed as PKCS#8 ("PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY"), SPKI ("PUBLIC KEY") or an X.509 "CERTIFICATE".`);
    fail(`no key in the PEM text: its block${blocks.length > 1 ? 's are' : ' is'} ${blocks.map((b) => `"${b.label}"`).join(', ')}; expected "PRIVATE KEY", "RSA PRIVATE KEY", "PUBLIC KEY" or "CERTIFICATE".`);
  }
  const body = block.text.split('\n').slice(1, -2).join('');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0) {
    fail(`the "${block.label}" PEM block is not valid base64 (stray characters, or lines missing); the key is damaged or truncated.`);
  }
  if (block.label === CERTIFICATE_LABEL) {
    try {
      return new X509Certificate(block.text).publicKey;
    } catch {
      fail('the "CERTIFICATE" PEM block is not a readable X.509 certificate; it is damaged or truncated.');
    }
  }
  try {
    return PRIVATE_LABELS.has(block.label) ? createPrivateKey({ key: block.text, format: 'pem' }) : createPublicKey({ key: block.text, format: 'pem' });
  } catch {
    return fail(`the "${block.label}" PEM block does not decode to a key; it is damaged or truncated.`);
  }
}

// ---------------------------------------------------------------------------------------------------------- JWK

function readJwkText(text: string, fail: Fail): KeyObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail('the text starts with "{" but is not valid JSON, so it is not a JWK.');
  }
  if (isObject(value) && Array.isArray(value.keys)) {
    if (value.keys.length !== 1) fail(`this JWK set holds ${value.keys.length} keys; give a set with one key, or the key itself.`);
    value = value.keys[0];
  }
  if (!isObject(value)) fail('a JWK must be a JSON object.');
  return readJwk(value, fail);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readJwk(jwk: Record<string, unknown>, fail: Fail): KeyObject {
  if (jwk.kty === undefined) fail('the JWK has no "kty"; an RSA key has "kty": "RSA".');
  if (jwk.kty !== 'RSA') fail(`the JWK has "kty": ${JSON.stringify(jwk.kty)}; actionable messages are signed with RS256, which needs an RSA key ("kty": "RSA").`);
  for (const member of ['n', 'e'] as const) {
    if (typeof jwk[member] !== 'string') fail(`the RSA JWK has no "${member}" string.`);
  }
  const present = PRIVATE_JWK_MEMBERS.filter((member) => jwk[member] !== undefined);
  if (present.length > 0 && present.length < PRIVATE_JWK_MEMBERS.length) {
    const missing = PRIVATE_JWK_MEMBERS.filter((member) => jwk[member] === undefined);
    fail(`the RSA JWK has private member${present.length > 1 ? 's' : ''} ${present.map((m) => `"${m}"`).join(', ')} but lacks ${missing.map((m) => `"${m}"`).join(', ')}; a private key needs d, p, q, dp, dq and qi.`);
  }
  for (const member of ['n', 'e', ...present] as const) {
    const value = jwk[member];
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]+$/.test(value)) fail(`the JWK member "${member}" is not a base64url string.`);
  }
  const rsaJwk: JsonWebKey = { kty: 'RSA' };
  for (const member of ['n', 'e', ...present] as const) rsaJwk[member] = jwk[member] as string;
  try {
    return present.length > 0 ? createPrivateKey({ key: rsaJwk, format: 'jwk' }) : createPublicKey({ key: rsaJwk, format: 'jwk' });
  } catch {
    return fail('the RSA JWK does not make a valid key.');
  }
}

// ---------------------------------------------------------------------------------------------------------- XML

function readXml(text: string, fail: Fail): KeyObject {
  let parts: Partial<Record<RsaKeyValuePart, Buffer>>;
  try {
    parts = parseRsaKeyValueXml(text);
  } catch (error) {
    if (error instanceof XmlKeyError) fail(error.message);
    throw error;
  }
  for (const required of ['Modulus', 'Exponent'] as const) {
    if (parts[required] === undefined) fail(`the RSAKeyValue has no <${required}>; every RSA key needs Modulus and Exponent.`);
  }
  const present = PRIVATE_PART_NAMES.filter((name) => parts[name] !== undefined);
  if (present.length > 0 && present.length < PRIVATE_PART_NAMES.length) {
    const missing = PRIVATE_PART_NAMES.filter((name) => parts[name] === undefined);
    fail(`the RSAKeyValue has private part${present.length > 1 ? 's' : ''} ${present.map((n) => `<${n}>`).join(', ')} but lacks ${missing.map((n) => `<${n}>`).join(', ')}; a private key needs P, Q, DP, DQ, InverseQ and D (PowerShell: $rsa.ToXmlString($true)).`);
  }
  const jwk: JsonWebKey = { kty: 'RSA' };
  for (const [name, bytes] of Object.entries(parts) as [RsaKeyValuePart, Buffer][]) {
    jwk[JWK_NAME_OF_XML_PART[name]] = withoutLeadingZeros(bytes).toString('base64url');
  }
  try {
    return present.length > 0 ? createPrivateKey({ key: jwk, format: 'jwk' }) : createPublicKey({ key: jwk, format: 'jwk' });
  } catch {
    return fail('the RSAKeyValue parts do not make a valid RSA key.');
  }
}

function withoutLeadingZeros(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return bytes.subarray(start);
}

/**
 * .NET's RSA.FromXmlString wants fixed-size parts: D as long as the Modulus, the CRT parts half of it.
 * JWK strips leading zero bytes, so they are put back here.
 */
function rsaKeyValueXml(jwk: JsonWebKey, parts: readonly RsaKeyValuePart[]): string {
  const modulusBytes = Buffer.from(jwk.n!, 'base64url').length;
  const halfBytes = Math.ceil(modulusBytes / 2);
  const width: Partial<Record<RsaKeyValuePart, number>> = { D: modulusBytes, P: halfBytes, Q: halfBytes, DP: halfBytes, DQ: halfBytes, InverseQ: halfBytes };
  const elements = parts.map((name) => {
    const bytes = Buffer.from(jwk[JWK_NAME_OF_XML_PART[name]] as string, 'base64url');
    const size = Math.max(width[name] ?? 0, bytes.length);
    return `<${name}>${Buffer.concat([Buffer.alloc(size - bytes.length), bytes]).toString('base64')}</${name}>`;
  });
  return `<RSAKeyValue>${elements.join('')}</RSAKeyValue>\n`;
}

// -------------------------------------------------------------------------------------------- private consistency

/**
 * OpenSSL signs with the CRT parts and never checks them against the modulus, so a key pasted together from
 * mismatched parts would sign without error and every signature would fail at Outlook. Checked here instead.
 */
function checkPrivatePartsAgree(key: KeyObject, fail: Fail): void {
  const jwk = key.export({ format: 'jwk' });
  const [n, e, d, p, q, dp, dq, qi] = [jwk.n, jwk.e, jwk.d, jwk.p, jwk.q, jwk.dp, jwk.dq, jwk.qi].map(bigIntOf) as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
  const problem =
    p < 2n || q < 2n || p * q !== n ? 'P times Q is not the Modulus (n)'
    : (d * e) % (p - 1n) !== 1n || (d * e) % (q - 1n) !== 1n ? 'D (d) is not the private exponent that belongs to Exponent (e)'
    : d % (p - 1n) !== dp ? 'DP (dp) is not D mod (P - 1)'
    : d % (q - 1n) !== dq ? 'DQ (dq) is not D mod (Q - 1)'
    : (qi * q) % p !== 1n ? 'InverseQ (qi) is not the inverse of Q mod P'
    : undefined;
  if (problem !== undefined) fail(`the private key's parts do not belong together: ${problem}. The key is damaged or was assembled from different keys.`);
}
