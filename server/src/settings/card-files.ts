import { Minimatch } from 'minimatch';

function slashes(path: string): string {
  return path.replace(/\\/g, '/');
}

/**
 * Each glob compiled once, to minimatch's regular expression: compiling is most of a minimatch() call's cost, and
 * testing the expression takes a tenth of Minimatch.match's walk over the path's segments. The same few setting
 * globs are matched against every document the server opens and every file `amcard lint` reads. A comment glob
 * (`#…`) has no expression and matches nothing, as in minimatch.
 */
const compiledGlobs = new Map<string, (path: string) => boolean>();

function compiled(glob: string): (path: string) => boolean {
  let test = compiledGlobs.get(glob);
  if (test === undefined) {
    const matcher = new Minimatch(glob, { dot: true });
    const expression = matcher.makeRe();
    test = expression === false ? (path) => matcher.match(path) : (path) => expression.test(path);
    compiledGlobs.set(glob, test);
  }
  return test;
}

/**
 * Whether the file at `filePath` matches one of the globs of a setting (`files`, `responseFiles`), tried on its path
 * relative to each of `baseFolders` that contains it (the workspace folders, or the folders the CLI was given: how
 * the settings are written) and on its full path (so `**` patterns also work for files outside any folder).
 */
export function matchesFileGlobs(filePath: string, baseFolders: readonly string[], globs: readonly string[]): boolean {
  const full = slashes(filePath);
  const candidates = [full];
  for (const base of baseFolders) {
    const folder = slashes(base);
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    const relative = full.startsWith(prefix) ? full.slice(prefix.length) : undefined;
    if (relative !== undefined && !candidates.includes(relative)) candidates.push(relative);
  }
  return globs.some((glob) => candidates.some(compiled(glob)));
}
