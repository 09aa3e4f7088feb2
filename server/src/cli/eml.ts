import { emlMessage, parseMailbox } from '../email';
import { UsageError, parseCommandArgs, type Command } from './command';
import { cardToSend } from './card-to-send';
import { addressList, asUsageErrors, cardArgument, cardEmailFromFiles, outputTarget, templateAndOutputHelp, writeResult } from './card-email-options';

const USAGE = `Usage: amcard eml <card> --from <address> --to <a,b> --subject <text> [options]

Writes an email message (RFC 5322, one text/html part, base64) carrying the card, ready for any SMTP client
(e.g. curl --upload-file message.eml smtp://...). The HTML is what "amcard html" writes. Card - reads standard input.

Options:
  --from <address>         The From address; "Name <address>" is accepted.
  --to <a,b>               To addresses, comma-separated (repeatable).
  --cc <a,b>               Cc addresses, comma-separated (repeatable).
  --subject <text>         The subject (non-ASCII is written as RFC 2047 encoded words).
  --sign-with <key file>   Sign the card with this RSA private key; the "sender" claim is the From address and
                           "recipientsSerialized" lists every To and Cc address.
  --originator <guid>      Provider id for signing, when the card has no "originator".
  --body <html file>       Body HTML instead of the card's text.
${templateAndOutputHelp('message')}
  -h, --help               Show this help.

A card or body that holds a private key (PEM "PRIVATE KEY", RSAKeyValue with <D>, JWK with "d") is refused: nothing is
written. Warnings go to standard error. Exit status: 0 when the message is written, 2 when the command line, a file,
an address, the subject, the key or the signing input is wrong.
`;

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string', multiple: true },
  cc: { type: 'string', multiple: true },
  subject: { type: 'string' },
  'sign-with': { type: 'string' },
  originator: { type: 'string' },
  body: { type: 'string' },
  data: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
} as const;

async function runEml(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('eml', args, OPTIONS);
  const cardFile = cardArgument('eml', positionals);
  const to = addressList(values.to);
  const cc = addressList(values.cc);
  const missing = [values.from === undefined ? '--from <address>' : '', to.length === 0 ? '--to <a,b>' : '', values.subject === undefined ? '--subject <text>' : '']
    .filter((flag) => flag !== '');
  if (missing.length > 0) throw new UsageError(`amcard eml: missing ${missing.join(', ')}.\nRun "amcard eml --help" for the options.`);
  const keyFile = values['sign-with'];
  if (keyFile === undefined && values.originator !== undefined) throw new UsageError('amcard eml: --originator only applies with --sign-with <key file>.');
  const from = values.from!;
  const subject = values.subject!;
  // Checked before signing, so a bad address is reported as such rather than as a signing problem.
  const { sender, recipients } = await asUsageErrors('eml', async () => ({
    sender: parseMailbox(from, 'The From address').address,
    recipients: [...to.map((address, index) => parseMailbox(address, `To address ${index + 1}`).address),
      ...cc.map((address, index) => parseMailbox(address, `Cc address ${index + 1}`).address)],
  }));
  const signing = keyFile === undefined ? undefined : { keyFile, sender, recipients, originator: values.originator };
  const { text: cardText } = await cardToSend('eml', cardFile, values.data);
  const { html, warnings } = await cardEmailFromFiles('eml', { cardFile, cardText, bodyFile: values.body, subject, signing });
  const message = await asUsageErrors('eml', async () => emlMessage({ from, to, cc, subject, html }));
  return writeResult('eml', message, warnings, outputTarget(values, [cardFile, keyFile, values.body, values.data]));
}

export const emlCommand: Command = {
  summary: 'Write an email message (.eml) carrying the card, signed or not',
  usage: USAGE,
  run: runEml,
};
