import type { Severity } from './catalog';

export type SeverityOverride = Severity | 'off';

/** The provider's registration in the Actionable Email Developer Dashboard, mirrored, plus validation switches. */
export interface ServiceSettings {
  /** Provider id (GUID); used by quick fixes that add `originator`. */
  readonly originator?: string;
  /** The From address the cards are sent with; enables AM094. */
  readonly sender?: string;
  /** Registered target URLs (https); when non-empty, Action.Http URLs outside them get AM096. */
  readonly targetUrls?: readonly string[];
  /** Per-rule severity overrides, keyed by rule id. */
  readonly severities?: Readonly<Record<string, SeverityOverride>>;
}

export const DEFAULT_SETTINGS: ServiceSettings = {};
