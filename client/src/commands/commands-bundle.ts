// The entry of dist/commands.js: the work of the signing, email and New Card commands, with jose, parse5 and the
// rules they run. index.ts registers the commands at activation and requires this bundle when one first runs
// (client/src/lazy-bundle.ts).
import { reportingProblems } from './command-runner';
import { copyCardEmailHtml } from './copy-email-html';
import { decodeJws } from './decode-jws';
import type * as vscode from 'vscode';
import { developmentKeyStore } from '../preview/action-target-key';
import { generateSigningKeyPair, type GenerateKeyPairOptions } from './generate-key-pair';
import { inspectActionToken, type InspectTokenOptions } from './inspect-token';
import { newCard } from './new-card';
import { sendCardToMyself, setSmtpPassword } from './send-card';
import { signCard, type SigningState } from './sign-card';
import { SmtpPasswords } from './smtp-passwords';

export type BundledCommand = 'generateSigningKeyPair' | 'signCard' | 'decodeJws' | 'copyEmailHtml' | 'newCard' | 'inspectActionToken' | 'sendCardToMyself' | 'setSmtpPassword';

/** What the commands keep across runs: the signing state, and the secret storage (development key, SMTP passwords). */
export interface CommandState extends SigningState {
  readonly secrets: vscode.SecretStorage;
}

/** Each command's work; the argument, when given, makes it run without prompts. */
const COMMANDS: Readonly<Record<BundledCommand, (signing: CommandState, argument: unknown) => Promise<unknown>>> = {
  generateSigningKeyPair: (signing: SigningState, argument: unknown) => generateSigningKeyPair(signing.keys, argument as GenerateKeyPairOptions | undefined),
  signCard: (signing: SigningState, argument: unknown) => signCard(signing, argument),
  decodeJws: (_signing: SigningState, argument: unknown) => decodeJws(argument),
  copyEmailHtml: (signing: SigningState, argument: unknown) => copyCardEmailHtml(signing, argument),
  newCard: (_signing: SigningState, argument: unknown) => newCard(argument),
  inspectActionToken: (state: CommandState, argument: unknown) => inspectActionToken(developmentKeyStore(state.secrets), argument as InspectTokenOptions | undefined),
  sendCardToMyself: (state: CommandState, argument: unknown) => sendCardToMyself({ ...state, smtpPasswords: new SmtpPasswords(state.secrets) }, argument),
  setSmtpPassword: (state: CommandState, argument: unknown) => setSmtpPassword(new SmtpPasswords(state.secrets), argument as { password?: string } | undefined),
};

/** Runs `command`, reporting its problems here, in the bundle whose error classes threw them. */
export function runCommand(command: BundledCommand, signing: CommandState, argument: unknown): Promise<unknown> {
  return reportingProblems(() => COMMANDS[command](signing, argument));
}
