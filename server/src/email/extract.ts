// Finds the cards of an actionable message: the card scripts and signed-card sections of
// docs/rules.md § "Email embedding", in an HTML document or in a whole MIME message (.eml), whose HTML parts are
// decoded first.
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { htmlOfMessage, looksLikeMimeMessage } from './message';
import { signedEnvelopeToken } from '../card';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;

export interface ExtractedCard {
  /** 'script': card JSON from a script element; 'signed': the compact JWS of a signed card. */
  readonly kind: 'script' | 'signed';
  /** The script's type attribute, for script cards. */
  readonly mediaType?: string;
  readonly text: string;
  /** Where `text` starts in the input; only for HTML input (in an .eml the HTML is decoded first). */
  readonly offset?: number;
}

const CARD_SCRIPT_TYPES = new Set(['application/adaptivecard+json', 'application/ld+json']);
const SIGNED_CARD_PROPERTIES = new Set(['signedadaptivecard', 'signedmessagecard']);
function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

/**
 * The nodes under `root` in document order, walked with an explicit stack: email HTML can nest deeper than the
 * call stack allows. `descend` decides whether an element's children are visited.
 */
function* descendants(root: Node, descend: (node: Node) => boolean = () => true): Generator<Node> {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    if (!descend(node)) continue;
    const children: readonly Node[] = node.nodeName === 'template'
      ? (node as DefaultTreeAdapterTypes.Template).content.childNodes
      : 'childNodes' in node ? node.childNodes : [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
}

function textContent(element: Element): { text: string; offset?: number } {
  const parts: { text: string; offset?: number }[] = [];
  for (const node of descendants(element)) {
    if (node.nodeName !== '#text') continue;
    const text = node as DefaultTreeAdapterTypes.TextNode;
    parts.push({ text: text.value, offset: text.sourceCodeLocation?.startOffset });
  }
  return { text: parts.map((part) => part.text).join(''), offset: parts[0]?.offset };
}

function trimmedWithOffset(text: string, offset: number | undefined): { text: string; offset?: number } {
  const leading = text.length - text.trimStart().length;
  return offset === undefined ? { text: text.trim() } : { text: text.trim(), offset: offset + leading };
}

/**
 * An application/ld+json script is a card when it holds a MessageCard, or a signed card in the 2018 JSON-LD envelope
 * (then its JWS is the card). Other JSON-LD (schema.org mail markup) is not a card; unparseable JSON-LD is kept as
 * a script card so that decoding reports it instead of it silently disappearing.
 */
function jsonLdCard(text: string, mediaType: string, offset: number | undefined): ExtractedCard | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'script', mediaType, text, offset };
  }
  if (typeof value === 'object' && value !== null && (value as Record<string, unknown>)['@type'] === 'MessageCard') return { kind: 'script', mediaType, text, offset };
  const token = signedEnvelopeToken(value);
  return token === undefined ? undefined : { kind: 'signed', text: token.trim() };
}

function cardsOfElement(element: Element): ExtractedCard | undefined {
  if (element.tagName === 'script') {
    const mediaType = (attribute(element, 'type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!CARD_SCRIPT_TYPES.has(mediaType)) return undefined;
    const script = textContent(element);
    const content = trimmedWithOffset(script.text, script.offset);
    if (mediaType === 'application/ld+json') return jsonLdCard(content.text, mediaType, content.offset);
    return { kind: 'script', mediaType, ...content };
  }
  const properties = (attribute(element, 'itemprop') ?? '').toLowerCase().split(/\s+/);
  if (!properties.some((property) => SIGNED_CARD_PROPERTIES.has(property))) return undefined;
  // Microdata (HTML § 5.2.4): a meta element's value is its content attribute, other elements' their text.
  if (element.tagName === 'meta') return { kind: 'signed', text: (attribute(element, 'content') ?? '').trim() };
  const content = textContent(element);
  return { kind: 'signed', ...trimmedWithOffset(content.text, content.offset) };
}

function cardsOfHtml(html: string, withOffsets: boolean): ExtractedCard[] {
  const cards: ExtractedCard[] = [];
  // A card element's own content is not searched again: a signed section holds no further card.
  const isCard = new Set<Node>();
  for (const node of descendants(parse(html, { sourceCodeLocationInfo: withOffsets }), (node) => !isCard.has(node))) {
    if (!('tagName' in node)) continue;
    const card = cardsOfElement(node);
    if (card === undefined) continue;
    isCard.add(node);
    const { offset, ...rest } = card;
    cards.push(withOffsets && offset !== undefined ? { ...rest, offset } : rest);
  }
  return cards;
}

/**
 * Every card of an email, in document order: `<script type="application/adaptivecard+json">` and
 * `application/ld+json` card scripts (kind 'script', the script's JSON text), and signed-card sections (kind 'signed',
 * the JWS of the `signedAdaptiveCard` / `signedMessageCard` item property). `email` is an HTML document or a MIME
 * message (.eml), whose HTML body postal-mime decodes; give an .eml as its bytes, so that its charsets decide the
 * text. Rejects with a MimeMessageError for a message that cannot be read.
 */
export async function extractCardsFromEmail(email: string | Uint8Array): Promise<ExtractedCard[]> {
  const text = typeof email === 'string' ? email : new TextDecoder('utf-8').decode(email);
  if (looksLikeMimeMessage(text)) return cardsOfHtml(await htmlOfMessage(email), false);
  return cardsOfHtml(text, true);
}
