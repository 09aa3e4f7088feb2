// Completion and hover for Adaptive Cards, computed by vscode-json-languageservice from the project's card schema
// (server/schema/outlook-card.schema.json), with results in the service's own types, only where the document has its
// Adaptive Card (card-schema-path.ts): a MessageCard gets none. No schema is ever fetched: a card without "$schema" or
// with an adaptivecards.io one gets the Outlook schema; a card naming another schema (AM006) gets no Outlook
// proposals, only what the service knows of that address by itself (the JSON Schema meta-schemas), if anything.
import {
  CompletionItemKind,
  InsertTextFormat,
  getLanguageService,
  type TextDocument,
  type CompletionItem,
  type JSONDocument,
  type JSONSchema,
  type MarkedString,
  type MarkupContent,
  type Range,
  type SchemaConfiguration,
} from 'vscode-json-languageservice';
import { cardSchema, isAdaptiveCardSchemaUri } from '../rules';
import { cardSchemaFileName } from './card-schema-path';
import type { CompletionEntry, CompletionKind } from './completion-entry';
import { propertyOfferedAt } from './offered-properties';
import { cardVersion, offeredAt, offeredInSlot } from './offered-types';
import type { ParsedDocument } from './parsed-document';
import { findingsAt, ruleLinksMarkdown, type ShownFindings } from './rule-links';
import { snippetCompletions } from './snippets/snippet-completion';
import { inputTokenCompletions } from './token-completion';
import { inputTokenHover } from './token-hover';

export interface HoverInfo {
  readonly markdown: string;
  readonly offset: number;
  readonly length: number;
}

const SCHEMA_URI = 'ams-schema://outlook-card.schema.json';

const OUTLOOK_SCHEMA_TEXT = JSON.stringify(cardSchema);

/**
 * What the service gets for the schema a card names in "$schema" (the service prefers it to `fileMatch`): the
 * Outlook schema for any adaptivecards.io address (the official schema does not know Outlook's properties);
 * any other address is refused, never fetched.
 */
function requestSchema(uri: string): Promise<string> {
  if (isAdaptiveCardSchemaUri(uri)) return Promise.resolve(OUTLOOK_SCHEMA_TEXT);
  return Promise.reject(new Error(`${uri} is not an Adaptive Cards schema address, and schemas are never fetched`));
}

const jsonService = getLanguageService({ schemaRequestService: requestSchema });

/**
 * The schemas by the file name of the service's address (card-schema-path.ts): the card schema where the card is
 * and nothing elsewhere. Added the first time a document has its card at a new path (the root, an invoke
 * response's `value`, an envelope's `body`, ...); a document without an Adaptive Card matches none.
 */
const schemaAssociations: SchemaConfiguration[] = [{ uri: SCHEMA_URI, fileMatch: [cardSchemaFileName([])], schema: cardSchema }];

function configureService(): void {
  jsonService.configure({ validate: false, allowComments: false, schemas: schemaAssociations });
}
configureService();

/**
 * Makes the service apply the card schema at `parsed`'s card path, whatever the document's root is; false when the
 * document has no card that takes it (cardSchemaPath).
 */
function associateCardSchema(parsed: ParsedDocument): boolean {
  const path = parsed.cardSchemaPath;
  if (path === undefined) return false;
  const fileName = cardSchemaFileName(path);
  if (schemaAssociations.some((association) => association.fileMatch?.[0] === fileName)) return true;
  const schema = path.reduceRight<JSONSchema>((inner, key) => ({ properties: { [key]: inner } }), { $ref: SCHEMA_URI });
  schemaAssociations.push({ uri: `ams-schema://${fileName}`, fileMatch: [fileName], schema });
  configureService();
  return true;
}

function markdownOf(content: string | MarkupContent | undefined): string | undefined {
  if (content === undefined) return undefined;
  return typeof content === 'string' ? content : content.value;
}

function completionKind(item: CompletionItem, isTypeValue: boolean): CompletionKind {
  if (item.kind === CompletionItemKind.Property) return 'property';
  if (item.kind === CompletionItemKind.Snippet) return 'snippet';
  return isTypeValue ? 'type' : 'value';
}

function toEntry(document: TextDocument, offset: number, item: CompletionItem, isTypeValue: boolean): CompletionEntry {
  const edit = item.textEdit;
  const range: Range | undefined = edit === undefined ? undefined : 'range' in edit ? edit.range : edit.replace;
  const replaceOffset = range ? document.offsetAt(range.start) : offset;
  const documentation = markdownOf(item.documentation);
  return {
    label: item.label,
    kind: completionKind(item, isTypeValue),
    ...(item.detail !== undefined ? { detail: item.detail } : {}),
    ...(documentation !== undefined ? { documentation } : {}),
    insertText: edit?.newText ?? item.insertText ?? item.label,
    insertTextIsSnippet: item.insertTextFormat === InsertTextFormat.Snippet,
    replaceOffset,
    replaceLength: range ? document.offsetAt(range.end) - replaceOffset : 0,
    ...(item.filterText !== undefined ? { filterText: item.filterText } : {}),
  };
}

/** The string a value proposal stands for: its label without JSON quotes. */
function proposedString(label: string): string {
  return label.length >= 2 && label.startsWith('"') && label.endsWith('"') ? label.slice(1, -1) : label;
}

/**
 * Completion at `offset`: property names, enum values and element/action `type` values from the schema, and in an
 * element or actions array the element or action snippets. Types and snippets are offered only for the card's
 * version (Action.Execute from 1.4, Action.Http below it, Media from 1.1, ...) and slot (elements in `body`,
 * actions in `actions`, no Action.ShowCard as a `selectAction`, ...); property names only where the version rules
 * take them (no `refresh` below 1.4, no `isRequired` below 1.3, ...). Nothing past the length and nesting limits.
 */
export async function complete(parsed: ParsedDocument, offset: number): Promise<CompletionEntry[]> {
  // In a url, body or header value after "{{", the input tokens are what can go there; the schema has nothing to add.
  const tokens = inputTokenCompletions(parsed, offset);
  if (tokens.length > 0) return tokens;
  const json = parsed.serviceJson;
  if (json === undefined) return [];
  const document = parsed.serviceDocument;
  // Where no card takes our schema, the service is not asked: it would read "$schema" itself (see cardSchemaPath).
  const hasCardSchema = associateCardSchema(parsed);
  const list = hasCardSchema ? await jsonService.doComplete(document, document.positionAt(offset), json) : undefined;
  const location = parsed.locationAt(offset);
  const isTypeValue = !location.isAtPropertyKey && location.path[location.path.length - 1] === 'type';
  const version = isTypeValue ? cardVersion(parsed.adaptiveCard) : undefined;
  const isPropertyOffered = location.isAtPropertyKey ? propertyOfferedAt(parsed, offset) : undefined;
  const isOffered = (item: CompletionItem): boolean => {
    if (item.kind === CompletionItemKind.Property) return isPropertyOffered?.(item.label) ?? true;
    if (!isTypeValue) return true;
    const typeName = proposedString(item.label);
    return offeredAt(typeName, version) && offeredInSlot(typeName, location.path);
  };
  const fromSchema = (list?.items ?? []).filter(isOffered).map((item) => toEntry(document, offset, item, isTypeValue));
  return [...fromSchema, ...snippetCompletions(parsed, offset, location)];
}

function hoverMarkdown(contents: MarkupContent | MarkedString | MarkedString[]): string {
  const parts = Array.isArray(contents) ? contents : [contents];
  return parts.map((part) => (typeof part === 'string' ? part : 'kind' in part ? part.value : `\`\`\`${part.language}\n${part.value}\n\`\`\``)).join('\n\n');
}

/** The schema's documentation of the property name or value at `offset`, if any. */
async function schemaHover(parsed: ParsedDocument, json: JSONDocument, offset: number): Promise<HoverInfo | undefined> {
  const document = parsed.serviceDocument;
  if (!associateCardSchema(parsed)) return undefined;
  const result = await jsonService.doHover(document, document.positionAt(offset), json);
  if (!result) return undefined;
  const markdown = hoverMarkdown(result.contents).trim();
  if (markdown === '') return undefined;
  if (!result.range) return { markdown, offset, length: 0 };
  const start = document.offsetAt(result.range.start);
  return { markdown, offset: start, length: document.offsetAt(result.range.end) - start };
}

/**
 * The schema's documentation of the property name or value at `offset` (on an input token, which input's value it
 * stands for), followed by links to the rules of the `shown` findings that apply there; either may be missing.
 * Nothing past the length and nesting limits.
 */
export async function hover(parsed: ParsedDocument, offset: number, shown?: ShownFindings): Promise<HoverInfo | undefined> {
  const json = parsed.serviceJson;
  if (json === undefined) return undefined;
  // On an input token, what it stands for says more than the schema's words on the url, body or header value.
  const fromSchema = inputTokenHover(parsed, offset) ?? await schemaHover(parsed, json, offset);
  const applying = shown === undefined ? [] : findingsAt(shown.findings, offset);
  if (shown === undefined || applying.length === 0) return fromSchema;
  const links = ruleLinksMarkdown(applying, shown.ruleHref);
  if (fromSchema === undefined) return { markdown: links, offset: applying[0].offset, length: applying[0].length };
  return { ...fromSchema, markdown: `${fromSchema.markdown}\n\n---\n\n${links}` };
}
