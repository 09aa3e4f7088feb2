// The card text `amcard sign`, `html` and `eml` sign or put into the email: a template (`${…}`) expanded with its data,
// from --data or else the data file beside the card, chosen as the preview chooses it (dataFileFor).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { cardTextToSend, dataFileFor, describeDataFiles, type CardToSend, type TemplateDataSource } from '../card';
import { asUsageErrors, readArgumentFile } from './card-email-options';
import { UsageError } from './command';

function readData(dataFile: string): { fileName: string; text: string } {
  return { fileName: dataFile, text: readArgumentFile(dataFile, 'template data file') };
}

function fileNamesIn(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch {
    return [];
  }
}

function dataBeside(cardFile: string): TemplateDataSource {
  const folder = path.dirname(cardFile);
  const name = path.basename(cardFile);
  const where = folder === '.' ? 'the current folder' : folder;
  return {
    read: async () => {
      const found = dataFileFor(name, fileNamesIn(folder));
      return found === undefined ? undefined : readData(path.join(folder, found));
    },
    lookedFor: `no --data option, and no data file in ${where} (looked for ${describeDataFiles(name)}); give the data with --data <file>`,
  };
}

const FROM_STANDARD_INPUT: TemplateDataSource = {
  read: async () => undefined,
  lookedFor: 'a card read from standard input has no folder to look for its data in; give the data with --data <file>',
};

/**
 * Reads the card file (- is standard input) and returns its text as it is sent: as written, or for a template expanded
 * with `--data <file>` or else the data file beside the card. A template without data, or with `${…}` left after
 * expansion, is refused (exit 2).
 */
export function cardToSend(command: string, cardFile: string, dataFile: string | undefined): Promise<CardToSend> {
  if (cardFile === '-' && dataFile === '-') throw new UsageError(`amcard ${command}: the card and the template data cannot both come from standard input.`);
  const cardText = readArgumentFile(cardFile, 'card');
  const data: TemplateDataSource = dataFile !== undefined ? { read: async () => readData(dataFile), lookedFor: `--data ${dataFile}` }
    : cardFile === '-' ? FROM_STANDARD_INPUT : dataBeside(cardFile);
  return asUsageErrors(command, () => cardTextToSend(cardText, cardFile === '-' ? 'The card from standard input' : cardFile, data));
}
