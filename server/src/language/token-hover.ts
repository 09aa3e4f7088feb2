// Hover on a `{{id.value}}` input token where Outlook substitutes it (element-ids.ts tokenBearingStrings): which
// input's value the action sends there.
import { adaptiveCardOf, bracedTokens, rawOffsetInString } from '../card';
import { substitutableInputs, tokenBearingStrings } from './element-ids';
import { TOKEN_LOOKBACK } from './token-completion';
import type { ParsedDocument } from './parsed-document';

export interface TokenHover {
  readonly markdown: string;
  /** The token, braces included, in the text. */
  readonly offset: number;
  readonly length: number;
}

/** What the input token under `offset` stands for, when it names an input of the card; undefined anywhere else. */
export function inputTokenHover(parsed: ParsedDocument, offset: number): TokenHover | undefined {
  // Most hovers are nowhere near a token: they should not cost the card model of a large card.
  if (!parsed.text.slice(Math.max(0, offset - TOKEN_LOOKBACK), offset + 2).includes('{{')) return undefined;
  const card = adaptiveCardOf(parsed.tree.root);
  if (card === undefined) return undefined;
  const model = parsed.modelOf(card);
  const string = tokenBearingStrings(model).find((node) => offset > node.offset && offset < node.offset + node.length - 1);
  if (string === undefined) return undefined;
  for (const token of bracedTokens(string.value as string)) {
    if (token.kind !== 'input') continue;
    const start = rawOffsetInString(string, parsed.text, token.offset);
    const end = rawOffsetInString(string, parsed.text, token.offset + token.text.length);
    if (offset < start || offset > end) continue;
    const lower = token.inputId.toLowerCase();
    const input = substitutableInputs(model).find(({ id }) => id.toLowerCase() === lower);
    if (input === undefined) return undefined;
    return {
      markdown: `\`${token.text}\` is replaced with what the user entered in the ${input.type} \`${input.id}\` when the action is sent.`,
      offset: start,
      length: end - start,
    };
  }
  return undefined;
}
