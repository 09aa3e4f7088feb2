// The check of an Input.Text `regex` in the preview, in time linear in the value's length. adaptivecards runs
// `new RegExp(regex, "g").test(value)`, and a backtracking engine takes exponential time on a pattern such as
// `^(a+)+$`: 31 `a`s and a `!` froze the page for 17 s. This module answers the same question (is there a match
// anywhere in the value?) with a Thompson NFA: the pattern, in ECMAScript's non-unicode syntax with its web
// extensions (Annex B), becomes a program of at most MAX_PROGRAM_SIZE instructions, run over the value once with
// every live state at a time. Backreferences and lookarounds have no such automaton, and the checks of one task (the
// inputs an action validates) share TIME_BUDGET_MS; those values are reported as not checked, with the reason.
// Pure: no DOM.

export type RegexVerdict =
  | { readonly kind: 'match' }
  | { readonly kind: 'noMatch' }
  | { readonly kind: 'notChecked'; readonly reason: string };

/** Longest the checks of one task may run together; well below the 100 ms after which the page feels frozen. */
export const TIME_BUDGET_MS = 40;
const MAX_PROGRAM_SIZE = 20_000;
/** Groups nested deeper than this are not parsed, so the parser's recursion stays shallow. */
const MAX_GROUP_DEPTH = 100;

class NotCheckable extends Error {}

type CharTest = (code: number) => boolean;
type AssertionKind = 'start' | 'end' | 'wordBoundary' | 'notWordBoundary';
type Node =
  | { readonly type: 'char'; readonly test: CharTest }
  | { readonly type: 'assert'; readonly kind: AssertionKind }
  | { readonly type: 'sequence'; readonly items: readonly Node[] }
  | { readonly type: 'alternation'; readonly items: readonly Node[] }
  | { readonly type: 'repeat'; readonly body: Node; readonly min: number; readonly max: number };

const isDigit = (code: number) => code >= 48 && code <= 57;
const isWordChar = (code: number) => isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
/** ECMAScript WhiteSpace and LineTerminator, the set of `\s`. */
const isSpace = (code: number) => (code >= 9 && code <= 13) || code === 32 || code === 0xa0 || code === 0x1680
  || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f
  || code === 0x3000 || code === 0xfeff;
const isLineTerminator = (code: number) => code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
const not = (test: CharTest): CharTest => (code) => !test(code);
const CLASS_ESCAPES: Readonly<Record<string, CharTest>> = {
  d: isDigit, D: not(isDigit), w: isWordChar, W: not(isWordChar), s: isSpace, S: not(isSpace),
};
const CONTROL_ESCAPES: Readonly<Record<string, number>> = { t: 9, n: 10, v: 11, f: 12, r: 13 };

/** A recursive-descent parser of one pattern that the browser's RegExp has already accepted. */
class Parser {
  private position = 0;
  private depth = 0;
  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.disjunction();
    if (this.position < this.source.length) throw new NotCheckable(`unexpected "${this.source[this.position]}"`);
    return node;
  }

  private peek(offset = 0): string | undefined {
    return this.source[this.position + offset];
  }

  private disjunction(): Node {
    const items = [this.alternative()];
    while (this.peek() === '|') {
      this.position++;
      items.push(this.alternative());
    }
    return items.length === 1 ? items[0]! : { type: 'alternation', items };
  }

  private alternative(): Node {
    const items: Node[] = [];
    for (let next = this.peek(); next !== undefined && next !== '|' && next !== ')'; next = this.peek()) {
      const atom = this.term();
      items.push(this.quantified(atom));
    }
    return { type: 'sequence', items };
  }

  private term(): Node {
    const next = this.peek()!;
    this.position++;
    switch (next) {
      case '^': return { type: 'assert', kind: 'start' };
      case '$': return { type: 'assert', kind: 'end' };
      case '.': return { type: 'char', test: not(isLineTerminator) };
      case '(': return this.group();
      case '[': return { type: 'char', test: this.characterClass() };
      case '\\': return this.atomEscape();
      default: return literal(next.charCodeAt(0));
    }
  }

  private group(): Node {
    if (++this.depth > MAX_GROUP_DEPTH) throw new NotCheckable(`its groups are nested more than ${MAX_GROUP_DEPTH} deep`);
    if (this.peek() === '?') {
      const kind = this.source.slice(this.position, this.position + 3);
      if (kind.startsWith('?:')) {
        this.position += 2;
      } else if (kind.startsWith('?<') && kind !== '?<=' && kind !== '?<!') {
        const end = this.source.indexOf('>', this.position);
        if (end < 0) throw new NotCheckable('unterminated group name');
        this.position = end + 1;
      } else {
        throw new NotCheckable(`it uses the group "(${kind}", a lookaround or modifier`);
      }
    }
    const body = this.disjunction();
    if (this.peek() !== ')') throw new NotCheckable('unterminated group');
    this.position++;
    this.depth--;
    return body;
  }

  private atomEscape(): Node {
    const next = this.peek();
    if (next === 'b' || next === 'B') {
      this.position++;
      return { type: 'assert', kind: next === 'b' ? 'wordBoundary' : 'notWordBoundary' };
    }
    if (next !== undefined && next >= '1' && next <= '9') throw new NotCheckable(`it uses the backreference "\\${next}"`);
    if (next === 'k') throw new NotCheckable('it uses the named backreference "\\k"');
    const classEscape = next === undefined ? undefined : CLASS_ESCAPES[next];
    if (classEscape) {
      this.position++;
      return { type: 'char', test: classEscape };
    }
    return literal(this.characterEscape());
  }

  /** The character of an escape after its backslash, in a class or outside one (Annex B's legacy forms included). */
  private characterEscape(): number {
    const next = this.peek();
    if (next === undefined) throw new NotCheckable('the pattern ends with "\\"');
    const control = CONTROL_ESCAPES[next];
    if (control !== undefined) {
      this.position++;
      return control;
    }
    if (next === 'c') {
      const letter = this.peek(1);
      if (letter !== undefined && /[A-Za-z]/.test(letter)) {
        this.position += 2;
        return letter.charCodeAt(0) % 32;
      }
      return 92; // "\c" without a letter is a backslash, and the "c" a character of its own
    }
    if (next === 'x' || next === 'u') {
      const length = next === 'x' ? 2 : 4;
      const digits = this.source.slice(this.position + 1, this.position + 1 + length);
      if (digits.length === length && /^[0-9A-Fa-f]+$/.test(digits)) {
        this.position += 1 + length;
        return parseInt(digits, 16);
      }
    }
    if (next === '0') {
      const octal = /^0[0-7]{0,2}/.exec(this.source.slice(this.position, this.position + 3))![0]; // "\0" or a legacy octal
      this.position += octal.length;
      return parseInt(octal, 8);
    }
    this.position++;
    return next.charCodeAt(0);
  }

  private characterClass(): CharTest {
    const negated = this.peek() === '^';
    if (negated) this.position++;
    const tests: CharTest[] = [];
    while (this.peek() !== ']') {
      if (this.peek() === undefined) throw new NotCheckable('unterminated character class');
      const low = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined && typeof low === 'number') {
        const saved = this.position;
        this.position++;
        const high = this.classAtom();
        if (typeof high === 'number') {
          if (high < low) throw new NotCheckable('a class range out of order');
          tests.push((code) => code >= low && code <= high);
          continue;
        }
        this.position = saved; // "[a-\d]": the "-" is a character (Annex B)
      }
      tests.push(typeof low === 'number' ? (code) => code === low : low);
    }
    this.position++;
    const inClass: CharTest = (code) => tests.some((test) => test(code));
    return negated ? not(inClass) : inClass;
  }

  private classAtom(): number | CharTest {
    const next = this.peek()!;
    this.position++;
    if (next !== '\\') return next.charCodeAt(0);
    const escaped = this.peek();
    const classEscape = escaped === undefined ? undefined : CLASS_ESCAPES[escaped];
    if (classEscape) {
      this.position++;
      return classEscape;
    }
    if (escaped === 'b') {
      this.position++;
      return 8;
    }
    if (escaped === 'c' && this.peek(1) !== undefined && /[0-9_]/.test(this.peek(1)!)) {
      this.position += 2; // Annex B: "\c" with a digit or "_" inside a class
      return this.source.charCodeAt(this.position - 1) % 32;
    }
    return this.characterEscape();
  }

  private quantified(atom: Node): Node {
    const next = this.peek();
    let min: number;
    let max: number;
    if (next === '*' || next === '+' || next === '?') {
      this.position++;
      [min, max] = next === '*' ? [0, Infinity] : next === '+' ? [1, Infinity] : [0, 1];
    } else if (next === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.position));
      if (!braces) return atom; // "{" that starts no quantifier is a character (Annex B)
      this.position += braces[0].length;
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
    } else {
      return atom;
    }
    if (this.peek() === '?') this.position++; // lazy or greedy: the same answer to "is there a match"
    if (atom.type === 'assert') throw new NotCheckable('a quantified assertion');
    return { type: 'repeat', body: atom, min, max };
  }
}

function literal(code: number): Node {
  return { type: 'char', test: (candidate) => candidate === code };
}

type Instruction =
  | { readonly op: 'char'; readonly test: CharTest }
  | { readonly op: 'assert'; readonly kind: AssertionKind }
  | { op: 'split'; next: number; alternative: number }
  | { op: 'jump'; target: number }
  | { readonly op: 'match' };

/** Compiles the tree into a Thompson program; counted repetitions are written out, up to MAX_PROGRAM_SIZE. */
class Compiler {
  readonly program: Instruction[] = [];

  private emit(instruction: Instruction): number {
    if (this.program.length >= MAX_PROGRAM_SIZE) throw new NotCheckable(`its automaton would exceed ${MAX_PROGRAM_SIZE} states`);
    this.program.push(instruction);
    return this.program.length - 1;
  }

  compile(node: Node): void {
    switch (node.type) {
      case 'char':
        this.emit({ op: 'char', test: node.test });
        return;
      case 'assert':
        this.emit({ op: 'assert', kind: node.kind });
        return;
      case 'sequence':
        for (const item of node.items) this.compile(item);
        return;
      case 'alternation': {
        const jumps: { op: 'jump'; target: number }[] = [];
        node.items.forEach((item, index) => {
          const last = index === node.items.length - 1;
          const split = last ? undefined : { op: 'split' as const, next: 0, alternative: 0 };
          if (split) split.next = this.emit(split) + 1;
          this.compile(item);
          if (split) {
            const jump = { op: 'jump' as const, target: 0 };
            this.emit(jump);
            jumps.push(jump);
            split.alternative = this.program.length;
          }
        });
        for (const jump of jumps) jump.target = this.program.length;
        return;
      }
      case 'repeat': {
        for (let count = 0; count < node.min; count++) this.compile(node.body);
        if (node.max === Infinity) {
          const split = { op: 'split' as const, next: 0, alternative: 0 };
          const loop = this.emit(split);
          split.next = loop + 1;
          this.compile(node.body);
          this.emit({ op: 'jump', target: loop });
          split.alternative = this.program.length;
          return;
        }
        const splits: { op: 'split'; next: number; alternative: number }[] = [];
        for (let count = node.min; count < node.max; count++) {
          const split = { op: 'split' as const, next: 0, alternative: 0 };
          split.next = this.emit(split) + 1;
          splits.push(split);
          this.compile(node.body);
        }
        for (const split of splits) split.alternative = this.program.length;
        return;
      }
    }
  }
}

function holds(kind: AssertionKind, text: string, position: number): boolean {
  switch (kind) {
    case 'start': return position === 0;
    case 'end': return position === text.length;
    default: {
      const before = position > 0 && isWordChar(text.charCodeAt(position - 1));
      const after = position < text.length && isWordChar(text.charCodeAt(position));
      return (before !== after) === (kind === 'wordBoundary');
    }
  }
}

/** Runs the program over `text`: whether it matches anywhere, or undefined once `deadline` (performance.now()) passed. */
function run(program: readonly Instruction[], text: string, deadline: number): boolean | undefined {
  const marks = new Float64Array(program.length).fill(-1);
  let current: number[] = [];
  let next: number[] = [];
  const stack: number[] = [];
  let work = 0;
  /** Adds the states reachable from `start` without reading a character; true when one of them is the match. */
  const close = (list: number[], start: number, position: number): boolean => {
    stack.push(start);
    while (stack.length > 0) {
      const pc = stack.pop()!;
      if (marks[pc] === position) continue;
      marks[pc] = position;
      work++;
      const instruction = program[pc]!;
      switch (instruction.op) {
        case 'match': stack.length = 0; return true;
        case 'char': list.push(pc); break;
        case 'jump': stack.push(instruction.target); break;
        case 'split': stack.push(instruction.alternative, instruction.next); break;
        case 'assert': if (holds(instruction.kind, text, position)) stack.push(pc + 1); break;
      }
    }
    return false;
  };
  for (let position = 0; position <= text.length; position++) {
    if (close(current, 0, position)) return true;
    if (position === text.length) break;
    const code = text.charCodeAt(position);
    for (const pc of current) {
      const instruction = program[pc] as Extract<Instruction, { op: 'char' }>;
      if (instruction.test(code) && close(next, pc + 1, position + 1)) return true;
    }
    [current, next] = [next, current];
    next.length = 0;
    if (work > 20_000) {
      work = 0;
      if (performance.now() > deadline) return undefined;
    }
  }
  return false;
}

let taskDeadline: number | undefined;

/** When the checks of the running task must stop: the first check sets it, and it ends with the task's microtasks. */
function deadlineOfThisTask(): number {
  if (taskDeadline === undefined) {
    taskDeadline = performance.now() + TIME_BUDGET_MS;
    queueMicrotask(() => {
      taskDeadline = undefined;
    });
  }
  return taskDeadline;
}

/** The answer of `new RegExp(pattern, "g").test(value)`, found in linear time, or why it was not found. */
export function testInputRegex(pattern: string, value: string): RegexVerdict {
  const deadline = deadlineOfThisTask();
  const outOfTime: RegexVerdict = { kind: 'notChecked', reason: `the check did not finish within ${TIME_BUDGET_MS} ms` };
  if (performance.now() > deadline) return outOfTime;
  try {
    new RegExp(pattern); // compiling does not match anything; it tells a pattern that is no regular expression
  } catch (error) {
    return { kind: 'notChecked', reason: `it is not a valid regular expression (${(error as Error).message})` };
  }
  try {
    const compiler = new Compiler();
    compiler.compile(new Parser(pattern).parse());
    compiler.program.push({ op: 'match' });
    const matched = run(compiler.program, value, deadline);
    if (matched === undefined) return outOfTime;
    return { kind: matched ? 'match' : 'noMatch' };
  } catch (error) {
    if (error instanceof NotCheckable) return { kind: 'notChecked', reason: `the preview cannot check this pattern in bounded time: ${error.message}` };
    throw error;
  }
}
