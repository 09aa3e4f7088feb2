import { Minimatch } from 'minimatch';

function slashes(path: string): string {
  return path.includes('\\') ? path.replace(/\\/g, '/') : path;
}

interface CompiledGlob {
  /**
   * False when the glob cannot match a path that ends as this one does: its last segment is a literal name, or `*`
   * and a literal end (`*.card.json`), and the path does not end with that. It spares most files of a folder the
   * regular expression, and every path tried for a file (full, relative to a folder) ends the same.
   */
  readonly mayMatchEnd: (path: string) => boolean;
  readonly matches: (path: string) => boolean;
}

/** Characters that make a glob segment more than a literal (negation, extglob, classes, braces, escapes, `?`, `*`). */
const PATTERN_CHARACTER = /[*?[\]{}()!+@\\]/;

/** The end every path `glob` matches ends with, or '' when the glob is not of the simple shapes mayMatchEnd reads. */
function literalEnd(glob: string): string {
  if (glob.startsWith('!') || glob.startsWith('#')) return '';
  const lastSegment = glob.slice(glob.lastIndexOf('/') + 1);
  const end = lastSegment.startsWith('*') ? lastSegment.slice(1) : lastSegment;
  return PATTERN_CHARACTER.test(end) ? '' : end;
}

/**
 * Each glob compiled once, to minimatch's regular expression: compiling is most of a minimatch() call's cost, and
 * testing the expression takes a tenth of Minimatch.match's walk over the path's segments. The same few setting
 * globs are matched against every document the server opens and every file `amcard lint` reads. A comment glob
 * (`#…`) has no expression and matches nothing, as in minimatch.
 */
const compiledGlobs = new Map<string, CompiledGlob>();

function compiled(glob: string): CompiledGlob {
  let compiledGlob = compiledGlobs.get(glob);
  if (compiledGlob === undefined) {
    const matcher = new Minimatch(glob, { dot: true });
    const expression = matcher.makeRe();
    const end = literalEnd(glob);
    compiledGlob = {
      mayMatchEnd: end === '' ? () => true : (path) => path.endsWith(end),
      matches: expression === false ? (path) => matcher.match(path) : (path) => expression.test(path),
    };
    compiledGlobs.set(glob, compiledGlob);
  }
  return compiledGlob;
}

/**
 * Whether the file at `filePath` matches one of the globs of a setting (`files`, `responseFiles`), tried on its path
 * relative to each of `baseFolders` that contains it (the workspace folders, or the folders the CLI was given: how
 * the settings are written) and on its full path (so `**` patterns also work for files outside any folder).
 */
export function matchesFileGlobs(filePath: string, baseFolders: readonly string[], globs: readonly string[]): boolean {
  const full = slashes(filePath);
  const tried = globs.map(compiled).filter((glob) => glob.mayMatchEnd(full));
  if (tried.length === 0) return false;
  const candidates = [full];
  for (const base of baseFolders) {
    const folder = slashes(base);
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    const relative = full.startsWith(prefix) ? full.slice(prefix.length) : undefined;
    if (relative !== undefined && !candidates.includes(relative)) candidates.push(relative);
  }
  return tried.some((glob) => candidates.some(glob.matches));
}
