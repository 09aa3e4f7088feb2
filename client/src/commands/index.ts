import * as vscode from 'vscode';
import { registerCommand } from './command-runner';
import { COPY_EMAIL_HTML_COMMAND, copyCardEmailHtml } from './copy-email-html';
import { DECODE_JWS_COMMAND, decodeJws } from './decode-jws';
import { GENERATE_KEY_PAIR_COMMAND, generateSigningKeyPair, type GenerateKeyPairOptions } from './generate-key-pair';
import { NEW_CARD_COMMAND, newCard } from './new-card';
import { SIGN_CARD_COMMAND, signCard } from './sign-card';

/** The signing and email commands and New Card; each takes optional arguments that make it run without prompts. */
export function registerSigningCommands(context: vscode.ExtensionContext): void {
  registerCommand(context, GENERATE_KEY_PAIR_COMMAND, (options) => generateSigningKeyPair(context.secrets, options as GenerateKeyPairOptions | undefined));
  registerCommand(context, SIGN_CARD_COMMAND, (argument) => signCard(context.secrets, argument));
  registerCommand(context, DECODE_JWS_COMMAND, (argument) => decodeJws(argument));
  registerCommand(context, COPY_EMAIL_HTML_COMMAND, (argument) => copyCardEmailHtml(context.secrets, argument));
  registerCommand(context, NEW_CARD_COMMAND, (argument) => newCard(argument));
}
