import * as vscode from 'vscode';
import { registerCommand } from './command-runner';
import { COPY_EMAIL_HTML_COMMAND, copyCardEmailHtml } from './copy-email-html';
import { DECODE_JWS_COMMAND, decodeJws } from './decode-jws';
import { GENERATE_KEY_PAIR_COMMAND, generateSigningKeyPair, reportLostSigningKey, type GenerateKeyPairOptions } from './generate-key-pair';
import { NEW_CARD_COMMAND, newCard } from './new-card';
import { SIGN_CARD_COMMAND, signCard } from './sign-card';
import { RememberedAddresses } from './remembered-addresses';
import { SEND_CARD_COMMAND, sendCardToMyself, SET_SMTP_PASSWORD_COMMAND, setSmtpPassword } from './send-card';
import { SigningKeyStore } from './signing-key-store';
import { SmtpPasswords } from './smtp-passwords';

/** The signing and email commands and New Card; each takes optional arguments that make it run without prompts. */
export function registerCommands(context: vscode.ExtensionContext): void {
  const keys = new SigningKeyStore(context.secrets, context.globalState);
  const signing = { keys, addresses: new RememberedAddresses(context.workspaceState) };
  registerCommand(context, GENERATE_KEY_PAIR_COMMAND, (options) => generateSigningKeyPair(keys, options as GenerateKeyPairOptions | undefined));
  registerCommand(context, SIGN_CARD_COMMAND, (argument) => signCard(signing, argument));
  registerCommand(context, DECODE_JWS_COMMAND, (argument) => decodeJws(argument));
  registerCommand(context, COPY_EMAIL_HTML_COMMAND, (argument) => copyCardEmailHtml(signing, argument));
  registerCommand(context, NEW_CARD_COMMAND, (argument) => newCard(argument));
  const smtpPasswords = new SmtpPasswords(context.secrets);
  registerCommand(context, SEND_CARD_COMMAND, (argument) => sendCardToMyself({ ...signing, smtpPasswords }, argument));
  registerCommand(context, SET_SMTP_PASSWORD_COMMAND, (options) => setSmtpPassword(smtpPasswords, options as { password?: string } | undefined));
  reportLostSigningKey(keys).catch((error: unknown) => {
    void vscode.window.showWarningMessage(`Could not check whether VS Code's secret storage kept the signing key: ${error instanceof Error ? error.message : String(error)}`);
  });
}
