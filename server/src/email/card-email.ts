// The HTML document of an actionable message, as docs/rules.md § "Email embedding" has it: a card script in <head>, or
// the SignedAdaptiveCard / SignedMessageCard microdata section of a signed card, with a readable body for mail clients
// that show no card.
import { isDeepStrictEqual } from 'node:util';
import escapeHtml from 'escape-html';
import { parse, serialize, serializeOuter, type DefaultTreeAdapterTypes } from 'parse5';
import { arrayItems, buildCardModel, decodeCompactJws, InputError, isMissing, type JsonNode, parseJsonDocument, PositionLocator, propertyValue, stringProperty } from '../card';
import { privateKeyIn } from './private-key';
import { formatTextFunctions } from './text-functions';

/** The card cannot go into an email: it holds a private key, or the signed JWS does not decode or carries no card claim. */
export class CardEmailError extends InputError {
  static override readonly code = 'ERR_CARD_EMAIL';
}

export interface CardEmailInput {
  readonly cardText: string;
  /** Compact JWS of a signed-card payload; when given, the email carries the signed section instead of the script. */
  readonly signedJws?: string;
  /** HTML for the body (a fragment or a whole document); replaces the fallback made from the card's text. */
  readonly bodyHtml?: string;
  readonly subject?: string;
}

export interface CardEmail {
  readonly html: string;
  readonly warnings: string[];
}

type CardKind = 'adaptiveCard' | 'messageCard';

const SCRIPT_MEDIA_TYPES: Readonly<Record<CardKind, string>> = {
  adaptiveCard: 'application/adaptivecard+json',
  messageCard: 'application/ld+json',
};

const SIGNED_ENVELOPES: Readonly<Record<CardKind, { type: string; property: string; claim: string }>> = {
  adaptiveCard: { type: 'SignedAdaptiveCard', property: 'signedAdaptiveCard', claim: 'adaptiveCardSerialized' },
  messageCard: { type: 'SignedMessageCard', property: 'signedMessageCard', claim: 'messageCardSerialized' },
};

const SCRIPT_UNSAFE_CHARACTERS = /[<>&\u2028\u2029]/g;

/**
 * Writes `<`, `>`, `&`, U+2028 and U+2029 as \u escapes so that no `</script>`, `<!--` or `<script` in a string can
 * end or re-mode the script element, and old JavaScript parsers see no line terminator. In valid JSON these
 * characters occur only inside strings, and there the escape denotes the same character: the JSON value is unchanged.
 */
export function scriptSafeJson(jsonText: string): string {
  return jsonText.replace(SCRIPT_UNSAFE_CHARACTERS, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function cardKindOf(root: JsonNode): CardKind | undefined {
  if (stringProperty(root, 'type') === 'AdaptiveCard') return 'adaptiveCard';
  if (stringProperty(root, '@type') === 'MessageCard') return 'messageCard';
  return undefined;
}

function paragraph(text: string): string {
  return `<p>${escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>')}</p>`;
}

function link(title: string | undefined, url: string | undefined): string | undefined {
  // Only web links: a javascript: or data: URL from a card must not become clickable in the mail body.
  const href = url !== undefined && /^https?:\/\//i.test(url) ? url : undefined;
  const label = title !== undefined && title.trim() !== '' ? title : href;
  if (label === undefined) return undefined;
  return href === undefined ? paragraph(label) : `<p><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></p>`;
}

/** Card text as written, or with its `{{DATE(…)}}` and `{{TIME(…)}}` written out (`formatTextFunctions`). */
type TextOf = (text: string) => string;

const asWritten: TextOf = (text) => text;

function factTable(facts: readonly JsonNode[], nameKey: string, textOf: TextOf): string | undefined {
  const rows = facts.flatMap((fact) => {
    const name = textOf(stringProperty(fact, nameKey) ?? '');
    const value = textOf(stringProperty(fact, 'value') ?? '');
    return name === '' && value === '' ? [] : [`<tr><th align="left">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`];
  });
  return rows.length === 0 ? undefined : `<table>${rows.join('')}</table>`;
}

function richText(node: JsonNode): string {
  return arrayItems(propertyValue(node, 'inlines'))
    .map((inline) => formatTextFunctions(inline.type === 'string' ? (inline.value as string) : stringProperty(inline, 'text') ?? ''))
    .join('');
}

/**
 * TextBlock and RichTextBlock texts, FactSets and action titles/links, in document order; fallback content is left
 * out. Dates and times in the texts and facts are written out, as the card shows them.
 */
function adaptiveCardBlocks(root: JsonNode): string[] {
  const model = buildCardModel(root);
  const blocks: { offset: number; html: string | undefined }[] = [];
  for (const element of model.elements) {
    if (!element.known) continue;
    const { node } = element;
    if (element.type === 'TextBlock') {
      const text = stringProperty(node, 'text');
      blocks.push({ offset: node.offset, html: text === undefined || text.trim() === '' ? undefined : paragraph(formatTextFunctions(text)) });
    } else if (element.type === 'RichTextBlock') {
      const text = richText(node);
      blocks.push({ offset: node.offset, html: text.trim() === '' ? undefined : paragraph(text) });
    } else if (element.type === 'FactSet') {
      blocks.push({ offset: node.offset, html: factTable(arrayItems(propertyValue(node, 'facts')), 'title', formatTextFunctions) });
    }
  }
  for (const action of model.actions) {
    if (action.slot !== 'actions' || !action.known) continue;
    const url = action.type === 'Action.OpenUrl' ? stringProperty(action.node, 'url') : undefined;
    blocks.push({ offset: action.node.offset, html: link(stringProperty(action.node, 'title'), url) });
  }
  return blocks.sort((a, b) => a.offset - b.offset).flatMap((block) => (block.html === undefined ? [] : [block.html]));
}

function textBlocks(node: JsonNode, keys: readonly string[]): string[] {
  return keys.flatMap((key) => {
    const text = stringProperty(node, key);
    return text === undefined || text.trim() === '' ? [] : [paragraph(text)];
  });
}

/** Title, text, sections (activity texts and facts) and actions, in the order a MessageCard shows them. */
function messageCardBlocks(root: JsonNode): string[] {
  const blocks = textBlocks(root, ['title', 'text']);
  for (const section of arrayItems(propertyValue(root, 'sections'))) {
    blocks.push(...textBlocks(section, ['activityTitle', 'activitySubtitle', 'activityText', 'title', 'text']));
    const facts = factTable(arrayItems(propertyValue(section, 'facts')), 'name', asWritten);
    if (facts !== undefined) blocks.push(facts);
  }
  for (const action of arrayItems(propertyValue(root, 'potentialAction'))) {
    const uri = stringProperty(action, '@type') === 'OpenUri'
      ? arrayItems(propertyValue(action, 'targets')).map((target) => stringProperty(target, 'uri')).find((value) => value !== undefined)
      : undefined;
    const block = link(stringProperty(action, 'name'), uri);
    if (block !== undefined) blocks.push(block);
  }
  return blocks;
}

function hasItems(node: JsonNode | undefined): boolean {
  return arrayItems(node).length > 0;
}

/**
 * "No card" for hideOriginalBody: the card has nothing to display, so Outlook would hide the body and show an empty
 * card. For an Adaptive Card that is the condition of docs/rules.md § AM005 (no `body` item and no `actions` item); for
 * a MessageCard, no `title`, `text`, `sections` item or `potentialAction` item.
 */
function showsNothing(root: JsonNode, kind: CardKind): boolean {
  if (kind === 'adaptiveCard') return !hasItems(propertyValue(root, 'body')) && !hasItems(propertyValue(root, 'actions'));
  return isMissing(propertyValue(root, 'title')) && isMissing(propertyValue(root, 'text'))
    && !hasItems(propertyValue(root, 'sections')) && !hasItems(propertyValue(root, 'potentialAction'));
}

interface SignedSection {
  readonly html: string;
  readonly kind: CardKind;
  readonly cardClaim: unknown;
}

function signedSection(token: string): SignedSection {
  const decoded = decodeCompactJws(token);
  if (!decoded.ok) throw new CardEmailError(`The signed card is not a compact JWS: ${decoded.problem.message}`);
  const { payload } = decoded.jws;
  const kinds = (Object.keys(SIGNED_ENVELOPES) as CardKind[]).filter((kind) => SIGNED_ENVELOPES[kind].claim in payload);
  if (kinds.length !== 1) {
    const which = kinds.length === 0 ? 'neither' : 'both';
    throw new CardEmailError(`The signed card's payload has ${which} of "adaptiveCardSerialized" and "messageCardSerialized"; it needs exactly one (AM090).`);
  }
  const kind = kinds[0]!;
  const envelope = SIGNED_ENVELOPES[kind];
  // decodeCompactJws admitted only base64url characters and dots: the token needs no HTML escaping.
  const html = [
    `<section itemscope itemtype="http://schema.org/${envelope.type}">`,
    '<meta itemprop="@context" content="http://schema.org/extensions">',
    `<meta itemprop="@type" content="${envelope.type}">`,
    `<div itemprop="${envelope.property}" style="display:none; max-height:0; overflow:hidden; mso-hide:all">${token}</div>`,
    '</section>',
  ].join('\n');
  return { html, kind, cardClaim: payload[envelope.claim] };
}

function parsesTo(jsonText: unknown, value: unknown): boolean {
  if (typeof jsonText !== 'string') return false;
  try {
    return isDeepStrictEqual(JSON.parse(jsonText), value);
  } catch {
    return false;
  }
}

type Element = DefaultTreeAdapterTypes.Element;

function isElement(node: DefaultTreeAdapterTypes.Node): node is Element {
  return 'tagName' in node;
}

function childElement(parent: DefaultTreeAdapterTypes.ParentNode, tagName: string): Element {
  return parent.childNodes.find((node): node is Element => isElement(node) && node.tagName === tagName)!;
}

function isCharsetDeclaration(element: Element): boolean {
  if (element.tagName !== 'meta') return false;
  return element.attrs.some((attr) => attr.name === 'charset' || (attr.name === 'http-equiv' && attr.value.toLowerCase() === 'content-type'));
}

/**
 * The user's body HTML, a fragment or a whole document, as parse5 reads it: what belongs in <head> (styles, a title)
 * and the inside of <body>. Its charset declarations are dropped: the document is written as UTF-8.
 */
function userBody(bodyHtml: string, subject: string | undefined): { head: string[]; body: string } {
  const html = childElement(parse(bodyHtml), 'html');
  const head = childElement(html, 'head').childNodes
    .filter((node) => !(isElement(node) && (isCharsetDeclaration(node) || (subject !== undefined && node.tagName === 'title'))))
    .map((node) => serializeOuter(node))
    .filter((text) => text.trim() !== '');
  return { head, body: serialize(childElement(html, 'body')) };
}

function describeSyntaxProblem(text: string, offset: number, message: string): string {
  const { line, character } = new PositionLocator(text).positionAt(offset);
  return `The card JSON is invalid at line ${line + 1}, column ${character + 1}: ${message} The email carries it as it is, and Outlook will show no card.`;
}

/** An email must never carry key material: sending it would publish the key. */
function refusePrivateKey(text: string, what: string): void {
  const key = privateKeyIn(text);
  if (key !== undefined) throw new CardEmailError(`The ${what} holds ${key}, which the email would carry: is it a key file? Nothing was made.`);
}

/**
 * A complete HTML document for the card. Unsigned: the card JSON (as written, made script-safe) in a
 * `<script type="application/adaptivecard+json">` in <head>, `application/ld+json` for a MessageCard. Signed: the
 * microdata section with the JWS at the end of <body>, the type chosen from the payload's card claim. The body is
 * `bodyHtml` or else the card's text. Warnings: invalid card JSON, a root that is no card, a card without readable
 * text for the body, hideOriginalBody on a card that shows nothing, and a JWS whose card differs from `cardText`.
 * A card or body that holds a private key is refused (CardEmailError).
 */
export function cardEmailHtml(input: CardEmailInput): CardEmail {
  refusePrivateKey(input.cardText, 'card');
  if (input.bodyHtml !== undefined) refusePrivateKey(input.bodyHtml, 'body HTML');
  const warnings: string[] = [];
  const cardText = input.cardText.replace(/^\uFEFF/, '');
  const document = parseJsonDocument(cardText);
  const root = document.root;
  if (document.syntaxProblem !== undefined) {
    warnings.push(describeSyntaxProblem(cardText, document.syntaxProblem.offset, document.syntaxProblem.message));
  }
  const kind = root === undefined ? undefined : cardKindOf(root);
  if (root !== undefined && kind === undefined) {
    warnings.push('The card JSON is neither an Adaptive Card ("type": "AdaptiveCard") nor a MessageCard ("@type": "MessageCard"): Outlook will show no card.');
  }

  const signed = input.signedJws === undefined ? undefined : signedSection(input.signedJws.trim());
  if (signed !== undefined && root !== undefined && !parsesTo(signed.cardClaim, JSON.parse(cardText))) {
    warnings.push(`The signed JWS carries a different card than the card given (its "${SIGNED_ENVELOPES[signed.kind].claim}" claim): the email shows the signed one, and the body text comes from the card given.`);
  }

  const head = ['<meta charset="utf-8">'];
  if (input.subject !== undefined) head.push(`<title>${escapeHtml(input.subject)}</title>`);
  let body: string;
  if (input.bodyHtml !== undefined) {
    const user = userBody(input.bodyHtml, input.subject);
    head.push(...user.head);
    body = user.body;
  } else {
    const blocks = root === undefined || kind === undefined ? [] : kind === 'adaptiveCard' ? adaptiveCardBlocks(root) : messageCardBlocks(root);
    if (blocks.length === 0 && kind !== undefined) {
      warnings.push('The card has no text for the readable body (no TextBlock, RichTextBlock, FactSet or action title): mail clients that show no card show an empty message. Give a body HTML file.');
    }
    body = blocks.join('\n');
  }
  if (root !== undefined && kind !== undefined && propertyValue(root, 'hideOriginalBody')?.value === true && showsNothing(root, kind)) {
    const content = kind === 'adaptiveCard' ? 'no "body" item and no "actions" item' : 'no title, text, sections or potentialAction';
    warnings.push(`"hideOriginalBody" is true but the card has nothing to display (${content}): Outlook hides the message body and readers see an empty message.`);
  }

  if (signed === undefined) {
    head.push(`<script type="${SCRIPT_MEDIA_TYPES[kind ?? 'adaptiveCard']}">${scriptSafeJson(cardText)}</script>`);
  } else {
    body = body === '' ? signed.html : `${body}\n${signed.html}`;
  }
  const html = ['<!DOCTYPE html>', '<html>', '<head>', ...head, '</head>', '<body>', body, '</body>', '</html>', ''].join('\n');
  return { html, warnings };
}
