import * as vscode from 'vscode';
import { isEmail } from '../../../server/src/card';
import { cardEmailHtml } from '../../../server/src/email';
import { buildSignedCardPayload, signPayload } from '../../../server/src/signing';
import { startCardCommand } from './card-to-send';
import { confirmCardWithoutErrors, showNamedUntitled } from './editor-documents';
import type { RememberedAddresses, TypedAddresses } from './remembered-addresses';
import type { SigningKeyStore } from './signing-key-store';
import { loadPrivateKey, type KeySource } from './signing-keys';
import { configuredOriginator, configuredRecipients, configuredSender } from './signing-settings';
import { UserFacingError } from './user-facing-error';

/** Arguments that make signing run without prompts (scripts, tests); each one left out comes from the settings. */
export interface SigningOptions {
  readonly sender?: string;
  readonly recipients?: readonly string[];
  readonly keySource?: KeySource;
  readonly keyFile?: string;
  /** Sign even when the card has errors (without it, a card with errors is refused). */
  readonly signAnyway?: boolean;
}

export interface SignCardOptions extends SigningOptions {
  readonly uri?: vscode.Uri;
}

export interface SignedCard {
  readonly jws: string;
  readonly jwsDocument: vscode.Uri;
}

function invalidAddress(value: string): string | undefined {
  return isEmail(value.trim()) ? undefined : `"${value.trim()}" is not an email address.`;
}

async function askSender(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Sign Card: sender',
    prompt: 'The From address of the email, as registered in the Actionable Email Developer Dashboard (set actionableMessages.sender to skip this)',
    placeHolder: 'alerts@contoso.example',
    ignoreFocusOut: true,
    validateInput: invalidAddress,
  });
}

function splitAddresses(text: string): string[] {
  return text.split(/[,;\s]+/).filter(Boolean);
}

async function askRecipients(): Promise<string[] | undefined> {
  const answer = await vscode.window.showInputBox({
    title: 'Sign Card: recipients',
    prompt: 'Every To and Cc address of the email, separated by commas (set actionableMessages.recipients to skip this)',
    placeHolder: 'ana@contoso.example, lee@contoso.example',
    ignoreFocusOut: true,
    validateInput: (text) => {
      const addresses = splitAddresses(text);
      if (addresses.length === 0) return 'Give at least one recipient.';
      return addresses.map(invalidAddress).find((problem) => problem !== undefined);
    },
  });
  return answer === undefined ? undefined : splitAddresses(answer);
}

/** What signing needs besides the card: the key store and the sender and recipients typed in this workspace before. */
export interface SigningState {
  readonly keys: SigningKeyStore;
  readonly addresses: RememberedAddresses;
}

/**
 * Signs `cardText`, `document`'s card as it is sent (cardToSend): the key first (without one there is nothing to sign
 * with, so it is asked for before anything else), then sender and recipients from `options`, else the settings, else
 * (interactive only) what was typed in this workspace before, else prompts, whose answers are then remembered.
 * Resolves to undefined when the user cancels a prompt.
 */
export async function signCardDocument(
  document: vscode.TextDocument,
  cardText: string,
  { keys, addresses }: SigningState,
  options: SigningOptions,
  interactive: boolean,
): Promise<string | undefined> {
  if (!await confirmCardWithoutErrors(document, 'Sign anyway', { interactive, signAnyway: options.signAnyway ?? false })) return undefined;
  const resource = document.uri;
  const privateKey = await loadPrivateKey(keys, { keySource: options.keySource, keyFile: options.keyFile, interactive, resource });
  if (!privateKey) return undefined;
  const typed: { sender?: string; recipients?: readonly string[] } = {};
  const sender = options.sender ?? configuredSender(resource) ?? (interactive ? addresses.sender ?? (typed.sender = await askSender()) : undefined);
  if (sender === undefined) {
    if (interactive) return undefined;
    throw new UserFacingError('No sender: set actionableMessages.sender (the From address) or pass sender.');
  }
  const settingRecipients = configuredRecipients(resource);
  const recipients = options.recipients ?? (settingRecipients.length > 0 ? settingRecipients
    : interactive ? addresses.recipients ?? (typed.recipients = await askRecipients()) : undefined);
  if (recipients === undefined) {
    if (interactive) return undefined;
    throw new UserFacingError('No recipients: set actionableMessages.recipients (the To/Cc addresses) or pass recipients.');
  }
  const payload = buildSignedCardPayload({ cardText, sender, recipients, originator: configuredOriginator(resource) });
  const jws = await signPayload(payload, privateKey);
  if (typed.sender !== undefined || typed.recipients !== undefined) void rememberTyped(addresses, typed);
  return jws;
}

async function rememberTyped(addresses: RememberedAddresses, typed: TypedAddresses): Promise<void> {
  try {
    await addresses.remember(typed);
  } catch (error) {
    void vscode.window.showWarningMessage(`Could not save the sender and recipients: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Copies the email HTML for `cardText` and shows its warnings; the notification names what was copied. */
export async function copyEmailHtml(cardText: string, signedJws: string | undefined): Promise<string> {
  const { html, warnings } = cardEmailHtml({ cardText, signedJws });
  await vscode.env.clipboard.writeText(html);
  void vscode.window.showInformationMessage(`${signedJws ? 'Signed email' : 'Email'} HTML copied to the clipboard.`);
  for (const warning of warnings) void vscode.window.showWarningMessage(warning);
  return html;
}

function offerCopies(jws: string, cardText: string): void {
  const copyJws = 'Copy JWS';
  const copyHtml = 'Copy Signed Email HTML';
  void vscode.window.showInformationMessage('Card signed (RS256).', copyJws, copyHtml).then(async (choice) => {
    try {
      if (choice === copyJws) {
        await vscode.env.clipboard.writeText(jws);
      } else if (choice === copyHtml) {
        await copyEmailHtml(cardText, jws);
      }
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    }
  });
}

/** "Sign Card": from a menu (a Uri), from the palette (no argument) or from a script (SignCardOptions, no prompts). */
export async function signCard(state: SigningState, argument: unknown): Promise<SignedCard | undefined> {
  const { options, document, cardText } = await startCardCommand<SignCardOptions>(argument, 'Not signed');
  const jws = await signCardDocument(document, cardText, state, options ?? {}, options === undefined);
  if (jws === undefined) return undefined;
  const jwsDocument = await showNamedUntitled('signed-card', '.jws', jws, 'plaintext');
  offerCopies(jws, cardText);
  return { jws, jwsDocument: jwsDocument.uri };
}
