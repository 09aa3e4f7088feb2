// How every feature served by vscode-json-languageservice (completion, hover, symbols, selection ranges) parses a card.
import { TextDocument, type JSONDocument, type LanguageService } from 'vscode-json-languageservice';
import { byteOrderMarkAsSpace } from '../card';

/**
 * `service`'s parse of `document`, whose positions are those of `document`: a leading byte order mark, at which the
 * service's parser stops, is read as a space.
 */
export function parseForService(service: LanguageService, document: TextDocument): JSONDocument {
  const text = document.getText();
  const json = byteOrderMarkAsSpace(text);
  return service.parseJSONDocument(json === text ? document : TextDocument.create(document.uri, document.languageId, document.version, json));
}
