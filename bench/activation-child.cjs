// One activation measurement in a fresh Node process (bench/activation.mjs starts it): `client` loads
// vscode-languageclient/node alone; `extension` loads dist/extension.js and runs its activate(). This is a harness,
// not the real extension host: the `vscode` module both require is the minimal stand-in below, given to them by a
// module-resolution hook. Prints one JSON line: the milliseconds and the files of dist/ that were loaded.
// The process exits as soon as activate() returns, before the language client forks the server (it does so after
// an await), so no server process is started.
const Module = require('node:module');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const root = path.resolve(__dirname, '..');
const mode = process.argv[2];

/** A value for every name the code reads: callable, constructible, and a disposable event or object. */
function anything() {
  const target = function () {};
  const own = new Map();
  return new Proxy(target, {
    get(_, property) {
      // Not a thenable; primitives where code turns it into text.
      if (property === 'then') return undefined;
      if (property === Symbol.toPrimitive) return () => '';
      if (!own.has(property)) own.set(property, anything());
      return own.get(property);
    },
    set(_, property, value) {
      own.set(property, value);
      return true;
    },
    apply: () => anything(),
    construct: () => anything(),
  });
}

/**
 * The VS Code API: any name is anything(); the names dist/extension.js reads are listed, because esbuild's module
 * interop copies the module's own properties by name when the bundle loads.
 */
const API_NAMES = [
  'commands', 'env', 'extensions', 'languages', 'window', 'workspace', 'CodeLens', 'ConfigurationTarget', 'DiagnosticSeverity',
  'Disposable', 'EventEmitter', 'FileSystemError', 'FileType', 'LanguageStatusSeverity', 'Position', 'Range', 'RelativePattern',
  'Selection', 'UIKind', 'Uri', 'ViewColumn', 'WorkspaceEdit',
];
const api = Object.fromEntries(API_NAMES.map((name) => [name, anything()]));
Object.assign(api, {
  version: '1.139.1',
  window: Object.assign(anything(), { activeTextEditor: undefined, visibleTextEditors: [] }),
  workspace: Object.assign(anything(), { workspaceFolders: undefined, textDocuments: [], isTrusted: true }),
});
const vscode = new Proxy(api, { get: (target, name) => (name in target ? target[name] : (target[name] = anything())) });

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolveFilename.call(this, request, ...rest);
};
require.cache.vscode = Object.assign(new Module('vscode'), { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode });

function memento() {
  const values = new Map();
  return { get: (key, fallback) => (values.has(key) ? values.get(key) : fallback), update: async (key, value) => void values.set(key, value), keys: () => [...values.keys()] };
}

const context = {
  subscriptions: [],
  extensionPath: root,
  extensionUri: anything(),
  logUri: anything(),
  extension: { id: 'actionable-message-studio.actionable-message-studio' },
  asAbsolutePath: (relative) => path.join(root, relative),
  globalState: memento(),
  workspaceState: memento(),
  secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: anything() },
};

const start = performance.now();
if (mode === 'client') {
  require('vscode-languageclient/node');
} else if (mode === 'extension') {
  require(path.join(root, 'dist/extension.js')).activate(context);
} else {
  throw new Error(`usage: node bench/activation-child.cjs client|extension (got ${mode})`);
}
const ms = performance.now() - start;
const dist = path.join(root, 'dist') + path.sep;
const loaded = Object.keys(require.cache).filter((file) => file.startsWith(dist)).map((file) => path.basename(file));
require('node:fs').writeSync(1, `${JSON.stringify({ ms, loaded })}\n`);
process.exit(0);
