import { cardEmailHtml } from '../email';
import { readPrivateKey, signCard } from '../signing';
import { EXIT_FINDINGS, UsageError, parseCommandArgs, type Command } from './command';
import { checkNoPrivateKey } from './safe-output';
import { addressList, asUsageErrors, cardArgument, outputTarget, readArgumentFile, writeResult } from './card-email-options';
import { cardToSend } from './card-to-send';
import { passesCardCheck } from './card-errors';

const USAGE = `Usage: amcard sign <card> --key <private key file> --sender <address> --recipients <a,b> [options]

Signs an Adaptive Card or MessageCard file (- reads standard input) for Outlook (docs/rules.md § "Signed
cards"): builds the signed-card payload (sender, originator, recipientsSerialized, the minified card in adaptiveCardSerialized or
messageCardSerialized, iat = now) and signs it RS256. Prints the compact JWS (header.payload.signature), or with
--html the complete email HTML carrying it in a SignedAdaptiveCard (SignedMessageCard) section.

The card is checked first, as "amcard lint" does: a card with errors is not signed unless --force is given.
The private key is read only to sign; it is never printed.

Options:
  --key <file>           RSA private key, 2048 bits or more: PKCS#8 or PKCS#1 PEM, JWK, or RSAKeyValue XML
                         with private parts (PowerShell's $rsa.ToXmlString($true)).
  --sender <address>     The From address the mail is sent with (the "sender" claim).
  --recipients <a,b>     All To and Cc addresses, comma-separated (repeatable).
  --originator <guid>    Provider id; needed when the card has no "originator", must agree with it otherwise.
  --data <file>          Template data for a card with \${…} expressions (default: the *.data.json beside the
                         card, chosen as the preview chooses it). A template is expanded before it is signed;
                         without data, or with \${…} left after expansion, nothing is signed (exit 2).
  --html                 Print the signed email HTML instead of the JWS.
  --out <file | ->       Write the result to this file instead of standard output ("-": standard output).
                         An existing file is refused unless --force; a symbolic link, the card or the key
                         file is never written, even with --force.
  --force                Sign even when the card has errors (they are still listed), and replace an
                         existing --out file.
  -h, --help             Show this help.

Example:
  amcard sign approval.card.json --key signing-key.pem --sender expenses@contoso.com \\
    --recipients ana@contoso.com,bo@contoso.com --html --out approval.html

Exit status: 0 when the card is signed, 1 when the card has errors (nothing is signed), 2 when the command line,
a file, the key or the signing input (sender, recipients, originator) is wrong.
`;

const OPTIONS = {
  key: { type: 'string' },
  sender: { type: 'string' },
  recipients: { type: 'string', multiple: true },
  originator: { type: 'string' },
  data: { type: 'string' },
  html: { type: 'boolean' },
  out: { type: 'string' },
  force: { type: 'boolean' },
} as const;

async function runSign(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('sign', args, OPTIONS);
  const cardFile = cardArgument('sign', positionals);
  const recipients = addressList(values.recipients);
  const missing = [
    values.key === undefined ? '--key <private key file>' : undefined,
    values.sender === undefined ? '--sender <address>' : undefined,
    recipients.length === 0 ? '--recipients <a,b>' : undefined,
  ].filter((flag) => flag !== undefined);
  if (missing.length > 0) throw new UsageError(`amcard sign: missing ${missing.join(', ')}.\nRun "amcard sign --help" for the options.`);
  const keyFile = values.key!;
  const sender = values.sender!;
  if (cardFile === '-' && keyFile === '-') throw new UsageError('amcard sign: the card and the key cannot both come from standard input.');

  const { text: cardText, dataFileName } = await cardToSend('sign', cardFile, values.data);
  checkNoPrivateKey('sign', [{ text: cardText, what: `card ${cardFile}` }]);
  const privateKey = await asUsageErrors('sign', async () => readPrivateKey(readArgumentFile(keyFile, 'private key'), keyFile));

  const verb = { past: 'signed', infinitive: 'sign', progressive: 'signing' };
  if (!passesCardCheck({ command: 'sign', cardFile, cardText, dataFileName, originator: values.originator, force: values.force === true, verb })) return EXIT_FINDINGS;

  const { jws } = await asUsageErrors('sign', () => signCard({ cardText, sender, recipients, originator: values.originator }, privateKey));
  if (values.html !== true) return writeResult('sign', `${jws}\n`, [], outputTarget(values, [cardFile, keyFile, values.data]));
  const { html, warnings } = await asUsageErrors('sign', async () => cardEmailHtml({ cardText, signedJws: jws }));
  return writeResult('sign', html, warnings, outputTarget(values, [cardFile, keyFile, values.data]));
}

export const signCommand: Command = {
  summary: 'Sign a card (RS256 JWS of the signed-card payload), optionally as email HTML',
  usage: USAGE,
  run: runSign,
};
