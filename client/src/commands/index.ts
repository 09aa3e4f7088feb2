import * as vscode from 'vscode';
import { lazyBundle } from '../lazy-bundle';
import type * as CommandsBundle from './commands-bundle';
import { registerCommand } from './command-runner';
import { RememberedAddresses } from './remembered-addresses';
import { SigningKeyStore } from './signing-key-store';

/** The command ids (package.json contributes.commands) of the commands in dist/commands.js. */
const COMMAND_IDS: Readonly<Record<CommandsBundle.BundledCommand, string>> = {
  generateSigningKeyPair: 'actionableMessages.generateSigningKeyPair',
  signCard: 'actionableMessages.signCard',
  decodeJws: 'actionableMessages.decodeJws',
  copyEmailHtml: 'actionableMessages.copyEmailHtml',
  newCard: 'actionableMessages.newCard',
  inspectActionToken: 'actionableMessages.inspectActionToken',
  sendCardToMyself: 'actionableMessages.sendCardToMyself',
  setSmtpPassword: 'actionableMessages.setSmtpPassword',
};

/**
 * The signing, email and send commands, New Card and Inspect Action Token; each takes an optional argument that makes it run without prompts.
 * Their code loads when one first runs (dist/commands.js).
 */
export function registerCommands(context: vscode.ExtensionContext): void {
  const signing = { keys: new SigningKeyStore(context.secrets, context.globalState), addresses: new RememberedAddresses(context.workspaceState), secrets: context.secrets };
  const commands = lazyBundle<typeof CommandsBundle>(context, 'dist/commands.js');
  for (const [command, id] of Object.entries(COMMAND_IDS) as [CommandsBundle.BundledCommand, string][]) {
    registerCommand(context, id, (argument) => commands().runCommand(command, signing, argument));
  }
  reportLostSigningKey(signing.keys).catch((error: unknown) => {
    void vscode.window.showWarningMessage(`Could not check whether VS Code's secret storage kept the signing key: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/**
 * Run once per window: a key stored in secret storage in an earlier window and gone now is reported, with a way out.
 * Modal: a notification raised while the window starts may only reach the notification center, unseen.
 */
async function reportLostSigningKey(keys: SigningKeyStore): Promise<void> {
  const storedAt = await keys.lostSinceLastWindow();
  if (storedAt === undefined) return;
  const generate = 'Generate a Key into a File…';
  const answer = await vscode.window.showWarningMessage(
    `The signing key stored in VS Code's secret storage on ${new Date(storedAt).toLocaleString()} is gone: this VS Code did not keep it after the window reloaded.`,
    { modal: true, detail: 'Keep the signing key in a PKCS#8 PEM file here (actionableMessages.signing.privateKeyFile). Register the new public key in the Developer Dashboard.' },
    generate);
  if (answer === generate) await vscode.commands.executeCommand(COMMAND_IDS.generateSigningKeyPair);
}
