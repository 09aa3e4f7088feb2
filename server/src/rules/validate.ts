import type { Finding } from './finding';
import type { Severity } from './catalog';
import { adaptiveCardOf, isResponseCard, type JsonDocument, type JsonNode, parseJsonDocument, rawOffsetInString } from '../card';
import { RULES, type RuleId } from './catalog';
import { checkRoot } from './registry';
import type { RelatedNode } from './context';
import { checkCardSchema } from './schema-check';
import type { ServiceSettings } from './settings';
import { boundedMessage } from './bounded-message';

export interface Validation {
  readonly document: JsonDocument;
  readonly findings: readonly Finding[];
}

/** The severity a finding of `rule` gets under `settings`, or undefined when the rule is turned off. */
export function severityOf(rule: RuleId, settings: ServiceSettings): Severity | undefined {
  const override = settings.severities?.[rule];
  if (override === 'off') return undefined;
  return override ?? RULES[rule].severity;
}

/** Where a document comes from, beyond its text. */
export interface DocumentOrigin {
  /** The document is a file of `actionableMessages.responseFiles`: whatever its kind, a response card. */
  readonly inResponseFile?: boolean;
}

/** Rules a response card is exempt from (docs/rules.md § "Document kinds"): Outlook checked the originator on delivery. */
const NOT_FOR_RESPONSE_CARDS: ReadonlySet<RuleId> = new Set<RuleId>(['AM010', 'AM011']);

/**
 * Parses `text` once and runs the Outlook rules on it (docs/rules.md § "Conventions": a syntax error stops every other
 * rule).
 */
export function validateText(text: string, settings: ServiceSettings, origin: DocumentOrigin = {}): Validation {
  return validateDocument(parseJsonDocument(text), settings, origin);
}

/** validateText of a document already parsed, for a caller that parsed it to decide whether it is a card. */
export function validateDocument(document: JsonDocument, settings: ServiceSettings, origin: DocumentOrigin = {}): Validation {
  const { text } = document;
  const findings: Finding[] = [];
  const add = (rule: RuleId, offset: number, length: number, message: string, related?: readonly RelatedNode[]): void => {
    const severity = severityOf(rule, settings);
    if (severity === undefined) return;
    const finding = { rule, severity, message: boundedMessage(message), offset, length };
    findings.push(related === undefined || related.length === 0 ? finding
      : { ...finding, related: related.map(({ node, message: what }) => ({ offset: node.offset, length: node.length, message: what })) });
  };
  if (document.root === undefined) {
    const problem = document.syntaxProblem;
    add('syntax', problem.offset, problem.length, problem.message);
    return { document, findings };
  }
  const responseCard = isResponseCard(document.root, origin.inResponseFile === true);
  const exempt = (rule: RuleId): boolean => responseCard && NOT_FOR_RESPONSE_CARDS.has(rule);
  const reportedNodes: JsonNode[] = [];
  checkRoot(document.root, {
    settings,
    report: (rule: RuleId, node: JsonNode, message: string, related?: readonly RelatedNode[]) => {
      if (exempt(rule)) return;
      reportedNodes.push(node);
      add(rule, node.offset, node.length, message, related);
    },
    // The card inside a signed payload's claim reports here: its AM010/AM011 are exempt like any other's.
    reportInString: (rule: RuleId, node: JsonNode, start: number, length: number, message: string) => {
      if (exempt(rule)) return;
      reportedNodes.push(node);
      const from = rawOffsetInString(node, text, start);
      add(rule, from, rawOffsetInString(node, text, start + length) - from, message);
    },
  });
  const card = adaptiveCardOf(document.root);
  if (severityOf('schema', settings) !== undefined && card !== undefined) {
    for (const problem of checkCardSchema(card, reportedNodes)) add('schema', problem.offset, problem.length, problem.message);
  }
  return { document, findings };
}
