import type { Node as JsonNode } from 'jsonc-parser';

/**
 * The fast path of parsing: builds the same tree as jsonc-parser's `parseTree`, for strict JSON only, with its own
 * scanner over `charCodeAt`. It allocates nothing but the nodes and their values (a string without escapes is one
 * slice of the text), recurses not at all, and enforces the nesting limit as it goes. Anything it does not read as
 * strict JSON (a comment, whitespace other than space, tab and line breaks, a bad escape or number, a token out of
 * place) ends it with `undefined`: `parseTree` then reads the text again and gives the tree or describes the problem
 * exactly as before, so accepting less than jsonc-parser costs time, never a different result.
 */
export type StrictTree = { readonly root: JsonNode } | { readonly tooDeepAt: number } | undefined;

/**
 * A property of the strict tree. It keeps its value node and its key's name in fields, and makes the key's node and
 * jsonc-parser's `children` array (`[key, value]`) only when asked: a rule reads the names of every property, but
 * reports on few keys, and the key node and that array took 112 of the 136 bytes of every property, a third of a
 * large card's tree. The key node, once made, is kept, so it is the same node on every call. The walks of
 * json-document.ts read the fields through propertyKeyName, propertyKeyNode and propertyValueNode.
 */
export class StrictProperty implements JsonNode {
  readonly type = 'property';
  private key: JsonNode | undefined = undefined;
  constructor(
    public offset: number,
    public length: number,
    public parent: JsonNode | undefined,
    /** The key's value: the name, unescaped. */
    readonly keyName: string,
    /** The key's length in the text, quotes and escapes included; it starts where the property does. */
    private readonly keyLength: number,
    readonly colonOffset: number,
    public valueNode: JsonNode | undefined,
  ) {}

  get keyNode(): JsonNode {
    this.key ??= { type: 'string', value: this.keyName, offset: this.offset, length: this.keyLength, parent: this };
    return this.key;
  }

  get children(): JsonNode[] {
    return this.valueNode === undefined ? [this.keyNode] : [this.keyNode, this.valueNode];
  }
}

/** What the next token must be. */
const enum Expect { Value, ValueOrClose, Key, KeyOrClose, CommaOrClose, End }

/** jsonc-parser's node type declares its fields read-only; they are written here while the node is built. */
type Node = { -readonly [K in keyof JsonNode]: JsonNode[K] };

const enum Char {
  Tab = 0x09, LineFeed = 0x0a, CarriageReturn = 0x0d, Space = 0x20, Quote = 0x22, Plus = 0x2b, Comma = 0x2c, Minus = 0x2d,
  Dot = 0x2e, Slash = 0x2f, Zero = 0x30, One = 0x31, Nine = 0x39, Colon = 0x3a, UpperE = 0x45, OpenBracket = 0x5b,
  Backslash = 0x5c, CloseBracket = 0x5d, LowerB = 0x62, LowerE = 0x65, LowerF = 0x66, LowerN = 0x6e, LowerR = 0x72,
  LowerT = 0x74, LowerU = 0x75, OpenBrace = 0x7b, CloseBrace = 0x7d,
}

const isDigit = (c: number): boolean => c >= Char.Zero && c <= Char.Nine;

/**
 * A run of string characters that need no attention, found by the regular expression engine: faster than a loop
 * over charCodeAt, and linear (one class, repeated, anchored where the scan is).
 */
const PLAIN_CHARACTERS = /[^"\\\u0000-\u001f]*/y;

/** V8 makes a substring of at least this many characters a slice of its parent string, and copies a shorter one. */
const SLICED_STRING_MIN_LENGTH = 13;

/**
 * From this length on, a text's short strings are kept once each (buildStrictTree's shortStrings). Below it their
 * copies take little memory, and the lookup would cost a quarter of the tree's time: a 2 KB card's tree took
 * 46 µs with it and 35 µs without, and `amcard lint` builds thousands of them.
 */
const SHARE_SHORT_STRINGS_FROM_LENGTH = 256 * 1024;

/**
 * The builder's state lives in local variables of this one function, and its helpers (stringEnd, stringValue,
 * numberEnd) take and return positions: a variable that a nested function reads or writes lives in a heap context
 * instead of a register. With `pos`, the last scanned value and the open containers shared with nested helpers, the
 * tree took 16-22% longer for 2 KB cards (under amcard's V8 flags, fastest of 40 rounds) and 17-47% longer for a 1 MB
 * card (V8's defaults, as in the language server).
 */
export function buildStrictTree(text: string, maxDepth: number): StrictTree {
  const end = text.length;
  let pos = 0;
  /**
   * Open objects and arrays, innermost last, with the property of the enclosing object that holds each (if any) and
   * where their children start in `pendingChildren`.
   */
  const containers: Node[] = [];
  const containerHolders: (StrictProperty | undefined)[] = [];
  const childrenStarts: number[] = [];
  /**
   * The children of every open container, innermost last. Each gets an array of its exact size when it closes: arrays
   * grown by push keep room for 16 more items, which doubled the memory a large card's tree takes.
   */
  const pendingChildren: JsonNode[] = [];
  /** How many of pendingChildren are live: the rest are left in place, as setting an array's length calls V8's runtime. */
  let pendingCount = 0;
  let container: Node | undefined;
  let root: Node | undefined;
  /** The property whose value comes next, in the innermost object. */
  let holder: StrictProperty | undefined;
  let expect = Expect.Value as Expect;
  /**
   * Short strings are copies, not slices, of the text; a large card repeats the same ones ("type", "TextBlock") all
   * over, so each is kept once. (V8 slices a string of 13 characters or more; a shorter one is a copy.)
   */
  const shortStrings = end >= SHARE_SHORT_STRINGS_FROM_LENGTH ? new Map<string, string>() : undefined;

  for (;;) {
    // Read only inside the text: charCodeAt past its end (NaN) throws the optimised code away once per document kind.
    let c = pos < end ? text.charCodeAt(pos) : -1;
    while (c === Char.Space || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab) c = ++pos < end ? text.charCodeAt(pos) : -1;
    if (pos >= end) return expect === Expect.End ? { root: root! } : undefined;
    const offset = pos;
    if (c === Char.CloseBrace || c === Char.CloseBracket) {
      const type = c === Char.CloseBrace ? 'object' : 'array';
      const allowed = type === 'object'
        ? expect === Expect.KeyOrClose || (expect === Expect.CommaOrClose && container?.type === 'object')
        : expect === Expect.ValueOrClose || (expect === Expect.CommaOrClose && container?.type === 'array');
      if (!allowed) return undefined;
      const closed = container!;
      const closedHolder = containerHolders.pop();
      containers.pop();
      const start = childrenStarts.pop()!;
      closed.children = pendingChildren.slice(start, pendingCount);
      pendingCount = start;
      closed.length = offset + 1 - closed.offset;
      container = containers[containers.length - 1];
      holder = undefined;
      pos++;
      if (closedHolder) closedHolder.length = pos - closedHolder.offset;
      expect = container === undefined ? Expect.End : Expect.CommaOrClose;
      continue;
    }
    switch (expect) {
      case Expect.Key:
      case Expect.KeyOrClose: {
        if (c !== Char.Quote) return undefined;
        const close = stringEnd(text, pos);
        if (close < 0) return undefined;
        const keyName = stringValue(text, pos, close, shortStrings);
        pos = close + 1;
        const keyLength = pos - offset;
        let colon = text.charCodeAt(pos);
        while (colon === Char.Space || colon === Char.LineFeed || colon === Char.CarriageReturn || colon === Char.Tab) colon = text.charCodeAt(++pos);
        if (colon !== Char.Colon) return undefined;
        // Its value is set when it is read.
        const property = new StrictProperty(offset, 0, container, keyName, keyLength, pos++, undefined);
        pendingChildren[pendingCount++] = property;
        holder = property;
        expect = Expect.Value;
        break;
      }
      case Expect.CommaOrClose:
        if (c !== Char.Comma) return undefined;
        pos++;
        expect = container!.type === 'object' ? Expect.Key : Expect.Value;
        break;
      case Expect.End:
        return undefined;
      case Expect.Value:
      case Expect.ValueOrClose: {
        let node: Node;
        if (c === Char.OpenBrace || c === Char.OpenBracket) {
          if (containers.length === maxDepth) return { tooDeepAt: offset };
          node = { type: c === Char.OpenBrace ? 'object' : 'array', offset, length: 0, parent: undefined, children: undefined };
        } else if (c === Char.Quote) {
          const close = stringEnd(text, pos);
          if (close < 0) return undefined;
          pos = close + 1;
          node = { type: 'string', value: stringValue(text, offset, close, shortStrings), offset, length: pos - offset, parent: undefined };
        } else if (c === Char.Minus || isDigit(c)) {
          pos = numberEnd(text, pos);
          if (pos < 0) return undefined;
          node = { type: 'number', value: Number(text.slice(offset, pos)), offset, length: pos - offset, parent: undefined };
        } else {
          // A letter right after it ("nullx") is no separator, so the next token fails, as jsonc-parser's does.
          const literal = c === Char.LowerT ? 'true' : c === Char.LowerF ? 'false' : c === Char.LowerN ? 'null' : undefined;
          if (literal === undefined || !text.startsWith(literal, offset)) return undefined;
          pos = offset + literal.length;
          node = { type: literal === 'null' ? 'null' : 'boolean', value: literal === 'null' ? null : literal === 'true', offset, length: literal.length, parent: undefined };
        }
        // Placed in its container; a scalar is finished, an object or array is opened.
        if (container === undefined) root = node;
        else if (holder) {
          node.parent = holder;
          holder.valueNode = node;
        } else {
          node.parent = container;
          pendingChildren[pendingCount++] = node;
        }
        if (node.type !== 'object' && node.type !== 'array') {
          if (holder) holder.length = pos - holder.offset;
          holder = undefined;
          expect = container === undefined ? Expect.End : Expect.CommaOrClose;
          break;
        }
        containers.push(node);
        containerHolders.push(holder);
        childrenStarts.push(pendingCount);
        container = node;
        holder = undefined;
        pos++;
        expect = c === Char.OpenBrace ? Expect.KeyOrClose : Expect.ValueOrClose;
        break;
      }
    }
  }
}

/** Whether the string stringEnd scanned last has an escape (stringValue decodes it then). */
let lastStringEscaped = false;

/** The index of the closing quote of the strict JSON string whose opening quote is at `open`, or -1. */
function stringEnd(text: string, open: number): number {
  let at = open + 1;
  lastStringEscaped = false;
  for (;;) {
    PLAIN_CHARACTERS.lastIndex = at;
    PLAIN_CHARACTERS.test(text);
    at = PLAIN_CHARACTERS.lastIndex;
    const c = text.charCodeAt(at);
    if (c === Char.Quote) return at;
    if (c !== Char.Backslash) return -1;
    const length = escapeLength(text, at + 1);
    if (length === 0) return -1;
    at += length;
    lastStringEscaped = true;
  }
}

/**
 * The value of the string stringEnd scanned last, from its opening to its closing quote: the text between them, or,
 * when it has an escape, the literal decoded by JSON.parse, exactly as jsonc-parser decodes it, into one flat string.
 */
function stringValue(text: string, open: number, close: number, shortStrings: Map<string, string> | undefined): string {
  const value = lastStringEscaped ? (JSON.parse(text.slice(open, close + 1)) as string) : text.slice(open + 1, close);
  if (shortStrings === undefined || value.length >= SLICED_STRING_MIN_LENGTH) return value;
  const known = shortStrings.get(value);
  if (known !== undefined) return known;
  shortStrings.set(value, value);
  return value;
}

/** The end of the number of JSON's grammar at `start`, or -1. */
function numberEnd(text: string, start: number): number {
  let pos = start;
  if (text.charCodeAt(pos) === Char.Minus) pos++;
  const first = text.charCodeAt(pos);
  if (first === Char.Zero) pos++;
  else if (first >= Char.One && first <= Char.Nine) while (isDigit(text.charCodeAt(++pos)));
  else return -1;
  if (text.charCodeAt(pos) === Char.Dot) {
    if (!isDigit(text.charCodeAt(++pos))) return -1;
    while (isDigit(text.charCodeAt(++pos)));
  }
  const e = text.charCodeAt(pos);
  if (e === Char.LowerE || e === Char.UpperE) {
    const sign = text.charCodeAt(++pos);
    if (sign === Char.Plus || sign === Char.Minus) pos++;
    if (!isDigit(text.charCodeAt(pos))) return -1;
    while (isDigit(text.charCodeAt(++pos)));
  }
  return pos;
}

/**
 * The length of the escape sequence whose backslash is at `at - 1`, or 0 when JSON has no such escape: `\u` takes
 * exactly four hex digits (a lone surrogate is fine, as in jsonc-parser).
 */
function escapeLength(text: string, at: number): number {
  switch (text.charCodeAt(at)) {
    case Char.Quote: case Char.Backslash: case Char.Slash: case Char.LowerB: case Char.LowerF: case Char.LowerN:
    case Char.LowerR: case Char.LowerT:
      return 2;
    case Char.LowerU:
      for (let i = at + 1; i < at + 5; i++) if (!isHexDigit(text.charCodeAt(i))) return 0;
      return 6;
    default:
      return 0;
  }
}

function isHexDigit(c: number): boolean {
  const lower = c | 0x20;
  return isDigit(c) || (lower >= 0x61 && lower <= 0x66);
}
