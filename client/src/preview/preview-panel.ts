// The entry of dist/preview.js: the panel and everything it needs, required when the first preview opens (index.ts).
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { executeInvokeFrom } from '../../../server/src/card';
import type { HostMessage, NamedText, PreviewOptions, WebviewMessage } from '../../../webview/src/protocol';
import { messageForPeople } from '../commands/user-facing-error';
import type { SendHttpAction } from './action-target';

export { sendFromPreview } from './action-target';
export { developmentKeyStore } from './action-target-key';
import { Debounced, EDIT_SETTLE_MS } from './debounce';
import { countDiagnostics } from './diagnostic-counts';
import { fileLabel } from './file-reading';
import { botEndpointFor, runOnBot } from './bot-runner';
import { confirmAndOpenUrl } from './link-opener';
import { previewHtml } from './preview-html';
import { pickResponseFile } from './response-picker';
import { DATA_FILE_GLOB, findDataFile, folderOf, readDataFile } from './template-data';
import { webviewMessageFrom } from './webview-messages';

/** A render the webview finished: what the host sent (document, data file) and what the webview reported. */
export interface PreviewRender {
  readonly documentUri: string;
  readonly sequence: number;
  readonly outcome: 'card' | 'problem' | 'keptLastGood';
  readonly durationMs: number;
  /** The template data file sent with this render, when one sits beside the card. */
  readonly dataFileName: string | undefined;
}

/** What the panel needs from the extension around it. */
export interface PreviewHost {
  readonly extensionUri: vscode.Uri;
  options(): PreviewOptions;
  rememberOptions(options: PreviewOptions): void;
  rememberDocument(uri: vscode.Uri): void;
  rendered(render: PreviewRender): void;
  /** The user triggered an action in the preview and the page simulated it. */
  actionSimulated(title: string): void;
  /** An Action.Http to send to its action target, when one is configured: the messages that answer the page. */
  sendHttpAction(message: SendHttpAction, card: vscode.Uri): Promise<readonly HostMessage[]>;
}

/** Sequences grow across panels, so a late `rendered` of a closed panel can never pass for a new one. */
let lastSequence = 0;

export function previewTitle(document: vscode.TextDocument): string {
  return `Preview ${fileLabel(document.uri)}`;
}

/** Only the bundle may be loaded into the page; no command links. */
export function previewWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
}

/**
 * One preview webview panel and the card it shows: renders on `ready`, after edits (debounced), saves and data
 * file changes, pushes diagnostics counts, and answers the webview's requests (links, Problems, response files).
 */
export class PreviewPanel implements vscode.Disposable {
  private shown: vscode.TextDocument;
  private ready = false;
  private disposed = false;
  /** What was sent with each render the webview has not reported yet. */
  private readonly pending = new Map<number, Pick<PreviewRender, 'documentUri' | 'dataFileName'>>();
  private dataFile: vscode.Uri | undefined;
  private dataProblem: string | undefined;
  private dataFolderWatch: { folder: string; watcher: vscode.FileSystemWatcher } | undefined;
  private renders: Promise<void> = Promise.resolve();
  private readonly afterEdits = new Debounced(EDIT_SETTLE_MS, () => this.render());
  private readonly subscriptions: vscode.Disposable[];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(readonly panel: vscode.WebviewPanel, document: vscode.TextDocument, private readonly host: PreviewHost) {
    this.shown = document;
    const { webview } = panel;
    webview.options = previewWebviewOptions(host.extensionUri);
    this.subscriptions = [
      this.afterEdits,
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && (this.isShown(event.document.uri) || this.isDataFile(event.document.uri))) this.afterEdits.schedule();
      }),
      vscode.workspace.onDidSaveTextDocument((saved) => { if (this.isShown(saved.uri)) this.render(); }),
      vscode.workspace.onDidOpenTextDocument((opened) => {
        // The same file opened again (after it was closed, or under another language) is a new document object.
        if (this.isShown(opened.uri)) {
          this.shown = opened;
          this.render();
        }
      }),
      vscode.workspace.onDidChangeConfiguration((event) => { if (event.affectsConfiguration('actionableMessages.bot', this.shown.uri)) this.render(); }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((uri) => this.isShown(uri))) this.post({ type: 'diagnostics', documentUri: this.documentUri, diagnostics: this.diagnostics() });
      }),
    ];
    this.show(document);
    webview.html = this.page();
  }

  get documentUri(): string {
    return this.shown.uri.toString();
  }

  /** Shows `document` (a card): retitles the panel, watches its folder for data files and renders it. */
  show(document: vscode.TextDocument): void {
    this.shown = document;
    this.panel.title = previewTitle(document);
    this.host.rememberDocument(document.uri);
    this.watchDataFolder(document.uri);
    this.render();
  }

  private isShown(uri: vscode.Uri): boolean {
    return uri.toString() === this.documentUri;
  }

  private isDataFile(uri: vscode.Uri): boolean {
    return this.dataFile !== undefined && uri.toString() === this.dataFile.toString();
  }

  private page(): string {
    const { webview } = this.panel;
    const dist = vscode.Uri.joinPath(this.host.extensionUri, 'dist');
    return previewHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64url'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
      options: this.host.options(),
    });
  }

  /** A data file can appear, change or go at any time; the watcher re-renders, and each render looks again. */
  private watchDataFolder(card: vscode.Uri): void {
    const folder = card.scheme === 'untitled' ? undefined : folderOf(card);
    if (this.dataFolderWatch?.folder === folder?.toString()) return;
    this.dataFolderWatch?.watcher.dispose();
    this.dataFolderWatch = undefined;
    if (folder === undefined) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, DATA_FILE_GLOB));
    const changed = () => this.afterEdits.schedule();
    watcher.onDidCreate(changed);
    watcher.onDidChange(changed);
    watcher.onDidDelete(changed);
    this.dataFolderWatch = { folder: folder.toString(), watcher };
  }

  private diagnostics() {
    return countDiagnostics(vscode.languages.getDiagnostics(this.shown.uri));
  }

  /** Renders the shown document now; renders run one after another, so sequences follow the order of the texts. */
  private render(): void {
    this.afterEdits.cancel();
    this.renders = this.renders.then(() => this.renderNow()).then(undefined, (error: unknown) => {
      void vscode.window.showErrorMessage(`Card preview of ${fileLabel(this.shown.uri)}: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async renderNow(): Promise<void> {
    if (!this.ready || this.disposed) return;
    const document = this.shown;
    const data = await this.templateData(document.uri);
    // Another document was shown meanwhile; its own render is queued behind this one.
    if (document !== this.shown || !this.ready || this.disposed) return;
    const sequence = ++lastSequence;
    this.pending.set(sequence, { documentUri: this.documentUri, dataFileName: data?.fileName });
    const bot = botEndpointFor(document.uri);
    this.post({
      type: 'render',
      sequence,
      documentUri: this.documentUri,
      fileName: fileLabel(document.uri),
      text: document.getText(),
      ...(data === undefined ? {} : { data }),
      diagnostics: this.diagnostics(),
      ...(bot instanceof URL ? { botEndpoint: bot.href } : {}),
    });
  }

  /** The data file's text, or undefined without one; a data file that cannot be read is said once, not per keystroke. */
  private async templateData(card: vscode.Uri): Promise<NamedText | undefined> {
    this.dataFile = await findDataFile(card);
    if (this.dataFile === undefined) return undefined;
    try {
      const data = await readDataFile(this.dataFile);
      this.dataProblem = undefined;
      return data;
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      if (problem !== this.dataProblem) void vscode.window.showWarningMessage(`${problem} The preview shows the card without template data.`);
      this.dataProblem = problem;
      return undefined;
    }
  }

  private post(message: HostMessage): void {
    if (!this.ready || this.disposed) return;
    // A webview that is going away rejects; the next `ready` renders afresh.
    this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }

  private receive(raw: unknown): void {
    const message = webviewMessageFrom(raw);
    if (message !== undefined) void this.handle(message);
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.render();
        return;
      case 'rendered':
        return this.reportRendered(message);
      case 'openUrl':
        return confirmAndOpenUrl(message.url);
      case 'showProblems':
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        return;
      case 'pickResponse':
        return this.applyPickedResponse();
      case 'actionSimulated':
        return this.host.actionSimulated(message.title);
      case 'sendHttpAction': {
        const replies = await this.host.sendHttpAction(message, this.shown.uri);
        // Without an action target nothing was sent: the card's own request is answered from a response file.
        if (replies.length === 0 && message.automatic) return this.applyPickedResponse();
        for (const reply of replies) this.post(reply);
        return;
      }
      case 'optionsChanged':
        this.host.rememberOptions(message.options);
        return;
      case 'invokeBot': {
        const invoke = executeInvokeFrom(message.invoke);
        if (invoke !== undefined) this.post(await runOnBot(this.shown.uri, invoke));
        return;
      }
    }
  }

  private reportRendered(message: Extract<WebviewMessage, { type: 'rendered' }>): void {
    const sent = this.pending.get(message.sequence);
    if (sent === undefined) return;
    // The webview may skip renders that a newer one overtook; those will never be reported.
    for (const sequence of this.pending.keys()) if (sequence <= message.sequence) this.pending.delete(sequence);
    this.host.rendered({ ...sent, sequence: message.sequence, outcome: message.outcome, durationMs: message.durationMs });
  }

  private async applyPickedResponse(): Promise<void> {
    try {
      const response = await pickResponseFile(this.shown.uri);
      this.post(response === undefined ? { type: 'responseCancelled' } : { type: 'applyResponse', response });
    } catch (error) {
      this.post({ type: 'responseCancelled' });
      void vscode.window.showErrorMessage(messageForPeople(error));
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.dataFolderWatch?.watcher.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }
}
