// Which URLs a link of the preview page may carry: http(s), mailto and Outlook's `action:` links (to
// `resources.actions`). The one home of that rule: the Markdown renderer makes links only of these, and an
// Action.OpenUrl gives an anchor (a TextRun's selectAction) its URL only when it is one of these. Anything else
// (`javascript:`, `vbscript:`, `data:`, in any case, with spaces, control characters or entities) never becomes an
// href, because the browser would strip the spaces and controls and run what is left. Clicking such a link still
// runs its action, which the action log shows as not opened.
const LINK_URL = /^(https?|mailto|action):/i;

/** Whether `url` may be the href of a link on the page. */
export function isLinkUrl(url: string): boolean {
  return LINK_URL.test(url.trim());
}
