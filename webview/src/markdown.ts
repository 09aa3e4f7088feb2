// The Markdown of card text as Outlook renders it (docs/rules.md § "Outlook Markdown"): *italic*, **bold**, ***both***,
// ~~strike~~, [links](https://…), # headings and bullet lists. HTML in the text stays text (html: false), and only
// http(s), mailto and Outlook's `action:` links (to `resources.actions`) become links.
import MarkdownIt from 'markdown-it';

const LINK_SCHEMES = /^(https?|mailto|action):/i;

const markdown = new MarkdownIt('zero', { html: false, linkify: false, typographer: false })
  .enable(['heading', 'list', 'emphasis', 'strikethrough', 'link', 'escape', 'entity', 'newline']);
markdown.validateLink = (url: string) => LINK_SCHEMES.test(url.trim());

/** The HTML for a card text; the only HTML card content can become. */
export function renderOutlookMarkdown(text: string): string {
  return markdown.render(text);
}
