// Adaptive Card templates: cards with `${…}` expressions, expanded with their data by adaptivecards-templating. One
// home for the preview, for Sign Card and Copy Email HTML, and for `amcard sign`, `html` and `eml`. Browser-safe.
import type * as Templating from 'adaptivecards-templating';
import { InputError } from './errors';
import { formatPosition, isJsonObject, kindOfValue, parseJsonText } from './json-text';

// Templating is a megabyte of code that takes about half a second to start, so it is loaded on the first template
// expanded, not when a front end starts: the bundler turns this require into a lazy module initializer (the Node
// bundles alias it to server/node-shims/adaptivecards-templating.cjs, which loads the one dist/templating.js).
declare function require(module: 'adaptivecards-templating'): typeof Templating;

/** A template that cannot be expanded, or cannot be sent: no data, data that does not parse, `${…}` left over. */
export class TemplateError extends InputError {
  static override readonly code = 'ERR_TEMPLATE';
}

/** A data file's name (for messages) and text. */
export interface TemplateData {
  readonly fileName: string;
  readonly text: string;
}

const EXPRESSION_START = '${';

/** A string holding `${` and where it is: a JSON path such as `$.body[0].text`. */
export interface TemplateExpression {
  readonly path: string;
  readonly text: string;
}

function memberPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * The first string value or property name holding `${`, in document order, or undefined when there is none. The
 * walk keeps its own stack, so no depth of nesting can overflow the call stack.
 */
export function firstTemplateExpression(value: unknown): TemplateExpression | undefined {
  const pending: { value: unknown; path: string }[] = [{ value, path: '$' }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes(EXPRESSION_START)) return { path, text: current };
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) pending.push({ value: current[index], path: `${path}[${index}]` });
    } else if (isJsonObject(current)) {
      // Each member's name is looked at before its value: pushed last, popped first.
      for (const [key, member] of Object.entries(current).reverse()) {
        pending.push({ value: member, path: memberPath(path, key) }, { value: key, path: memberPath(path, key) });
      }
    }
  }
  return undefined;
}

/** The template expanded with `data` (its root is `$root`), as the preview renders it; refused with a TemplateError. */
export function expandTemplate(template: unknown, data: TemplateData): Record<string, unknown> {
  const parsed = parseJsonText(data.text);
  if (!parsed.ok) throw new TemplateError(`The data file ${data.fileName} does not parse at ${formatPosition(parsed.position)}: ${parsed.message}`);
  let expanded: unknown;
  try {
    expanded = new (require('adaptivecards-templating').Template)(template).expand({ $root: parsed.value });
  } catch (error) {
    throw new TemplateError(`Expanding the template with ${data.fileName} failed: ${(error as Error).message}`);
  }
  if (!isJsonObject(expanded)) throw new TemplateError(`Expanding the template with ${data.fileName} gave ${kindOfValue(expanded)}, not a card.`);
  return expanded;
}

/** Where a front end finds a template's data. */
export interface TemplateDataSource {
  /** The data, or undefined when there is none; called only for a template. */
  readonly read: () => Promise<TemplateData | undefined>;
  /** Where the data was looked for, for the refusal when there is none, e.g. "no --data option, and no …". */
  readonly lookedFor: string;
}

export interface CardToSend {
  readonly text: string;
  /** The data file the card was expanded with, when it is a template. */
  readonly dataFileName?: string;
}

const NEVER_RAW = 'Raw ${…} must not reach an email or a signature';

function quoted(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

/**
 * The card text that goes into a signature or an email. A card without `${` is returned exactly as written. A
 * template is expanded with its data and written as JSON; it is refused with a TemplateError, naming the card, when
 * it does not parse, when there is no data (saying where it was looked for), or when a `${` is left in a string after
 * expansion (naming its JSON path).
 */
export async function cardTextToSend(cardText: string, cardName: string, data: TemplateDataSource): Promise<CardToSend> {
  const parsed = parseJsonText(cardText);
  if (!parsed.ok) {
    if (!cardText.includes(EXPRESSION_START)) return { text: cardText };
    throw new TemplateError(`${cardName} holds \${…} but does not parse at ${formatPosition(parsed.position)}: ${parsed.message} A template is expanded before it is sent, so fix the JSON first.`);
  }
  const expression = firstTemplateExpression(parsed.value);
  if (expression === undefined) return { text: cardText };
  const found = await data.read();
  if (found === undefined) {
    throw new TemplateError(`${cardName} is a template (${quoted(expression.text)} at ${expression.path}) and there is no data to expand it with: ${data.lookedFor}. ${NEVER_RAW}.`);
  }
  const card = expandTemplate(parsed.value, found);
  const left = firstTemplateExpression(card);
  if (left !== undefined) {
    throw new TemplateError(`Expanding ${cardName} with ${found.fileName} left ${quoted(left.text)} at ${left.path}: the data has no value for it. ${NEVER_RAW}; add the value to ${found.fileName}.`);
  }
  return { text: `${JSON.stringify(card, null, 2)}\n`, dataFileName: found.fileName };
}
