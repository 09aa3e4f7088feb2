import * as vscode from 'vscode';
import { cardToSend } from './card-to-send';
import { cardDocument, refuseInvalidJson } from './editor-documents';
import { copyEmailHtml, signCardDocument, type SigningOptions, type SigningState } from './sign-card';
import { hasConfiguredPrivateKey } from './signing-keys';

/** Arguments for scripts and tests: no prompts; `signed` signs with the configured key first. */
export interface CopyEmailHtmlOptions extends SigningOptions {
  readonly uri?: vscode.Uri;
  readonly signed?: boolean;
}

export interface CopiedEmailHtml {
  readonly html: string;
  readonly signed: boolean;
}

async function askSigned(): Promise<boolean | undefined> {
  const picked = await vscode.window.showQuickPick([
    { label: 'Unsigned', detail: 'The card in <script type="application/adaptivecard+json">', signed: false },
    { label: 'Signed', detail: 'The card signed with your key, in a SignedAdaptiveCard section', signed: true },
  ], { title: 'Copy Email HTML' });
  return picked?.signed;
}

/** "Copy Email HTML": the active card as a complete email document on the clipboard, signed when asked for. */
export async function copyCardEmailHtml(state: SigningState, argument: unknown): Promise<CopiedEmailHtml | undefined> {
  const options = argument instanceof vscode.Uri ? undefined : argument as CopyEmailHtmlOptions | undefined;
  const interactive = options === undefined;
  const document = await cardDocument(argument instanceof vscode.Uri ? argument : options?.uri);
  refuseInvalidJson(document, 'Nothing copied');
  const { text: cardText } = await cardToSend(document);
  // Signing is offered only when a key is at hand; without one the unsigned document is what can be made.
  const signed = interactive
    ? (await hasConfiguredPrivateKey(state.keys, document.uri) ? await askSigned() : false)
    : options.signed ?? false;
  if (signed === undefined) return undefined;
  let jws: string | undefined;
  if (signed) {
    jws = await signCardDocument(document, cardText, state, options ?? {}, interactive);
    if (jws === undefined) return undefined;
  }
  return { html: await copyEmailHtml(cardText, jws), signed };
}
