// The 2018 JSON-LD signed-card envelope (docs/rules.md § AM095). Its own module, free of HTML parsing, because the
// preview webview reads envelopes too.

const SIGNED_ENVELOPES: Readonly<Record<string, string>> = { SignedAdaptiveCard: 'signedAdaptiveCard', SignedMessageCard: 'signedMessageCard' };

/** The property that holds the JWS when `value` is a signed-card envelope (by its `@type`), else undefined. */
export function signedEnvelopeTokenProperty(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const type = (value as Record<string, unknown>)['@type'];
  return typeof type === 'string' && Object.hasOwn(SIGNED_ENVELOPES, type) ? SIGNED_ENVELOPES[type] : undefined;
}

/** The JWS of a parsed 2018 JSON-LD signed-card envelope (docs/rules.md § AM095), or undefined when `value` is none. */
export function signedEnvelopeToken(value: unknown): string | undefined {
  const tokenProperty = signedEnvelopeTokenProperty(value);
  const token = tokenProperty === undefined ? undefined : (value as Record<string, unknown>)[tokenProperty];
  return typeof token === 'string' ? token : undefined;
}
