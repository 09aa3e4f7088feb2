import { createScanner, ScanError, SyntaxKind, type Node as JsonNode } from 'jsonc-parser';

/**
 * The fast path of parsing: builds the same tree as jsonc-parser's `parseTree` from the same library's scanner,
 * for strict JSON only. It allocates nothing but the nodes and recurses not at all, which makes large cards
 * markedly cheaper to parse and lets it enforce the nesting limit as it goes. Anything irregular (a comment, a
 * scan error, a token out of place) ends it with `undefined`: `parseTree` then reads the text again and describes
 * the problem exactly as before.
 */
export type StrictTree = { readonly root: JsonNode } | { readonly tooDeepAt: number } | undefined;

/** What the next token must be. */
const enum Expect { Value, ValueOrClose, Key, KeyOrClose, CommaOrClose, End }

/** jsonc-parser's node type declares its fields read-only; they are written here while the node is built. */
type Node = { -readonly [K in keyof JsonNode]: JsonNode[K] };

interface Frame {
  readonly container: Node;
  /** The property of the enclosing object that holds `container`, if any. */
  readonly holder: Node | undefined;
}

export function buildStrictTree(text: string, maxDepth: number): StrictTree {
  const scanner = createScanner(text, false);
  const nextToken = (): SyntaxKind => {
    let kind: SyntaxKind;
    do kind = scanner.scan();
    while (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia);
    return kind;
  };
  const frames: Frame[] = [];
  let frame: Frame | undefined;
  let root: Node | undefined;
  /** The property whose value comes next, in the innermost object. */
  let holder: Node | undefined;
  // Widened: the helpers below change it too.
  let expect = Expect.Value as Expect;

  const finishValue = (node: Node, valueHolder: Node | undefined): void => {
    if (valueHolder) valueHolder.length = node.offset + node.length - valueHolder.offset;
    expect = frame === undefined ? Expect.End : Expect.CommaOrClose;
  };
  const attach = (node: Node): void => {
    if (frame === undefined) root = node;
    else if (holder) {
      node.parent = holder;
      holder.children!.push(node);
    } else {
      node.parent = frame.container;
      frame.container.children!.push(node);
    }
  };

  for (let kind = nextToken(); ; kind = nextToken()) {
    if (scanner.getTokenError() !== ScanError.None) return undefined;
    const offset = scanner.getTokenOffset();
    if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      const closesObject = kind === SyntaxKind.CloseBraceToken;
      const allowed = closesObject
        ? expect === Expect.KeyOrClose || (expect === Expect.CommaOrClose && frame?.container.type === 'object')
        : expect === Expect.ValueOrClose || (expect === Expect.CommaOrClose && frame?.container.type === 'array');
      if (!allowed) return undefined;
      const closed = frame!;
      closed.container.length = offset + 1 - closed.container.offset;
      frames.pop();
      frame = frames[frames.length - 1];
      holder = undefined;
      finishValue(closed.container, closed.holder);
      continue;
    }
    switch (expect) {
      case Expect.Key:
      case Expect.KeyOrClose: {
        if (kind !== SyntaxKind.StringLiteral) return undefined;
        const property: Node = { type: 'property', offset, length: 0, parent: frame!.container, children: [] };
        property.children!.push({ type: 'string', value: scanner.getTokenValue(), offset, length: scanner.getTokenLength(), parent: property });
        if (nextToken() !== SyntaxKind.ColonToken) return undefined;
        property.colonOffset = scanner.getTokenOffset();
        frame!.container.children!.push(property);
        holder = property;
        expect = Expect.Value;
        break;
      }
      case Expect.CommaOrClose:
        if (kind !== SyntaxKind.CommaToken) return undefined;
        expect = frame!.container.type === 'object' ? Expect.Key : Expect.Value;
        break;
      case Expect.End:
        return kind === SyntaxKind.EOF ? { root: root! } : undefined;
      case Expect.Value:
      case Expect.ValueOrClose: {
        if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
          if (frames.length === maxDepth) return { tooDeepAt: offset };
          const container: Node = { type: kind === SyntaxKind.OpenBraceToken ? 'object' : 'array', offset, length: 0, parent: undefined, children: [] };
          attach(container);
          frame = { container, holder };
          frames.push(frame);
          holder = undefined;
          expect = container.type === 'object' ? Expect.KeyOrClose : Expect.ValueOrClose;
          break;
        }
        const node = scalarNode(kind, scanner.getTokenValue(), offset, scanner.getTokenLength());
        if (node === undefined) return undefined;
        attach(node);
        const valueHolder = holder;
        holder = undefined;
        finishValue(node, valueHolder);
        break;
      }
    }
  }
}

function scalarNode(kind: SyntaxKind, token: string, offset: number, length: number): Node | undefined {
  switch (kind) {
    case SyntaxKind.StringLiteral:
      return { type: 'string', value: token, offset, length, parent: undefined };
    case SyntaxKind.NumericLiteral:
      return { type: 'number', value: Number(token), offset, length, parent: undefined };
    case SyntaxKind.TrueKeyword:
    case SyntaxKind.FalseKeyword:
      return { type: 'boolean', value: kind === SyntaxKind.TrueKeyword, offset, length, parent: undefined };
    case SyntaxKind.NullKeyword:
      return { type: 'null', value: null, offset, length, parent: undefined };
    default:
      return undefined;
  }
}
