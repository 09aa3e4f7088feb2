// "Simulated actions": what Outlook would do for each action the user clicked, newest first. Nothing is sent.
// Each card has its own log: switching to another card shows that card's entries, and switching back shows the
// first card's again.
import { button, element } from './dom';
import type { LogEntry, ResponseTrigger } from './simulation';

const MAX_ENTRIES = 50;
/** The logs of the cards shown least recently are dropped past this many, so a long session does not grow without end. */
const MAX_DOCUMENTS = 20;

export class ActionLog {
  readonly element: HTMLElement;
  private list = element('ol', { className: 'log-entries' });
  /** Each document's list of entries, least recently shown first. */
  private readonly lists = new Map<string, HTMLOListElement>();
  private readonly empty = element('p', { className: 'log-empty' },
    'Click an action in the card: the request Outlook would send shows here. Nothing is sent.');

  constructor(private readonly applyResponse: (trigger: ResponseTrigger) => void) {
    this.element = element('section', { className: 'action-log', attributes: { 'aria-label': 'Simulated actions' } },
      element('div', { className: 'log-heading' },
        element('h2', {}, 'Simulated actions'),
        button('Clear', 'log-clear secondary', () => this.clear())),
      this.empty, this.list);
  }

  /** Shows the entries of the document with this URI (none for a document not shown before). */
  showDocument(documentUri: string): void {
    const list = this.lists.get(documentUri) ?? element('ol', { className: 'log-entries' });
    this.lists.delete(documentUri);
    this.lists.set(documentUri, list);
    for (const [uri] of this.lists) {
      if (this.lists.size <= MAX_DOCUMENTS) break;
      this.lists.delete(uri);
    }
    if (list !== this.list) this.list.replaceWith(list);
    this.list = list;
    this.empty.hidden = list.childElementCount > 0;
  }

  add(entry: LogEntry): void {
    const item = element('li', { className: 'log-entry' },
      element('div', { className: 'entry-title' }, entry.title),
      element('pre', { className: 'entry-text' }, entry.text));
    const trigger = entry.respondsTo;
    if (trigger !== undefined) item.append(button('Apply response…', 'apply-response', () => this.applyResponse(trigger)));
    this.list.prepend(item);
    while (this.list.childElementCount > MAX_ENTRIES) this.list.lastElementChild?.remove();
    this.empty.hidden = true;
  }

  private clear(): void {
    this.list.replaceChildren();
    this.empty.hidden = false;
  }
}
