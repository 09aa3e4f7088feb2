// "Simulated actions": what Outlook would do for each action the user clicked, newest first. Nothing is sent.
import { button, element } from './dom';
import type { LogEntry, ResponseTrigger } from './simulation';

const MAX_ENTRIES = 50;

export class ActionLog {
  readonly element: HTMLElement;
  private readonly list = element('ol', { className: 'log-entries' });
  private readonly empty = element('p', { className: 'log-empty' },
    'Click an action in the card: the request Outlook would send shows here. Nothing is sent.');

  constructor(private readonly applyResponse: (trigger: ResponseTrigger) => void) {
    this.element = element('section', { className: 'action-log', attributes: { 'aria-label': 'Simulated actions' } },
      element('div', { className: 'log-heading' },
        element('h2', {}, 'Simulated actions'),
        button('Clear', 'log-clear secondary', () => this.clear())),
      this.empty, this.list);
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
