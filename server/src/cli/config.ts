import { readFileSync } from 'node:fs';
import { getNodeValue } from 'jsonc-parser';
import { parseJsonDocument, PositionLocator } from '../card';
import { isRuleId, type SeverityOverride } from '../rules';
import { UsageError } from './command';
import { describeFsError } from './inputs';

/** The JSON file of `--config`: the keys of the actionableMessages.* VS Code settings. */
export interface LintConfig {
  readonly originator?: string;
  readonly sender?: string;
  readonly targetUrls?: readonly string[];
  readonly rules?: Readonly<Record<string, SeverityOverride>>;
  /** Glob patterns, relative to the directory of the config file. */
  readonly files?: readonly string[];
}

const SEVERITY_OVERRIDES: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];
const CONFIG_KEYS: readonly string[] = ['originator', 'sender', 'targetUrls', 'rules', 'files'];

/** Checks `"AM010=off"`-style overrides and config `rules` entries alike; `where` names the source in messages. */
export function checkRuleOverride(rule: string, severity: unknown, where: string): SeverityOverride {
  if (!isRuleId(rule)) throw new UsageError(`${where}: unknown rule id "${rule}" (ids look like AM010, or "syntax", "schema").`);
  if (typeof severity !== 'string' || !SEVERITY_OVERRIDES.includes(severity)) {
    throw new UsageError(`${where}: severity of ${rule} must be one of ${SEVERITY_OVERRIDES.join(', ')}, not ${JSON.stringify(severity)}.`);
  }
  return severity as SeverityOverride;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

export function loadConfig(file: string): LintConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read config file ${file}: ${describeFsError(error)}.`);
  }
  const document = parseJsonDocument(text.replace(/^\uFEFF/, ''));
  if (document.root === undefined) {
    const problem = document.syntaxProblem!;
    const { line, character } = new PositionLocator(document.text).positionAt(problem.offset);
    throw new UsageError(`${file}:${line + 1}:${character + 1}: config file is not valid JSON: ${problem.message}`);
  }
  const value: unknown = getNodeValue(document.root);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${file}: config file must be a JSON object with keys ${CONFIG_KEYS.join(', ')}.`);
  }
  const entries = value as Record<string, unknown>;
  for (const key of Object.keys(entries)) {
    if (!CONFIG_KEYS.includes(key)) throw new UsageError(`${file}: unknown key "${key}" (allowed: ${CONFIG_KEYS.join(', ')}).`);
  }
  const { originator, sender, targetUrls, rules, files } = entries;
  for (const [key, item] of [['originator', originator], ['sender', sender]] as const) {
    if (item !== undefined && typeof item !== 'string') throw new UsageError(`${file}: "${key}" must be a string.`);
  }
  for (const [key, item] of [['targetUrls', targetUrls], ['files', files]] as const) {
    if (item !== undefined && !isStringArray(item)) throw new UsageError(`${file}: "${key}" must be an array of strings.`);
  }
  if (rules !== undefined && (typeof rules !== 'object' || rules === null || Array.isArray(rules))) {
    throw new UsageError(`${file}: "rules" must be an object mapping rule ids to severities, e.g. {"AM010": "off"}.`);
  }
  const checkedRules = rules === undefined ? undefined : Object.fromEntries(
    Object.entries(rules).map(([rule, severity]) => [rule, checkRuleOverride(rule, severity, `${file}: "rules"`)]),
  );
  return {
    originator: originator as string | undefined,
    sender: sender as string | undefined,
    targetUrls: targetUrls as string[] | undefined,
    rules: checkedRules,
    files: files as string[] | undefined,
  };
}
