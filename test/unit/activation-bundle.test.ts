// A light activation: dist/extension.js, which VS Code loads to activate the extension, holds the language client and
// what decides which documents are cards; the signing, email and New Card commands (dist/commands.js) and the preview
// panel (dist/preview.js) are bundles of their own, required on first use (client/src/lazy-bundle.ts). Likewise
// `amcard lint` starts from dist/cli.js alone, and the other commands are in dist/cli-commands.js
// (server/src/cli/commands-bundle.ts). Read from what esbuild recorded when `npm run build` made them
// (out/extension.meta.json, out/cli.meta.json); the in-host test test/vscode/activation.test.ts checks what the real
// extension host has loaded.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const repository = path.join(__dirname, '../../..');

interface Metafile {
  readonly inputs: Record<string, { readonly imports: readonly { readonly path: string }[] }>;
  readonly outputs: Record<string, { readonly inputs: Record<string, { readonly bytesInOutput: number }> }>;
}

/** `name`, the metafile esbuild wrote in out/ with the bundles of `npm run build`. */
function readMetafile(name: string): Metafile {
  const file = path.join(repository, 'out', name);
  assert.ok(existsSync(file), `out/${name} is missing: \`npm run build\` writes it with the bundles`);
  return JSON.parse(readFileSync(file, 'utf8')) as Metafile;
}

/** The modules whose code is in `bundle` (a re-exporting facade contributes no bytes). */
function modulesIn(metafile: Metafile, bundle: string): string[] {
  const output = metafile.outputs[bundle];
  assert.ok(output, `${bundle} is not among the bundles esbuild made: ${Object.keys(metafile.outputs).join(', ')}`);
  return Object.entries(output.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0).map(([input]) => input);
}

function packageOf(input: string): string | undefined {
  return /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
}

function packagesIn(metafile: Metafile, bundle: string): Set<string> {
  return new Set(modulesIn(metafile, bundle).map(packageOf).filter((name): name is string => name !== undefined));
}

/** Only the commands and the preview use these: signing, HTML and MIME mail, the preview's page and the rules engine. */
const NOT_AT_ACTIVATION = [
  'parse5', 'entities', 'jose', 'postal-mime', 'adaptivecards', 'adaptivecards-templating', 'adaptive-expressions', 'escape-html',
  'ajv', 'vscode-json-languageservice', 'fastest-levenshtein', 'markdown-it',
];

describe('activation loads only what it needs (dist/extension.js)', () => {
  const metafile = readMetafile('extension.meta.json');

  it('holds none of the packages of signing, email, the preview or the rules engine; dist/commands.js does', () => {
    const activation = packagesIn(metafile, 'dist/extension.js');
    assert.ok(activation.has('vscode-languageclient'), 'the activation bundle has no language client: the metafile is not the extension\'s');
    assert.deepEqual(NOT_AT_ACTIVATION.filter((name) => activation.has(name)), []);
    const commands = packagesIn(metafile, 'dist/commands.js');
    for (const name of ['jose', 'parse5', 'entities', 'postal-mime']) assert.ok(commands.has(name), `dist/commands.js has no ${name}`);
  });

  it('holds no module of signing, email or the preview panel, and of the rules only their catalog', () => {
    const own = modulesIn(metafile, 'dist/extension.js').filter((input) => packageOf(input) === undefined);
    const lazy = own.filter((input) => /^server\/src\/(signing|email)\//.test(input)
      || (input.startsWith('server/src/rules/') && input !== 'server/src/rules/catalog.ts')
      || (input.startsWith('server/src/language/') && input !== 'server/src/language/document-selector.ts')
      || /^client\/src\/commands\/(sign-card|decode-jws|copy-email-html|generate-key-pair|signing-keys|new-card|card-templates)\.ts$/.test(input)
      || /^client\/src\/preview\/(preview-panel|preview-html|template-data|response-picker|link-opener)\.ts$/.test(input)
      || input.startsWith('examples/'));
    assert.deepEqual(lazy, []);
    assert.ok(modulesIn(metafile, 'dist/preview.js').includes('client/src/preview/preview-html.ts'), 'dist/preview.js has no preview page');
    assert.ok(modulesIn(metafile, 'dist/commands.js').includes('client/src/commands/sign-card.ts'), 'dist/commands.js has no Sign Card');
  });

  it('holds one copy of minimatch, the one vscode-languageclient requires itself', () => {
    const modules = modulesIn(metafile, 'dist/extension.js');
    const minimatch = modules.filter((input) => packageOf(input) === 'minimatch');
    assert.ok(minimatch.length > 0, 'vscode-languageclient requires minimatch: the bundle should hold it');
    assert.deepEqual(minimatch.filter((input) => !input.includes('/minimatch/dist/commonjs/')), [], 'a second build of minimatch');
    const importers = Object.entries(metafile.inputs)
      .filter(([input, { imports }]) => modules.includes(input) && packageOf(input) !== 'minimatch' && imports.some(({ path: to }) => packageOf(to) === 'minimatch'))
      .map(([input]) => packageOf(input) ?? input);
    assert.ok(importers.includes('vscode-languageclient'), `minimatch is imported by ${importers.join(', ')}`);
  });

  it('every bundle of dist/ is minified, with its source map beside it', () => {
    for (const bundle of ['extension', 'commands', 'preview', 'server', 'cli', 'cli-commands', 'templating', 'webview']) {
      const file = path.join(repository, 'dist', `${bundle}.js`);
      const text = readFileSync(file, 'utf8');
      assert.ok(text.trimEnd().endsWith(`//# sourceMappingURL=${bundle}.js.map`), `dist/${bundle}.js names no source map`);
      assert.ok(existsSync(`${file}.map`), `dist/${bundle}.js.map is missing`);
      // Minified code has few line breaks: esbuild's readable output has a line every 30 to 40 characters.
      const lines = text.split('\n').length;
      assert.ok(text.length / lines > 500, `dist/${bundle}.js has ${lines} lines for ${text.length} characters: not minified`);
    }
  });
});

describe('amcard lint starts with only what it needs (dist/cli.js)', () => {
  const metafile = readMetafile('cli.meta.json');

  it('holds lint and none of the packages of email or sending; dist/cli-commands.js holds the other commands', () => {
    const lint = packagesIn(metafile, 'dist/cli.js');
    assert.ok(modulesIn(metafile, 'dist/cli.js').includes('server/src/cli/lint.ts'), 'dist/cli.js has no lint');
    // jose is there for its base64url decoding of signed cards' tokens (card/jws-compact.ts), which lint reads too.
    assert.deepEqual(['parse5', 'entities', 'postal-mime', 'nodemailer'].filter((name) => lint.has(name)), []);
    assert.ok(!modulesIn(metafile, 'dist/cli.js').some((input) => /^server\/src\/(signing|email|send)\//.test(input)), 'dist/cli.js holds signing, email or send code');
    const others = modulesIn(metafile, 'dist/cli-commands.js');
    for (const command of ['keygen', 'key-convert', 'sign', 'html', 'eml', 'decode', 'invoke', 'token', 'send']) {
      assert.ok(others.includes(`server/src/cli/${command}.ts`), `dist/cli-commands.js has no ${command}`);
    }
    assert.ok(!others.includes('server/src/cli/lint.ts'), 'lint is in both bundles');
  });

  it('lints with dist/cli.js alone, and a command of the other bundle says what is missing when it is not beside it', () => {
    const alone = mkdtempSync(path.join(tmpdir(), 'amcard-alone-'));
    try {
      copyFileSync(path.join(repository, 'dist/cli.js'), path.join(alone, 'cli.js'));
      const examples = path.join(repository, 'examples');
      const run = (cli: string, args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: repository, encoding: 'utf8' });
      const fromAlone = run(path.join(alone, 'cli.js'), ['lint', '--json', examples]);
      const fromDist = run(path.join(repository, 'dist/cli.js'), ['lint', '--json', examples]);
      assert.equal(fromAlone.status, fromDist.status, fromAlone.stderr);
      assert.equal(fromAlone.stdout, fromDist.stdout);
      assert.ok(JSON.parse(fromAlone.stdout).length > 3, 'examples/ were linted');
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  });
});
