// `amcard token inspect`: what a bearer token from a service's logs says, claim by claim, offline
// (docs/action-tokens.md). A URL the token names (jku, x5u, iss) is never fetched.
import { formatInspection, inspectionFails, inspectToken, parseJwks, readPublicKey, type VerificationKeys } from '../signing';
import { readArgumentFile } from './card-email-options';
import { EXIT_FINDINGS, EXIT_OK, UsageError, parseCommandArgs, type Command } from './command';
import { type TokenArgument, tokenArgument, tokenSourceName } from './token-argument';

const USAGE = `Usage: amcard token inspect <token | file | -> [options]

Decodes an action token (the bearer token Outlook sends to your service, or a development token), says whether it
has the legacy or the Microsoft Entra ID shape, gives a verdict on each claim your service must check, and shows
how to validate it in Node with jose. The argument is the token itself, a file holding it, or - for standard
input; "Authorization: Bearer " before it is ignored. A name that exists is read as a file, which must be a
regular file that is not empty. Nothing is fetched: the signature is checked only against the --key or --jwks
file you give, never against a URL named in the token.

Options:
  --key <file>          A public key (PEM, JWK or RSAKeyValue XML) to verify the signature with.
  --jwks <file>         A JWKS file to verify the signature with (e.g. the development JWKS of amcard invoke).
  --target <url>        The card's registered host: a legacy token's aud must be its base URL.
  --audience <value>    Your app id or App ID URI: an Entra ID token's aud.
  --tenant <guid>       The tenant an Entra ID token must come from.
  --sender <email>      The expected sender claim.
  --user <email>        The expected acting user.
  --json                Print the inspection as JSON.
  -h, --help            Show this help.

Exit status: 0 when every claim passes and the signature, if checked, is valid; 1 when a claim fails or the
signature is not valid; 2 when the command line or the input is wrong (not a JWT, a missing, empty or unreadable
file, a key or JWKS that cannot be read).
`;

const OPTIONS = {
  key: { type: 'string' },
  jwks: { type: 'string' },
  target: { type: 'string' },
  audience: { type: 'string' },
  tenant: { type: 'string' },
  sender: { type: 'string' },
  user: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** The text of the token argument: read from the file or standard input it names, which must not be empty. */
function tokenText(named: TokenArgument): string {
  if ('token' in named) return named.token;
  const text = readArgumentFile(named.file, 'token');
  if (text.trim() === '') throw new UsageError(`amcard token inspect: ${tokenSourceName(named)} is empty: expected a JWT (header.payload.signature).`);
  return text;
}

function verificationKeys(keyFile: string | undefined, jwksFile: string | undefined): VerificationKeys | undefined {
  if (keyFile !== undefined && jwksFile !== undefined) throw new UsageError('amcard token inspect: give --key or --jwks, not both.');
  if (keyFile !== undefined) return { kind: 'keys', keys: [readPublicKey(readArgumentFile(keyFile, 'public key'), keyFile)], source: keyFile };
  if (jwksFile === undefined) return undefined;
  const jwks = parseJwks(readArgumentFile(jwksFile, 'JWKS'));
  if (jwks === undefined) throw new UsageError(`amcard token inspect: ${jwksFile} is not a JWKS (a JSON object with a "keys" array).`);
  return { kind: 'jwks', jwks, source: jwksFile };
}

async function runToken(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('token', args, OPTIONS);
  const [subcommand, argument, ...extra] = positionals;
  if (subcommand !== 'inspect') throw new UsageError(`amcard token: the subcommand is "inspect"${subcommand === undefined ? '' : `, not "${subcommand}"`}.\nRun "amcard token --help" for the options.`);
  if (argument === undefined || extra.length > 0) throw new UsageError('amcard token inspect: give exactly one token, file or -.');
  const named = tokenArgument('token inspect', argument, 'JWT');
  const text = tokenText(named);
  const keys = verificationKeys(values.key, values.jwks);
  const reading = await inspectToken(text, {
    ...(values.target === undefined ? {} : { targetUrl: values.target }),
    ...(values.audience === undefined ? {} : { audience: values.audience }),
    ...(values.tenant === undefined ? {} : { tenant: values.tenant }),
    ...(values.sender === undefined ? {} : { sender: values.sender }),
    ...(values.user === undefined ? {} : { actingUser: values.user }),
  }, keys);
  if (!reading.ok) throw new UsageError(`amcard token inspect: ${tokenSourceName(named)} is not a JWT: ${reading.message}`);
  process.stdout.write(values.json === true ? `${JSON.stringify(reading.inspection, null, 2)}\n` : formatInspection(reading.inspection));
  return inspectionFails(reading.inspection) ? EXIT_FINDINGS : EXIT_OK;
}

export const tokenCommand: Command = {
  summary: 'Inspect an action token: its shape, each claim, the signature (offline) and a jose recipe',
  usage: USAGE,
  run: runToken,
};
