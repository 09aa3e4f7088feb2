import { UsageError, parseCommandArgs, type Command } from './command';
import { cardToSend } from './card-to-send';
import { addressList, cardArgument, cardEmailFromFiles, outputTarget, templateAndOutputHelp, writeResult } from './card-email-options';

const USAGE = `Usage: amcard html <card> [options]

Writes the HTML document of an actionable message for a card file (- reads standard input):
the card in a <script type="application/adaptivecard+json"> in <head> (application/ld+json for a MessageCard),
or, with --sign-with, the signed card in a SignedAdaptiveCard (SignedMessageCard) section of the body.
The body is a readable version of the card's text, for mail clients that show no card, unless --body is given;
its {{DATE(…)}} and {{TIME(…)}} are written out in en-US and UTC.

Options:
  --sign-with <key file>   Sign the card with this RSA private key (PKCS#8 or PKCS#1 PEM, JWK, RSAKeyValue XML);
                           needs --sender and --recipients.
  --sender <address>       The From address the mail is sent with (the "sender" claim).
  --recipients <a,b>       All To and Cc addresses, comma-separated (repeatable).
  --originator <guid>      Provider id, when the card has no "originator" (they must agree otherwise).
  --body <html file>       Body HTML (a fragment or a whole document) instead of the card's text.
  --subject <text>         Document title.
${templateAndOutputHelp('HTML')}
  -h, --help               Show this help.

Warnings (invalid card JSON, hideOriginalBody on an empty card, ...) go to standard error.
A card or body that holds a private key (PEM "PRIVATE KEY", RSAKeyValue with <D>, JWK with "d") is refused: nothing
is written.
Exit status: 0 when the HTML is written, 2 when the command line, a file, the key or the signing input is wrong.
`;

const OPTIONS = {
  'sign-with': { type: 'string' },
  sender: { type: 'string' },
  recipients: { type: 'string', multiple: true },
  originator: { type: 'string' },
  body: { type: 'string' },
  subject: { type: 'string' },
  data: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
} as const;

async function runHtml(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('html', args, OPTIONS);
  const cardFile = cardArgument('html', positionals);
  const keyFile = values['sign-with'];
  const recipients = addressList(values.recipients);
  if (keyFile === undefined) {
    const signingFlags = (['sender', 'recipients', 'originator'] as const).filter((flag) => values[flag] !== undefined);
    if (signingFlags.length > 0) {
      const verb = signingFlags.length === 1 ? 'applies' : 'apply';
      throw new UsageError(`amcard html: ${signingFlags.map((flag) => `--${flag}`).join(', ')} only ${verb} with --sign-with <key file>.`);
    }
  } else if (values.sender === undefined || recipients.length === 0) {
    throw new UsageError('amcard html: --sign-with needs --sender <address> and --recipients <a,b> (all To and Cc addresses).');
  }
  const signing = keyFile === undefined ? undefined : { keyFile, sender: values.sender!, recipients, originator: values.originator };
  const { text: cardText } = await cardToSend('html', cardFile, values.data);
  const { html, warnings } = await cardEmailFromFiles('html', { cardFile, cardText, bodyFile: values.body, subject: values.subject, signing });
  return writeResult('html', html, warnings, outputTarget(values, [cardFile, keyFile, values.body, values.data]));
}

export const htmlCommand: Command = {
  summary: 'Write the email HTML of a card (script in <head>, or the signed-card section)',
  usage: USAGE,
  run: runHtml,
};
