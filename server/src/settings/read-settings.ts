import { isRuleId, SEVERITIES, type ServiceSettings, type SeverityOverride } from '../rules';
import { SEND_SETTING_KEYS } from './send-keys';

/** What a setting may make of a rule's severity: one of the severities, or off. */
export const SEVERITY_OVERRIDES: readonly SeverityOverride[] = [...SEVERITIES, 'off'];

/** The keys of package.json's `contributes.configuration`, without the `actionableMessages.` prefix. */
export const SETTING_KEYS = [
  'validation.enable', 'files', 'responseFiles', 'originator', 'sender', 'targetUrls', 'rules', 'recipients', 'signing.privateKeyFile', 'signing.publicKeys',
  'actionTarget.targets', 'actionTarget.allowedUrls', 'actionTarget.tokenShape', 'actionTarget.actingUser', 'actionTarget.tenant', 'actionTarget.audience',
  ...SEND_SETTING_KEYS,
  'bot.endpoint', 'bot.allowedEndpoints',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Declared in package.json too, but read by vscode-languageclient itself (`<client id>.trace.server`), not here. */
export const LANGUAGE_CLIENT_KEYS: readonly string[] = ['trace.server'];

/** The keys an `amcard lint --config` file may hold: how cards are checked, and which files are cards. */
export const LINT_CONFIG_KEYS: readonly SettingKey[] = ['originator', 'sender', 'targetUrls', 'rules', 'files', 'responseFiles'];

/**
 * Every `actionableMessages.*` setting, checked. Strings are trimmed and blank ones count as not set; a value not
 * set, or bad, is its default (or undefined, where the caller has the default).
 */
export interface Settings {
  /** `validation.enable`. */
  readonly enable: boolean;
  /** `files`; undefined when not set, as each caller resolves the default globs against its own folder. */
  readonly files?: readonly string[];
  /** `responseFiles`: globs of the response-card files; undefined when not set, like `files`. */
  readonly responseFiles?: readonly string[];
  /** `originator`, `sender`, `targetUrls` and `rules` (as `severities`): what the rules check a card with. */
  readonly service: ServiceSettings;
  readonly recipients: readonly string[];
  /** `signing.privateKeyFile` as written; the caller resolves the path. */
  readonly privateKeyFile?: string;
  /** `signing.publicKeys`: file paths or inline keys. */
  readonly publicKeys: readonly string[];
  /** `bot.endpoint`: the messaging endpoint the preview sends an Action.Execute to; not set, nothing is sent. */
  readonly botEndpoint?: string;
  /** `bot.allowedEndpoints`: endpoints off this machine that `bot.endpoint` may name. */
  readonly botAllowedEndpoints?: readonly string[];
  /** `actionTarget.*`: where the preview sends Action.Http requests, and the development token's claims. */
  readonly actionTarget: ActionTargetSettings;
}

export type ActionTokenShape = 'entra' | 'legacy';

export interface ActionTargetSettings {
  /** `actionTarget.targets`: registered host → local URL; empty means nothing is ever sent. */
  readonly targets: Readonly<Record<string, string>>;
  readonly allowedUrls: readonly string[];
  readonly tokenShape: ActionTokenShape;
  readonly actingUser?: string;
  readonly tenant?: string;
  readonly audience?: string;
}

export interface SettingsProblem {
  /** Where the bad value is: a setting key, with the rule id or item inside it (`rules.AM999`, `files[2]`), or an unknown key. */
  readonly key: string;
  /** What is wrong, naming the key as a settings file spells it: `"rules": unknown rule id "AM999" (…)`. */
  readonly message: string;
}

export interface SettingsReading {
  readonly settings: Settings;
  /** One for each bad value or unknown key; the settings hold the default in its place. */
  readonly problems: readonly SettingsProblem[];
}

export type SeverityOverrideReading = { readonly severity: SeverityOverride } | { readonly problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a string`, `an array`, …: what a value of the wrong type is, without repeating a value that may be long. */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A rule's severity as a `rules` setting or a `--rule` flag gives it. */
export function readSeverityOverride(rule: string, severity: unknown): SeverityOverrideReading {
  if (!isRuleId(rule)) return { problem: `unknown rule id "${rule}" (ids look like AM010, or "syntax", "schema")` };
  const override = SEVERITY_OVERRIDES.find((candidate) => candidate === severity);
  if (override !== undefined) return { severity: override };
  const found = typeof severity === 'string' ? JSON.stringify(severity) : kindOf(severity);
  return { problem: `severity of ${rule} must be one of ${SEVERITY_OVERRIDES.join(', ')}, not ${found}` };
}

/** Reads one section's values, collecting a problem for each bad one. */
export class SectionReader {
  readonly problems: SettingsProblem[] = [];

  constructor(private readonly section: Record<string, unknown>, private readonly keys: readonly SettingKey[]) {}

  /** The value at a dotted key, as VS Code nests it (`signing.publicKeys` is `signing: {publicKeys}`). */
  private valueOf(key: SettingKey): unknown {
    if (!this.keys.includes(key)) return undefined;
    const [first, ...rest] = key.split('.');
    let value = this.section[first!];
    let path = first!;
    for (const part of rest) {
      if (value === undefined) return undefined;
      if (!isRecord(value)) return this.problem(key, `"${path}" must be an object holding "${part}", not ${kindOf(value)}`);
      value = value[part];
      path = `${path}.${part}`;
    }
    return value;
  }

  private problem(key: string, message: string): undefined {
    this.problems.push({ key, message });
    return undefined;
  }

  boolean(key: SettingKey): boolean | undefined {
    const value = this.valueOf(key);
    if (value === undefined || typeof value === 'boolean') return value;
    return this.problem(key, `"${key}" must be true or false, not ${kindOf(value)}`);
  }

  text(key: SettingKey): string | undefined {
    const value = this.valueOf(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return this.problem(key, `"${key}" must be a string, not ${kindOf(value)}`);
    return value.trim() || undefined;
  }

  /** The trimmed, non-blank strings of an array; an item that is no string is a problem and left out. */
  texts(key: SettingKey): string[] | undefined {
    const value = this.valueOf(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return this.problem(key, `"${key}" must be an array of strings, not ${kindOf(value)}`);
    return value.flatMap((item: unknown, index) => {
      if (typeof item !== 'string') return this.problem(`${key}[${index}]`, `"${key}" must be an array of strings; [${index}] is ${kindOf(item)}`) ?? [];
      return item.trim() || [];
    });
  }

  /** An object of strings (`{"https://api.contoso.com": "http://127.0.0.1:7071"}`); a value that is no string is a problem and left out. */
  textMap(key: SettingKey): Record<string, string> {
    const map: Record<string, string> = {};
    const value = this.valueOf(key);
    if (value === undefined) return map;
    if (!isRecord(value)) {
      this.problem(key, `"${key}" must be an object mapping names to strings, not ${kindOf(value)}`);
      return map;
    }
    for (const [name, text] of Object.entries(value)) {
      if (typeof text === 'string' && text.trim() !== '') map[name] = text.trim();
      else this.problem(`${key}.${name}`, `"${key}": the value of "${name}" must be a non-empty string, not ${kindOf(text)}`);
    }
    return map;
  }

  /** One of `allowed`. */
  choice<T extends string>(key: SettingKey, allowed: readonly T[]): T | undefined {
    const value = this.valueOf(key);
    if (value === undefined) return undefined;
    const found = allowed.find((candidate) => candidate === value);
    if (found !== undefined) return found;
    return this.problem(key, `"${key}" must be one of ${allowed.join(', ')}, not ${typeof value === 'string' ? JSON.stringify(value) : kindOf(value)}`);
  }

  /** A whole number from `min` to `max`. */
  integer(key: SettingKey, min: number, max: number): number | undefined {
    const value = this.valueOf(key);
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    return this.problem(key, `"${key}" must be a whole number from ${min} to ${max}, not ${typeof value === 'number' ? value : kindOf(value)}`);
  }

  severities(key: SettingKey): Record<string, SeverityOverride> {
    const severities: Record<string, SeverityOverride> = {};
    const value = this.valueOf(key);
    if (value === undefined) return severities;
    if (!isRecord(value)) {
      this.problem(key, `"${key}" must be an object mapping rule ids to severities, e.g. {"AM010": "off"}, not ${kindOf(value)}`);
      return severities;
    }
    for (const [rule, severity] of Object.entries(value)) {
      const reading = readSeverityOverride(rule, severity);
      if ('problem' in reading) this.problem(`${key}.${rule}`, `"${key}": ${reading.problem}`);
      else severities[rule] = reading.severity;
    }
    return severities;
  }

  /** The section's keys that are none of `keys`, nor hold one of them (`signing` holds `signing.publicKeys`). */
  /** Every key of a file's section but `keys` and `$schema` (the address of its JSON schema, which editors read). */
  unknownKeys(): void {
    const known = new Set(this.keys.map((key) => key.split('.')[0]));
    for (const key of Object.keys(this.section)) {
      if (!known.has(key) && key !== '$schema') this.problem(key, `unknown key "${key}" (allowed: ${this.keys.join(', ')})`);
    }
  }
}

/**
 * Reads and checks the `actionableMessages` section: VS Code's (`getConfiguration('actionableMessages')`, or what
 * the language client sends) or a config file's. A section that is no object reads as empty.
 * With `only`, the section is a file holding those keys alone (and perhaps `$schema`), and any other key is a
 * problem. Without it, every setting is read and other properties are passed over: VS Code's section object carries
 * its methods too, and VS Code marks unknown settings itself.
 */
export function readSettings(section: unknown, only?: readonly SettingKey[]): SettingsReading {
  const reader = new SectionReader(isRecord(section) ? section : {}, only ?? SETTING_KEYS);
  if (only !== undefined) reader.unknownKeys();
  // Read in the order of SETTING_KEYS, so the problems come in that order.
  const enable = reader.boolean('validation.enable') ?? true;
  const files = reader.texts('files');
  const responseFiles = reader.texts('responseFiles');
  const originator = reader.text('originator');
  const sender = reader.text('sender');
  const targetUrls = reader.texts('targetUrls');
  const service: { -readonly [K in keyof ServiceSettings]: ServiceSettings[K] } = { severities: reader.severities('rules') };
  const recipients = reader.texts('recipients') ?? [];
  const privateKeyFile = reader.text('signing.privateKeyFile');
  const publicKeys = reader.texts('signing.publicKeys') ?? [];
  const actionTarget: { -readonly [K in keyof ActionTargetSettings]: ActionTargetSettings[K] } = {
    targets: reader.textMap('actionTarget.targets'),
    allowedUrls: reader.texts('actionTarget.allowedUrls') ?? [],
    tokenShape: reader.choice('actionTarget.tokenShape', ['entra', 'legacy'] as const) ?? 'entra',
  };
  for (const [name, key] of [['actingUser', 'actionTarget.actingUser'], ['tenant', 'actionTarget.tenant'], ['audience', 'actionTarget.audience']] as const) {
    const value = reader.text(key);
    if (value !== undefined) actionTarget[name] = value;
  }
  const botEndpoint = reader.text('bot.endpoint');
  const botAllowedEndpoints = reader.texts('bot.allowedEndpoints');
  // A key not set is left out rather than set to undefined, so the objects compare and print as before.
  if (originator !== undefined) service.originator = originator;
  if (sender !== undefined) service.sender = sender;
  if (targetUrls !== undefined) service.targetUrls = targetUrls;
  const settings: { -readonly [K in keyof Settings]: Settings[K] } = { enable, service, recipients, publicKeys, actionTarget };
  if (files !== undefined) settings.files = files;
  if (responseFiles !== undefined) settings.responseFiles = responseFiles;
  if (privateKeyFile !== undefined) settings.privateKeyFile = privateKeyFile;
  if (botEndpoint !== undefined) settings.botEndpoint = botEndpoint;
  if (botAllowedEndpoints !== undefined) settings.botAllowedEndpoints = botAllowedEndpoints;
  return { settings, problems: reader.problems };
}
