// Bundles the extension (npm run build:bundles): dist/extension.js, which activation loads, and the bundles it requires
// on first use (client/src/lazy-bundle.ts): dist/commands.js and dist/preview.js. Each is whole on
// its own (esbuild's code splitting needs ES modules, which VS Code 1.91 does not load as extensions), minified, with
// a source map beside it. out/extension.meta.json records what each holds (test/unit/activation-bundle.test.ts).
import * as esbuild from 'esbuild';
import path from 'node:path';

const repository = path.resolve(import.meta.dirname, '..');

/**
 * The project's own modules run no code on import that another module relies on, so esbuild may drop a module none
 * of whose exports a bundle uses. Without this, a room's facade (server/src/<room>/index.ts) would put every module
 * of the room into the bundle, and with them their packages: the language room's facade alone brings
 * vscode-json-languageservice and minimatch.
 */
const ownModulesWithoutSideEffects = {
  name: 'own-modules-without-side-effects',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, async ({ path: specifier, resolveDir, importer, kind, pluginData }) => {
      if (pluginData === ownModulesWithoutSideEffects) return undefined;
      const resolved = await build.resolve(specifier, { resolveDir, importer, kind, pluginData: ownModulesWithoutSideEffects });
      const own = resolved.path.startsWith(repository + path.sep) && !resolved.path.includes(`${path.sep}node_modules${path.sep}`);
      return own && resolved.errors.length === 0 ? { ...resolved, sideEffects: false } : resolved;
    });
  },
};

await esbuild.build({
  absWorkingDir: repository,
  entryPoints: {
    extension: 'client/src/extension.ts',
    commands: 'client/src/commands/commands-bundle.ts',
    preview: 'client/src/preview/preview-panel.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  mainFields: ['module', 'main'],
  alias: {
    'adaptivecards-templating': './server/node-shims/adaptivecards-templating.cjs',
    // vscode-languageclient requires minimatch's CommonJS build, our globs (server/src/settings) import it: one copy.
    minimatch: './node_modules/minimatch/dist/commonjs/index.js',
  },
  // Without keepNames: its wrapper on every function made closures built per call (jsonc-parser's visitor callbacks)
  // several times slower, and no message shows a class or function name (errors show their message).
  minify: true,
  sourcemap: true,
  metafile: true,
  plugins: [ownModulesWithoutSideEffects],
  logLevel: 'warning',
}).then(async ({ metafile }) => {
  const { writeFile, mkdir } = await import('node:fs/promises');
  await mkdir(path.join(repository, 'out'), { recursive: true });
  await writeFile(path.join(repository, 'out/extension.meta.json'), JSON.stringify(metafile));
});
