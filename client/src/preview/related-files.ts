// Which files beside a card the preview offers as response cards (`actionableMessages.responseFiles`) for a simulated
// request, nearest first; the template data file is chosen by server/src/card/template-data-file.ts. Pure: works on
// names and POSIX paths only.

function segments(folderPath: string): string[] {
  return folderPath.split('/').filter((segment) => segment !== '');
}

/** Folders between `from` and `to`: steps up to their common ancestor plus steps down from it. */
export function folderDistance(from: string, to: string): number {
  const a = segments(from);
  const b = segments(to);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return a.length - common + (b.length - common);
}

function folderOf(filePath: string): string {
  return filePath.slice(0, filePath.lastIndexOf('/') + 1);
}

/**
 * Response files nearest the card's folder first (those beside it, then one folder away, …), alphabetical within
 * a distance, each path once.
 */
export function nearestFirst(cardFolder: string, filePaths: readonly string[]): string[] {
  const distances = new Map([...new Set(filePaths)].map((filePath) => [filePath, folderDistance(cardFolder, folderOf(filePath))]));
  return [...distances.keys()].sort((a, b) => distances.get(a)! - distances.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
}
