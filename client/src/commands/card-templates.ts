// The templates of "New Actionable Message Card": the realistic cards of examples/ (bundled into the extension),
// without the values that belong to one sent message, with the provider id from the settings or a placeholder to fill.
import addInCommandCard from '../../../examples/add-in-command.card.json';
import approvalHttpCard from '../../../examples/approval-http.card.json';
import approvalHttpResponse from '../../../examples/approval-http.response.json';
import approvalUamCard from '../../../examples/approval-uam.card.json';
import inputFormCard from '../../../examples/input-form.card.json';
import { ORIGINATOR_PLACEHOLDER } from '../../../server/src/language';

export type CardFileSuffix = '.card.json' | '.response.json';

export interface CardTemplate {
  /** What scripts and tests pass to the command to skip the Quick Pick. */
  readonly id: string;
  readonly label: string;
  readonly detail: string;
  /** The suggested file name before the suffix. */
  readonly stem: string;
  readonly suffix: CardFileSuffix;
  readonly card: Readonly<Record<string, unknown>>;
}

export const CARD_TEMPLATES: readonly CardTemplate[] = [
  {
    id: 'http-approval', label: 'Approval with Action.Http (1.0)', stem: 'approval', suffix: '.card.json', card: approvalHttpCard,
    detail: 'Approve, or reject with a reason in a ShowCard; your service gets a POST with the comment.',
  },
  {
    id: 'uam-approval', label: 'Universal Actions approval with refresh (1.4)', stem: 'approval', suffix: '.card.json', card: approvalUamCard,
    detail: 'Action.Execute approve and reject, and a refresh that lets your bot update the card when it is opened.',
  },
  {
    id: 'input-form', label: 'Input form (1.0)', stem: 'form', suffix: '.card.json', card: inputFormCard,
    detail: 'Text, number, date, choice and toggle inputs sent with one Action.Http.',
  },
  {
    id: 'add-in-command', label: 'Add-in command (1.0)', stem: 'add-in-command', suffix: '.card.json', card: addInCommandCard,
    detail: 'Action.InvokeAddInCommand opens a task pane of your Outlook add-in.',
  },
  {
    id: 'response', label: 'Response card (*.response.json)', stem: 'approval', suffix: '.response.json', card: approvalHttpResponse,
    detail: 'The card your service returns after an action (CARD-UPDATE-IN-BODY) or as a refresh.',
  },
];

/**
 * Root properties a new card leaves out: `correlationId` and `expectedActors` differ per sent message, so they are
 * the sending service's; `$schema` only makes VS Code's JSON support warn that it cannot load the remote schema
 * (this extension brings its own).
 */
const LEFT_OUT_PROPERTIES: ReadonlySet<string> = new Set(['correlationId', 'expectedActors', '$schema']);

const LINE_WIDTH = 120;
const INDENT = '  ';

/** JSON laid out as the examples are: the card's objects and arrays on one line where they fit, else one member a line. */
function formatJson(value: unknown, indent: string): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const inner = indent + INDENT;
  const members = Array.isArray(value)
    ? value.map((item) => formatJson(item, inner))
    : Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${formatJson(item, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (members.length === 0) return `${open}${close}`;
  const oneLine = Array.isArray(value) ? `[${members.join(', ')}]` : `{ ${members.join(', ')} }`;
  if (indent !== '' && !oneLine.includes('\n') && indent.length + oneLine.length <= LINE_WIDTH) return oneLine;
  return `${open}\n${members.map((member) => inner + member).join(',\n')}\n${indent}${close}`;
}

export interface NewCardText {
  readonly text: string;
  /** Where the originator placeholder is, for the editor to select, when the setting gave no provider id. */
  readonly placeholder?: { readonly offset: number; readonly length: number };
}

/**
 * The new card's text: the provider id from `actionableMessages.originator`, or, when that is not set, a
 * placeholder that AM012 points at until it is replaced.
 */
export function templateText(template: CardTemplate, originator: string | undefined): NewCardText {
  const card = Object.fromEntries(Object.entries(template.card).filter(([key]) => !LEFT_OUT_PROPERTIES.has(key)));
  const configured = originator?.trim();
  card.originator = configured || ORIGINATOR_PLACEHOLDER;
  const text = `${formatJson(card, '')}\n`;
  if (configured) return { text };
  return { text, placeholder: { offset: text.indexOf(JSON.stringify(ORIGINATOR_PLACEHOLDER)) + 1, length: ORIGINATOR_PLACEHOLDER.length } };
}
