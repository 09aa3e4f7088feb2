import path from 'node:path';
import { isEmail } from '../card';
import { parseMailbox } from '../email';
import {
  AFTER_SENDING_CHECKLIST, checkRecipient, DEFAULT_GRAPH_BASE_URL, parseSmtpUrl, selfMessage, SendError, sendMailUrl, sendOverGraph, sendOverSmtp,
  type Sent, type SmtpCredentials, type SmtpServer,
} from '../send';
import { passesCardCheck } from './card-errors';
import { asUsageErrors, cardArgument, signCardWithKeyFile, templateDataHelp } from './card-email-options';
import { cardToSend } from './card-to-send';
import { EXIT_FINDINGS, EXIT_OK, UsageError, parseCommandArgs, type Command } from './command';
import { checkNoPrivateKey } from './safe-output';
import { promptSecret } from './secret-prompt';

/** Where the secrets come from: the environment or a prompt, never the command line (ps, shell history). */
const SMTP_PASSWORD_VARIABLE = 'AMCARD_SMTP_PASSWORD';
const SMTP_TOKEN_VARIABLE = 'AMCARD_SMTP_TOKEN';
const GRAPH_TOKEN_VARIABLE = 'AMCARD_GRAPH_TOKEN';

const USAGE = `Usage: amcard send <card> (--smtp <url> | --graph) [--from <address>] [options]

Sends the card to yourself as a real email: the message "amcard eml" writes, with the card in the HTML's <head>,
or signed with --sign. Outlook shows a card in mail you send to yourself before its provider is registered, so
this is the first test of a card in your own Outlook. Card - reads standard input.

The card is checked first, as "amcard lint" does: a card with errors is not sent unless --force is given.

Transports (one of them):
  --smtp <url>             smtp://user@host:port: STARTTLS, required (port 587 by default), or
                           smtps://user@host:port: TLS from the start (port 465). Write an @ in the user name as
                           %40. The password comes from the ${SMTP_PASSWORD_VARIABLE} environment variable, else a
                           prompt, never from the command line. With ${SMTP_TOKEN_VARIABLE} set, that OAuth2 access
                           token is used instead (XOAUTH2).
  --graph                  Microsoft Graph POST /me/sendMail, with an access token that has the Mail.Send
                           permission in the ${GRAPH_TOKEN_VARIABLE} environment variable.
  --graph-url <url>        The Graph base URL (default ${DEFAULT_GRAPH_BASE_URL}; national clouds have their own).

Options:
  --from <address>         Your address: the From of the message and its recipient. Default with --smtp: the
                           user of the URL, when that is an email address. Required with --graph.
  --to <address>           Send to this address instead. Only with --allow-other-recipient when it is not the
                           From address: Outlook removes a card without a registered "originator" for others.
  --allow-other-recipient  Allow a --to that is not the From address.
  --subject <text>         The subject (default: "Card: <card file name>").
  --sign                   Sign the card (RS256) with --key: the "sender" claim is the From address and
                           "recipientsSerialized" the recipient.
  --key <file>             RSA private key for --sign, as "amcard sign" takes it.
  --originator <guid>      Provider id for --sign, when the card has no "originator".
${templateDataHelp('sent')}
  --force                  Send even when the card has errors (they are still listed).
  --json                   Print the result as one JSON object on standard output.
  -h, --help               Show this help.

Exit status: 0 when the server accepted the message, 1 when nothing was sent because the card has errors or the
server refused the message or could not be reached, 2 when the command line (an SMTP or Graph URL too), a file, an
address or the key is wrong: then the reason goes to standard error, with no JSON.
`;

const OPTIONS = {
  smtp: { type: 'string' },
  graph: { type: 'boolean' },
  'graph-url': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'allow-other-recipient': { type: 'boolean' },
  subject: { type: 'string' },
  sign: { type: 'boolean' },
  key: { type: 'string' },
  originator: { type: 'string' },
  data: { type: 'string' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

type Route = { readonly kind: 'smtp'; readonly server: SmtpServer } | { readonly kind: 'graph'; readonly baseUrl: string; readonly token: string };

function route(values: { smtp?: string; graph?: boolean; 'graph-url'?: string }): Route {
  if ((values.smtp === undefined) === (values.graph !== true)) {
    throw new UsageError('amcard send: give one transport: --smtp <url> or --graph.\nRun "amcard send --help" for the options.');
  }
  if (values.smtp !== undefined) {
    if (values['graph-url'] !== undefined) throw new UsageError('amcard send: --graph-url only applies with --graph.');
    return { kind: 'smtp', server: parseSmtpUrlForCli(values.smtp) };
  }
  const baseUrl = values['graph-url'] ?? DEFAULT_GRAPH_BASE_URL;
  asUsageError(() => sendMailUrl(baseUrl));
  return { kind: 'graph', baseUrl, token: graphToken() };
}

function parseSmtpUrlForCli(url: string): SmtpServer {
  return asUsageError(() => parseSmtpUrl(url));
}

/**
 * A transport URL it cannot use (failure "configuration") is a wrong command line, exit 2 like a wrong address,
 * whichever transport it is for.
 */
function asUsageError<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof SendError) throw new UsageError(`amcard send: ${error.message}`);
    throw error;
  }
}

function sender(values: { from?: string }, way: Route): string {
  const from = values.from ?? (way.kind === 'smtp' && way.server.user !== undefined && isEmail(way.server.user) ? way.server.user : undefined);
  if (from === undefined) {
    throw new UsageError(`amcard send: missing --from <address>: your address, the message's From and recipient${way.kind === 'smtp' ? ' (the SMTP URL has no user that is an email address)' : ''}.`);
  }
  return from;
}

async function smtpCredentials(server: SmtpServer): Promise<SmtpCredentials | undefined> {
  if (server.user === undefined) return undefined;
  const accessToken = process.env[SMTP_TOKEN_VARIABLE];
  if (accessToken) return { accessToken };
  const password = process.env[SMTP_PASSWORD_VARIABLE] ?? await promptSecret(`Password for ${server.user} at ${server.host}: `,
    `amcard send: no password for ${server.user}: set the ${SMTP_PASSWORD_VARIABLE} environment variable (standard input is no terminal to ask at).`);
  return { password };
}

function graphToken(): string {
  const token = process.env[GRAPH_TOKEN_VARIABLE];
  if (!token) throw new UsageError(`amcard send: --graph needs an access token with the Mail.Send permission in the ${GRAPH_TOKEN_VARIABLE} environment variable.`);
  return token;
}

function report(json: boolean, result: Record<string, unknown>, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(result)}\n` : text);
}

async function runSend(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('send', args, OPTIONS);
  const cardFile = cardArgument('send', positionals);
  const way = route(values);
  if (values.sign !== true && (values.key !== undefined || values.originator !== undefined)) throw new UsageError('amcard send: --key and --originator only apply with --sign.');
  if (values.sign === true && values.key === undefined) throw new UsageError('amcard send: --sign needs --key <private key file>.');
  const from = sender(values, way);
  const to = values.to ?? from;
  const addresses = await asUsageErrors('send', async () => {
    const fromAddress = parseMailbox(from, 'The From address').address;
    const toAddress = parseMailbox(to, 'The To address').address;
    checkRecipient(fromAddress, toAddress, values['allow-other-recipient'] === true, 'pass --allow-other-recipient');
    return { from: fromAddress, to: toAddress };
  });

  const { text: cardText, dataFileName } = await cardToSend('send', cardFile, values.data);
  checkNoPrivateKey('send', [{ text: cardText, what: `card ${cardFile}` }]);
  const verb = { past: 'sent', infinitive: 'send', progressive: 'sending' };
  if (!passesCardCheck({ command: 'send', cardFile, cardText, dataFileName, originator: values.originator, force: values.force === true, verb })) {
    if (values.json === true) report(true, { sent: false, failure: 'card-errors', message: 'The card has errors (listed on standard error): nothing was sent.' }, '');
    return EXIT_FINDINGS;
  }
  const signedJws = values.sign === true
    ? await asUsageErrors('send', () => signCardWithKeyFile(cardText, { keyFile: values.key!, sender: addresses.from, recipients: [addresses.to], originator: values.originator }))
    : undefined;
  const subject = values.subject ?? (cardFile === '-' ? 'Card' : `Card: ${path.basename(cardFile)}`);
  const { eml, warnings } = await asUsageErrors('send', async () => selfMessage({ cardText, signedJws, from, to, subject }));
  for (const warning of warnings) process.stderr.write(`amcard send: warning: ${warning}\n`);

  let sent: Sent;
  try {
    sent = way.kind === 'smtp'
      ? await sendOverSmtp(way.server, await smtpCredentials(way.server), { from: addresses.from, to: addresses.to, eml })
      : await sendOverGraph(way.baseUrl, way.token, eml);
  } catch (error) {
    if (!(error instanceof SendError)) throw error;
    if (values.json === true) report(true, { sent: false, transport: error.transport, failure: error.failure, message: error.message }, '');
    process.stderr.write(`amcard send: ${error.message}\n`);
    return EXIT_FINDINGS;
  }
  const checklist = AFTER_SENDING_CHECKLIST.map((line) => `  - ${line}\n`).join('');
  report(values.json === true, { sent: true, transport: sent.transport, from: addresses.from, to: addresses.to, signed: signedJws !== undefined, answer: sent.answer },
    `Sent ${cardFile === '-' ? 'the card' : cardFile}${signedJws === undefined ? '' : ' (signed)'} to ${addresses.to} over ${sent.transport}: ${sent.answer}\nWhat to expect:\n${checklist}`);
  return EXIT_OK;
}

export const sendCommand: Command = {
  summary: 'Send the card to yourself as a real email, over SMTP or Microsoft Graph',
  usage: USAGE,
  run: runSend,
};
