import { isRuleId, type ServiceSettings, type SeverityOverride } from '../rules';

/** The `actionableMessages` settings section: what the service needs plus which documents to check. */
export interface EditorSettings {
  /** `actionableMessages.validation.enable`. */
  readonly enable: boolean;
  /** `actionableMessages.files`: globs of the documents that are cards whatever their content. */
  readonly files: readonly string[];
  readonly service: ServiceSettings;
}

export const DEFAULT_CARD_FILES: readonly string[] = ['**/*.card.json', '**/card.json'];

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = { enable: true, files: DEFAULT_CARD_FILES, service: {} };

const SEVERITY_OVERRIDES: ReadonlySet<string> = new Set<SeverityOverride>(['error', 'warning', 'info', 'hint', 'off']);

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map(nonEmptyString).filter((s): s is string => s !== undefined) : undefined;
}

/**
 * Reads the section as a client sends it. A value of the wrong type falls back to its default, and unknown rule
 * ids or severities in `rules` are skipped, so a hand-edited settings file never stops validation.
 */
export function readEditorSettings(section: unknown): EditorSettings {
  const raw = record(section);
  const enable = record(raw.validation).enable;
  const severities: Record<string, SeverityOverride> = {};
  for (const [rule, severity] of Object.entries(record(raw.rules))) {
    if (isRuleId(rule) && typeof severity === 'string' && SEVERITY_OVERRIDES.has(severity)) severities[rule] = severity as SeverityOverride;
  }
  const service: { -readonly [K in keyof ServiceSettings]: ServiceSettings[K] } = { severities };
  const originator = nonEmptyString(raw.originator);
  if (originator !== undefined) service.originator = originator;
  const sender = nonEmptyString(raw.sender);
  if (sender !== undefined) service.sender = sender;
  const targetUrls = strings(raw.targetUrls);
  if (targetUrls !== undefined) service.targetUrls = targetUrls;
  return {
    enable: typeof enable === 'boolean' ? enable : true,
    files: strings(raw.files) ?? DEFAULT_CARD_FILES,
    service,
  };
}
