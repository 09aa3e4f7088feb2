import { SEVERITIES, type Finding, type Severity } from '../rules';
import { PositionLocator, type Range } from '../card';
import type { InputFile } from './inputs';

export interface LocatedFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** Zero-based, as in LSP. */
  readonly range: Range;
}

export interface FileResult {
  readonly file: string;
  readonly findings: readonly LocatedFinding[];
}

export function locateFindings(input: InputFile, findings: readonly Finding[]): FileResult {
  const locator = new PositionLocator(input.text);
  const located = findings.map((finding) => ({
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    range: locator.rangeOf(finding),
  }));
  located.sort((a, b) =>
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
  return { file: input.name, findings: located };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `path:line:col: severity RULE message` lines (1-based), then a summary line. */
export function formatHuman(results: readonly FileResult[]): string {
  const lines = results.flatMap(({ file, findings }) => findings.map(({ range, severity, rule, message }) =>
    `${file}:${range.start.line + 1}:${range.start.character + 1}: ${severity} ${rule} ${message}`));
  const all = results.flatMap((result) => result.findings);
  const files = plural(results.length, 'file');
  if (all.length === 0) return `No problems in ${files}.\n`;
  const counts = SEVERITIES
    .map((severity) => ({ severity, count: all.filter((finding) => finding.severity === severity).length }))
    .filter(({ count }) => count > 0)
    .map(({ severity, count }) => plural(count, severity));
  const affected = results.filter((result) => result.findings.length > 0).length;
  return `${lines.join('\n')}\n\n${plural(all.length, 'problem')} (${counts.join(', ')}) in ${affected} of ${files}.\n`;
}

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
