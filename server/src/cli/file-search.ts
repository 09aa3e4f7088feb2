// Searching directories for input files with fast-glob: a directory that cannot be listed (permission denied) is
// skipped and named in a warning line, where fast-glob would throw and stop the whole search.
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
  return fastGlob.sync(typeof patterns === 'string' ? patterns : [...patterns], {
    cwd, absolute: true, onlyFiles: true, ignore: [...ignore], fs: { readdirSync: readdirSkippingUnreadable as typeof fs.readdirSync },
  });
}
