// Which files beside a card the preview uses: the template data (`*.data.json`), and the order in which the response
// cards (`actionableMessages.responseFiles`) are offered for a simulated request. Pure: works on names and POSIX paths only.

const DATA_SUFFIX = '.data.json';
const CARD_SUFFIX = '.card.json';

/**
 * The data file for the card named `cardFileName`, chosen among the file names of its folder:
 * `<name>.data.json` for `<name>.card.json`, `data.json` for `card.json`, else the folder's only `*.data.json` that
 * pairs with no other card there (`expense.data.json` beside `expense.card.json` is that card's, not everyone's).
 * Names compare case-insensitively (the same rule on every file system); the found name is returned as listed.
 */
export function dataFileFor(cardFileName: string, folderFileNames: readonly string[]): string | undefined {
  const card = cardFileName.toLowerCase();
  const names = new Set(folderFileNames.map((name) => name.toLowerCase()));
  const find = (wanted: string) => folderFileNames.find((name) => name.toLowerCase() === wanted);
  if (card.endsWith(CARD_SUFFIX)) {
    const paired = find(`${card.slice(0, -CARD_SUFFIX.length)}${DATA_SUFFIX}`);
    if (paired !== undefined) return paired;
  } else if (card === 'card.json') {
    const paired = find('data.json');
    if (paired !== undefined) return paired;
  }
  const unpaired = folderFileNames.filter((name) => {
    const lower = name.toLowerCase();
    return lower.endsWith(DATA_SUFFIX) && lower !== card && !names.has(`${lower.slice(0, -DATA_SUFFIX.length)}${CARD_SUFFIX}`);
  });
  return unpaired.length === 1 ? unpaired[0] : undefined;
}

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
