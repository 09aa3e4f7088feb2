import * as fs from 'fs/promises';
import * as vscode from 'vscode';
import { generateKeyPair, writePrivateKey, writePublicKey } from '../../../server/src/keys/rsa-keys';
import { UserFacingError } from './command-runner';
import { showUntitled } from './editor-documents';
import { PRIVATE_KEY_SECRET } from './signing-keys';
import { configuredPublicKeyEntries, resolveSettingPath, updateSetting } from './signing-settings';

export const GENERATE_KEY_PAIR_COMMAND = 'actionableMessages.generateSigningKeyPair';

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

async function askDestination(secrets: vscode.SecretStorage): Promise<Destination | undefined> {
  const picked = await vscode.window.showQuickPick([
    { label: 'VS Code secret storage', detail: 'Kept in the OS keychain by VS Code; used by "Sign Card" when present.', destination: 'secretStorage' as const },
    { label: 'A file…', detail: 'PKCS#8 PEM in a file you choose (keep it out of version control).', destination: 'file' as const },
  ], { title: 'Generate Signing Key Pair: where should the private key go?' });
  if (!picked) return undefined;
  if (picked.destination === 'secretStorage') {
    if (await secrets.get(PRIVATE_KEY_SECRET) !== undefined) {
      const replace = 'Replace';
      const answer = await vscode.window.showWarningMessage('VS Code\'s secret storage already holds a signing key.',
        { modal: true, detail: 'Replacing it cannot be undone: cards signed with the old key will no longer match a new public key.' }, replace);
      if (answer !== replace) return undefined;
    }
    return { kind: 'secretStorage' };
  }
  // The save dialog itself asks before it overwrites an existing file.
  const uri = await vscode.window.showSaveDialog({
    title: 'Save the private signing key (PKCS#8 PEM)',
    saveLabel: 'Save private key',
    filters: { 'PEM files': ['pem'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0] && vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'signing-key.pem'),
  });
  return uri ? { kind: 'file', uri } : undefined;
}

async function destinationFromOptions(options: GenerateKeyPairOptions, secrets: vscode.SecretStorage): Promise<Destination> {
  const destination = options.privateKeyDestination;
  if (destination === 'secretStorage') {
    if (!options.replace && await secrets.get(PRIVATE_KEY_SECRET) !== undefined) {
      throw new UserFacingError('VS Code\'s secret storage already holds a signing key; pass replace: true to replace it.');
    }
    return { kind: 'secretStorage' };
  }
  const uri = resolveSettingPath(destination.file);
  if (!options.replace && await exists(uri)) throw new UserFacingError(`${uri.fsPath} exists already; pass replace: true to overwrite it.`);
  return { kind: 'file', uri };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
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

export async function generateSigningKeyPair(secrets: vscode.SecretStorage, options?: GenerateKeyPairOptions): Promise<GeneratedKeyPair | undefined> {
  const modulusLength = options ? options.modulusLength ?? MODULUS_LENGTHS[0] : await askModulusLength();
  if (modulusLength === undefined) return undefined;
  const destination = options ? await destinationFromOptions(options, secrets) : await askDestination(secrets);
  if (!destination) return undefined;
  const { privateKey, publicKey } = generateKeyPair(modulusLength);
  const privateKeyPem = writePrivateKey(privateKey, 'pem');
  let storedIn: string;
  if (destination.kind === 'secretStorage') {
    await secrets.store(PRIVATE_KEY_SECRET, privateKeyPem);
    storedIn = 'secretStorage';
  } else {
    await writePrivateKeyFile(destination.uri, privateKeyPem);
    storedIn = destination.uri.toString();
  }
  const publicKeyPem = writePublicKey(publicKey, 'pem');
  const publicKeyXml = writePublicKey(publicKey, 'xml');
  const where = destination.kind === 'secretStorage' ? 'VS Code secret storage' : destination.uri.fsPath;
  const document = await showUntitled(publicKeyText(modulusLength, publicKeyXml, publicKeyPem, where), 'plaintext');
  await vscode.env.clipboard.writeText(publicKeyXml.trim());
  if (!options) offerNextSteps(destination, publicKeyPem);
  return { modulusLength, privateKeyStoredIn: storedIn, publicKeyPem, publicKeyXml, publicKeyDocument: document.uri };
}
