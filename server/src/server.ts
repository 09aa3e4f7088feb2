// The language server: a thin adapter of the pure service in ./service to LSP. Started by the extension over
// node-ipc, or by any LSP client with `node dist/server.js --stdio`.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  BulkRegistration,
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DocumentHighlightKind,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  FoldingRangeRequest,
  InsertTextFormat,
  MarkupKind,
  ProposedFeatures,
  ResponseError,
  SelectionRangeRequest,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeActionParams,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionParams,
  type Diagnostic,
  type DocumentHighlight,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type Range,
  type SelectionRange,
  type ServerCapabilities,
  type TextDocumentPositionParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CARD_LANGUAGE_ID,
  cardDocumentSymbols,
  cardFoldingRanges,
  cardSelectionRanges,
  carryOver,
  complete,
  type CompletionEntry,
  formatCard,
  type ElementIdUses,
  hover,
  elementIdUsesAt,
  inputTokenCompletions,
  invalidNewIdReason,
  isDeclaredCard,
  type ParsedDocument,
  ParsedDocuments,
  quickFixes,
  type TextSpan,
  ValidationCosts,
  withoutTabStops,
} from './language';
import { DEFAULT_EDITOR_SETTINGS, type EditorSettings, matchesFileGlobs, readEditorSettings } from './settings';
import { type Finding, type RuleId, type Severity, severityOf, validateText } from './rules';
import { detectDocumentKind, looksLikeCard } from './card';
import { stdioTransport } from './stdio-transport';

const SOURCE = 'actionable-messages';
const SETTINGS_SECTION = 'actionableMessages';
/** docs/rules.md ships next to dist/, one section per rule id. */
const RULES_DOC = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules.md')).href;

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Exit status when stdin closes under --stdio: LSP's 0 after a shutdown request, 1 before it. */
let shutdownRequested = false;
const stdio = process.argv.includes('--stdio') ? stdioTransport(() => (shutdownRequested ? 0 : 1)) : undefined;
// --node-ipc (the extension) and the library's other transports are set up by the library from the command line.
const connection = stdio ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer) : createConnection(ProposedFeatures.all);
connection.onShutdown(() => {
  shutdownRequested = true;
});
const documents = new TextDocuments(TextDocument);

let pullsConfiguration = false;
let registersForConfigurationChanges = false;
let tracksWorkspaceFolders = false;
let acceptsSnippets = false;
/** The client shows a diagnostic's related places (the earlier of two duplicate ids). */
let acceptsRelatedInformation = false;
/** Set when the client registers the structure features for the card language only (see registersPerLanguage). */
let registersStructureFeatures = false;
let foldingRangeLimit: number | undefined;
let workspaceFolders: string[] = [];
/**
 * A client command that each quick fix carries, run by the editor after the fix's edit (the VS Code client's
 * walkthrough completes a step on it). Only clients that name one in initializationOptions get it: any other
 * client would fail to run a command it does not know.
 */
let appliedFixCommand: string | undefined;
/** Used when the client cannot answer workspace/configuration: what it last pushed, else the defaults. */
let pushedSettings: EditorSettings = DEFAULT_EDITOR_SETTINGS;
const settingsCache = new Map<string, Promise<EditorSettings>>();

/**
 * The last text of each card that was checked, with its rule findings: those of the text when it parsed, else those
 * carried onto it from the text before. While the text has syntax errors these are shown next to the syntax error,
 * so the other diagnostics do not vanish and come back with every unfinished keystroke. Carried from one checked
 * text to the next, each step's changed region is one edit's, not the span from the first edit to the last.
 */
const lastParsed = new Map<string, { text: string; findings: readonly Finding[] }>();
const validatedVersions = new Map<string, number>();
/** Cancels the validation each changed document waits for. */
const pendingValidations = new Map<string, () => void>();
/** How long validating each document takes, which sets the wait after its changes. */
const validationCosts = new ValidationCosts();
/** The parse of each document's current version that completion, hover and quick fixes read. */
const parsedDocuments = new ParsedDocuments();
/**
 * The findings this server last published for each document, with its version: leaving a document alone also
 * clears them, and hover links to the rules of those under the mouse.
 */
const published = new Map<string, { version: number; findings: readonly Finding[] }>();

function filePath(uri: string): string {
  try {
    const url = new URL(uri);
    return url.protocol === 'file:' ? fileURLToPath(url) : decodeURIComponent(url.pathname);
  } catch {
    return uri;
  }
}

function appliedFixCommandFrom(initializationOptions: unknown): string | undefined {
  const command = (initializationOptions as { appliedQuickFixCommand?: unknown } | null | undefined)?.appliedQuickFixCommand;
  return typeof command === 'string' && command !== '' ? command : undefined;
}

/**
 * Formatting, folding, selection ranges and symbols are what VS Code's JSON support gives .json files. A client that
 * can register them per language gets them for the card language only, so a JSON file (card or not) gets no second
 * formatter or Outline; any other client gets them for every document it sends, answered for cards only.
 */
function registersPerLanguage(capabilities: ClientCapabilities): boolean {
  const text = capabilities.textDocument;
  const features = [text?.formatting, text?.rangeFormatting, text?.foldingRange, text?.selectionRange, text?.documentSymbol];
  return features.every((feature) => feature?.dynamicRegistration === true);
}

const STRUCTURE_CAPABILITIES: ServerCapabilities = {
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  foldingRangeProvider: true,
  selectionRangeProvider: true,
  documentSymbolProvider: true,
};

async function registerStructureFeatures(): Promise<void> {
  const documentSelector = [{ language: CARD_LANGUAGE_ID }];
  const registration = BulkRegistration.create();
  registration.add(DocumentFormattingRequest.type, { documentSelector });
  registration.add(DocumentRangeFormattingRequest.type, { documentSelector });
  registration.add(FoldingRangeRequest.type, { documentSelector });
  registration.add(SelectionRangeRequest.type, { documentSelector });
  registration.add(DocumentSymbolRequest.type, { documentSelector });
  await connection.client.register(registration);
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  pullsConfiguration = params.capabilities.workspace?.configuration === true;
  registersForConfigurationChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  tracksWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
  acceptsSnippets = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
  acceptsRelatedInformation = params.capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
  appliedFixCommand = appliedFixCommandFrom(params.initializationOptions);
  foldingRangeLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
  registersStructureFeatures = registersPerLanguage(params.capabilities);
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []);
  workspaceFolders = folders.map((folder) => filePath(folder.uri));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      // "{": the second brace of "{{" in a url, body or header value brings up the input tokens.
      completionProvider: { triggerCharacters: ['"', ':', '{'] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentHighlightProvider: true,
      ...(registersStructureFeatures ? {} : STRUCTURE_CAPABILITIES),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'Actionable Message Studio' },
  };
});

connection.onInitialized(async () => {
  if (registersStructureFeatures) {
    await registerStructureFeatures().catch((error: unknown) => connection.console.error(`Registering formatting, folding and symbols for card files failed: ${String(error)}`));
  }
  if (pullsConfiguration && registersForConfigurationChanges) {
    // Registering for the section makes clients that push nothing by themselves tell us about changes.
    await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
  }
  if (!tracksWorkspaceFolders) return;
  connection.workspace.onDidChangeWorkspaceFolders((event) => {
    const removed = new Set(event.removed.map((folder) => filePath(folder.uri)));
    workspaceFolders = [...workspaceFolders.filter((folder) => !removed.has(folder)), ...event.added.map((folder) => filePath(folder.uri))];
    revalidateAll();
  });
});

function settingsFor(uri: string): Promise<EditorSettings> {
  if (!pullsConfiguration) return Promise.resolve(pushedSettings);
  let settings = settingsCache.get(uri);
  if (settings === undefined) {
    settings = connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(readEditorSettings, (error: unknown) => {
      connection.console.warn(`Could not read the ${SETTINGS_SECTION} settings (${String(error)}); using the defaults.`);
      return DEFAULT_EDITOR_SETTINGS;
    });
    settingsCache.set(uri, settings);
  }
  return settings;
}

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  if (!pullsConfiguration) pushedSettings = readEditorSettings((change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION]);
  revalidateAll();
});

function rangeOf(document: TextDocument, offset: number, length: number): Range {
  return { start: document.positionAt(offset), end: document.positionAt(offset + length) };
}

function ruleHref(rule: RuleId): string {
  return `${RULES_DOC}#${rule.toLowerCase()}`;
}

function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  return {
    range: rangeOf(document, finding.offset, finding.length),
    severity: SEVERITIES[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleHref(finding.rule) },
    source: SOURCE,
    message: finding.message,
    ...(acceptsRelatedInformation && finding.related !== undefined && {
      relatedInformation: finding.related.map((place) => ({ location: { uri: document.uri, range: rangeOf(document, place.offset, place.length) }, message: place.message })),
    }),
  };
}

function isNamedCard(document: TextDocument, settings: EditorSettings): boolean {
  return isDeclaredCard(document.languageId, filePath(document.uri), workspaceFolders, settings);
}

function isResponseFile(document: TextDocument, settings: EditorSettings): boolean {
  return matchesFileGlobs(filePath(document.uri), workspaceFolders, settings.responseFiles);
}

/** The findings to show for a document, or undefined when it is no card (or validation is off) and is left alone. */
function findingsFor(document: TextDocument, settings: EditorSettings): readonly Finding[] | undefined {
  const { uri } = document;
  const text = document.getText();
  const named = isNamedCard(document, settings);
  if (!settings.enable || (!named && !lastParsed.has(uri) && !looksLikeCard(text))) return undefined;
  const validation = validateText(text, settings.service, { inResponseFile: isResponseFile(document, settings) });
  parsedOf(document).offerTree(validation.document);
  const { root } = validation.document;
  if (root !== undefined) {
    if (!named && detectDocumentKind(root) === undefined) return undefined;
    lastParsed.set(uri, { text, findings: validation.findings });
    return validation.findings;
  }
  const last = lastParsed.get(uri);
  if (last === undefined) return validation.findings;
  const carriedOnto = carryOver(last.text, text, last.findings);
  lastParsed.set(uri, { text, findings: carriedOnto });
  const carried = carriedOnto.flatMap((finding) => {
    const severity = severityOf(finding.rule, settings.service);
    return severity === undefined ? [] : [{ ...finding, severity }];
  });
  return [...validation.findings, ...carried];
}

function parsedOf(document: TextDocument): ParsedDocument {
  return parsedDocuments.get(document.uri, document.version, () => document.getText());
}

function forget(uri: string): void {
  lastParsed.delete(uri);
  if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
}

async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (document === undefined) return;
  const { version } = document;
  validatedVersions.set(uri, version);
  const settings = await settingsFor(uri);
  // A newer version of the document is on its way to validation; this result would only flash by.
  if (documents.get(uri)?.version !== version) return;
  // CPU time, not wall time: on a busy machine the wait follows what validating costs, not how long others ran.
  const started = process.cpuUsage();
  const findings = findingsFor(document, settings);
  const used = process.cpuUsage(started);
  validationCosts.record(uri, (used.user + used.system) / 1000, document.getText().length);
  if (findings === undefined) {
    forget(uri);
    return;
  }
  published.set(uri, { version, findings });
  await connection.sendDiagnostics({ uri, version, diagnostics: findings.map((finding) => toDiagnostic(document, finding)) });
}

function validateLogged(uri: string): void {
  validate(uri).catch((error: unknown) => connection.console.error(`Validating ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`));
}

function revalidateAll(): void {
  for (const document of documents.all()) validateLogged(document.uri);
}

documents.onDidOpen((event) => {
  lastParsed.delete(event.document.uri);
  validateLogged(event.document.uri);
});

function cancelPendingValidation(uri: string): void {
  pendingValidations.get(uri)?.();
  pendingValidations.delete(uri);
}

/**
 * Validates `uri` once its changes pause for the wait its validation cost calls for. When the wait ends, Node runs the
 * timer before it reads the input that arrived meanwhile, and vscode-jsonrpc handles each message read in a
 * setImmediate of its own: the validation waits two more turns of the loop, so a change already sent (while this
 * process did not get the CPU) restarts the wait instead of being validated right after a version that only flashes by.
 */
function scheduleValidation(document: TextDocument): void {
  const { uri } = document;
  cancelPendingValidation(uri);
  const timer = setTimeout(() => {
    const first = setImmediate(() => {
      const second = setImmediate(() => {
        pendingValidations.delete(uri);
        validateLogged(uri);
      });
      pendingValidations.set(uri, () => clearImmediate(second));
    });
    pendingValidations.set(uri, () => clearImmediate(first));
  }, validationCosts.debounceMsOf(uri, document.getText().length));
  pendingValidations.set(uri, () => clearTimeout(timer));
}

documents.onDidChangeContent((event) => {
  const { uri, version } = event.document;
  if (validatedVersions.get(uri) === version) return;
  parsedDocuments.forget(uri);
  scheduleValidation(event.document);
});

documents.onDidClose((event) => {
  const { uri } = event.document;
  cancelPendingValidation(uri);
  validatedVersions.delete(uri);
  validationCosts.forget(uri);
  parsedDocuments.forget(uri);
  settingsCache.delete(uri);
  forget(uri);
});

connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
  const document = documents.get(params.textDocument.uri);
  const only = params.context.only;
  if (document === undefined || (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind)))) return [];
  const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === SOURCE && typeof diagnostic.code === 'string');
  if (ours.length === 0) return [];
  const settings = await settingsFor(document.uri);
  const parsed = parsedOf(document);
  return ours.flatMap((diagnostic) => {
    const offset = document.offsetAt(diagnostic.range.start);
    const problem = { rule: diagnostic.code as string, offset, length: document.offsetAt(diagnostic.range.end) - offset };
    return quickFixes(parsed.tree, problem, settings.service, parsed.modelOf).map((fix) => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: fix.isPreferred,
      edit: { changes: { [document.uri]: fix.edits.map((edit) => ({ range: rangeOf(document, edit.offset, edit.length), newText: edit.newText })) } },
      // No arguments: VS Code runs a command with arguments through a delegate id, which onCommand: never sees.
      ...(appliedFixCommand && { command: { title: fix.title, command: appliedFixCommand } }),
    }));
  });
});

/** The language features serve the documents validation would check, whether or not validation is on. */
async function cardDocument(uri: string): Promise<TextDocument | undefined> {
  const document = documents.get(uri);
  if (document === undefined) return undefined;
  const isCard = isNamedCard(document, await settingsFor(uri)) || lastParsed.has(uri) || looksLikeCard(document.getText());
  return isCard ? document : undefined;
}

const COMPLETION_KINDS: Record<CompletionEntry['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  type: CompletionItemKind.Class,
  snippet: CompletionItemKind.Snippet,
};

function toCompletionItem(document: TextDocument, entry: CompletionEntry): CompletionItem {
  const snippet = entry.insertTextIsSnippet && acceptsSnippets;
  return {
    label: entry.label,
    kind: COMPLETION_KINDS[entry.kind],
    detail: entry.detail,
    documentation: entry.documentation === undefined ? undefined : { kind: MarkupKind.Markdown, value: entry.documentation },
    filterText: entry.filterText,
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: {
      range: rangeOf(document, entry.replaceOffset, entry.replaceLength),
      newText: entry.insertTextIsSnippet && !acceptsSnippets ? withoutTabStops(entry.insertText) : entry.insertText,
    },
    additionalTextEdits: entry.additionalEdits?.map((edit) => ({ range: rangeOf(document, edit.offset, edit.length), newText: edit.newText })),
  };
}

connection.onCompletion(async (params: CompletionParams): Promise<CompletionItem[]> => {
  const document = await cardDocument(params.textDocument.uri);
  if (document === undefined) return [];
  const parsed = parsedOf(document);
  const offset = document.offsetAt(params.position);
  // A "{" typed anywhere else (an object being started) brings up nothing, as before it was a trigger, and parses nothing.
  const entries = params.context?.triggerCharacter !== '{' ? await complete(parsed, offset)
    : parsed.text.startsWith('{{', offset - 2) ? inputTokenCompletions(parsed, offset) : [];
  return entries.map((entry) => toCompletionItem(document, entry));
});

connection.onHover(async (params: TextDocumentPositionParams): Promise<Hover | null> => {
  const document = await cardDocument(params.textDocument.uri);
  if (document === undefined) return null;
  const shown = published.get(document.uri);
  const findings = shown?.version === document.version ? shown.findings : [];
  const info = await hover(parsedOf(document), document.offsetAt(params.position), { findings, ruleHref });
  if (info === undefined) return null;
  return { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: rangeOf(document, info.offset, info.length) };
});

/** The element id at the request's position and its uses (element-ids.ts), in a card. */
async function elementIdUses(params: TextDocumentPositionParams): Promise<{ document: TextDocument; uses: ElementIdUses } | undefined> {
  const document = await cardDocument(params.textDocument.uri);
  const uses = document === undefined ? undefined : elementIdUsesAt(parsedOf(document), document.offsetAt(params.position));
  return uses === undefined ? undefined : { document: document!, uses };
}

function locationOf(document: TextDocument, span: TextSpan): Location {
  return { uri: document.uri, range: rangeOf(document, span.offset, span.length) };
}

connection.onDefinition(async (params): Promise<Location[] | null> => {
  const found = await elementIdUses(params);
  return found === undefined ? null : found.uses.definitions.map((span) => locationOf(found.document, span));
});

connection.onReferences(async (params): Promise<Location[] | null> => {
  const found = await elementIdUses(params);
  if (found === undefined) return null;
  const { definitions, references } = found.uses;
  const spans = params.context.includeDeclaration ? [...definitions, ...references].sort((a, b) => a.offset - b.offset) : references;
  return spans.map((span) => locationOf(found.document, span));
});

connection.onDocumentHighlight(async (params): Promise<DocumentHighlight[] | null> => {
  const found = await elementIdUses(params);
  if (found === undefined) return null;
  const { document, uses } = found;
  const highlight = (kind: DocumentHighlightKind) => (span: TextSpan): DocumentHighlight => ({ range: rangeOf(document, span.offset, span.length), kind });
  return [...uses.definitions.map(highlight(DocumentHighlightKind.Write)), ...uses.references.map(highlight(DocumentHighlightKind.Read))];
});

connection.onPrepareRename(async (params): Promise<{ range: Range; placeholder: string } | null> => {
  const found = await elementIdUses(params);
  return found === undefined ? null : { range: rangeOf(found.document, found.uses.at.offset, found.uses.at.length), placeholder: found.uses.id };
});

connection.onRenameRequest(async (params): Promise<WorkspaceEdit | null> => {
  const found = await elementIdUses(params);
  if (found === undefined) return null;
  const { document, uses } = found;
  const problem = invalidNewIdReason(uses, params.newName);
  if (problem !== undefined) throw new ResponseError(ErrorCodes.InvalidParams, problem);
  const edits = [...uses.definitions, ...uses.references].map((span) => ({ range: rangeOf(document, span.offset, span.length), newText: params.newName }));
  return { changes: { [document.uri]: edits } };
});

connection.onDocumentFormatting(async (params): Promise<TextEdit[]> => {
  const document = await cardDocument(params.textDocument.uri);
  return document === undefined ? [] : formatCard(document, undefined, params.options);
});

connection.onDocumentRangeFormatting(async (params): Promise<TextEdit[]> => {
  const document = await cardDocument(params.textDocument.uri);
  return document === undefined ? [] : formatCard(document, params.range, params.options);
});

connection.onFoldingRanges(async (params): Promise<FoldingRange[]> => {
  const document = await cardDocument(params.textDocument.uri);
  return document === undefined ? [] : cardFoldingRanges(document, foldingRangeLimit);
});

connection.onSelectionRanges(async (params): Promise<SelectionRange[] | null> => {
  const document = await cardDocument(params.textDocument.uri);
  return (document && cardSelectionRanges(document, params.positions)) ?? null;
});

connection.onDocumentSymbol(async (params): Promise<DocumentSymbol[]> => {
  const document = await cardDocument(params.textDocument.uri);
  return document === undefined ? [] : cardDocumentSymbols(document);
});

documents.listen(connection);
connection.listen();
