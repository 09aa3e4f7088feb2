import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ServiceSettings } from '../../../server/src/rules';
import { readSettings, type Settings } from '../../../server/src/settings';
import { UserFacingError } from './user-facing-error';

const SECTION = 'actionableMessages';

/** The settings for `resource`, read and checked as the language server reads them: a bad value is its default. */
function settingsFor(resource: vscode.Uri | undefined): Settings {
  return readSettings(vscode.workspace.getConfiguration(SECTION, resource)).settings;
}

/** The From address (actionableMessages.sender), when set. */
export function configuredSender(resource?: vscode.Uri): string | undefined {
  return settingsFor(resource).service.sender;
}

/** The provider id (actionableMessages.originator), when set. */
export function configuredOriginator(resource?: vscode.Uri): string | undefined {
  return settingsFor(resource).service.originator;
}

/** The default To/Cc addresses for signing (actionableMessages.recipients); empty when not set. */
export function configuredRecipients(resource?: vscode.Uri): readonly string[] {
  return settingsFor(resource).recipients;
}

/** actionableMessages.signing.privateKeyFile, resolved; undefined when not set. */
export function configuredPrivateKeyFile(resource?: vscode.Uri): vscode.Uri | undefined {
  const setting = settingsFor(resource).privateKeyFile;
  return setting === undefined ? undefined : resolveSettingPath(setting, resource);
}

/** actionableMessages.signing.publicKeys: each entry a file path or an inline key (PEM, JWK or RSAKeyValue XML). */
export function configuredPublicKeyEntries(resource?: vscode.Uri): readonly string[] {
  return settingsFor(resource).publicKeys;
}

/** True for an entry of signing.publicKeys that holds the key itself rather than naming a file. */
export function isInlineKey(entry: string): boolean {
  const trimmed = entry.trim();
  return trimmed.includes('-----BEGIN ') || trimmed.startsWith('<') || trimmed.startsWith('{');
}

/** What the language server would check a document with, for running the rules on decoded payloads. */
export function serviceSettingsFor(resource?: vscode.Uri): ServiceSettings {
  return settingsFor(resource).service;
}

/** A path from a setting: absolute, `~/…`, or relative to the workspace folder of `resource` (else the first one). */
export function resolveSettingPath(setting: string, resource?: vscode.Uri): vscode.Uri {
  if (setting === '~' || setting.startsWith('~/')) return vscode.Uri.file(path.join(os.homedir(), setting.slice(1)));
  if (path.isAbsolute(setting)) return vscode.Uri.file(setting);
  const folder = (resource && vscode.workspace.getWorkspaceFolder(resource)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new UserFacingError(`The path "${setting}" is relative, but no workspace folder is open to resolve it against: use an absolute path.`);
  return vscode.Uri.joinPath(folder.uri, setting);
}

/**
 * The settings that point at key files or hold keys, the action targets and the bot the preview may send requests to,
 * and those that decide where a password or token is sent and to whom mail goes (Send Card to Myself): package.json
 * lists them as `restrictedConfigurations`, so in Restricted Mode VS Code ignores their workspace values, and `get` returns the user's. An untrusted folder cannot send the
 * Microsoft token to its own "Graph" or the mail to its own recipient.
 */
export const RESTRICTED_SETTINGS: readonly string[] = [
  'signing.privateKeyFile', 'signing.publicKeys', 'actionTarget.targets', 'actionTarget.allowedUrls',
  'send.to', 'send.allowOtherRecipients', 'send.graph.baseUrl', 'send.graph.clientId',
  'send.smtp.host', 'send.smtp.port', 'send.smtp.security', 'send.smtp.user',
  'bot.endpoint', 'bot.allowedEndpoints',
];

/**
 * Where a change of setting `name` goes: the workspace when one is open, else the user settings. A restricted
 * setting in an untrusted workspace goes to the user settings: a workspace value would be ignored there, and would
 * overwrite the workspace's own value with one built from the user's (a list appended to).
 */
export function settingsTarget(name: string, trusted = vscode.workspace.isTrusted): vscode.ConfigurationTarget {
  if (!trusted && RESTRICTED_SETTINGS.includes(name)) return vscode.ConfigurationTarget.Global;
  return vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

export async function updateSetting(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(name, value, settingsTarget(name));
}
