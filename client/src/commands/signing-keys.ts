import type { KeyObject } from 'crypto';
import * as vscode from 'vscode';
import { readPrivateKey, readPublicKey } from '../../../server/src/signing';
import { generateSigningKeyPair } from './generate-key-pair';
import type { SigningKeyStore } from './signing-key-store';
import { configuredPrivateKeyFile, configuredPublicKeyEntries, isInlineKey, resolveSettingPath } from './signing-settings';
import { UserFacingError } from './user-facing-error';

/** Where the private key comes from: SecretStorage, or a key file (the setting's, or `file` when given). */
export type KeySource = 'secretStorage' | 'file';

export interface PrivateKeyRequest {
  readonly keySource?: KeySource;
  /** A key file to use instead of actionableMessages.signing.privateKeyFile (absolute or workspace-relative). */
  readonly keyFile?: string;
  /** False when prompts must not be shown (commands driven by arguments). */
  readonly interactive: boolean;
  readonly resource?: vscode.Uri;
}

function displayPath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

function reasonOf(error: unknown): string {
  if (error instanceof vscode.FileSystemError) return error.code === 'FileNotFound' ? 'the file does not exist' : error.code || error.message;
  return error instanceof Error ? error.message : String(error);
}

/** The text of a key file; the error names the file and why it could not be read (never its content). */
export async function readKeyFile(uri: vscode.Uri, what: string): Promise<string> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    throw new UserFacingError(`Cannot read the ${what} ${displayPath(uri)}: ${reasonOf(error)}.`);
  }
}

async function privateKeyFromFile(uri: vscode.Uri): Promise<KeyObject> {
  return readPrivateKey(await readKeyFile(uri, 'private key file'), displayPath(uri));
}

async function privateKeyFromSecretStorage(keys: SigningKeyStore): Promise<KeyObject | undefined> {
  const stored = await keys.get();
  return stored === undefined ? undefined : readPrivateKey(stored, 'the signing key in VS Code\'s secret storage');
}

/** True when a signing key is at hand without asking: in SecretStorage or named by the key file setting. */
export async function hasConfiguredPrivateKey(keys: SigningKeyStore, resource?: vscode.Uri): Promise<boolean> {
  return await keys.has() || configuredPrivateKeyFile(resource) !== undefined;
}

/** No key at hand: the user picks a key file or generates a key pair (then signs with the new key). */
async function askForPrivateKey(keys: SigningKeyStore): Promise<KeyObject | undefined> {
  const picked = await vscode.window.showQuickPick([
    { label: 'Generate a new key pair…', detail: 'RSA, into VS Code\'s secret storage or a PKCS#8 PEM file; register its public key in the Developer Dashboard.', generate: true },
    { label: 'Pick a key file…', detail: 'PKCS#8 or PKCS#1 PEM, JWK, or RSAKeyValue XML (set actionableMessages.signing.privateKeyFile to skip this).', generate: false },
  ], { title: 'Sign Card: signing key', placeHolder: 'No signing key in VS Code\'s secret storage and no actionableMessages.signing.privateKeyFile', ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked.generate) {
    const generated = await generateSigningKeyPair(keys);
    if (!generated) return undefined;
    return generated.privateKeyStoredIn === 'secretStorage'
      ? privateKeyFromSecretStorage(keys)
      : privateKeyFromFile(vscode.Uri.parse(generated.privateKeyStoredIn, true));
  }
  const files = await vscode.window.showOpenDialog({
    title: 'Private key to sign the card with (PEM, JWK or RSAKeyValue XML)',
    canSelectMany: false,
    openLabel: 'Sign with this key',
    filters: { 'Key files': ['pem', 'key', 'json', 'jwk', 'xml'], 'All files': ['*'] },
  });
  return files?.[0] ? privateKeyFromFile(files[0]) : undefined;
}

/**
 * The signing key: from the source asked for, else SecretStorage, else the key file setting, else a key file the
 * user picks or a key pair they generate. Undefined when the user cancels.
 */
export async function loadPrivateKey(keys: SigningKeyStore, request: PrivateKeyRequest): Promise<KeyObject | undefined> {
  if (request.keyFile !== undefined) return privateKeyFromFile(resolveSettingPath(request.keyFile, request.resource));
  if (request.keySource !== 'file') {
    const stored = await privateKeyFromSecretStorage(keys);
    if (stored) return stored;
    if (request.keySource === 'secretStorage') {
      throw new UserFacingError('No signing key in VS Code\'s secret storage: run "Actionable Messages: Generate Signing Key Pair" first.');
    }
  }
  const configuredFile = configuredPrivateKeyFile(request.resource);
  if (configuredFile) return privateKeyFromFile(configuredFile);
  if (!request.interactive) {
    throw new UserFacingError('No signing key: set actionableMessages.signing.privateKeyFile or run "Actionable Messages: Generate Signing Key Pair".');
  }
  return askForPrivateKey(keys);
}

/** Every key of actionableMessages.signing.publicKeys; an unreadable or invalid entry stops with its name and reason. */
export async function loadPublicKeys(resource?: vscode.Uri): Promise<KeyObject[]> {
  const keys: KeyObject[] = [];
  for (const [index, entry] of configuredPublicKeyEntries(resource).entries()) {
    const where = `actionableMessages.signing.publicKeys[${index}]`;
    if (isInlineKey(entry)) {
      keys.push(readPublicKey(entry, where));
    } else {
      const uri = resolveSettingPath(entry.trim(), resource);
      keys.push(readPublicKey(await readKeyFile(uri, `public key file (${where})`), `${where}, ${displayPath(uri)}`));
    }
  }
  return keys;
}
