// What `amcard html` and `amcard eml` share: reading the card and body, signing with a key file, writing the result.
import { InputError } from '../card';
import { type CardEmail, cardEmailHtml } from '../email';
import { readPrivateKey, signCard } from '../signing';
import { EXIT_OK, UsageError } from './command';
import { describeFsError, readTextFile } from './inputs';
import { readInputBytes } from './read-file';
import { STANDARD_OUTPUT, checkNoPrivateKey, type OutputTarget, writeOutputFile } from './safe-output';

/** Reads a file named on the command line (readTextFile); `what` names it in the message when it cannot be read. */
export function readArgumentFile(file: string, what: string): string {
  return readArgument(file, what, readTextFile);
}

/** The bytes of a file named on the command line, for input whose own charset decides its text (an .eml). */
export function readArgumentBytes(file: string, what: string): Uint8Array {
  return readArgument(file, what, readInputBytes);
}

function readArgument<T>(file: string, what: string, read: (file: string) => T): T {
  try {
    return read(file);
  } catch (error) {
    throw new UsageError(`Cannot read the ${what} ${file === '-' ? 'from standard input' : file}: ${describeFsError(error)}.`);
  }
}

/**
 * Addresses from repeatable flags, each a comma-separated list. Commas inside double quotes or angle brackets
 * belong to a display name or address (`"Lima, Ana" <ana@contoso.example>`).
 */
export function addressList(values: readonly string[] | undefined): string[] {
  const addresses: string[] = [];
  for (const value of values ?? []) {
    let current = '';
    let quoted = false;
    let angled = false;
    for (const character of value) {
      if (character === '"') quoted = !quoted;
      else if (character === '<' && !quoted) angled = true;
      else if (character === '>' && !quoted) angled = false;
      if (character === ',' && !quoted && !angled) {
        addresses.push(current);
        current = '';
      } else {
        current += character;
      }
    }
    addresses.push(current);
  }
  return addresses.map((address) => address.trim()).filter((address) => address !== '');
}

export interface SigningRequest {
  readonly keyFile: string;
  readonly sender: string;
  readonly recipients: readonly string[];
  readonly originator?: string;
}

/**
 * The compact JWS of the card's signed-card payload (docs/rules.md § "Signed cards"), signed RS256 with the private key
 * in `keyFile`.
 */
export async function signCardWithKeyFile(cardText: string, request: SigningRequest): Promise<string> {
  const privateKey = readPrivateKey(readArgumentFile(request.keyFile, 'private key'), request.keyFile);
  const { sender, recipients, originator } = request;
  return (await signCard({ cardText, sender, recipients, originator }, privateKey)).jws;
}

/**
 * Bad keys, signing input, JWS or header values are the user's input: reported like a bad command line (exit 2), with
 * the command named first. A UsageError already names what it needs and passes unchanged.
 */
export async function asUsageErrors<T>(command: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InputError && !(error instanceof UsageError)) throw new UsageError(`amcard ${command}: ${error.message}`);
    throw error;
  }
}

/** The help lines of --data, the same in amcard html, eml and send; `done` is what happens to the card (written, sent). */
export function templateDataHelp(done: string): string {
  return `  --data <file>            Template data for a card with \${…} expressions (default: the *.data.json beside the
                           card, chosen as the preview chooses it). A template is expanded before it is signed or
                           ${done}; without data, or with \${…} left after expansion, nothing is ${done} (exit 2).`;
}

/** The help lines of --data, --out and --force, the same in amcard html and eml. */
export function templateAndOutputHelp(written: string): string {
  return `${templateDataHelp('written')}
  --out <file | ->         Write the ${written} to this file instead of standard output ("-": standard output).
                           An existing file is refused unless --force; a symbolic link or an input file (card,
                           data, key, body) is never written, even with --force.
  --force                  Replace an existing --out file.`;
}

export interface CardEmailFiles {
  /** The card file as the user named it, for messages. */
  readonly cardFile: string;
  /** The card as it is sent (cardToSend: a template expanded). */
  readonly cardText: string;
  readonly bodyFile?: string;
  readonly subject?: string;
  readonly signing?: SigningRequest;
}

/** Reads the body file, signs the card when asked, and makes the email HTML. */
export async function cardEmailFromFiles(command: string, files: CardEmailFiles): Promise<CardEmail> {
  const { cardText } = files;
  const bodyHtml = files.bodyFile === undefined ? undefined : readArgumentFile(files.bodyFile, 'body HTML');
  checkNoPrivateKey(command, [{ text: cardText, what: `card ${files.cardFile}` }, { text: bodyHtml, what: `body HTML ${files.bodyFile}` }]);
  return asUsageErrors(command, async () => {
    const signedJws = files.signing === undefined ? undefined : await signCardWithKeyFile(cardText, files.signing);
    return cardEmailHtml({ cardText, signedJws, bodyHtml, subject: files.subject });
  });
}

/** Warnings to standard error; the result to the --out target when given (writeOutputFile), else to standard output. */
export function writeResult(command: string, text: string, warnings: readonly string[], out: OutputTarget | undefined): number {
  for (const warning of warnings) process.stderr.write(`amcard ${command}: warning: ${warning}\n`);
  if (out === undefined) process.stdout.write(text);
  else writeOutputFile(out, text);
  return EXIT_OK;
}

/**
 * The --out target of a command with --out and --force, given the files it reads; undefined for standard output,
 * without --out or with "--out -".
 */
export function outputTarget(values: { out?: string; force?: boolean }, inputs: readonly (string | undefined)[]): OutputTarget | undefined {
  return values.out === undefined || values.out === STANDARD_OUTPUT ? undefined : { file: values.out, force: values.force === true, inputs };
}

/** Exactly one card argument. */
export function cardArgument(command: string, positionals: readonly string[]): string {
  if (positionals.length !== 1) {
    throw new UsageError(`amcard ${command}: expected one card file (or - for standard input), got ${positionals.length}.\nRun "amcard ${command} --help" for the options.`);
  }
  return positionals[0]!;
}
