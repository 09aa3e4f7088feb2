import * as vscode from 'vscode';
import { cardTextToSend, describeDataFiles, type CardToSend } from '../../../server/src/card';
import { fileLabel } from '../preview/file-reading';
import { findDataFile, folderOf, readDataFile } from '../preview/template-data';
import { cardDocument, displayName, refuseInvalidJson } from './editor-documents';

function whereDataWasLookedFor(card: vscode.Uri): string {
  if (card.scheme === 'untitled') return 'an untitled card has no folder to hold its data; save it beside its *.data.json file';
  const folder = vscode.workspace.asRelativePath(folderOf(card), false);
  return `no data file in ${folder} (looked for ${describeDataFiles(fileLabel(card))})`;
}

/**
 * The card text Sign Card and Copy Email HTML sign or copy: as written, or for a template the card expanded with
 * the data file the preview uses (unsaved edits of it included). A template without data, or with `${…}` left after
 * expansion, is refused with a message naming the card and the place.
 */
export function cardToSend(document: vscode.TextDocument): Promise<CardToSend> {
  return cardTextToSend(document.getText(), displayName(document), {
    read: async () => {
      const dataFile = await findDataFile(document.uri);
      return dataFile === undefined ? undefined : readDataFile(dataFile);
    },
    lookedFor: whereDataWasLookedFor(document.uri),
  });
}

/** What a card command (Sign Card, Copy Email HTML, Send Card to Myself) starts from. */
export interface CardCommandStart<Options> {
  /** The script's arguments; undefined when run from a menu or the palette, which may prompt. */
  readonly options: Options | undefined;
  readonly document: vscode.TextDocument;
  /** The card as it is sent (cardToSend). */
  readonly cardText: string;
}

/**
 * The card of a command run from a menu (`argument` is the file's Uri), the palette (no argument) or a script
 * (`argument` holds options, `uri` among them): refused when it is not JSON (`refusal` starts the message).
 */
export async function startCardCommand<Options extends { readonly uri?: vscode.Uri }>(argument: unknown, refusal: string): Promise<CardCommandStart<Options>> {
  const options = argument instanceof vscode.Uri ? undefined : argument as Options | undefined;
  const document = await cardDocument(argument instanceof vscode.Uri ? argument : options?.uri);
  refuseInvalidJson(document, refusal);
  const { text: cardText } = await cardToSend(document);
  return { options, document, cardText };
}
