import * as vscode from 'vscode';
import { isEmail } from '../../../server/src/card';
import {
  AFTER_SENDING_CHECKLIST, checkRecipient, DEFAULT_GRAPH_BASE_URL, selfMessage, SendError, sendOverGraph, sendOverSmtp, type Sent, type SmtpServer,
} from '../../../server/src/send';
import { readSendSettings, type SendSettings } from '../../../server/src/settings';
import { startCardCommand } from './card-to-send';
import { askSigned } from './copy-email-html';
import { confirmCardWithoutErrors, displayName } from './editor-documents';
import { microsoftSession } from './microsoft-session';
import { signCardDocument, type SigningOptions, type SigningState } from './sign-card';
import { hasConfiguredPrivateKey } from './signing-keys';
import { configuredSender } from './signing-settings';
import type { SmtpAccount, SmtpPasswords } from './smtp-passwords';
import { UserFacingError } from './user-facing-error';


/** Arguments for scripts and tests: no prompts; `signed` signs with the configured key first. */
export interface SendCardOptions extends Pick<SigningOptions, 'keySource' | 'keyFile'> {
  readonly uri?: vscode.Uri;
  readonly signed?: boolean;
  /** Send even when the card has errors (without it, a card with errors is refused). */
  readonly sendAnyway?: boolean;
}

export interface SentCard {
  readonly transport: Sent['transport'];
  readonly from: string;
  readonly to: string;
  readonly signed: boolean;
  /** The server's answer: SMTP's final reply, or Graph's 202 Accepted. */
  readonly answer: string;
}

export interface SendState extends SigningState {
  readonly smtpPasswords: SmtpPasswords;
}

function sendSettings(resource?: vscode.Uri): SendSettings {
  return readSendSettings(vscode.workspace.getConfiguration('actionableMessages', resource)).settings;
}

/** The SMTP server and account of the settings; without a host there is nothing to send to. */
function smtpAccount(settings: SendSettings): SmtpServer & { readonly user: string } {
  const { host, user, port, security } = settings.smtp;
  if (host === undefined || user === undefined) {
    throw new UserFacingError('Not sent: set actionableMessages.send.smtp.host and actionableMessages.send.smtp.user to send over SMTP, or set actionableMessages.send.transport to "graph".');
  }
  return { host, port, security, user };
}

function askPassword(account: SmtpAccount): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'SMTP password',
    prompt: `The password (or app password) of ${account.user} at ${account.host}:${account.port}. It is kept in VS Code's secret storage, never in settings.`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (text) => (text === '' ? 'Type the password.' : undefined),
  });
}

/** "Set SMTP Password": asks for the password of the configured SMTP account (scripts pass `password`) and keeps it. */
export async function setSmtpPassword(passwords: SmtpPasswords, options: { password?: string } | undefined): Promise<{ account: string } | undefined> {
  const account = smtpAccount(sendSettings());
  const password = options?.password ?? await askPassword(account);
  if (password === undefined) return undefined;
  await passwords.store(account, password);
  if (options === undefined) void vscode.window.showInformationMessage(`The SMTP password of ${account.user} at ${account.host} is kept in VS Code's secret storage.`);
  return { account: `${account.user}@${account.host}:${account.port}` };
}

/** The password kept for the account, else (interactive) one typed now and kept. */
async function smtpPassword(passwords: SmtpPasswords, account: SmtpAccount, interactive: boolean): Promise<string | undefined> {
  const stored = await passwords.get(account);
  if (stored !== undefined) return stored;
  if (!interactive) throw new UserFacingError(`Not sent: no SMTP password for ${account.user} at ${account.host}: run "Actionable Messages: Set SMTP Password" first.`);
  const typed = await askPassword(account);
  if (typed !== undefined) await passwords.store(account, typed);
  return typed;
}

/** The transport, ready to send, and the sender: the signed-in account (Graph), else the configured sender. */
type Route = { readonly from: string; send(to: string, eml: string): Promise<Sent> };

async function graphRoute(settings: SendSettings, resource: vscode.Uri, interactive: boolean): Promise<Route | undefined> {
  const session = await microsoftSession(settings.graphClientId, interactive);
  if (session === undefined) {
    if (interactive) return undefined;
    throw new UserFacingError('Not sent: no Microsoft account is signed in to VS Code: run the command from the Command Palette to sign in.');
  }
  const from = isEmail(session.account.label) ? session.account.label : configuredSender(resource);
  if (from === undefined) throw new UserFacingError(`Not sent: the Microsoft account "${session.account.label}" is not an email address: set actionableMessages.sender to your address.`);
  return { from, send: (_to, eml) => sendOverGraph(settings.graphBaseUrl ?? DEFAULT_GRAPH_BASE_URL, session.accessToken, eml) };
}

async function smtpRoute(settings: SendSettings, passwords: SmtpPasswords, resource: vscode.Uri, interactive: boolean): Promise<Route | undefined> {
  const server = smtpAccount(settings);
  const from = configuredSender(resource) ?? (isEmail(server.user) ? server.user : undefined);
  if (from === undefined) throw new UserFacingError(`Not sent: the SMTP user "${server.user}" is not an email address: set actionableMessages.sender to your address.`);
  const password = await smtpPassword(passwords, server, interactive);
  if (password === undefined) return undefined;
  return {
    from,
    send: async (to, eml) => {
      try {
        return await sendOverSmtp(server, { password }, { from, to, eml });
      } catch (error) {
        // A refused password is forgotten, so that the next send asks for it again instead of failing the same way.
        if (error instanceof SendError && error.failure === 'auth-refused') {
          await passwords.forget(server);
          throw new SendError(`${error.message} The stored password was forgotten; you will be asked for it on the next send.`, { transport: error.transport, failure: error.failure });
        }
        throw error;
      }
    },
  };
}

function showSent(name: string, sent: SentCard): void {
  const more = 'What to Expect';
  const first = `Sent ${name}${sent.signed ? ' (signed)' : ''} to ${sent.to} over ${sent.transport}: ${sent.answer}.`;
  void vscode.window.showInformationMessage(`${first} ${AFTER_SENDING_CHECKLIST[0]}`, more).then((choice) => {
    if (choice === more) void vscode.window.showInformationMessage('After sending a card to yourself', { modal: true, detail: AFTER_SENDING_CHECKLIST.join('\n\n') });
  });
}

/**
 * "Send Card to Myself": the active card (or the file a menu passed) as a real email to your own address, over
 * Microsoft Graph or SMTP (actionableMessages.send.transport), signed when asked. Checked first as Sign Card checks.
 */
export async function sendCardToMyself(state: SendState, argument: unknown): Promise<SentCard | undefined> {
  const { options, document, cardText } = await startCardCommand<SendCardOptions>(argument, 'Not sent');
  const interactive = options === undefined;
  if (!await confirmCardWithoutErrors(document, 'Send anyway', { interactive, signAnyway: options?.sendAnyway ?? false, refusal: 'Not sent' })) return undefined;
  const settings = sendSettings(document.uri);
  const signed = interactive ? (await hasConfiguredPrivateKey(state.keys, document.uri) ? await askSigned('Send Card to Myself') : false) : options.signed ?? false;
  if (signed === undefined) return undefined;
  const route = settings.transport === 'graph'
    ? await graphRoute(settings, document.uri, interactive)
    : await smtpRoute(settings, state.smtpPasswords, document.uri, interactive);
  if (route === undefined) return undefined;
  const to = settings.to ?? route.from;
  checkRecipient(route.from, to, settings.allowOtherRecipients, 'set actionableMessages.send.allowOtherRecipients to true');
  let signedJws: string | undefined;
  if (signed) {
    signedJws = await signCardDocument(document, cardText, state, { ...options, sender: route.from, recipients: [to], signAnyway: true }, interactive);
    if (signedJws === undefined) return undefined;
  }
  const name = displayName(document);
  const { eml, warnings } = selfMessage({ cardText, signedJws, from: route.from, to, subject: `Card: ${name}` });
  for (const warning of warnings) void vscode.window.showWarningMessage(warning);
  const transportName = settings.transport === 'graph' ? 'Microsoft Graph' : 'SMTP';
  const sent = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Sending ${name} to ${to} over ${transportName}…` },
    () => route.send(to, eml),
  );
  const result: SentCard = { transport: sent.transport, from: route.from, to, signed, answer: sent.answer };
  showSent(name, result);
  return result;
}
