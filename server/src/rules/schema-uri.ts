// The `$schema` addresses of the Adaptive Cards schema: AM006 accepts them, and completion and hover read them as
// the Outlook schema.

/** http or https, with or without a `x.y.z/` version folder. Anchored and without nested repetition: linear. */
const ADAPTIVE_CARD_SCHEMA = /^https?:\/\/adaptivecards\.io\/schemas\/(\d+\.\d+\.\d+\/)?adaptive-card\.json$/;

/** Whether `uri` is an address of the Adaptive Cards schema, e.g. https://adaptivecards.io/schemas/1.4.0/adaptive-card.json. */
export function isAdaptiveCardSchemaUri(uri: string): boolean {
  return ADAPTIVE_CARD_SCHEMA.test(uri);
}
