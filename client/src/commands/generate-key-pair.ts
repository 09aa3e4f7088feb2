import * as fs from 'fs/promises';
import * as vscode from 'vscode';
import { generateKeyPair, writePrivateKey, writePublicKey } from '../../../server/src/signing';
import { showNamedUntitled } from './editor-documents';
import type { SigningKeyStore } from './signing-key-store';
import { configuredPublicKeyEntries, resolveSettingPath, updateSetting } from './signing-settings';
import { UserFacingError } from './user-facing-error';
import { exists } from './workspace-files';

const MODULUS_LENGTHS = [2048, 3072, 4096] as const;

/** Arguments that make the command run without prompts (scripts, tests); without them it asks. */
export interface GenerateKeyPairOptions {
  readonly modulusLength?: number;
  /** 'secretStorage', or a file path (absolute or workspace-relative) for the PKCS#8 PEM. */
  readonly privateKeyDestination: 'secretStorage' | { readonly file: string };
  /** Replace a key already in SecretStorage, or a file that exists (refused otherwise). */
  readonly replace?: boolean;
}

export interface GeneratedKeyPair {
  readonly modulusLength: number;
  /** Where the private key went: 'secretStorage' or the file's URI. */
  readonly privateKeyStoredIn: string;
  readonly publicKeyPem: string;
  readonly publicKeyXml: string;
  readonly publicKeyDocument: vscode.Uri;
}

type Destination = { kind: 'secretStorage' } | { kind: 'file'; uri: vscode.Uri };

async function askModulusLength(): Promise<number | undefined> {
  const picked = await vscode.window.showQuickPick(
    MODULUS_LENGTHS.map((bits) => ({ label: `RSA ${bits}`, bits, description: bits === 2048 ? 'the minimum; what most providers use' : undefined })),
    { title: 'Generate Signing Key Pair: key size', placeHolder: 'Modulus length in bits' });
  return picked?.bits;
}

const FILE_CHOICE = { label: 'A file…', detail: 'PKCS#8 PEM in a file you choose (keep it out of version control).', destination: 'file' as const };

/** What the secret storage choice says: where this VS Code keeps secrets, and whether it lost one before. */
function secretStorageChoice(forgets: boolean) {
  const detail = forgets
    ? 'Not kept in this VS Code: a key stored there before was gone after the window reloaded. Choose a file.'
    : vscode.env.uiKind === vscode.UIKind.Web
      ? 'In VS Code for the Web, kept only where the page\'s host supports it; you are told after a reload if it was lost.'
      : 'Kept in the OS keychain by VS Code; used by "Sign Card" when present.';
  return { label: 'VS Code secret storage', detail, destination: 'secretStorage' as const };
}

async function askDestination(keys: SigningKeyStore): Promise<Destination | undefined> {
  const forgets = keys.forgets();
  const choices = forgets ? [FILE_CHOICE, secretStorageChoice(forgets)] : [secretStorageChoice(forgets), FILE_CHOICE];
  const picked = await vscode.window.showQuickPick(choices, { title: 'Generate Signing Key Pair: where should the private key go?' });
  if (!picked) return undefined;
  if (picked.destination === 'secretStorage') {
    if (await keys.has()) {
      const replace = 'Replace';
      const answer = await vscode.window.showWarningMessage('VS Code\'s secret storage already holds a signing key.',
        { modal: true, detail: 'Replacing it cannot be undone: cards signed with the old key will no longer match a new public key.' }, replace);
      if (answer !== replace) return undefined;
    }
    return { kind: 'secretStorage' };
  }
  const uri = await askKeyFile();
  return uri ? { kind: 'file', uri } : undefined;
}

/** The save dialog itself asks before it overwrites an existing file. */
function askKeyFile(): Thenable<vscode.Uri | undefined> {
  return vscode.window.showSaveDialog({
    title: 'Save the private signing key (PKCS#8 PEM)',
    saveLabel: 'Save private key',
    filters: { 'PEM files': ['pem'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0] && vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'signing-key.pem'),
  });
}

async function destinationFromOptions(options: GenerateKeyPairOptions, keys: SigningKeyStore): Promise<Destination> {
  const destination = options.privateKeyDestination;
  if (destination === 'secretStorage') {
    if (!options.replace && await keys.has()) {
      throw new UserFacingError('VS Code\'s secret storage already holds a signing key; pass replace: true to replace it.');
    }
    return { kind: 'secretStorage' };
  }
  const uri = resolveSettingPath(destination.file);
  if (!options.replace && await exists(uri)) throw new UserFacingError(`${uri.fsPath} exists already; pass replace: true to overwrite it.`);
  return { kind: 'file', uri };
}

/** Writes the key readable by its owner only where the file system supports modes. */
async function writePrivateKeyFile(uri: vscode.Uri, pem: string): Promise<void> {
  try {
    if (uri.scheme === 'file') {
      await fs.writeFile(uri.fsPath, pem, { mode: 0o600 });
      await fs.chmod(uri.fsPath, 0o600);
    } else {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(pem));
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserFacingError(`Cannot write the private key to ${uri.scheme === 'file' ? uri.fsPath : uri.toString()}: ${reason}`);
  }
}

function publicKeyText(modulusLength: number, xml: string, pem: string, storedIn: string): string {
  return [
    `Public key of a new RSA ${modulusLength} signing key for actionable messages (private key: ${storedIn}).`,
    '',
    'RSAKeyValue XML, for the Actionable Email Developer Dashboard (also on the clipboard):',
    '',
    xml.trim(),
    '',
    'SPKI PEM, for actionableMessages.signing.publicKeys and other tools:',
    '',
    pem.trim(),
    '',
  ].join('\n');
}

/** Offers what usually comes next; not awaited, so the command finishes while the notification stays. */
function offerNextSteps(destination: Destination, publicKeyPem: string): void {
  const trust = 'Add to Public Keys';
  const useFile = 'Use for Signing';
  const actions = destination.kind === 'file' ? [useFile, trust] : [trust];
  void vscode.window.showInformationMessage('Signing key pair generated; the public key (RSAKeyValue XML) is on the clipboard.', ...actions)
    .then(async (choice) => {
      if (choice === trust) {
        await updateSetting('signing.publicKeys', [...configuredPublicKeyEntries(), publicKeyPem.trim()]);
      } else if (choice === useFile && destination.kind === 'file') {
        await updateSetting('signing.privateKeyFile', destination.uri.fsPath);
      }
    });
}

/**
 * Puts the key where the user chose. When secret storage cannot keep it, the user is told why and may save the same
 * key to a file instead; driven by options, the command stops with that reason. Undefined when nothing was saved.
 */
async function savePrivateKey(pem: string, destination: Destination, keys: SigningKeyStore, interactive: boolean): Promise<Destination | undefined> {
  if (destination.kind === 'file') {
    await writePrivateKeyFile(destination.uri, pem);
    return destination;
  }
  const problem = await keys.store(pem);
  if (problem === undefined) return destination;
  const refusal = `VS Code's secret storage cannot keep the key: ${problem}.`;
  if (!interactive) throw new UserFacingError(`${refusal} Nothing was saved; generate into a file (privateKeyDestination: { file: "…" }).`);
  const toFile = 'Save to a File…';
  const answer = await vscode.window.showWarningMessage(refusal, { modal: true, detail: 'Save the new key to a PKCS#8 PEM file instead? Otherwise it is discarded and nothing changes.' }, toFile);
  const uri = answer === toFile ? await askKeyFile() : undefined;
  if (uri === undefined) {
    void vscode.window.showWarningMessage('The new signing key was discarded: it was not saved anywhere.');
    return undefined;
  }
  await writePrivateKeyFile(uri, pem);
  return { kind: 'file', uri };
}

export async function generateSigningKeyPair(keys: SigningKeyStore, options?: GenerateKeyPairOptions): Promise<GeneratedKeyPair | undefined> {
  const modulusLength = options ? options.modulusLength ?? MODULUS_LENGTHS[0] : await askModulusLength();
  if (modulusLength === undefined) return undefined;
  const chosen = options ? await destinationFromOptions(options, keys) : await askDestination(keys);
  if (!chosen) return undefined;
  const { privateKey, publicKey } = await generateKeyPair(modulusLength);
  const destination = await savePrivateKey(writePrivateKey(privateKey, 'pem'), chosen, keys, options === undefined);
  if (!destination) return undefined;
  const storedIn = destination.kind === 'secretStorage' ? 'secretStorage' : destination.uri.toString();
  const publicKeyPem = writePublicKey(publicKey, 'pem');
  const publicKeyXml = writePublicKey(publicKey, 'xml');
  const where = destination.kind === 'secretStorage' ? 'VS Code secret storage' : destination.uri.fsPath;
  const document = await showNamedUntitled('public-key', '.txt', publicKeyText(modulusLength, publicKeyXml, publicKeyPem, where), 'plaintext');
  await vscode.env.clipboard.writeText(publicKeyXml.trim());
  if (!options) offerNextSteps(destination, publicKeyPem);
  return { modulusLength, privateKeyStoredIn: storedIn, publicKeyPem, publicKeyXml, publicKeyDocument: document.uri };
}
