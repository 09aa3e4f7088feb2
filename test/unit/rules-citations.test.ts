// Source comments explain a rule by citing docs/rules.md, which ships with the extension: `docs/rules.md § AM046`
// for a rule, `docs/rules.md § "Document kinds"` for a section (`§ "A" and "B"` for two). Every cited section must
// exist, and no comment may cite the specification outside the project ("spec § 5.5") any more.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const repository = path.join(__dirname, '../../..');
const SOURCE_ROOTS = ['server/src', 'server/scripts', 'client/src', 'webview/src'];

/** The headings of docs/rules.md, and the rule id that starts a rule's heading (`AM046` of "AM046: reference to …"). */
function sectionsOf(markdown: string): Set<string> {
  const sections = new Set<string>();
  for (const [, heading] of markdown.matchAll(/^#{2,6} (.+)$/gm)) {
    sections.add(heading!.trim());
    const id = /^([A-Za-z0-9]+): /.exec(heading!)?.[1];
    if (id !== undefined) sections.add(id);
  }
  return sections;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    // generated/ holds build output (npm run build:schema), not comments anyone writes.
    if (statSync(full).isDirectory()) return entry === 'generated' ? [] : sourceFiles(full);
    return /\.(ts|mjs)$/.test(entry) && !entry.endsWith('.d.ts') ? [full] : [];
  });
}

/** The comments of a source text, read by TypeScript's parser: text in strings and templates is not a comment. */
function commentsOf(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const comments = new Map<number, string>();
  const visit = (node: ts.Node): void => {
    const ranges = [...ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [], ...ts.getTrailingCommentRanges(text, node.getEnd()) ?? []];
    for (const range of ranges) comments.set(range.pos, text.slice(range.pos, range.end));
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return [...comments].sort(([a], [b]) => a - b).map(([, comment]) => comment);
}

const OUTSIDE_SPEC = /\bspec\b\s*(§|AM\d)|shared\/spec|outlook-rules\.md/i;
const CITATION = /docs\/rules\.md §/g;
const CITED = /^ *(?:"([^"\n]+)"((?: and "[^"\n]+")*)|([A-Za-z0-9]+)\b)/;

interface CitationCheck {
  /** How many sections the comments cite. */
  readonly cited: number;
  readonly problems: string[];
}

/** Each comment line that cites the outside specification, or a docs/rules.md section that does not exist. */
function checkComments(where: string, comments: readonly string[], sections: ReadonlySet<string>): CitationCheck {
  let cited = 0;
  const problems: string[] = [];
  for (const line of comments.flatMap((comment) => comment.split('\n'))) {
    if (OUTSIDE_SPEC.test(line)) problems.push(`${where}: cites the specification outside the project: ${line.trim()}`);
    for (const citation of line.matchAll(CITATION)) {
      const match = CITED.exec(line.slice(citation.index + citation[0].length));
      if (match === null) {
        problems.push(`${where}: "docs/rules.md §" names no section (write § AM046 or § "Heading" on the same line): ${line.trim()}`);
        continue;
      }
      const names = match[3] !== undefined ? [match[3]] : [match[1]!, ...[...match[2]!.matchAll(/"([^"\n]+)"/g)].map((m) => m[1]!)];
      for (const name of names) {
        cited++;
        if (!sections.has(name)) problems.push(`${where}: docs/rules.md has no section "${name}": ${line.trim()}`);
      }
    }
  }
  return { cited, problems };
}

describe('rule citations in source comments', () => {
  const sections = sectionsOf(readFileSync(path.join(repository, 'docs/rules.md'), 'utf8'));
  const files = SOURCE_ROOTS.flatMap((root) => sourceFiles(path.join(repository, root)));

  it('reads the headings and rule ids of docs/rules.md', () => {
    for (const name of ['AM001', 'AM046', 'syntax', 'schema', 'Signed cards', 'Conventions', 'Document kinds']) assert.ok(sections.has(name), name);
  });

  it('cite only docs/rules.md, and only sections it has', () => {
    let cited = 0;
    const problems: string[] = [];
    for (const file of files) {
      const where = path.relative(repository, file).split(path.sep).join('/');
      const check = checkComments(where, commentsOf(file, readFileSync(file, 'utf8')), sections);
      cited += check.cited;
      problems.push(...check.problems);
    }
    assert.deepEqual(problems, []);
    assert.ok(cited > 40, `only ${cited} citations found: the comments were not read`);
  });

  it('the check reports the outside specification and missing sections, in comments only', () => {
    const planted = [
      '// Spec § 5.5: Action.Http.',
      '/** As spec AM047 says. */',
      'const help = "spec § 5.10 in a string is no comment";',
      '/*',
      ' * docs/rules.md § "No such heading", docs/rules.md § AM999 and docs/rules.md §',
      ' */',
      '// docs/rules.md § "Signed cards" and "Document kinds", docs/rules.md § AM046.',
      'export const x = 1; // docs/rules.md § "Card versions" and "Gone"',
    ].join('\n');
    const check = checkComments('planted.ts', commentsOf('planted.ts', planted), sections);
    assert.equal(check.cited, 7);
    assert.deepEqual(check.problems.map((problem) => problem.split(': ')[1]), [
      'cites the specification outside the project',
      'cites the specification outside the project',
      'docs/rules.md has no section "No such heading"',
      'docs/rules.md has no section "AM999"',
      '"docs/rules.md §" names no section (write § AM046 or § "Heading" on the same line)',
      'docs/rules.md has no section "Gone"',
    ]);
  });
});
