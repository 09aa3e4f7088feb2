// The Markdown of card text as Outlook renders it (docs/rules.md § "Outlook Markdown"): *italic*, **bold**, ***both***,
// ~~strike~~, [links](https://…), # headings and bullet lists. HTML in the text stays text (html: false), and only
// the URLs of link-urls.ts become links.
import MarkdownIt from 'markdown-it';
import { isLinkUrl } from './link-urls';

const markdown = new MarkdownIt('zero', { html: false, linkify: false, typographer: false })
  .enable(['heading', 'list', 'emphasis', 'strikethrough', 'link', 'escape', 'entity', 'newline']);
markdown.validateLink = isLinkUrl;

/** The HTML for a card text; the only HTML card content can become. */
export function renderOutlookMarkdown(text: string): string {
  return markdown.render(text);
}
