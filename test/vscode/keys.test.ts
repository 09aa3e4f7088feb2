// Runs before signing.test.ts (files run in name order), while this session's secret storage holds no signing key.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CommandFailure } from '../../client/src/commands/command-runner';
import { generateSigningKeyPair } from '../../client/src/commands/generate-key-pair';
import type { SignedCard } from '../../client/src/commands/sign-card';
import { SigningKeyStore } from '../../client/src/commands/signing-key-store';
import { openInEditor, startExtension } from './helpers';

const SENDER = 'alerts@contoso.example';
const RECIPIENTS = ['lee.chen@contoso.example'];
const EXAMPLE = 'examples/approval-http.card.json';

function signWithStoredKey(): Thenable<SignedCard | CommandFailure | undefined> {
  return vscode.commands.executeCommand<SignedCard | CommandFailure | undefined>('actionableMessages.signCard',
    { sender: SENDER, recipients: RECIPIENTS, keySource: 'secretStorage' });
}

/** A globalState stand-in: a map. */
function memoryState(): vscode.Memento {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? values.get(key) as T : fallback),
    update: async (key: string, value: unknown) => { values.set(key, value); },
  } as vscode.Memento;
}

/**
 * Minimal stand-ins for a secret storage that fails as the browser VS Code's can: `store` rejects, or resolves
 * and keeps nothing. (The real one of this VS Code server keeps the key until the page reloads: e2e/checks/keys.mjs.)
 */
function secretStorage(store: (key: string, value: string) => Promise<void>, get: (key: string) => Promise<string | undefined>): vscode.SecretStorage {
  return { store, get, delete: async () => undefined, keys: async () => [], onDidChange: new vscode.EventEmitter<vscode.SecretStorageChangeEvent>().event } as vscode.SecretStorage;
}

describe('signing keys in a real VS Code', () => {
  before(async () => {
    await startExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Sign Card without a key asks for the key before sender and recipients, and signs with the key generated there', async () => {
    // The example as on disk: other suites may have left their edits of the file in memory.
    await openInEditor(EXAMPLE);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    const before = await signWithStoredKey();
    assert.ok(before && 'error' in before && /No signing key in VS Code's secret storage/.test(before.error),
      `precondition: no key in secret storage yet (got ${JSON.stringify(before)})`);
    let publicKeyShown = false;
    // The public key opens in a new editor named public-key-<n>.txt, empty, and its text is typed in next.
    const watching = vscode.workspace.onDidChangeTextDocument(({ document }) => {
      if (/^public-key-\d+\.txt$/.test(document.uri.path) && document.getText().startsWith('Public key of a new RSA')) publicKeyShown = true;
    });
    try {
      // From the palette: no arguments. Accepting takes the first item of each question: "Generate a new key pair…",
      // RSA 2048, VS Code secret storage. Had the sender come first, accepting its empty box would go nowhere.
      const running = vscode.commands.executeCommand<SignedCard | CommandFailure | undefined>('actionableMessages.signCard');
      let settled = false;
      void Promise.resolve(running).finally(() => { settled = true; });
      /** Sends `quickInputCommand` until `done`, for at most 30 s. */
      const answerUntil = async (quickInputCommand: string, done: () => boolean): Promise<void> => {
        const deadline = Date.now() + 30_000;
        while (!done() && Date.now() < deadline) {
          await vscode.commands.executeCommand(quickInputCommand);
          await new Promise((resolve) => setTimeout(resolve, 150));
        }
      };
      await answerUntil('workbench.action.acceptSelectedQuickOpenItem', () => publicKeyShown || settled);
      if (!publicKeyShown) await answerUntil('workbench.action.closeQuickOpen', () => settled);
      assert.ok(publicKeyShown, `the key pair was generated before the command ended (${JSON.stringify(settled ? await running : 'still running')})`);
      // Then the sender is asked for (not set): closing it cancels the signing.
      await answerUntil('workbench.action.closeQuickOpen', () => settled);
      assert.strictEqual(await running, undefined, 'cancelled at the sender');
    } finally {
      watching.dispose();
    }
    await openInEditor(EXAMPLE);
    const signed = await signWithStoredKey();
    assert.ok(signed && 'jws' in signed, `the generated key is in secret storage and signs: ${JSON.stringify(signed)}`);
  });

  it('a secret storage that refuses the key: the command says so and saves nothing', async () => {
    const refusing = new SigningKeyStore(secretStorage(async () => { throw new Error('Method Not Allowed'); }, async () => undefined), memoryState());
    const opened: string[] = [];
    const watching = vscode.workspace.onDidOpenTextDocument((document) => opened.push(document.uri.path));
    try {
      await assert.rejects(generateSigningKeyPair(refusing, { privateKeyDestination: 'secretStorage' }),
        /^UserFacingError: VS Code's secret storage cannot keep the key: storing it failed \(Method Not Allowed\)\. Nothing was saved; generate into a file/);
    } finally {
      watching.dispose();
    }
    assert.ok(!opened.some((name) => /^public-key-\d+\.txt$/.test(name)), `no public key is shown for a key that was not saved (opened: ${opened.join(', ')})`);
  });

  it('a secret storage that takes the key and keeps nothing: the read-back catches it', async () => {
    const dropping = new SigningKeyStore(secretStorage(async () => undefined, async () => undefined), memoryState());
    await assert.rejects(generateSigningKeyPair(dropping, { privateKeyDestination: 'secretStorage' }),
      /cannot keep the key: it was not there when read back\./);
  });

  it('a key stored in one window and gone in the next is reported once, and secret storage is then known to forget', async () => {
    const state = memoryState();
    const kept = new Map<string, string>();
    const firstWindow = new SigningKeyStore(secretStorage(async (key, value) => { kept.set(key, value); }, async (key) => kept.get(key)), state);
    assert.strictEqual(await firstWindow.store('-----BEGIN PRIVATE KEY-----\n…'), undefined);
    assert.strictEqual(await firstWindow.lostSinceLastWindow(), undefined, 'still there in the same window');
    // The next window: the same globalState, a secret storage that lost everything.
    const nextWindow = new SigningKeyStore(secretStorage(async () => undefined, async () => undefined), state);
    const storedAt = await nextWindow.lostSinceLastWindow();
    assert.ok(storedAt && Math.abs(Date.parse(storedAt) - Date.now()) < 60_000, `reported with when it was stored: ${storedAt}`);
    assert.strictEqual(nextWindow.forgets(), true);
    assert.strictEqual(await nextWindow.lostSinceLastWindow(), undefined, 'reported once');
  });
});
