// The LSP / TextMate snippet syntax: `$1`, `${1}`, `${1:default}`, with `\$`, `\}` and `\\` as escapes.

/** A snippet's text with every tab stop replaced by its default: what the snippet inserts when you only press Tab. */
export function withoutTabStops(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}|\$\{\d+\}|\$\d+/g, '$1').replace(/\\([$}\\])/g, '$1');
}

/** `text` as literal snippet text: nothing in it is taken for a tab stop. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
