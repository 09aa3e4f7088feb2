// Searching directories for input files with fast-glob: a directory that cannot be listed (permission denied) is
// skipped and named in a warning line, where fast-glob would throw and stop the whole search. The patterns amcard lint
// searches a directory with by default are found by one walk of the tree instead, which costs a fifth of fast-glob's
// time per file.
import fs from 'node:fs';
import path from 'node:path';
import fastGlob from 'fast-glob';

const UNLISTABLE = new Set(['EACCES', 'EPERM']);

/** fs.readdirSync that lists an unreadable directory as empty, after a warning naming it. */
function readdirSkippingUnreadable(...args: Parameters<typeof fs.readdirSync>): ReturnType<typeof fs.readdirSync> {
  try {
    return fs.readdirSync(...args);
  } catch (error) {
    if (!UNLISTABLE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    const directory = path.relative(process.cwd(), String(args[0])) || '.';
    process.stderr.write(`amcard: warning: skipped the directory ${directory}: permission denied\n`);
    return [];
  }
}

/** The absolute paths of the files under `cwd` that match `patterns`, minus `ignore`. */
export function searchFiles(patterns: string | readonly string[], cwd: string, ignore: readonly string[] = []): string[] {
  const list = typeof patterns === 'string' ? [patterns] : patterns;
  return walkForNames(list, cwd, ignore) ?? fastGlob.sync([...list], {
    cwd, absolute: true, onlyFiles: true, ignore: [...ignore], fs: { readdirSync: readdirSkippingUnreadable as typeof fs.readdirSync },
  });
}

/** The one ignore pattern the walk knows: whatever lies in a node_modules directory. */
const NODE_MODULES = '**/node_modules/**';

/**
 * A file name test for `**\/<name>` where the name is literal characters and `*` (no other glob syntax), does not
 * start with a dot and ends in `.json`, as `**\/*.card.json`; undefined for any other pattern.
 */
function fileNameTest(pattern: string): RegExp | undefined {
  const name = /^\*\*\/([^./?[\]{}()!+@\\#][^/?[\]{}()!+@\\#]*\.json)$/.exec(pattern)?.[1];
  if (name === undefined) return undefined;
  return new RegExp(`^${name.split('*').map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/**
 * searchFiles by one walk of the tree, for patterns that each name files by their name in any folder
 * (fileNameTest): the files fast-glob finds for them, in another order. As fast-glob (`dot` off), folders and
 * files whose name starts with a dot are passed over, and node_modules when `ignore` says so. Undefined, for
 * fast-glob to search, when a pattern or `ignore` has another shape, or the walk meets a symbolic link (fast-glob
 * follows it) or a directory it cannot list (fast-glob warns, or names the error).
 */
export function walkForNames(patterns: readonly string[], cwd: string, ignore: readonly string[]): string[] | undefined {
  const tests: RegExp[] = [];
  for (const pattern of patterns) {
    const test = fileNameTest(pattern);
    if (test === undefined) return undefined;
    tests.push(test);
  }
  if (tests.length === 0 || !ignore.every((pattern) => pattern === NODE_MODULES)) return undefined;
  const skipNodeModules = ignore.length > 0;
  const files: string[] = [];
  const folders = [path.resolve(cwd)];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return undefined;
    }
    const prefix = folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`;
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.')) continue;
      if (entry.isDirectory()) {
        if (!(skipNodeModules && name === 'node_modules')) folders.push(prefix + name);
      } else if (entry.isFile()) {
        if (tests.some((test) => test.test(name))) files.push(prefix + name);
      } else if (entry.isSymbolicLink()) {
        return undefined;
      }
    }
  }
  return files;
}
