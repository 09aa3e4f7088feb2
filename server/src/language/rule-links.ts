// The hover's links to the rules whose diagnostics apply at the hovered place: the rule's documentation is one
// click from the property it concerns.
import { RULES, type Finding, type RuleId } from '../rules';

/** The findings shown in a document, and the address of each rule's documentation (the diagnostics' codeDescription). */
export interface ShownFindings {
  readonly findings: readonly Finding[];
  readonly ruleHref: (rule: RuleId) => string;
}

/** The findings whose range holds `offset`, its end included: where an editor shows the finding on hover. */
export function findingsAt(findings: readonly Finding[], offset: number): Finding[] {
  return findings.filter((finding) => offset >= finding.offset && offset <= finding.offset + finding.length);
}

/** One line per rule among `findings`, in their order: a link to the rule's documentation and its title. */
export function ruleLinksMarkdown(findings: readonly Finding[], ruleHref: (rule: RuleId) => string): string {
  const rules = [...new Set(findings.map((finding) => finding.rule))];
  return rules.map((rule) => `[${rule}](${ruleHref(rule)}): ${RULES[rule].title}`).join('\n\n');
}
