// One snippet per element and action type Outlook renders: what completion inserts in an element array (`body`,
// `items`) or an `actions` array. Bodies use snippet syntax; `\t` is one indentation step of the editor. Each body
// inserted with its defaults must add no finding to a card of a version the type is offered for.
import { ENDPOINT_PLACEHOLDER } from '../code-actions';
import { escapeSnippetText } from './snippet-syntax';

export type SnippetSlot = 'element' | 'action';

/** What a snippet's defaults may depend on: ids must be unique, and a toggle must name an element that exists. */
export interface SnippetContext {
  /** `base`, or `base2`, `base3`, ... : an id no element or action of the card has yet. */
  freeId(base: string): string;
  /** The id of an element of the card, to toggle. */
  readonly someElementId: string | undefined;
  /** Whether inputs take a `label`: in cards of version 1.3 and later, the version that introduced it. */
  readonly inputsTakeLabels: boolean;
}

export interface CardSnippet {
  /** The element or action `type`; also the completion label and what you type to find the snippet. */
  readonly type: string;
  readonly slot: SnippetSlot;
  readonly description: string;
  /** What completion inserts; undefined when the card has nothing it could insert without a finding. */
  body(context: SnippetContext): string | undefined;
}

const lines = (...parts: string[]): string => parts.join('\n');
/** A tab stop whose default is `value`, escaped for snippet syntax. */
const stop = (index: number, value: string): string => `\${${index}:${escapeSnippetText(value)}}`;
/** An object on one line, from its `"name": value` properties. */
const inline = (...properties: string[]): string => `{ ${properties.join(', ')} }`;
/** An input's `label` property with a tab stop, where the card's version takes labels; else none. */
const label = (context: SnippetContext, index: number, value: string): string[] =>
  context.inputsTakeLabels ? [`"label": "${stop(index, value)}"`] : [];

export const CARD_SNIPPETS: readonly CardSnippet[] = [
  {
    type: 'TextBlock', slot: 'element', description: 'A block of text (Outlook Markdown subset), wrapped.',
    body: () => `{ "type": "TextBlock", "text": "${stop(1, 'Text')}", "wrap": true }`,
  },
  {
    type: 'RichTextBlock', slot: 'element', description: 'Text made of runs, each with its own style.',
    body: () => lines('{', '\t"type": "RichTextBlock",', '\t"inlines": [', `\t\t{ "type": "TextRun", "text": "${stop(1, 'Text')}" }`, '\t]', '}'),
  },
  {
    type: 'Image', slot: 'element', description: 'An image from an absolute https URL, with alternative text.',
    body: () => `{ "type": "Image", "url": "${stop(1, 'https://your-cdn.example/image.png')}", "altText": "${stop(2, 'Description of the image')}" }`,
  },
  {
    type: 'ImageSet', slot: 'element', description: 'A gallery of images.',
    body: () => lines('{', '\t"type": "ImageSet",', '\t"imageSize": "medium",', '\t"images": [',
      `\t\t{ "type": "Image", "url": "${stop(1, 'https://your-cdn.example/first.png')}", "altText": "${stop(2, 'First image')}" },`,
      `\t\t{ "type": "Image", "url": "${stop(3, 'https://your-cdn.example/second.png')}", "altText": "${stop(4, 'Second image')}" }`,
      '\t]', '}'),
  },
  {
    type: 'Media', slot: 'element', description: 'A video or audio clip with a poster image.',
    body: () => lines('{', '\t"type": "Media",', `\t"poster": "${stop(1, 'https://your-cdn.example/poster.png')}",`,
      `\t"altText": "${stop(2, 'Description of the clip')}",`,
      `\t"sources": [{ "mimeType": "video/mp4", "url": "${stop(3, 'https://your-cdn.example/clip.mp4')}" }]`, '}'),
  },
  {
    type: 'Container', slot: 'element', description: 'A group of elements, e.g. to style or hide them together.',
    body: () => lines('{', '\t"type": "Container",', '\t"items": [', `\t\t{ "type": "TextBlock", "text": "${stop(1, 'Text')}", "wrap": true }`, '\t]', '}'),
  },
  {
    type: 'ColumnSet', slot: 'element', description: 'Two columns side by side: a narrow one and one that takes the rest.',
    body: () => lines('{', '\t"type": "ColumnSet",', '\t"columns": [',
      `\t\t{ "type": "Column", "width": "auto", "items": [{ "type": "TextBlock", "text": "${stop(1, 'Left')}", "wrap": true }] },`,
      `\t\t{ "type": "Column", "width": "stretch", "items": [{ "type": "TextBlock", "text": "${stop(2, 'Right')}", "wrap": true }] }`,
      '\t]', '}'),
  },
  {
    type: 'FactSet', slot: 'element', description: 'Title and value pairs, shown as a table.',
    body: () => lines('{', '\t"type": "FactSet",', '\t"facts": [',
      `\t\t{ "title": "${stop(1, 'Title')}", "value": "${stop(2, 'Value')}" },`,
      `\t\t{ "title": "${stop(3, 'Title')}", "value": "${stop(4, 'Value')}" }`, '\t]', '}'),
  },
  {
    type: 'ActionSet', slot: 'element', description: 'Actions in the middle of the body.',
    body: () => lines('{', '\t"type": "ActionSet",', '\t"actions": [',
      `\t\t{ "type": "Action.OpenUrl", "title": "${stop(1, 'Open')}", "url": "${stop(2, 'https://your-site.example/')}" }`, '\t]', '}'),
  },
  {
    type: 'Input.Text', slot: 'element', description: 'A text field, with a label in 1.3+ cards; its value is {{id.value}} in an Action.Http.',
    body: (context) => inline('"type": "Input.Text"', `"id": "${stop(1, context.freeId('comment'))}"`, ...label(context, 2, 'Comment'),
      `"placeholder": "${stop(3, 'Add a comment')}"`, `"isMultiline": ${stop(4, 'false')}`),
  },
  {
    type: 'Input.Number', slot: 'element', description: 'A number field with optional bounds, with a label in 1.3+ cards.',
    body: (context) => inline('"type": "Input.Number"', `"id": "${stop(1, context.freeId('quantity'))}"`, ...label(context, 2, 'Quantity'),
      `"placeholder": "${stop(3, '1 to 10')}"`, `"min": ${stop(4, '1')}`, `"max": ${stop(5, '10')}`),
  },
  {
    type: 'Input.Date', slot: 'element', description: 'A date picker (value yyyy-mm-dd), with a label in 1.3+ cards.',
    body: (context) => inline('"type": "Input.Date"', `"id": "${stop(1, context.freeId('date'))}"`, ...label(context, 2, 'Date')),
  },
  {
    type: 'Input.Toggle', slot: 'element', description: 'A check box with a value for on and for off, with a label in 1.3+ cards.',
    body: (context) => inline('"type": "Input.Toggle"', `"id": "${stop(1, context.freeId('confirm'))}"`, ...label(context, 2, 'Confirmation'),
      `"title": "${stop(3, 'I agree')}"`, '"valueOn": "true"', '"valueOff": "false"'),
  },
  {
    type: 'Input.ChoiceSet', slot: 'element', description: 'A choice from a list (drop-down, or radio buttons with "expanded"), with a label in 1.3+ cards.',
    body: (context) => lines('{', '\t"type": "Input.ChoiceSet",', `\t"id": "${stop(1, context.freeId('choice'))}",`,
      ...label(context, 2, 'Choice').map((property) => `\t${property},`), `\t"style": "${stop(3, 'compact')}",`,
      '\t"choices": [', `\t\t{ "title": "${stop(4, 'First')}", "value": "${stop(5, 'first')}" },`,
      `\t\t{ "title": "${stop(6, 'Second')}", "value": "${stop(7, 'second')}" }`, '\t]', '}'),
  },
  {
    type: 'Action.Http', slot: 'action', description: 'A POST to your service with a body and a Content-Type header (version 1.0 cards); {{id.value}} in url or body sends an input.',
    body: () => lines('{', '\t"type": "Action.Http",', `\t"title": "${stop(1, 'Send')}",`, '\t"method": "POST",',
      `\t"url": "${stop(2, ENDPOINT_PLACEHOLDER)}",`, `\t"body": "${stop(3, '')}",`,
      '\t"headers": [{ "name": "Content-Type", "value": "application/json" }]', '}'),
  },
  {
    type: 'Action.Execute', slot: 'action', description: 'A Universal Action (version 1.4 cards): your bot gets the verb, data and inputs.',
    body: () => lines('{', '\t"type": "Action.Execute",', `\t"title": "${stop(1, 'Approve')}",`, `\t"verb": "${stop(2, 'approve')}",`, `\t"data": {${stop(3, '')}}`, '}'),
  },
  {
    type: 'Action.OpenUrl', slot: 'action', description: 'Opens an https page in the browser.',
    body: () => `{ "type": "Action.OpenUrl", "title": "${stop(1, 'Open')}", "url": "${stop(2, 'https://your-site.example/')}" }`,
  },
  {
    type: 'Action.ShowCard', slot: 'action', description: 'Shows a card inline, e.g. to ask for a reason before sending.',
    body: () => lines('{', '\t"type": "Action.ShowCard",', `\t"title": "${stop(1, 'More')}",`, '\t"card": {', '\t\t"type": "AdaptiveCard",',
      `\t\t"body": [{ "type": "TextBlock", "text": "${stop(2, 'Text')}", "wrap": true }]`, '\t}', '}'),
  },
  {
    type: 'Action.ToggleVisibility', slot: 'action', description: 'Shows or hides elements of the card by id.',
    // Without an element id in the card, any target would be AM055 (and none AM054): nothing to toggle yet.
    body: (context) => context.someElementId === undefined
      ? undefined
      : `{ "type": "Action.ToggleVisibility", "title": "${stop(1, 'Show details')}", "targetElements": ["${stop(2, context.someElementId)}"] }`,
  },
  {
    type: 'Action.InvokeAddInCommand', slot: 'action', description: 'Opens a command of an Outlook add-in: its manifest id and button id.',
    body: () => lines('{', '\t"type": "Action.InvokeAddInCommand",', `\t"title": "${stop(1, 'Open add-in')}",`,
      `\t"addInId": "${stop(2, '00000000-0000-0000-0000-000000000000')}",`, `\t"desktopCommandId": "${stop(3, 'commandButtonId')}",`,
      `\t"initializationContext": {${stop(4, '')}}`, '}'),
  },
  {
    type: 'Action.DisplayMessageForm', slot: 'action', description: 'Opens an existing message by its Exchange item id.',
    body: () => `{ "type": "Action.DisplayMessageForm", "title": "${stop(1, 'Open message')}", "itemId": "${stop(2, 'message item id')}" }`,
  },
  {
    type: 'Action.DisplayAppointmentForm', slot: 'action', description: 'Opens an existing appointment by its Exchange item id.',
    body: () => `{ "type": "Action.DisplayAppointmentForm", "title": "${stop(1, 'Open appointment')}", "itemId": "${stop(2, 'appointment item id')}" }`,
  },
];
