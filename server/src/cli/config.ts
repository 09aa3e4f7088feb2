import { getNodeValue } from 'jsonc-parser';
import { parseJsonDocument, PositionLocator } from '../card';
import type { SeverityOverride } from '../rules';
import { LINT_CONFIG_KEYS, readSettings, readSeverityOverride, type Settings } from '../settings';
import { UsageError } from './command';
import { describeFsError, readTextFile } from './inputs';

/** Checks an `"AM010=off"`-style override; `where` names the flag in the message. */
export function checkRuleOverride(rule: string, severity: string, where: string): SeverityOverride {
  const reading = readSeverityOverride(rule, severity);
  if ('problem' in reading) throw new UsageError(`${where}: ${reading.problem}.`);
  return reading.severity;
}

/**
 * The JSON file of `--config`: the keys of the actionableMessages.* VS Code settings that say how cards are checked
 * (LINT_CONFIG_KEYS), read as the extension reads them but strictly: a bad value stops the command, with every one named.
 * Its `files` globs are relative to the config file's directory.
 */
export function loadConfig(file: string): Settings {
  let text: string;
  try {
    text = readTextFile(file);
  } catch (error) {
    throw new UsageError(`Cannot read config file ${file}: ${describeFsError(error)}.`);
  }
  const document = parseJsonDocument(text);
  if (document.root === undefined) {
    const problem = document.syntaxProblem!;
    const { line, character } = new PositionLocator(document.text).positionAt(problem.offset);
    throw new UsageError(`${file}:${line + 1}:${character + 1}: config file is not valid JSON: ${problem.message}`);
  }
  const value: unknown = getNodeValue(document.root);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${file}: config file must be a JSON object with keys ${LINT_CONFIG_KEYS.join(', ')}.`);
  }
  const { settings, problems } = readSettings(value, LINT_CONFIG_KEYS);
  if (problems.length > 0) throw new UsageError(problems.map((problem) => `${file}: ${problem.message}.`).join('\n'));
  return settings;
}
