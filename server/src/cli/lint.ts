import { DEFAULT_CARD_FILES, DEFAULT_RESPONSE_FILES, LINT_CONFIG_KEYS } from '../settings';
import { type ServiceSettings, type SeverityOverride, validateDocument } from '../rules';
import { EXIT_FINDINGS, EXIT_OK, UsageError, parseCommandArgs, type Command } from './command';
import { checkRuleOverride, loadConfig } from './config';
import { expandArguments, expandConfigFiles, mapInputs } from './inputs';
import { formatGithub, formatHuman, formatJson, locateFindings, skippedResult, type FileResult } from './lint-report';
import {
  directorySearchPatterns, namedFiles, patternBases, selectDocument, type CardPatterns, type LintDocument, type SkippedFile
} from './lint-selection';

const USAGE = `Usage: amcard lint [options] <files, directories, globs or - ...>

Checks Outlook actionable-message cards (Adaptive Card, MessageCard, signed-card JSON) against the Outlook rules.

Files are chosen as the editor chooses them: those the "files" patterns name (default:
${DEFAULT_CARD_FILES.join(', ')}), the response cards of the "responseFiles" patterns (default:
${DEFAULT_RESPONSE_FILES.join(', ')}; checked without AM010/AM011), and any other JSON whose root is an
Outlook card, a MessageCard, a signed card or an invoke response. A directory is searched for all of them;
directories and globs skip node_modules unless the glob names it. Other JSON (template *.data.json,
package.json, ...) is skipped and counted; a file named as an argument that is not a card gets an info note
"not-a-card". A - reads one card from standard input, named <stdin> in the output, and checks it whatever it
holds. Without arguments, the "files" and "responseFiles" patterns of --config are used, relative to the config
file.

Options:
  --json                 Print a JSON array of {file, findings: [{rule, severity, message, range}]}, with
                         "skipped": reason on a file that is not a card; ranges are zero-based
                         {line, character}, as in the Language Server Protocol.
  --github               Print each finding as a GitHub Actions workflow command (::error, ::warning or
                         ::notice with file, line and column), which a workflow run shows as an
                         annotation on the line; then the summary. Run it from the repository's root.
  --config <file>        JSON file with the keys of the actionableMessages settings:
                         ${LINT_CONFIG_KEYS.join(', ')}. Flags override it.
  --originator <guid>    Provider id from the Actionable Email Developer Dashboard.
  --sender <address>     The From address of the mails (enables AM094).
  --target-url <url>     A registered target URL (repeatable; replaces targetUrls of --config).
  --rule <ID=severity>   Override a rule's severity: error, warning, info, hint or off (repeatable),
                         e.g. --rule AM010=off.
  -h, --help             Show this help.

Exit status: 0 when there is no error-severity finding, 1 when there is one, 2 when the command line,
an input file or the config file is wrong (nothing is checked then).
`;

const OPTIONS = {
  json: { type: 'boolean' },
  github: { type: 'boolean' },
  config: { type: 'string' },
  originator: { type: 'string' },
  sender: { type: 'string' },
  'target-url': { type: 'string', multiple: true },
  rule: { type: 'string', multiple: true },
} as const;

function parseRuleFlags(flags: readonly string[]): Record<string, SeverityOverride> {
  const overrides: Record<string, SeverityOverride> = {};
  for (const flag of flags) {
    const match = /^([^=]+)=(.*)$/.exec(flag);
    if (!match) throw new UsageError(`amcard lint: --rule expects <ID>=<severity>, e.g. AM010=off; got "${flag}".`);
    const rule = match[1]!.trim();
    overrides[rule] = checkRuleOverride(rule, match[2]!.trim(), `amcard lint: --rule ${flag}`);
  }
  return overrides;
}

function settingsFrom(config: ServiceSettings, values: { originator?: string; sender?: string; 'target-url'?: string[]; rule?: string[] }): ServiceSettings {
  return {
    originator: values.originator ?? config.originator,
    sender: values.sender ?? config.sender,
    targetUrls: values['target-url'] ?? config.targetUrls,
    severities: { ...config.severities, ...parseRuleFlags(values.rule ?? []) },
  };
}

/** A file's findings, or the note that it is no card; each document is checked as soon as it is selected. */
function lintResult(selected: LintDocument | SkippedFile, settings: ServiceSettings): FileResult {
  if ('reason' in selected) return skippedResult(selected.input, selected.reason, selected.named);
  const { input, document, inResponseFile } = selected;
  return locateFindings(input, validateDocument(document, settings, { inResponseFile }).findings);
}

async function runLint(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('lint', args, OPTIONS);
  if (values.json && values.github) throw new UsageError('amcard lint: --json and --github are two output formats; give one of them.');
  const config = values.config === undefined ? undefined : loadConfig(values.config);
  const settings = settingsFrom(config?.service ?? {}, values);
  const cwd = process.cwd();
  const patterns: CardPatterns = { files: config?.files ?? DEFAULT_CARD_FILES, responseFiles: config?.responseFiles ?? DEFAULT_RESPONSE_FILES };
  let files: string[];
  if (positionals.length > 0) {
    files = expandArguments(positionals, cwd, directorySearchPatterns(patterns));
  } else if (values.config !== undefined && config?.files !== undefined) {
    files = expandConfigFiles([...config.files, ...patterns.responseFiles], values.config);
  } else {
    throw new UsageError('amcard lint: no input files. Pass files, directories or globs, or a --config with "files".\nRun "amcard lint --help" for the options.');
  }
  const context = { patterns, bases: patternBases(positionals, cwd, values.config), named: namedFiles(positionals, cwd) };
  // mapInputs gives the files sorted by name, the order of the output.
  const results = mapInputs(files, cwd, (input) => lintResult(selectDocument(input, context), settings));
  process.stdout.write(values.json ? formatJson(results) : values.github ? formatGithub(results) : formatHuman(results));
  const failed = results.some((result) => result.findings.some((finding) => finding.severity === 'error'));
  return failed ? EXIT_FINDINGS : EXIT_OK;
}

export const lintCommand: Command = {
  summary: 'Check card JSON files against the Outlook rules',
  usage: USAGE,
  run: runLint,
};
