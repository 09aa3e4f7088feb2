// The rule ids and their default severities, Outlook's and the project's own (AM096, syntax, schema).
// docs/rules.md has one section per id; test/unit/rules-doc.test.ts keeps the two in step.
/** The severities, most severe first. */
export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface RuleInfo {
  readonly severity: Severity;
  readonly title: string;
}

export const RULES = {
  AM001: { severity: 'error', title: 'Root (or ShowCard `card`) is not an object with `"type": "AdaptiveCard"` and not another recognised document kind' },
  AM002: { severity: 'error', title: 'Top-level `version` missing or not a `"major.minor"` string' },
  AM003: { severity: 'error', title: '`version` newer than 1.4 (Outlook\'s maximum)' },
  AM004: { severity: 'warning', title: '`version` is 1.1, 1.2 or 1.3 (Outlook targets only 1.0 or 1.4)' },
  AM005: { severity: 'error', title: 'Card has no body elements and no actions (e.g. only `refresh`/`autoInvokeAction`)' },
  AM006: { severity: 'info', title: '`$schema` is not an Adaptive Cards schema URI' },
  AM010: { severity: 'warning', title: '`originator` missing (card is removed when sent to anyone but yourself)' },
  AM011: { severity: 'error', title: '`originator` missing on a 1.4 card that uses `Action.Execute`/`refresh`' },
  AM012: { severity: 'error', title: '`originator` is not a GUID string' },
  AM013: { severity: 'warning', title: 'Outlook root property has the wrong JSON type (`hideOriginalBody`, `correlationId`, `expectedActors`)' },
  AM014: { severity: 'info', title: '`correlationId` is not a UUID' },
  AM015: { severity: 'warning', title: '`expectedActors` entry is not an email address' },
  AM020: { severity: 'error', title: '`Action.Http` (incl. `autoInvokeAction`) in a card whose version is ≥ 1.4: not rendered' },
  AM021: { severity: 'error', title: '`Action.Execute` or `refresh` in a card whose version is < 1.4' },
  AM022: { severity: 'warning', title: 'Property beyond Outlook\'s 1.4, or input validation in a card below 1.3 (table in AM022)' },
  AM030: { severity: 'error', title: '`Action.Submit` is not supported in Outlook (not displayed)' },
  AM031: { severity: 'error', title: '`Input.Time` is not supported in Outlook (not displayed)' },
  AM032: { severity: 'error', title: 'Unknown/unsupported element type (incl. AC ≥ 1.5 elements such as `Table`) without `fallback`' },
  AM033: { severity: 'error', title: 'Unknown/unsupported action type (e.g. removed `Action.Transaction`) without `fallback`' },
  AM034: { severity: 'error', title: '`Action.ShowCard` used as a `selectAction`' },
  AM035: { severity: 'info', title: '`Action.ShowCard` nested inside another ShowCard\'s card' },
  AM036: { severity: 'warning', title: 'More than 5 actions in one `actions` array (Outlook host config `maxActions` = 5)' },
  AM037: { severity: 'warning', title: '`{{id.value}}` token in an `Action.Execute` `verb` or `data`: sent literally' },
  AM040: { severity: 'error', title: '`Action.Http.method` missing or not GET/POST' },
  AM041: { severity: 'error', title: '`Action.Http.url` missing/empty' },
  AM042: { severity: 'error', title: '`Action.Http.url` is not an absolute `https://` URL' },
  AM043: { severity: 'error', title: '`Action.Http.url` targets localhost/loopback/private network' },
  AM044: { severity: 'error', title: '`Action.Http` with `POST` has no `body`' },
  AM045: { severity: 'warning', title: '`Action.Http.headers` is not an array of `{name, value}` string pairs' },
  AM046: { severity: 'error', title: '`{{id.value}}` references an id that is not an input in the card' },
  AM047: { severity: 'warning', title: 'Malformed substitution token in an Action.Http url/body/header' },
  AM048: { severity: 'error', title: '`autoInvokeAction` is not an `Action.Http` with `method` POST' },
  AM049: { severity: 'warning', title: '`autoInvokeAction` placed anywhere but on the top-level card: never runs' },
  AM050: { severity: 'error', title: '`Action.InvokeAddInCommand` missing `addInId` or `desktopCommandId`' },
  AM051: { severity: 'warning', title: '`Action.InvokeAddInCommand.addInId` is not a GUID' },
  AM052: { severity: 'error', title: '`initializationContext` present but not a JSON object' },
  AM053: { severity: 'error', title: '`Action.DisplayMessageForm`/`Action.DisplayAppointmentForm` missing `itemId`' },
  AM054: { severity: 'error', title: '`Action.ToggleVisibility.targetElements` missing, empty or malformed' },
  AM055: { severity: 'error', title: '`Action.ToggleVisibility` targets an id that no element has' },
  AM056: { severity: 'error', title: '`refresh.action` missing or not `Action.Execute`' },
  AM057: { severity: 'info', title: '`refresh.userIds` missing (ignored by Outlook, required by the documented schema table/Teams)' },
  AM058: { severity: 'error', title: '`Action.OpenUrl.url` missing, relative, or `javascript:`/`vbscript:`/`data:`/`file:`' },
  AM059: { severity: 'warning', title: '`Action.OpenUrl.url` scheme other than http/https' },
  AM060: { severity: 'error', title: 'Input element without `id`' },
  AM061: { severity: 'error', title: 'Duplicate input id (case-insensitive), input id shared with another node, or a ToggleVisibility target id carried by several nodes' },
  AM062: { severity: 'error', title: '`Input.Text.regex` is not a valid ECMAScript regular expression' },
  AM063: { severity: 'error', title: 'Element missing a schema-required property' },
  AM064: { severity: 'info', title: '`isRequired` input without a `label` (cards of version 1.3 or higher)' },
  AM070: { severity: 'error', title: 'Image URL not an absolute http(s) URL or `data:image/…` URI' },
  AM071: { severity: 'warning', title: 'Image `width`/`height` not in `<integer>px` form (`height` may also be auto/stretch)' },
  AM072: { severity: 'warning', title: 'Image `backgroundColor` not `#RRGGBB`/`#AARRGGBB`' },
  AM073: { severity: 'warning', title: 'Column `width` not a number, `auto`, `stretch`, `<n>px` or `<n>*`' },
  AM074: { severity: 'warning', title: 'HTML markup in `TextBlock.text` (Outlook ignores HTML; shows it as text)' },
  AM075: { severity: 'info', title: 'Markdown image syntax in `TextBlock.text` (not in Outlook\'s Markdown subset)' },
  AM080: { severity: 'warning', title: 'Legacy MessageCard payload (not supported by Outlook on iOS/Android/Mac)' },
  AM081: { severity: 'error', title: 'MessageCard `@context` missing or not `http(s)://schema.org/extensions`' },
  AM082: { severity: 'error', title: 'MessageCard has neither `summary` nor `text`' },
  AM083: { severity: 'error', title: 'More than 4 actions in a MessageCard `potentialAction` (or ActionCard `actions`)' },
  AM084: { severity: 'error', title: 'ActionCard `actions` contains something other than `OpenUri`/`HttpPOST` (e.g. a nested ActionCard)' },
  AM085: { severity: 'error', title: '`HttpPOST.target` missing or not `https://`' },
  AM086: { severity: 'error', title: 'Unknown legacy action/input `@type`' },
  AM087: { severity: 'error', title: '`OpenUri.targets` missing/empty or entry with invalid `os`/missing `uri`' },
  AM088: { severity: 'warning', title: '`HttpPOST.headers` is not an array of `{name, value}` string pairs' },
  AM090: { severity: 'error', title: 'Signed-card payload missing a required claim' },
  AM091: { severity: 'error', title: '`adaptiveCardSerialized`/`messageCardSerialized` is not a string containing the serialized card' },
  AM092: { severity: 'error', title: 'Signed-card claim has the wrong format (`sender`, `recipientsSerialized`, `iat`)' },
  AM093: { severity: 'warning', title: 'Inner card `originator` differs from the payload\'s `originator` claim' },
  AM094: { severity: 'error', title: '(configuration-gated) `sender` claim differs from the configured From address' },
  AM095: { severity: 'error', title: 'Signed-card envelope malformed (`@context`, missing/non-JWS token, undecodable, kind mismatch)' },
  AM096: { severity: 'warning', title: 'URL is outside the registered target URLs' },
  syntax: { severity: 'error', title: 'The document is not strict RFC 8259 JSON' },
  schema: { severity: 'warning', title: 'A property value has the wrong type or is not one of the allowed values' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

export function isRuleId(value: string): value is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, value);
}
