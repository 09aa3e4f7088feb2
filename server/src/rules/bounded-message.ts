// A finding's message quotes values from the card ("…" is not an email address), and a card can hold a value of
// 200,000 characters: one diagnostic or lint line must stay readable. Bounded here, where every message leaves the
// rules, so no rule has to remember it.

/** The characters of a quoted value a message keeps; the rest is "…". */
export const QUOTED_TEXT_LIMIT = 60;

/** `message` with every double-quoted run longer than QUOTED_TEXT_LIMIT cut to that many characters and "…". */
export function boundedMessage(message: string): string {
  let result = '';
  let from = 0;
  for (;;) {
    const open = message.indexOf('"', from);
    if (open < 0) return result + message.slice(from);
    let close = open + 1;
    // A backslash escapes the next character (values written with JSON.stringify).
    while (close < message.length && message[close] !== '"') close += message[close] === '\\' ? 2 : 1;
    if (close >= message.length) return result + message.slice(from);
    const quoted = close - open - 1;
    result += quoted > QUOTED_TEXT_LIMIT
      ? `${message.slice(from, open + 1 + QUOTED_TEXT_LIMIT)}…"`
      : message.slice(from, close + 1);
    from = close + 1;
  }
}
