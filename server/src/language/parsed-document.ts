// One version of a document's text and what completion, hover and quick fixes read from it, each worked out once,
// on first use, and kept while that version is current: a request parses nothing again and rebuilds no card model.
import { findNodeAtOffset, getLocation, getNodePath, parseTree, type JSONPath, type Location, type ParseError } from 'jsonc-parser';
import { TextDocument, type JSONDocument } from 'vscode-json-languageservice';
import { adaptiveCardOf, buildCardModel, parseJsonDocument, type CardModel, type JsonDocument, type JsonNode } from '../card';
import { cardSchemaFileName, cardSchemaPath } from './card-schema-path';
import { beyondLanguageFeatureLimits, LANGUAGE_FEATURES_MAX_SYNTAX_ERRORS } from './feature-limits';
import { parseForService } from './json-service-parse';
import { structureService } from './structure-service';

export class ParsedDocument {
  private strict?: JsonDocument;
  private tolerant?: { root: JsonNode | undefined; syntaxErrorCount: number };
  private readonly models = new Map<JsonNode, CardModel>();
  private service?: { document: TextDocument; json: JSONDocument | undefined };
  private beyondLimits?: boolean;

  constructor(readonly text: string) {}

  /** The project's parse of the text (card/json-document.ts), with its root only when the text is JSON. */
  get tree(): JsonDocument {
    this.strict ??= parseJsonDocument(this.text);
    return this.strict;
  }

  /** Adopts validation's parse of the same text, unless the document has been parsed already. */
  offerTree(tree: JsonDocument): void {
    if (tree.text === this.text) this.strict ??= tree;
  }

  /** The root, read tolerantly when the text is not (yet) JSON: what is being typed is often unfinished. */
  get tolerantRoot(): JsonNode | undefined {
    return this.tolerantParse().root;
  }

  private tolerantParse(): { root: JsonNode | undefined; syntaxErrorCount: number } {
    if (this.tolerant === undefined) {
      const strictRoot = this.tree.root;
      const errors: ParseError[] = [];
      this.tolerant = strictRoot !== undefined ? { root: strictRoot, syntaxErrorCount: 0 } : { root: parseTree(this.text, errors), syntaxErrorCount: errors.length };
    }
    return this.tolerant;
  }

  /** The innermost object of the tolerant tree whose braces enclose `offset`: where a property name typed there goes. */
  objectAt(offset: number): JsonNode | undefined {
    const container = innermostContainer(this.tolerantRoot, offset);
    return container?.type === 'object' ? container : undefined;
  }

  /** The card model of `card`, a node of this document's trees. */
  modelOf = (card: JsonNode): CardModel => {
    let model = this.models.get(card);
    if (model === undefined) {
      model = buildCardModel(card);
      this.models.set(card, model);
    }
    return model;
  };

  /** Whether the text is longer, nests deeper or has more syntax errors than completion and hover go (feature-limits.ts). */
  get beyondLanguageFeatureLimits(): boolean {
    // the nesting is checked first: a text nested past the limit would overflow the tolerant parser
    this.beyondLimits ??= beyondLanguageFeatureLimits(this.text) || this.tolerantParse().syntaxErrorCount > LANGUAGE_FEATURES_MAX_SYNTAX_ERRORS;
    return this.beyondLimits;
  }

  /** Where completion and hover apply the card schema (card-schema-path.ts); the service's address names it. */
  get cardSchemaPath(): JSONPath | undefined {
    return cardSchemaPath(this.tolerantRoot);
  }

  /** The Adaptive Card the document is or carries (card/document-kind.ts), read tolerantly. */
  get adaptiveCard(): JsonNode | undefined {
    return adaptiveCardOf(this.tolerantRoot);
  }

  /** The text as vscode-json-languageservice reads it. */
  get serviceDocument(): TextDocument {
    return this.serviceParse().document;
  }

  /** vscode-json-languageservice's parse of the text, or undefined past the limits of completion and hover. */
  get serviceJson(): JSONDocument | undefined {
    return this.serviceParse().json;
  }

  private serviceParse(): { document: TextDocument; json: JSONDocument | undefined } {
    if (this.service === undefined) {
      // Past the limits the text is not read for its card: a text nested that deep overflows the tolerant parser.
      const beyondLimits = this.beyondLanguageFeatureLimits;
      const document = TextDocument.create(`ams-document://${cardSchemaFileName(beyondLimits ? undefined : this.cardSchemaPath)}`, 'json', 0, this.text);
      this.service = { document, json: beyondLimits ? undefined : parseForService(structureService, document) };
    }
    return this.service;
  }

  /**
   * jsonc-parser's getLocation at `offset`, which scans the text from its start. In a document that is JSON, the scan
   * starts instead at the innermost object or array around `offset`, whose path is read from the tree, so a request
   * near the end of a large card scans one element rather than the card. In unfinished text the whole prefix is
   * scanned: the tree's recovery from a syntax error is not getLocation's (an array index may differ).
   */
  locationAt(offset: number): Location {
    const container = innermostContainer(this.tree.root, offset);
    if (container === undefined) return getLocation(this.text, offset);
    const location = getLocation(this.text.slice(container.offset), offset - container.offset);
    const previousNode = location.previousNode && { ...location.previousNode, offset: location.previousNode.offset + container.offset };
    const path = [...getNodePath(container), ...location.path];
    return { ...location, path, previousNode, matches: (pattern) => getLocation(this.text, offset).matches(pattern) };
  }
}

/** The innermost object or array of `root` whose brackets enclose `offset`. */
function innermostContainer(root: JsonNode | undefined, offset: number): JsonNode | undefined {
  for (let node = root && findNodeAtOffset(root, offset, true); node !== undefined; node = node.parent) {
    if ((node.type === 'object' || node.type === 'array') && offset > node.offset && offset < node.offset + node.length) return node;
  }
  return undefined;
}

/** The parsed current version of each open document; a change or a close drops it. */
export class ParsedDocuments {
  private readonly entries = new Map<string, { version: number; parsed: ParsedDocument }>();

  /** The parse of `uri` at `version`, whose text `text()` gives: made on first use of that version. */
  get(uri: string, version: number, text: () => string): ParsedDocument {
    const entry = this.entries.get(uri);
    if (entry?.version === version) return entry.parsed;
    const parsed = new ParsedDocument(text());
    this.entries.set(uri, { version, parsed });
    return parsed;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
