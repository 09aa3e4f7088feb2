import type { KeyObject } from 'node:crypto';
import {
  type DecodeSubject, type IssuedAt, type ScriptEntry, type SignedEntry, decodeReport, readPublicKey, verifiedOf
} from '../signing';
import { asUsageErrors, outputTarget, readArgumentBytes, readArgumentFile, writeResult } from './card-email-options';
import { EXIT_FINDINGS, EXIT_OK, UsageError, parseCommandArgs, type Command } from './command';
import { utf16Text } from './read-file';
import { tokenArgument, tokenSourceName } from './token-argument';

const USAGE = `Usage: amcard decode <jws | file | -> [options]

Decodes a signed card (a compact JWS) and checks it: only RS256 is accepted, the signature is verified against
the public keys given with --key, and the payload goes through the signed-card rules (AM090-AM095) and the card's
own rules. The argument is the JWS itself, a file holding a JWS, an HTML email or a whole .eml message (every card
in it is decoded: card scripts and signed-card sections), or - to read any of these from standard input.

Options:
  --key <file>         Public key to verify with (repeatable): SPKI PEM, X.509 certificate PEM, JWK or
                       RSAKeyValue XML. Without a key the signature is "not checked".
  --sender <address>   The From address the mail is sent with; a different "sender" claim is AM094.
  --json               Print {header, payload, card, verified (true, false or null), problems}; an array when
                       an email holds several cards.
  --out <file | ->     Write the result to this file instead of standard output ("-": standard output).
                       An existing file is refused unless --force; a symbolic link or an input file is
                       never written, even with --force.
  --force              Replace an existing --out file.
  -h, --help           Show this help.

Examples:
  amcard decode eyJhbGciOiJSUzI1NiJ9.eyJzZW5kZXIiOi... --key public.pem
  amcard decode message.eml --key public.pem --sender noreply@contoso.example --json

Exit status: 0 when every signature is valid (or not checked, without --key) and there is no error finding,
1 when a signature does not verify, a token is refused or a finding is an error, 2 when the command line,
a key or the input cannot be read, or the input holds no JWS, envelope or email (nothing is checked then).
`;

const OPTIONS = {
  key: { type: 'string', multiple: true },
  sender: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  force: { type: 'boolean' },
} as const;

type Entry = SignedEntry | ScriptEntry;

/**
 * Where the input came from, and what to decode: the argument as the JWS, or a file's or standard input's bytes,
 * so that an .eml's charsets decide its text; text that starts with a UTF-16 byte order mark is decoded as the
 * other commands decode it.
 */
function readInput(argument: string): { name: string; subject: DecodeSubject } {
  const named = tokenArgument('decode', argument, 'JWS');
  const name = tokenSourceName(named);
  if ('token' in named) return { name, subject: { token: named.token } };
  const bytes = readArgumentBytes(named.file, 'input');
  const text = utf16Text(bytes);
  return { name, subject: text === undefined ? { bytes } : { text } };
}

/** The heading of each entry; none for the one JWS given. */
function headingsOf(kind: 'jws' | 'envelope' | 'email', entries: readonly Entry[], name: string): (string | undefined)[] {
  if (kind === 'jws') return [undefined];
  if (kind === 'envelope') return ['== JWS of the signed-card envelope =='];
  return entries.map((entry, index) => {
    const what = entry.kind === 'signed' ? 'signed card' : `<script type="${entry.mediaType}">, unsigned`;
    return `== card ${index + 1} of ${entries.length} in ${name}: ${what} ==`;
  });
}

function verdict(entry: Entry): string {
  if (entry.kind === 'script') return 'none (an unsigned card script: nothing to verify)';
  switch (entry.signature.status) {
    case 'valid':
      return 'valid';
    case 'invalid':
      return `invalid: ${entry.signature.reason}`;
    case 'not-checked':
      return 'not checked: no key (pass --key <public key file> to verify)';
  }
}

function claimLine(name: string, value: unknown, issuedAt: IssuedAt | undefined): string {
  if ((name === 'adaptiveCardSerialized' || name === 'messageCardSerialized') && typeof value === 'string') {
    return `  ${name}: (${value.length} characters; the card is shown below)`;
  }
  if (name === 'iat' && issuedAt?.date !== undefined) return `  iat: ${issuedAt.seconds} (${issuedAt.date})`;
  return `  ${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

const CARD_HEADINGS = { adaptiveCard: 'Card (AdaptiveCard)', messageCard: 'Card (MessageCard)', none: 'JSON (no Outlook card kind)' } as const;

function formatEntry(entry: Entry, heading: string | undefined): string {
  const lines: string[] = heading === undefined ? [] : [heading];
  if (entry.kind === 'signed') {
    lines.push('Header:', ...Object.entries(entry.header).map(([name, value]) => `  ${name}: ${JSON.stringify(value)}`));
    if (Object.keys(entry.header).length === 0) lines.push('  (not decoded)');
    lines.push('Claims:', ...Object.entries(entry.claims).map(([name, value]) => claimLine(name, value, entry.issuedAt)));
    if (Object.keys(entry.claims).length === 0) lines.push('  (not decoded)');
  }
  lines.push(`Signature: ${verdict(entry)}`);
  const { findings, card } = entry;
  lines.push('Problems:', ...(findings.length === 0 ? ['  none'] : findings.map((problem) => `  ${problem.severity} ${problem.code}: ${problem.message}`)));
  if (card !== undefined) lines.push(`${CARD_HEADINGS[card.kind ?? 'none']}:`, card.text);
  return `${lines.join('\n')}\n`;
}

/** null for a card script: there is no signature to check. */
function verifiedOfEntry(entry: Entry): boolean | null {
  return entry.kind === 'script' ? null : verifiedOf(entry.signature);
}

function jsonOf(entry: Entry): Record<string, unknown> {
  const signed = entry.kind === 'signed';
  return {
    kind: entry.kind,
    ...(signed || entry.mediaType === undefined ? {} : { mediaType: entry.mediaType }),
    header: signed ? entry.header : null,
    payload: signed ? entry.claims : null,
    card: entry.card === undefined ? null : JSON.parse(entry.card.text),
    verified: verifiedOfEntry(entry),
    problems: entry.problems,
  };
}

function failed(entry: Entry): boolean {
  return verifiedOfEntry(entry) === false || entry.problems.some((problem) => problem.severity === 'error');
}

async function readKeys(files: readonly string[]): Promise<KeyObject[]> {
  return asUsageErrors('decode', async () => files.map((file) => readPublicKey(readArgumentFile(file, 'public key'), file)));
}

async function runDecode(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('decode', args, OPTIONS);
  if (positionals.length !== 1) {
    throw new UsageError(`amcard decode: expected one JWS, file or - (standard input), got ${positionals.length}.\nRun "amcard decode --help" for the options.`);
  }
  const publicKeys = await readKeys(values.key ?? []);
  const input = readInput(positionals[0]!);
  const report = await decodeReport(input.subject, { publicKeys, settings: values.sender === undefined ? {} : { sender: values.sender } });
  if (report.kind === 'problem') throw new UsageError(`amcard decode: ${input.name} ${report.message}`);
  const { entries } = report;
  const headings = headingsOf(report.kind, entries, input.name);
  const output = values.json
    ? `${JSON.stringify(entries.length === 1 ? jsonOf(entries[0]!) : entries.map(jsonOf), null, 2)}\n`
    : entries.map((entry, index) => formatEntry(entry, headings[index])).join('\n');
  writeResult('decode', output, [], outputTarget(values, [positionals[0], ...(values.key ?? [])]));
  return entries.some(failed) ? EXIT_FINDINGS : EXIT_OK;
}

export const decodeCommand: Command = {
  summary: 'Decode and verify a signed card (JWS), or every card of an HTML email or .eml',
  usage: USAGE,
  run: runDecode,
};
