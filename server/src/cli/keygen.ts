import path from 'node:path';
import { generateKeyPair, type KeyFormat, PRIVATE_KEY_FILE_MODE, PUBLIC_KEY_FILE_MODE, writeKeyFile, writePrivateKey, writePublicKey } from '../signing';
import { EXIT_OK, UsageError, parseCommandArgs, type Command } from './command';
import { STANDARD_OUTPUT, checkCanWrite } from './safe-output';

const KEY_SIZES = ['2048', '3072', '4096'] as const;
const KEY_FORMATS: readonly KeyFormat[] = ['pem', 'jwk', 'xml'];

/** How a key written in `format` is called in messages. */
export function formatName(format: KeyFormat, isPrivate: boolean): string {
  if (format === 'pem') return isPrivate ? 'PKCS#8 PEM' : 'SPKI PEM';
  return format === 'jwk' ? 'JWK' : 'RSAKeyValue XML';
}

const USAGE = `Usage: amcard keygen --out <private key file> [options]

Generates an RSA key pair for signing actionable messages (RS256). The private key is written only to the
--out file, with mode 0600; it is never printed. The public key is printed on stdout twice: as the
RSAKeyValue XML the Actionable Email Developer Dashboard asks for, and as SPKI PEM.

Options:
  --out <file>           Where to write the private key (required).
  --public-out <file>    Also write the public key to this file.
  --bits <n>             Modulus size: ${KEY_SIZES.join(', ')} (default 2048).
  --format <format>      Format of the files: pem (default; PKCS#8 / SPKI), jwk or xml (RSAKeyValue).
  --force                Replace files that exist (default: refuse and write nothing).
  -h, --help             Show this help.

Example:
  amcard keygen --out signing-key.pem --public-out signing-key.pub.pem

Exit status: 0 when the keys are written, 2 when the command line is wrong or a file cannot be written.
`;

const OPTIONS = {
  out: { type: 'string' },
  'public-out': { type: 'string' },
  bits: { type: 'string' },
  format: { type: 'string' },
  force: { type: 'boolean' },
} as const;

/** The value of a --format or --to flag, checked. */
export function keyFormatOption(command: string, flag: string, value: string | undefined, fallback?: KeyFormat): KeyFormat {
  if (value === undefined && fallback !== undefined) return fallback;
  if (value === undefined) throw new UsageError(`amcard ${command}: ${flag} is required: one of ${KEY_FORMATS.join(', ')}.`);
  const format = KEY_FORMATS.find((candidate) => candidate === value.toLowerCase());
  if (format === undefined) throw new UsageError(`amcard ${command}: ${flag} must be one of ${KEY_FORMATS.join(', ')}; got "${value}".`);
  return format;
}

/** writeKeyFile with the mode of a private or a public key; its KeyFileErrors reach main.ts, which prints them (exit 2). */
export function writeKeyFileForCli(file: string, text: string, secret: boolean, replace: boolean): void {
  writeKeyFile(file, text, { mode: secret ? PRIVATE_KEY_FILE_MODE : PUBLIC_KEY_FILE_MODE, replace });
}

async function runKeygen(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('keygen', args, OPTIONS);
  if (positionals.length > 0) throw new UsageError(`amcard keygen: unexpected argument "${positionals[0]}"; the private key file is given with --out <file>.`);
  const bits = values.bits ?? '2048';
  if (!(KEY_SIZES as readonly string[]).includes(bits)) throw new UsageError(`amcard keygen: --bits must be ${KEY_SIZES.join(', ')}; got "${bits}".`);
  const format = keyFormatOption('keygen', '--format', values.format, 'pem');
  const privateFile = values.out;
  if (privateFile === undefined || privateFile === STANDARD_OUTPUT || privateFile === '') {
    throw new UsageError('amcard keygen: --out <file> is required. The private key is written only to a file (mode 0600) and never printed, so it cannot end up in a terminal scrollback, a log or a CI transcript.\nRun "amcard keygen --help" for the options.');
  }
  const publicFile = values['public-out'];
  if (publicFile !== undefined && path.resolve(publicFile) === path.resolve(privateFile)) {
    throw new UsageError('amcard keygen: --out and --public-out name the same file.');
  }
  const replace = values.force === true;
  // Both checked before anything is written, so a refusal leaves no half-written pair behind; and the public key is
  // written first, so a failure that slips past the checks never leaves a private key without its public half.
  for (const file of [privateFile, publicFile]) {
    if (file !== undefined) checkCanWrite({ file, force: replace, inputs: [] });
  }

  const { privateKey, publicKey } = await generateKeyPair(Number(bits));
  if (publicFile !== undefined) writeKeyFileForCli(publicFile, writePublicKey(publicKey, format), false, replace);
  writeKeyFileForCli(privateFile, writePrivateKey(privateKey, format), true, replace);

  process.stderr.write(`Wrote the private key (${bits}-bit RSA, ${formatName(format, true)}) to ${privateFile} with mode 0600. Keep it secret: whoever has it can sign cards as you.\n`);
  if (publicFile !== undefined) process.stderr.write(`Wrote the public key to ${publicFile}.\n`);
  process.stdout.write([
    'Public key for the Actionable Email Developer Dashboard (RSAKeyValue XML):',
    writePublicKey(publicKey, 'xml'),
    'Public key (SPKI PEM):',
    writePublicKey(publicKey, 'pem'),
  ].join('\n'));
  return EXIT_OK;
}

export const keygenCommand: Command = {
  summary: 'Generate an RSA key pair for signing cards (private key to a file only)',
  usage: USAGE,
  run: runKeygen,
};
