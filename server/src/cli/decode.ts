import { existsSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { readDecodeInput } from '../email';
import { type DecodedSignedCard, type DecodeProblem, decodeSignedCard, readPublicKey } from '../signing';
import { validateText } from '../rules';
import { asUsageErrors, readArgumentFile, writeResult } from './card-email-options';
import { EXIT_FINDINGS, EXIT_OK, UsageError, parseCommandArgs, type Command } from './command';

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
  --out <file>         Write the result to this file instead of standard output.
  -h, --help           Show this help.

Examples:
  amcard decode eyJhbGciOiJSUzI1NiJ9.eyJzZW5kZXIiOi... --key public.pem
  amcard decode message.eml --key public.pem --sender noreply@contoso.example --json

Exit status: 0 when every signature is valid (or not checked, without --key) and there is no error finding,
1 when a signature does not verify, a token is refused or a finding is an error, 2 when the command line,
a key or the input cannot be read (nothing is checked then).
`;

const OPTIONS = {
  key: { type: 'string', multiple: true },
  sender: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
} as const;

/** Names that are files even when missing, so that a typo says "no such file" instead of "not a JWS". */
const FILE_EXTENSIONS = /\.(?:jws|jwt|txt|html?|eml|json)$/i;

interface Source {
  /** Where the token or card came from, shown as a heading unless it is the one JWS given. */
  readonly label: string;
  readonly kind: 'signed' | 'script';
  readonly text: string;
  readonly mediaType?: string;
}

interface Report {
  readonly source: Source;
  readonly decoded: DecodedSignedCard;
}

function readInput(argument: string): { name: string; text: string; isFile: boolean } {
  if (argument === '-') return { name: 'standard input', text: readArgumentFile('-', 'input'), isFile: true };
  if (existsSync(argument)) return { name: argument, text: readArgumentFile(argument, 'input'), isFile: true };
  if (FILE_EXTENSIONS.test(argument) || !argument.includes('.')) {
    throw new UsageError(`amcard decode: cannot read ${argument}: no such file, and it is not a JWS (header.payload.signature).`);
  }
  return { name: 'the argument', text: argument, isFile: false };
}

/** The tokens and card scripts in the input: one JWS, a JSON-LD signed envelope, or every card of an email. */
function sourcesOf(input: { name: string; text: string; isFile: boolean }): Source[] {
  if (!input.isFile) return [{ label: 'JWS', kind: 'signed', text: input.text.trim() }];
  const read = readDecodeInput(input.text);
  switch (read.kind) {
    case 'problem':
      throw new UsageError(`amcard decode: ${input.name} ${read.message}`);
    case 'jws':
      return [{ label: 'JWS', kind: 'signed', text: read.token }];
    case 'envelope':
      return [{ label: 'JWS of the signed-card envelope', kind: 'signed', text: read.token }];
    case 'email':
      return read.cards.map((card, index) => ({
        label: `card ${index + 1} of ${read.cards.length} in ${input.name}: ${card.kind === 'signed' ? 'signed card' : `<script type="${card.mediaType}">, unsigned`}`,
        kind: card.kind,
        text: card.text,
        mediaType: card.mediaType,
      }));
  }
}

/** An unsigned card script: its rules run on the card, and there is no signature to check. */
function scriptCard(source: Source, sender: string | undefined): DecodedSignedCard {
  const problems: DecodeProblem[] = validateText(source.text, sender === undefined ? {} : { sender }).findings
    .map((finding) => ({ code: finding.rule, severity: finding.severity, message: finding.message }));
  let card: unknown;
  try {
    card = JSON.parse(source.text);
  } catch {
    card = undefined;
  }
  const cardObject = typeof card === 'object' && card !== null && !Array.isArray(card) ? (card as Record<string, unknown>) : undefined;
  return {
    header: {},
    payload: {},
    cardText: cardObject === undefined ? undefined : JSON.stringify(cardObject, null, 2),
    cardKind: cardObject?.['@type'] === 'MessageCard' ? 'messageCard' : cardObject === undefined ? undefined : 'adaptiveCard',
    verified: null,
    problems,
  };
}

function isTokenProblem(problem: DecodeProblem): boolean {
  return problem.code.startsWith('jws-');
}

function verdict(report: Report): string {
  if (report.source.kind === 'script') return 'none (an unsigned card script: nothing to verify)';
  const { verified, problems } = report.decoded;
  if (verified === true) return 'valid';
  if (verified === false) return `invalid: ${problems.filter(isTokenProblem).map((problem) => problem.message).join(' ') || 'the signature does not verify.'}`;
  return 'not checked: no key (pass --key <public key file> to verify)';
}

function claimLine(name: string, value: unknown): string {
  if ((name === 'adaptiveCardSerialized' || name === 'messageCardSerialized') && typeof value === 'string') {
    return `  ${name}: (${value.length} characters; the card is shown below)`;
  }
  if (name === 'iat' && typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 8.64e12) {
    return `  iat: ${value} (${new Date(value * 1000).toISOString()})`;
  }
  return `  ${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

function formatReport(report: Report, heading: string | undefined): string {
  const { decoded } = report;
  const lines: string[] = heading === undefined ? [] : [heading];
  if (report.source.kind === 'signed') {
    lines.push('Header:', ...Object.entries(decoded.header).map(([name, value]) => `  ${name}: ${JSON.stringify(value)}`));
    if (Object.keys(decoded.header).length === 0) lines.push('  (not decoded)');
    lines.push('Claims:', ...Object.entries(decoded.payload).map(([name, value]) => claimLine(name, value)));
    if (Object.keys(decoded.payload).length === 0) lines.push('  (not decoded)');
  }
  lines.push(`Signature: ${verdict(report)}`);
  const findings = decoded.problems.filter((problem) => !isTokenProblem(problem));
  lines.push('Problems:', ...(findings.length === 0 ? ['  none'] : findings.map((problem) => `  ${problem.severity} ${problem.code}: ${problem.message}`)));
  if (decoded.cardText !== undefined) lines.push(`Card (${decoded.cardKind === 'messageCard' ? 'MessageCard' : 'AdaptiveCard'}):`, decoded.cardText);
  return `${lines.join('\n')}\n`;
}

function jsonOf(report: Report): Record<string, unknown> {
  const { decoded, source } = report;
  const signed = source.kind === 'signed';
  return {
    kind: source.kind,
    ...(source.mediaType === undefined ? {} : { mediaType: source.mediaType }),
    header: signed ? decoded.header : null,
    payload: signed ? decoded.payload : null,
    card: decoded.cardText === undefined ? null : JSON.parse(decoded.cardText),
    verified: decoded.verified,
    problems: decoded.problems,
  };
}

function failed(report: Report): boolean {
  return report.decoded.verified === false || report.decoded.problems.some((problem) => problem.severity === 'error');
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
  const sources = sourcesOf(readInput(positionals[0]!));
  const reports: Report[] = [];
  for (const source of sources) {
    const decoded = source.kind === 'signed'
      ? await decodeSignedCard(source.text, values.sender === undefined ? { publicKeys } : { publicKeys, sender: values.sender })
      : scriptCard(source, values.sender);
    reports.push({ source, decoded });
  }
  const output = values.json
    ? `${JSON.stringify(reports.length === 1 ? jsonOf(reports[0]!) : reports.map(jsonOf), null, 2)}\n`
    : reports.map((report) => formatReport(report, report.source.label === 'JWS' ? undefined : `== ${report.source.label} ==`)).join('\n');
  writeResult('decode', output, [], values.out);
  return reports.some(failed) ? EXIT_FINDINGS : EXIT_OK;
}

export const decodeCommand: Command = {
  summary: 'Decode and verify a signed card (JWS), or every card of an HTML email or .eml',
  usage: USAGE,
  run: runDecode,
};
