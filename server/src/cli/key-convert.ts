import { readKey, writePrivateKey, writePublicKey } from '../signing';
import { EXIT_OK, UsageError, parseCommandArgs, type Command } from './command';
import { describeFsError, readTextFile } from './inputs';
import { formatName, keyFormatOption, writeKeyFileForCli } from './keygen';
import { STANDARD_OUTPUT, checkOutputTarget } from './safe-output';

const USAGE = `Usage: amcard key convert <key file | -> --to pem|jwk|xml [options]

Converts an RSA key between formats. Reads PKCS#8 and PKCS#1 PEM, SPKI PEM, X.509 certificate PEM, JWK and
RSAKeyValue XML (as PowerShell's $rsa.ToXmlString($true) prints it); "-" reads standard input.
Writes pem (PKCS#8 for a private key, SPKI for a public key), jwk, or xml (RSAKeyValue; the public form is what
the Actionable Email Developer Dashboard asks for).

A public result goes to stdout unless --out is given. A private result is never printed by accident: it needs
--out <file> (written with mode 0600), or "--out -" to print it on stdout on purpose.

Options:
  --to <format>          pem, jwk or xml (required).
  --public               Write only the public key (of a private or a public input).
  --out <file | ->       Write the result to this file, or "-" for stdout.
  --force                Replace the --out file if it exists.
  -h, --help             Show this help.

Examples:
  amcard key convert signing-key.pem --to xml --public        # public key for the dashboard
  amcard key convert powershell-key.xml --to pem --out signing-key.pem

Exit status: 0 when the key is written, 2 when the command line or the key is wrong.
`;

const OPTIONS = {
  to: { type: 'string' },
  public: { type: 'boolean' },
  out: { type: 'string' },
  force: { type: 'boolean' },
} as const;

function readKeyText(input: string): string {
  try {
    return readTextFile(input);
  } catch (error) {
    throw new UsageError(`${input === '-' ? 'standard input' : input}: cannot read: ${describeFsError(error)}`);
  }
}

async function runKeyConvert(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('key convert', args, OPTIONS);
  if (positionals.length !== 1) {
    throw new UsageError(`amcard key convert: give exactly one key file (or - for standard input); got ${positionals.length}.\nRun "amcard key --help" for the options.`);
  }
  const input = positionals[0]!;
  const format = keyFormatOption('key convert', '--to', values.to);
  const source = input === '-' ? 'standard input' : input;
  const key = readKey(readKeyText(input), source);
  const isPrivate = key.type === 'private' && values.public !== true;
  const text = isPrivate ? writePrivateKey(key, format) : writePublicKey(key, format);
  const out = values.out;
  if (out === STANDARD_OUTPUT || (out === undefined && !isPrivate)) {
    process.stdout.write(text);
    return EXIT_OK;
  }
  if (out === undefined || out === '') {
    throw new UsageError('amcard key convert: the result is a private key, which is not printed unless you ask for it. Give --out <file> (written with mode 0600), "--out -" to print it on stdout, or --public for the public key only.');
  }
  checkOutputTarget({ file: out, force: values.force === true, inputs: [input] });
  writeKeyFileForCli(out, text, isPrivate, values.force === true);
  process.stderr.write(`Wrote the ${isPrivate ? 'private key' : 'public key'} (${formatName(format, isPrivate)}) to ${out}${isPrivate ? ' with mode 0600' : ''}.\n`);
  return EXIT_OK;
}

const KEY_USAGE = `Usage: amcard key <subcommand> ...

Subcommands:
  convert    Convert an RSA key between PEM, JWK and RSAKeyValue XML

${USAGE}`;

export const keyCommand: Command = {
  summary: 'Key tools: "amcard key convert" between PEM, JWK and RSAKeyValue XML',
  usage: KEY_USAGE,
  async run(args) {
    const [subcommand, ...rest] = args;
    if (subcommand === 'convert') return runKeyConvert(rest);
    throw new UsageError(`amcard key: ${subcommand === undefined ? 'a subcommand is required' : `unknown subcommand "${subcommand}"`}; the only one is "convert".\nRun "amcard key --help" for the options.`);
  },
};
