import { minimatch } from 'minimatch';

function slashes(path: string): string {
  return path.replace(/\\/g, '/');
}

/**
 * Whether the file at `filePath` matches one of the globs of a setting (`files`, `responseFiles`), tried on its path
 * relative to each of `baseFolders` that contains it (the workspace folders, or the folders the CLI was given: how
 * the settings are written) and on its full path (so `**` patterns also work for files outside any folder).
 */
export function matchesFileGlobs(filePath: string, baseFolders: readonly string[], globs: readonly string[]): boolean {
  const full = slashes(filePath);
  const candidates = [full];
  for (const folder of baseFolders.map(slashes)) {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    if (full.startsWith(prefix)) candidates.push(full.slice(prefix.length));
  }
  return globs.some((glob) => candidates.some((candidate) => minimatch(candidate, glob, { dot: true })));
}
