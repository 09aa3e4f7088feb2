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

/** What a report needs of a file: its name as shown and its text (for lines and columns). */
export type ReportedFile = Pick<InputFile, 'name' | 'text'>;

export interface FileResult {
  readonly file: string;
  readonly findings: readonly LocatedFinding[];
  /** Set when the file is no card and was not checked: why. */
  readonly skipped?: string;
}

/** The rule id of the note on a file the user named that is no card: information, not a problem of a card. */
const NOT_A_CARD = 'not-a-card';

/**
 * A file that is no card: when the user named it, one info note saying so; otherwise no finding, only the
 * reason (the summary counts it).
 */
export function skippedResult(input: ReportedFile, reason: string, named: boolean): FileResult {
  const start = { line: 0, character: 0 };
  const note: LocatedFinding = {
    rule: NOT_A_CARD, severity: 'info', message: `Not a card (${reason}); not checked.`, range: { start, end: start },
  };
  return { file: input.name, findings: named ? [note] : [], skipped: reason };
}

export function locateFindings(input: ReportedFile, findings: readonly Finding[]): FileResult {
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

/** The line that names the skipped files and why, or nothing when none was skipped. */
function skippedSummary(results: readonly FileResult[]): string {
  const skipped = results.filter((result) => result.skipped !== undefined);
  if (skipped.length === 0) return '';
  const files = skipped.map((result) => `${result.file} (${result.skipped})`).join(', ');
  return `Skipped ${plural(skipped.length, 'file')} that ${skipped.length === 1 ? 'is' : 'are'} not a card: ${files}.\n`;
}

/** A summary line of the checked files and one of the skipped files. */
function summary(results: readonly FileResult[]): string {
  const checked = results.filter((result) => result.skipped === undefined);
  const all = checked.flatMap((result) => result.findings);
  const files = plural(checked.length, 'file');
  if (all.length === 0) return `No problems in ${files}.\n${skippedSummary(results)}`;
  const counts = SEVERITIES
    .map((severity) => ({ severity, count: all.filter((finding) => finding.severity === severity).length }))
    .filter(({ count }) => count > 0)
    .map(({ severity, count }) => plural(count, severity));
  const affected = checked.filter((result) => result.findings.length > 0).length;
  return `${plural(all.length, 'problem')} (${counts.join(', ')}) in ${affected} of ${files}.\n${skippedSummary(results)}`;
}

/** `path:line:col: severity RULE message` lines (1-based), a blank line, then the summary. */
export function formatHuman(results: readonly FileResult[]): string {
  const lines = results.flatMap(({ file, findings }) => findings.map(({ range, severity, rule, message }) =>
    `${file}:${range.start.line + 1}:${range.start.character + 1}: ${severity} ${rule} ${message}`));
  return `${lines.length === 0 ? '' : `${lines.join('\n')}\n\n`}${summary(results)}`;
}

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

/** GitHub Actions' workflow commands by severity: an annotation of each level shows on the file's line in a pull request. */
const GITHUB_LEVELS: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** A workflow command's message: `%`, CR and LF escaped, as GitHub's toolkit escapes them. */
function githubData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A workflow command's property value: its message escapes, and `:` and `,`, which end a property. */
function githubProperty(text: string): string {
  return githubData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * One GitHub Actions workflow command per finding (`::error file=…,line=…,endLine=…,col=…,endColumn=…,title=RULE::`
 * and the message; 1-based), which a workflow run shows as annotations on the lines, then the summary.
 */
export function formatGithub(results: readonly FileResult[]): string {
  const commands = results.flatMap(({ file, findings }) => findings.map(({ range, severity, rule, message }) => {
    const { start, end } = range;
    // Columns only on one line (GitHub takes none when the lines differ); the end column is the last character's.
    const columns = start.line === end.line ? [`col=${start.character + 1}`, `endColumn=${Math.max(end.character, start.character + 1)}`] : [];
    const properties = [`file=${githubProperty(file)}`, `line=${start.line + 1}`, `endLine=${end.line + 1}`, ...columns, `title=${githubProperty(rule)}`];
    return `::${GITHUB_LEVELS[severity]} ${properties.join(',')}::${githubData(message)}\n`;
  }));
  return `${commands.join('')}${summary(results)}`;
}
