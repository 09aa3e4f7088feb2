// The preview pane's layout: header, banners, the simulation buttons, the card in an Outlook reading-pane frame, and
// the log of simulated actions. It shows what the app tells it; it decides nothing.
import { ActionLog } from './action-log';
import { button, element } from './dom';
import { Header, type HeaderEvents } from './header';
import type { ActionStatusMessage } from '../../server/src/card';
import type { PreviewTheme, PreviewWidth } from './protocol';
import type { LogEntry, ResponseTrigger } from './simulation';

export interface Simulation {
  readonly label: string;
  run(): void;
}

/** A response applied to the card: its file, whether its card replaced the shown one, and why (docs/response-envelope.md). */
export interface AppliedResponse {
  readonly fileName: string;
  readonly replaced: boolean;
  readonly explanation: string;
}

export interface PaneEvents extends HeaderEvents {
  applyResponse(trigger: ResponseTrigger): void;
  backToCard(): void;
}

const THEME_CLASSES: Readonly<Record<PreviewTheme, string>> = { light: 'theme-light', dark: 'theme-dark', highContrast: 'theme-high-contrast' };

export class Pane {
  readonly header: Header;
  private readonly log: ActionLog;
  private readonly syntaxBanner = element('div', { className: 'banner syntax-banner', attributes: { role: 'status' } });
  private readonly responseBanner = element('div', { className: 'banner response-banner', attributes: { role: 'status' } });
  private readonly responseStatus = element('div', { className: 'banner response-status', attributes: { role: 'status' } });
  private readonly notices = element('ul', { className: 'notices' });
  private readonly simulations = element('div', { className: 'simulations' });
  private readonly frame = element('div', { className: 'card-frame outlook-frame' });
  /** Under the card, where Outlook shows CARD-ACTION-STATUS, an invoke response's message or its failure message. */
  private readonly actionStatus = element('div', { className: 'action-status', attributes: { role: 'status' } });
  private theme: PreviewTheme | undefined;
  private readonly readingPane = element('main', { className: 'reading-pane' }, this.frame, this.actionStatus);

  constructor(root: HTMLElement, private readonly events: PaneEvents) {
    this.header = new Header(events);
    this.log = new ActionLog((trigger) => events.applyResponse(trigger));
    for (const banner of [this.syntaxBanner, this.responseBanner, this.responseStatus, this.notices, this.simulations, this.actionStatus]) banner.hidden = true;
    root.replaceChildren(this.header.element, this.syntaxBanner, this.responseStatus, this.responseBanner, this.notices,
      this.simulations, this.readingPane, this.log.element);
  }

  /** The text does not parse: the last good render stays below this banner. */
  showSyntaxError(message: string | undefined): void {
    this.syntaxBanner.hidden = message === undefined;
    this.syntaxBanner.textContent = message ?? '';
  }

  /** The response applied last, and why the card changed or stayed; a replaced card can be taken back. */
  showResponseBanner(response: AppliedResponse | undefined): void {
    this.responseBanner.hidden = response === undefined;
    if (response === undefined) return;
    const { fileName, replaced, explanation } = response;
    const summary = replaced
      ? `Showing the response card from ${fileName}, as Outlook shows a card update.`
      : `Applied ${fileName}: the card is unchanged.`;
    this.responseBanner.replaceChildren(
      element('span', { className: 'response-summary' }, summary, element('span', { className: 'response-explanation' }, ` ${explanation}`)),
      ...replaced ? [button('Back to the card', 'back-to-card secondary', () => this.events.backToCard())] : []);
  }

  /** The message Outlook shows under the card after an action; undefined hides it. */
  showActionStatus(status: ActionStatusMessage | undefined): void {
    this.actionStatus.hidden = status === undefined;
    this.actionStatus.className = status === undefined ? 'action-status' : `action-status ${status.tone}`;
    this.actionStatus.textContent = status?.message ?? '';
  }

  /** Where picking or reading a response file stands: waiting for the file, or what is wrong with it. */
  showResponseStatus(message: string | undefined): void {
    this.responseStatus.hidden = message === undefined;
    this.responseStatus.textContent = message ?? '';
  }

  showNotices(notices: readonly string[]): void {
    this.notices.hidden = notices.length === 0;
    this.notices.replaceChildren(...notices.map((notice) => element('li', {}, notice)));
  }

  showSimulations(simulations: readonly Simulation[]): void {
    this.simulations.hidden = simulations.length === 0;
    this.simulations.replaceChildren(...simulations.map((simulation) => button(simulation.label, 'simulate secondary', () => simulation.run())));
  }

  showCard(card: HTMLElement): void {
    this.frame.replaceChildren(card);
    this.frame.classList.remove('has-problem');
  }

  /** Instead of a card: what stops the preview, never a blank pane. */
  showProblem(message: string): void {
    this.frame.replaceChildren(element('div', { className: 'render-problem', attributes: { role: 'alert' } },
      element('strong', {}, 'Nothing to preview. '), message));
    this.frame.classList.add('has-problem');
  }

  get shownTheme(): PreviewTheme | undefined {
    return this.theme;
  }

  showLook(theme: PreviewTheme, width: PreviewWidth): void {
    this.theme = theme;
    this.readingPane.classList.remove(...Object.values(THEME_CLASSES), 'width-desktop', 'width-mobile');
    this.readingPane.classList.add(THEME_CLASSES[theme], `width-${width}`);
  }

  /** The log of simulated actions shows this document's entries. */
  showLogOf(documentUri: string): void {
    this.log.showDocument(documentUri);
  }

  addLogEntry(entry: LogEntry): void {
    this.log.add(entry);
  }
}
