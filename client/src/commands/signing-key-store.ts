// Where "Generate Signing Key Pair" keeps a key in VS Code's secret storage, and whether this VS Code keeps it.
// Secret storage can refuse or drop a key, and in VS Code for the Web it can take it and still lose it at the next
// reload (the workbench's page host must support sealing secrets; the VS Code server alone answers the browser's
// request for a key with 405 Method Not Allowed, and the secret lives only in that page's memory). So a store is read
// back before the user is told the key is saved, and a stored key found gone after a reload is reported, never
// silently forgotten.
import * as vscode from 'vscode';

/** The SecretStorage entry that holds the signing key (PKCS#8 PEM). */
export const PRIVATE_KEY_SECRET = 'actionableMessages.signing.privateKey';
/** globalState: what is known about secret storage here (never the key). */
const STATE_KEY = 'actionableMessages.signing.keyStore';

interface StoreState {
  /** When a key was last stored in secret storage (an ISO date). */
  readonly storedAt?: string;
  /** True once a key stored in secret storage was found gone in a later window. */
  readonly forgets?: boolean;
}

/**
 * Kept in globalState, which lives where the secrets do (in VS Code for the Web, in the browser): a browser profile
 * that never stored a key is not told it lost one.
 */
export class SigningKeyStore {
  constructor(private readonly secrets: vscode.SecretStorage, private readonly globalState: vscode.Memento) {}

  private get state(): StoreState {
    return this.globalState.get<StoreState>(STATE_KEY) ?? {};
  }

  private async update(state: StoreState): Promise<void> {
    await this.globalState.update(STATE_KEY, state);
  }

  /** The key's PEM, when secret storage holds one. */
  get(): Thenable<string | undefined> {
    return this.secrets.get(PRIVATE_KEY_SECRET);
  }

  async has(): Promise<boolean> {
    return (await this.get()) !== undefined;
  }

  /** True when this VS Code has lost a key stored in its secret storage before: a file is the safe place here. */
  forgets(): boolean {
    return this.state.forgets === true;
  }

  /**
   * Stores `pem` and reads it back. Undefined when the key is there; else why not, worded to follow
   * "VS Code's secret storage cannot keep the key: ".
   */
  async store(pem: string): Promise<string | undefined> {
    try {
      await this.secrets.store(PRIVATE_KEY_SECRET, pem);
    } catch (error) {
      return `storing it failed (${error instanceof Error ? error.message : String(error)})`;
    }
    let readBack: string | undefined;
    try {
      readBack = await this.secrets.get(PRIVATE_KEY_SECRET);
    } catch (error) {
      return `reading it back failed (${error instanceof Error ? error.message : String(error)})`;
    }
    if (readBack !== pem) return readBack === undefined ? 'it was not there when read back' : 'another key was there when read back';
    await this.update({ ...this.state, storedAt: new Date().toISOString() });
    return undefined;
  }

  /**
   * Checks, in a new window, that the key stored in an earlier one is still there. When it is gone, remembers that
   * this VS Code forgets secrets and resolves to when it was stored (an ISO date); else undefined.
   */
  async lostSinceLastWindow(): Promise<string | undefined> {
    const { storedAt } = this.state;
    if (storedAt === undefined) return undefined;
    if (await this.has()) {
      if (this.state.forgets) await this.update({ storedAt });
      return undefined;
    }
    await this.update({ forgets: true });
    return storedAt;
  }
}
