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

export function buildStrictTree(text: string, maxDepth: number): StrictTree {
  const end = text.length;
  let pos = 0;
  /** The value of the string or number just scanned. */
  let scanned: string | number = '';
  /** Open objects and arrays, innermost last, with the property of the enclosing object that holds each (if any). */
  const containers: Node[] = [];
  const containerHolders: (Node | undefined)[] = [];
  let container: Node | undefined;
  let root: Node | undefined;
  /** The property whose value comes next, in the innermost object. */
  let holder: Node | undefined;
  let expect = Expect.Value as Expect;

  /** Scans the string whose opening quote is at `pos` into `scanned`; false when it is not a strict JSON string. */
  const scanString = (): boolean => {
    let start = pos + 1;
    let at = start;
    let value: string | undefined;
    for (;;) {
      if (at >= end) return false;
      const c = text.charCodeAt(at);
      if (c === Char.Quote) break;
      if (c < Char.Space) return false;
      if (c !== Char.Backslash) {
        at++;
        continue;
      }
      value = (value ?? '') + text.slice(start, at);
      const escaped = unescape(text, at + 1);
      if (escaped === undefined) return false;
      value += escaped;
      at += text.charCodeAt(at + 1) === Char.LowerU ? 6 : 2;
      start = at;
    }
    scanned = value === undefined ? text.slice(start, at) : value + text.slice(start, at);
    pos = at + 1;
    return true;
  };

  /** Scans a number of JSON's grammar at `pos` into `scanned`; false when there is none. */
  const scanNumber = (): boolean => {
    const start = pos;
    if (text.charCodeAt(pos) === Char.Minus) pos++;
    const first = text.charCodeAt(pos);
    if (first === Char.Zero) pos++;
    else if (first >= Char.One && first <= Char.Nine) while (isDigit(text.charCodeAt(++pos)));
    else return false;
    if (text.charCodeAt(pos) === Char.Dot) {
      if (!isDigit(text.charCodeAt(++pos))) return false;
      while (isDigit(text.charCodeAt(++pos)));
    }
    const e = text.charCodeAt(pos);
    if (e === Char.LowerE || e === Char.UpperE) {
      const sign = text.charCodeAt(++pos);
      if (sign === Char.Plus || sign === Char.Minus) pos++;
      if (!isDigit(text.charCodeAt(pos))) return false;
      while (isDigit(text.charCodeAt(++pos)));
    }
    scanned = Number(text.slice(start, pos));
    return true;
  };

  /** Places a finished value (a scalar, or a container on its close) and says what comes after it. */
  const finishValue = (node: Node, valueHolder: Node | undefined): void => {
    if (valueHolder) valueHolder.length = node.offset + node.length - valueHolder.offset;
    expect = container === undefined ? Expect.End : Expect.CommaOrClose;
  };
  const attach = (node: Node): void => {
    if (container === undefined) root = node;
    else if (holder) {
      node.parent = holder;
      holder.children!.push(node);
    } else {
      node.parent = container;
      container.children!.push(node);
    }
  };

  for (;;) {
    let c = text.charCodeAt(pos);
    while (c === Char.Space || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab) c = text.charCodeAt(++pos);
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
      closed.length = offset + 1 - closed.offset;
      container = containers[containers.length - 1];
      holder = undefined;
      pos++;
      finishValue(closed, closedHolder);
      continue;
    }
    switch (expect) {
      case Expect.Key:
      case Expect.KeyOrClose: {
        if (c !== Char.Quote || !scanString()) return undefined;
        const property: Node = { type: 'property', offset, length: 0, parent: container, children: [] };
        property.children!.push({ type: 'string', value: scanned, offset, length: pos - offset, parent: property });
        let colon = text.charCodeAt(pos);
        while (colon === Char.Space || colon === Char.LineFeed || colon === Char.CarriageReturn || colon === Char.Tab) colon = text.charCodeAt(++pos);
        if (colon !== Char.Colon) return undefined;
        property.colonOffset = pos++;
        container!.children!.push(property);
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
        if (c === Char.OpenBrace || c === Char.OpenBracket) {
          if (containers.length === maxDepth) return { tooDeepAt: offset };
          const opened: Node = { type: c === Char.OpenBrace ? 'object' : 'array', offset, length: 0, parent: undefined, children: [] };
          attach(opened);
          containers.push(opened);
          containerHolders.push(holder);
          container = opened;
          holder = undefined;
          pos++;
          expect = c === Char.OpenBrace ? Expect.KeyOrClose : Expect.ValueOrClose;
          break;
        }
        const node = scalarNode(c, offset);
        if (node === undefined) return undefined;
        attach(node);
        const valueHolder = holder;
        holder = undefined;
        finishValue(node, valueHolder);
        break;
      }
    }
  }

  /** The string, number or literal node at `offset`, whose first character is `c`; moves `pos` past it. */
  function scalarNode(c: number, offset: number): Node | undefined {
    if (c === Char.Quote) {
      return scanString() ? { type: 'string', value: scanned, offset, length: pos - offset, parent: undefined } : undefined;
    }
    if (c === Char.Minus || isDigit(c)) {
      return scanNumber() ? { type: 'number', value: scanned, offset, length: pos - offset, parent: undefined } : undefined;
    }
    const literal = c === Char.LowerT ? 'true' : c === Char.LowerF ? 'false' : c === Char.LowerN ? 'null' : undefined;
    // A letter right after it ("nullx") is no separator, so the next token fails, as jsonc-parser's does.
    if (literal === undefined || !text.startsWith(literal, offset)) return undefined;
    pos = offset + literal.length;
    const value = literal === 'null' ? null : literal === 'true';
    return { type: literal === 'null' ? 'null' : 'boolean', value, offset, length: literal.length, parent: undefined };
  }
}

/**
 * The character of the escape sequence whose letter is at `at` (after the backslash), or undefined when JSON has no
 * such escape. `\u` takes exactly four hex digits and gives one UTF-16 unit, so a lone surrogate stays as written.
 */
function unescape(text: string, at: number): string | undefined {
  switch (text.charCodeAt(at)) {
    case Char.Quote: return '"';
    case Char.Backslash: return '\\';
    case Char.Slash: return '/';
    case Char.LowerB: return '\b';
    case Char.LowerF: return '\f';
    case Char.LowerN: return '\n';
    case Char.LowerR: return '\r';
    case Char.LowerT: return '\t';
    case Char.LowerU: {
      let unit = 0;
      for (let i = at + 1; i < at + 5; i++) {
        const digit = hexValue(text.charCodeAt(i));
        if (digit < 0) return undefined;
        unit = unit * 16 + digit;
      }
      return String.fromCharCode(unit);
    }
    default: return undefined;
  }
}

function hexValue(c: number): number {
  if (c >= Char.Zero && c <= Char.Nine) return c - Char.Zero;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}
