/** The schemes the preview may hand to the system: web pages and mail. Anything else (file:, command:, javascript:, …) is refused. */
const OPENABLE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export type UrlVerdict = { readonly openable: true; readonly url: string } | { readonly openable: false; readonly problem: string };

/** Whether a URL from the card (Action.OpenUrl, a link in text) may be offered for opening, and its normalised form. */
export function checkOpenableUrl(url: string): UrlVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { openable: false, problem: `"${url}" is not a valid absolute URL.` };
  }
  if (!OPENABLE_SCHEMES.has(parsed.protocol)) {
    return { openable: false, problem: `The preview opens only http, https and mailto links, not ${parsed.protocol.slice(0, -1)}: "${url}".` };
  }
  return { openable: true, url: parsed.href };
}
