// Which file holds a template card's data, chosen the same way by the preview, the Sign Card and Copy Email HTML
// commands and `amcard`. Pure: works on file names only.

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

/** The data files `dataFileFor` looks for, for messages: "order.data.json, or the folder's only unpaired *.data.json". */
export function describeDataFiles(cardFileName: string): string {
  const card = cardFileName.toLowerCase();
  const paired = card.endsWith(CARD_SUFFIX) ? `${cardFileName.slice(0, -CARD_SUFFIX.length)}${DATA_SUFFIX}` : card === 'card.json' ? 'data.json' : undefined;
  const unpaired = `the folder's only *${DATA_SUFFIX} that pairs with no other card`;
  return paired === undefined ? unpaired : `${paired}, or ${unpaired}`;
}
