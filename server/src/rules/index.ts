// Outlook's rules: the catalog of rule ids and severities, the rule groups, the schema check, and validateText,
// which runs them all on a document. Imports only card/.
export { isRuleId, RULES, SEVERITIES, type RuleId, type Severity } from './catalog';
export { type Finding, type RelatedPlace } from './finding';
export { cardSchema } from './generated/card-schema';
export { isAdaptiveCardSchemaUri } from './schema-uri';
export { isFlaggedByVersion } from './adaptive/version-gated-properties';
export { type ServiceSettings, type SeverityOverride } from './settings';
export { severityOf, validateDocument, validateText, type DocumentOrigin } from './validate';
