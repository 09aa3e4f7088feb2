// The layering of docs/architecture.md, enforced: every import of server/src, client/src and webview/src is read
// (with TypeScript's own pre-processor, type-only imports included) and checked for three things:
//   1. an import into a room from outside it goes through the room's facade (its index.ts);
//   2. a room imports only the rooms below it (ALLOWED_ROOMS), and card/ and the webview nothing of Node;
//   3. there is no import cycle between modules, apart from the one recursion the rules need.
// The webview bundle itself is checked too: the inputs esbuild recorded when `npm run build` made dist/webview.js.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const repository = path.join(__dirname, '../../..');

/** Which rooms each room may import; the arrows point one way, from the shells down to card/. */
const ALLOWED_ROOMS: Readonly<Record<string, readonly string[]>> = {
  card: [],
  rules: ['card'],
  settings: ['card', 'rules'],
  email: ['card'],
  language: ['card', 'rules', 'settings'],
  signing: ['card', 'rules', 'email'],
  actions: ['card', 'signing'],
  send: ['card', 'email'],
  cli: ['card', 'rules', 'settings', 'email', 'signing', 'actions', 'send'],
  server: ['card', 'rules', 'settings', 'language'],
  client: ['card', 'rules', 'settings', 'language', 'email', 'signing', 'actions', 'send', 'protocol'],
  webview: ['card', 'protocol'],
  protocol: [],
};

/** Rooms that run in the preview's browser as well as in Node: no Node built-in may be imported there. */
const BROWSER_ROOMS = new Set(['card', 'webview', 'protocol']);

/** A signed card carries a card, so checking one runs the rule registry again: the one cycle allowed. */
const ALLOWED_CYCLES = [['server/src/rules/registry.ts', 'server/src/rules/signed-card.ts']];

/** The host↔webview protocol: shared by the client and the webview, and a room of its own. */
const PROTOCOL_FILES = new Set(['webview/src/protocol.ts', 'webview/src/preview-options.ts']);

interface ModuleImport {
  readonly from: string;
  /** Repository-relative path of the imported file, or the bare specifier of a package. */
  readonly to: string;
  readonly bare: boolean;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return entry.endsWith('.ts') && !entry.endsWith('.d.ts') ? [full] : [];
  });
}

function roomOf(file: string): string {
  if (PROTOCOL_FILES.has(file)) return 'protocol';
  if (file === 'server/src/server.ts') return 'server';
  const server = /^server\/src\/([^/]+)\//.exec(file);
  if (server) return server[1];
  return file.split('/')[0];
}

/** The facade of a server room: its index.ts; the shells (cli/, server.ts, client, webview) and the protocol have none. */
function facadeOf(room: string): string | undefined {
  return ALLOWED_ROOMS[room] && !['cli', 'server', 'client', 'webview', 'protocol'].includes(room) ? `server/src/${room}/index.ts` : undefined;
}

function resolve(from: string, specifier: string): string {
  const base = path.join(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (existsSync(path.join(repository, candidate)) && statSync(path.join(repository, candidate)).isFile()) return candidate;
  }
  return base;
}

function readImports(roots: readonly string[]): ModuleImport[] {
  return roots.flatMap((root) => sourceFiles(path.join(repository, root))).flatMap((full) => {
    const from = path.relative(repository, full).split(path.sep).join('/');
    const { importedFiles } = ts.preProcessFile(readFileSync(full, 'utf8'), true, true);
    return importedFiles.map(({ fileName }) => fileName.startsWith('.')
      ? { from, to: resolve(from, fileName).split(path.sep).join('/'), bare: false }
      : { from, to: fileName, bare: true });
  });
}

/** Every import that breaks rule 1 or 2, as a sentence naming both files. */
function layeringViolations(imports: readonly ModuleImport[]): string[] {
  const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
  const violations: string[] = [];
  for (const { from, to, bare } of imports) {
    const fromRoom = roomOf(from);
    if (bare) {
      if (BROWSER_ROOMS.has(fromRoom) && nodeBuiltins.has(to)) violations.push(`${from} imports the Node built-in "${to}", but ${fromRoom} also runs in the browser`);
      continue;
    }
    if (to.endsWith('.json')) continue;
    const toRoom = roomOf(to);
    if (toRoom === fromRoom) continue;
    if (!(ALLOWED_ROOMS[fromRoom] ?? []).includes(toRoom)) {
      violations.push(`${from} imports ${to}: ${fromRoom} may not import ${toRoom} (it may import ${(ALLOWED_ROOMS[fromRoom] ?? []).join(', ') || 'no other room'})`);
      continue;
    }
    const facade = facadeOf(toRoom);
    if (facade !== undefined && to !== facade) violations.push(`${from} imports ${to}, skipping the facade of ${toRoom}: import ${facade}`);
  }
  return violations;
}

/** The import cycles between modules (strongly connected components of more than one module, or self-imports). */
function importCycles(imports: readonly ModuleImport[]): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const { from, to, bare } of imports) if (!bare) edges.set(from, (edges.get(from) ?? new Set()).add(to));
  // Tarjan's algorithm, iterative so that no module graph can overflow the stack.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: string[] }[] = [];
    const enter = (node: string): void => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: [...(edges.get(node) ?? [])] });
    };
    enter(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const child = frame.next.pop();
      if (child !== undefined) {
        if (!index.has(child)) enter(child);
        else if (onStack.has(child)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || edges.get(frame.node)?.has(frame.node)) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

const SOURCE_ROOTS = ['server/src', 'client/src', 'webview/src'];

describe('layering: rooms, facades and one-way arrows (docs/architecture.md)', () => {
  const imports = readImports(SOURCE_ROOTS);

  it('reads the imports of every source file', () => {
    assert.ok(imports.length > 300, `only ${imports.length} imports read`);
    assert.ok(imports.some((i) => i.from === 'server/src/server.ts' && i.to === 'server/src/rules/index.ts'));
  });

  it('every import into a room goes through its facade, and only to the rooms below', () => {
    assert.deepEqual(layeringViolations(imports), []);
  });

  it('no import cycles, apart from the signed card running the rule registry', () => {
    const allowed = new Set(ALLOWED_CYCLES.map((cycle) => [...cycle].sort().join(' ')));
    assert.deepEqual(importCycles(imports).map((cycle) => cycle.join(' ')).filter((cycle) => !allowed.has(cycle)), []);
  });

  it('every room has a facade of about 60 lines at most', () => {
    for (const room of Object.keys(ALLOWED_ROOMS).filter((room) => facadeOf(room) !== undefined)) {
      const facade = path.join(repository, facadeOf(room)!);
      assert.ok(existsSync(facade), `${facadeOf(room)} is missing`);
      const lines = readFileSync(facade, 'utf8').split('\n').length;
      assert.ok(lines <= 70, `${facadeOf(room)} has ${lines} lines`);
    }
  });

  it('the checks fail on an import that skips a facade, runs back, reaches Node from card/, or closes a cycle', () => {
    const planted: ModuleImport[] = [
      { from: 'client/src/commands/sign-card.ts', to: 'server/src/signing/sign.ts', bare: false },
      { from: 'server/src/card/card-model.ts', to: 'server/src/rules/index.ts', bare: false },
      { from: 'server/src/card/jws-compact.ts', to: 'node:crypto', bare: true },
      { from: 'webview/src/app.ts', to: 'server/src/email/index.ts', bare: false },
    ];
    const violations = layeringViolations(planted);
    assert.equal(violations.length, 4, violations.join('\n'));
    assert.match(violations[0], /skipping the facade of signing/);
    assert.match(violations[1], /card may not import rules/);
    assert.match(violations[2], /Node built-in "node:crypto"/);
    assert.match(violations[3], /webview may not import email/);
    const cycle = importCycles([
      { from: 'a.ts', to: 'b.ts', bare: false }, { from: 'b.ts', to: 'c.ts', bare: false }, { from: 'c.ts', to: 'a.ts', bare: false },
    ]);
    assert.deepEqual(cycle, [['a.ts', 'b.ts', 'c.ts']]);
  });

  it('the webview bundle holds nothing of server/src but card/, and nothing of the client', () => {
    const metafile = path.join(repository, 'out/webview.meta.json');
    assert.ok(existsSync(metafile), 'out/webview.meta.json is missing: `npm run build` writes it with dist/webview.js');
    const inputs = Object.keys((JSON.parse(readFileSync(metafile, 'utf8')) as { inputs: Record<string, unknown> }).inputs);
    assert.ok(inputs.some((input) => input.startsWith('server/src/card/')), 'the bundle holds no card/ module: the metafile is not the webview bundle');
    const foreign = inputs.filter((input) => (input.startsWith('server/src/') && !input.startsWith('server/src/card/')) || input.startsWith('client/'));
    assert.deepEqual(foreign, []);
  });
});
