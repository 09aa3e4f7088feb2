import * as vscode from 'vscode';
import { startCardCommand } from './card-to-send';
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

/** Unsigned or signed: asked by Copy Email HTML and Send Card to Myself (`title`) when a key is at hand. */
export async function askSigned(title: string): Promise<boolean | undefined> {
  const picked = await vscode.window.showQuickPick([
    { label: 'Unsigned', detail: 'The card in <script type="application/adaptivecard+json">', signed: false },
    { label: 'Signed', detail: 'The card signed with your key, in a SignedAdaptiveCard section', signed: true },
  ], { title });
  return picked?.signed;
}

/** "Copy Email HTML": the active card as a complete email document on the clipboard, signed when asked for. */
export async function copyCardEmailHtml(state: SigningState, argument: unknown): Promise<CopiedEmailHtml | undefined> {
  const { options, document, cardText } = await startCardCommand<CopyEmailHtmlOptions>(argument, 'Nothing copied');
  const interactive = options === undefined;
  // Signing is offered only when a key is at hand; without one the unsigned document is what can be made.
  const signed = interactive
    ? (await hasConfiguredPrivateKey(state.keys, document.uri) ? await askSigned('Copy Email HTML') : false)
    : options.signed ?? false;
  if (signed === undefined) return undefined;
  let jws: string | undefined;
  if (signed) {
    jws = await signCardDocument(document, cardText, state, options ?? {}, interactive);
    if (jws === undefined) return undefined;
  }
  return { html: await copyEmailHtml(cardText, jws), signed };
}
