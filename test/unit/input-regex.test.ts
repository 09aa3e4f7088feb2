// The preview's linear-time check of an Input.Text regex (webview/src/input-regex.ts) against the browser's own
// RegExp, which adaptivecards runs as `new RegExp(regex, "g").test(value)`: the same answer on every short string
// of an alphabet that exercises each pattern, and a bounded time where RegExp backtracks for ever.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testInputRegex, TIME_BUDGET_MS, type RegexVerdict } from '../../webview/src/input-regex';

/** Patterns of each construct the check supports, with Annex B's legacy forms, as cards write them. */
const PATTERNS: readonly string[] = [
  '', 'a', '^a$', 'ab|c', '^(ab|c)*$', '^(?:a|b)+$', '(?<name>a)b', 'a*?b', 'a+?', 'a??b', '^a{2}$', '^a{1,2}$', '^a{2,}$',
  '^(a+)+$', '^(a|aa)+$', '^(a*)*b$', '(x+x+)+y', '^\\d{3}-\\d{4}$', '^\\w+@\\w+\\.\\w+$', '\\s', '\\S+', '\\W', '\\D',
  '\\bab\\b', '\\Bb', '^[a-c]+$', '[^a]', '[]', '[^]', '[-a]', '[a-]', '[\\d-a]', '[a-\\d]', '[\\b]', '[\\w.@]+', '.',
  '^.*$', 'a{', 'a{,2}', '{a', 'a}', ']', '\\x61', '\\x6', '\\u0061', '\\u06', '\\cA', '\\c', '[\\c1]', '\\0', '\\012',
  '\\t|\\n', '\\.', '\\/', '\\-', '^$', '$a', 'a^', '(|a)+$', '^(a?){3}a{3}$', '[\\]]', '[\\^a]', '\\p{L}', '(?:)',
];
/** Every character class of the patterns has a member here; the short alphabet goes to longer strings. */
const ALPHABET = ['a', 'b', 'c', '1', '-', '@', '.', ' ', '\n', '_', '\u0001', '{', '}'];
const SHORT_ALPHABET = ['a', 'b', '1', ' ', '\n'];

function* strings(letters: readonly string[], maxLength: number): Generator<string> {
  let layer = [''];
  yield '';
  for (let length = 1; length <= maxLength; length++) {
    layer = layer.flatMap((prefix) => letters.map((letter) => prefix + letter));
    yield* layer;
  }
}

/**
 * The check's answer, each as a task of its own as the page runs them (the checks of one task share one time budget).
 * A check that ran out of time because a loaded machine paused the process runs again: this compares answers.
 */
async function answer(pattern: string, value: string): Promise<RegexVerdict> {
  for (let attempt = 1; ; attempt++) {
    await new Promise((resolve) => setImmediate(resolve));
    const verdict = testInputRegex(pattern, value);
    if (verdict.kind !== 'notChecked' || !verdict.reason.includes('did not finish') || attempt === 5) return verdict;
  }
}

async function assertSameAsRegExp(letters: readonly string[], maxLength: number): Promise<void> {
  for (const pattern of PATTERNS) {
    const native = new RegExp(pattern, 'g');
    for (const value of strings(letters, maxLength)) {
      native.lastIndex = 0;
      const expected = native.test(value) ? 'match' : 'noMatch';
      assert.deepEqual(await answer(pattern, value), { kind: expected }, `${JSON.stringify(pattern)} on ${JSON.stringify(value)}`);
    }
  }
}

describe('input regex check', () => {
  it('answers as RegExp does, for each supported pattern, on every string of up to 3 characters', async () => {
    await assertSameAsRegExp(ALPHABET, 3);
  });

  it('answers as RegExp does, for each supported pattern, on every string of up to 5 characters of a, b, 1, space and newline', async () => {
    await assertSameAsRegExp(SHORT_ALPHABET, 5);
  });

  it('answers ^(a+)+$ on 31 a and ! (17 s of backtracking for RegExp) at once', async () => {
    assert.deepEqual(await answer('^(a+)+$', `${'a'.repeat(31)}!`), { kind: 'noMatch' });
    assert.deepEqual(await answer('(x+x+)+y', 'x'.repeat(40)), { kind: 'noMatch' });
  });

  it('returns within its time budget on 100,000 characters: the answer, or that it did not finish', async () => {
    for (const [pattern, value, answer] of [['^(a+)+$', 'a'.repeat(100_000), 'match'], ['(x+x+)+y', 'x'.repeat(100_000), 'noMatch']] as const) {
      await Promise.resolve();
      const started = performance.now();
      const verdict = testInputRegex(pattern, value);
      const took = performance.now() - started;
      // the budget is checked every few thousand steps, and a loaded machine may pause the process in between
      assert.ok(took < 5 * TIME_BUDGET_MS, `${pattern} took ${took} ms`);
      assert.ok(verdict.kind === answer || (verdict.kind === 'notChecked' && /did not finish/.test(verdict.reason)), JSON.stringify(verdict));
    }
  });

  it('reports a check that would outlast its time budget as not checked', async () => {
    await Promise.resolve();
    const verdict = testInputRegex('(a|b|c|d|e|f|g|h){500}z', 'a'.repeat(1_000_000));
    assert.deepEqual(verdict, { kind: 'notChecked', reason: `the check did not finish within ${TIME_BUDGET_MS} ms` });
  });

  it('shares the time budget among the checks of one task, so that an action with many inputs stays within it', async () => {
    await Promise.resolve(); // a task of its own: the budget of earlier checks has ended with their microtasks
    const started = performance.now();
    const verdicts = Array.from({ length: 5 }, () => testInputRegex('(a|b|c|d|e|f|g|h){500}z', 'a'.repeat(1_000_000)));
    const took = performance.now() - started;
    assert.ok(verdicts.every((verdict) => verdict.kind === 'notChecked'));
    assert.ok(took < 3 * TIME_BUDGET_MS, `five checks took ${took} ms`);
    await Promise.resolve();
    assert.deepEqual(testInputRegex('^a$', 'a'), { kind: 'match' }, 'the next task has a budget of its own');
  });

  it('reports backreferences, lookarounds, huge automata, deep nesting and invalid patterns as not checked, saying why', async () => {
    const cases: readonly [string, RegExp][] = [
      ['^(a+)\\1$', /backreference "\\1"/],
      ['^(?<x>a)\\k<x>$', /named backreference/],
      ['^(?=a)a$', /lookaround/],
      ['^(?<!a)b', /lookaround/],
      ['^(a{1000}){1000}$', /automaton would exceed 20000 states/],
      [`${'('.repeat(150)}a${')'.repeat(150)}`, /nested more than 100 deep/],
      ['^a({4}', /not a valid regular expression \(Invalid regular expression/],
    ];
    for (const [pattern, reason] of cases) {
      const verdict = await answer(pattern, 'aa');
      assert.equal(verdict.kind, 'notChecked', pattern);
      assert.match(verdict.kind === 'notChecked' ? verdict.reason : '', reason, pattern);
    }
  });
});
