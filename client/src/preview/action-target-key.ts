// The development key of the preview's action target (docs/action-tokens.md): a private JWK in VS Code's secret
// storage, created on first use, and its public JWKS in the card's workspace folder for the user's service to trust
// in development. The private key is never written to a file, a log or a message.
import * as vscode from 'vscode';
import { createDevelopmentKey, developmentJwks, readDevelopmentKey, serializeDevelopmentKey, type DevelopmentKey } from '../../../server/src/signing';
import { UserFacingError } from '../commands/user-facing-error';

const DEVELOPMENT_KEY_SECRET = 'actionableMessages.actionTarget.developmentKey';
/** Beside `amcard invoke`'s `.amcard/development-key.jwks.json`, under its own name: the two keys differ. */
export const JWKS_FILE = '.amcard/vscode-development.jwks.json';

const stores = new WeakMap<vscode.SecretStorage, DevelopmentKeyStore>();

/** The one store of an extension's secret storage, so the preview and Inspect Action Token never create two keys. */
export function developmentKeyStore(secrets: vscode.SecretStorage): DevelopmentKeyStore {
  const store = stores.get(secrets) ?? new DevelopmentKeyStore(secrets);
  stores.set(secrets, store);
  return store;
}

export class DevelopmentKeyStore {
  private key: Promise<DevelopmentKey> | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The key, created and stored the first time. */
  get(): Promise<DevelopmentKey> {
    this.key ??= this.load().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  private async load(): Promise<DevelopmentKey> {
    const stored = await this.secrets.get(DEVELOPMENT_KEY_SECRET);
    if (stored !== undefined) return readDevelopmentKey(stored, 'the development key in secret storage');
    const key = await createDevelopmentKey();
    await this.secrets.store(DEVELOPMENT_KEY_SECRET, serializeDevelopmentKey(key));
    return key;
  }

  /**
   * Writes the JWKS into `folder` when it is missing; a JWKS there that lacks this key is replaced only when the
   * user says so. Returns the file, or undefined when the user kept the old one.
   */
  async writeJwks(folder: vscode.Uri): Promise<vscode.Uri | undefined> {
    const key = await this.get();
    const file = vscode.Uri.joinPath(folder, JWKS_FILE);
    const existing = await vscode.workspace.fs.readFile(file).then((bytes) => new TextDecoder().decode(bytes), () => undefined);
    if (existing?.includes(key.publicJwk.kid)) return file;
    if (existing !== undefined) {
      const replace = 'Replace';
      const answer = await vscode.window.showWarningMessage(`${JWKS_FILE} does not hold this VS Code's development key. Replace it? Your service then trusts tokens of this key instead.`, { modal: true }, replace);
      if (answer !== replace) return undefined;
    }
    try {
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(developmentJwks(key)));
    } catch (error) {
      throw new UserFacingError(`Could not write ${JWKS_FILE}: ${error instanceof Error ? error.message : String(error)}.`);
    }
    return file;
  }
}
