// The preview app: answers the host's messages, keeps the last good render while the text does not parse, renders
// response cards, simulates actions, and remembers the options and the scroll position across hide/show.
import { readCardSource, type JsonObject } from './card-source';
import { withShownImagesOnly } from './image-urls';
import { formatPosition, readActionResponse } from '../../server/src/card';
import { describeSource, describeVersion } from './labels';
import { renderOutlookCard, type RenderedCard } from './outlook-renderer';
import { unrenderedActionsNote, versionNote } from './outlook-version';
import { Pane } from './pane';
import { DEFAULT_PREVIEW_OPTIONS, previewOptionsFrom } from './preview-options';
import type { HostMessage, PreviewOptions, PreviewTheme, WebviewMessage } from './protocol';
import { automaticRequests, simulate, type ResponseTrigger, type Simulated, type TriggeredAction } from './simulation';
import { hostConfigFor } from './themes';

export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

interface SavedState {
  readonly options: PreviewOptions;
  readonly scrollTop: number;
}

type RenderMessage = Extract<HostMessage, { type: 'render' }>;
type RenderOutcome = Extract<WebviewMessage, { type: 'rendered' }>['outcome'];

function savedState(value: unknown): SavedState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { options, scrollTop } = value as Record<string, unknown>;
  return typeof options === 'object' && options !== null && typeof scrollTop === 'number'
    ? { options: previewOptionsFrom(options), scrollTop }
    : undefined;
}

/** The options the host wrote into the page (untrusted JSON, each field checked). */
function pageOptions(): PreviewOptions {
  try {
    return previewOptionsFrom(JSON.parse(document.body.dataset['options'] ?? ''));
  } catch {
    return DEFAULT_PREVIEW_OPTIONS;
  }
}

export class PreviewApp {
  private readonly pane: Pane;
  private readonly scroller = document.scrollingElement ?? document.documentElement;
  private options: PreviewOptions;
  /** Where the page is scrolled, as the last scroll event left it: read there so a render never forces a layout. */
  private scrollTop = 0;
  /** The saved scroll position to restore with the first render after the panel was shown again. */
  private pendingScrollTop: number | undefined;
  /** Once the user picks a theme, VS Code's high contrast no longer overrides the light default. */
  private themePicked = false;
  private documentUri: string | undefined;
  /** The card of the last text of this document that parsed and rendered. */
  private lastGood: { readonly documentUri: string; readonly card: JsonObject } | undefined;
  /** What the frame shows: a card and, for a response card, its file. */
  private shown: { readonly card: JsonObject; readonly responseFile?: string } | undefined;
  private rendered: RenderedCard | undefined;
  /** The bot the host sends an Action.Execute to, as the last render said; undefined: Action.Execute is only logged. */
  private botEndpoint: string | undefined;

  constructor(root: HTMLElement, private readonly vscode: VsCodeApi) {
    const saved = savedState(vscode.getState());
    this.options = saved?.options ?? pageOptions();
    this.pendingScrollTop = saved?.scrollTop;
    this.pane = new Pane(root, {
      showProblems: () => this.vscode.postMessage({ type: 'showProblems' }),
      themePicked: (theme) => {
        this.themePicked = true;
        this.changeOptions({ ...this.options, theme });
      },
      widthPicked: (width) => this.changeOptions({ ...this.options, width }),
      applyResponse: (trigger) => this.pickResponse(trigger),
      backToCard: () => this.backToCard(),
    });
    this.showLook();
    new MutationObserver(() => this.themeMayHaveChanged()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    let saveQueued = false;
    window.addEventListener('scroll', () => {
      if (saveQueued) return;
      saveQueued = true;
      requestAnimationFrame(() => {
        saveQueued = false;
        this.scrollTop = this.scroller.scrollTop;
        this.saveState();
      });
    }, { passive: true });
  }

  handle(message: HostMessage): void {
    switch (message.type) {
      case 'render':
        this.render(message);
        break;
      case 'diagnostics':
        if (message.documentUri === this.documentUri) this.pane.header.showDiagnostics(message.diagnostics);
        break;
      case 'applyResponse':
        this.applyResponse(message.response.fileName, message.response.text);
        break;
      case 'responseCancelled':
        this.pane.showResponseStatus(undefined);
        break;
      case 'actionResponse':
        this.pane.addLogEntry({ title: message.title, text: message.text });
        break;
      case 'botExchange':
        this.pane.addLogEntry(message.entry);
        if (message.response === undefined) this.pane.showResponseStatus(message.entry.title);
        else this.applyResponse(message.response.fileName, message.response.text);
        break;
    }
  }

  private get theme(): PreviewTheme {
    const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
    return highContrast && !this.themePicked && this.options.theme === DEFAULT_PREVIEW_OPTIONS.theme ? 'highContrast' : this.options.theme;
  }

  private render(message: RenderMessage): void {
    const started = performance.now();
    this.documentUri = message.documentUri;
    this.botEndpoint = message.botEndpoint;
    this.pane.showLogOf(message.documentUri);
    this.pane.header.showDiagnostics(message.diagnostics);
    this.pane.showResponseStatus(undefined);
    this.pane.showActionStatus(undefined);
    const outcome = this.renderSource(message);
    // The new card replaces the old one within this task, so the page keeps its scroll offset by itself (scroll
    // anchoring is off in preview.css); only a position saved before the panel was hidden is set again.
    if (this.pendingScrollTop !== undefined) {
      this.scroller.scrollTop = this.scrollTop = this.pendingScrollTop;
      this.pendingScrollTop = undefined;
    }
    this.saveState();
    this.vscode.postMessage({ type: 'rendered', sequence: message.sequence, durationMs: performance.now() - started, outcome });
  }

  private renderSource(message: RenderMessage): RenderOutcome {
    const source = readCardSource(message.text, message.data);
    if (source.kind === 'syntax') {
      const where = `${source.fileName ?? message.fileName}:${formatPosition(source.position)}`;
      const lastGood = this.lastGood;
      if (lastGood?.documentUri === message.documentUri) {
        this.pane.showSyntaxError(`${source.message} (${where}) The preview shows the last text that parsed.`);
        // An edit shows the document's own card again, also when a response card was shown.
        if (this.shown?.responseFile !== undefined) this.display(lastGood.card);
        this.pane.showResponseBanner(undefined);
        return 'keptLastGood';
      }
      this.pane.header.showDocument(message.fileName, describeVersion(undefined), '');
      return this.showProblem(`${source.message} (${where})`);
    }
    this.pane.showSyntaxError(undefined);
    this.pane.showResponseBanner(undefined);
    if (source.kind === 'problem') {
      this.lastGood = undefined;
      this.pane.header.showDocument(message.fileName, '', '');
      return this.showProblem(source.message);
    }
    this.pane.header.showDocument(message.fileName, describeVersion(source.description.version), describeSource(source.description));
    const rendered = this.display(source.card);
    this.lastGood = rendered ? { documentUri: message.documentUri, card: source.card } : undefined;
    return rendered ? 'card' : 'problem';
  }

  private showProblem(message: string): RenderOutcome {
    this.shown = undefined;
    this.rendered = undefined;
    this.pane.showProblem(message);
    this.pane.showNotices([]);
    this.pane.showSimulations([]);
    return 'problem';
  }

  /** Renders `card` into the frame; false (with the problem shown) when the renderer fails on it. */
  private display(card: JsonObject, responseFile?: string): boolean {
    const { card: shownCard, dropped } = withShownImagesOnly(card);
    let rendered: RenderedCard;
    try {
      rendered = renderOutlookCard(shownCard, hostConfigFor(this.theme), (action) => this.simulate(action, card));
    } catch (error) {
      this.showProblem(`The renderer failed on this card: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    this.rendered = rendered;
    this.shown = responseFile === undefined ? { card } : { card, responseFile };
    this.pane.showCard(rendered.element);
    this.pane.showNotices([
      ...[versionNote(card['version']), unrenderedActionsNote(card)].filter((note) => note !== undefined),
      ...dropped.map((url) => `Image not shown: ${url} (the preview loads only https: and data:image URLs).`),
    ]);
    this.pane.showSimulations(automaticRequests(card).map((request) => ({
      label: request.label,
      run: () => this.record(request.simulate(rendered.inputValues())),
    })));
    return true;
  }

  private simulate(action: TriggeredAction, card: JsonObject): void {
    this.record(simulate(action, card));
  }

  private record(simulated: Simulated): void {
    this.pane.addLogEntry(simulated.entry);
    this.vscode.postMessage({ type: 'actionSimulated', title: simulated.entry.title });
    if (simulated.openUrl !== undefined) this.vscode.postMessage({ type: 'openUrl', url: simulated.openUrl });
    if (simulated.httpAction !== undefined) {
      // The host sends it only when the user maps the card's host to an action target; the page itself has no network.
      // Without one, the host asks for the response file of an autoInvokeAction, which Outlook answers at once.
      const correlationId = this.shown?.card['correlationId'];
      const automatic = simulated.entry.respondsTo === 'autoInvokeAction';
      this.vscode.postMessage({
        type: 'sendHttpAction', title: simulated.entry.title, action: simulated.httpAction.source, inputs: [...simulated.httpAction.inputs],
        ...(typeof correlationId === 'string' ? { correlationId } : {}), ...(automatic ? { automatic: true as const } : {}),
      });
      if (automatic) return;
    }
    if (simulated.invoke !== undefined && this.botEndpoint !== undefined) {
      this.pane.showResponseStatus(`Sending the invoke to the bot at ${this.botEndpoint}…`);
      this.vscode.postMessage({ type: 'invokeBot', invoke: simulated.invoke });
      return;
    }
    // Requests Outlook sends by itself are answered at once: the response file is asked for right away.
    if (simulated.entry.respondsTo === 'refresh' || simulated.entry.respondsTo === 'autoInvokeAction') this.pickResponse(simulated.entry.respondsTo);
  }

  private pickResponse(trigger: ResponseTrigger): void {
    this.pane.showResponseStatus('Pick the response file in VS Code…');
    this.vscode.postMessage({ type: 'pickResponse', trigger });
  }

  /** Applies a response as Outlook applies the answer to an action: a new card, a message under the card, or both. */
  private applyResponse(fileName: string, text: string): void {
    const response = readActionResponse(text, fileName);
    if (!response.ok) {
      this.pane.showResponseStatus(response.message);
      return;
    }
    this.pane.showResponseStatus(undefined);
    const { card, status, explanation } = response.outcome;
    if (card !== undefined && !this.display(card, fileName)) return;
    this.pane.showActionStatus(status);
    this.pane.showResponseBanner({ fileName, replaced: card !== undefined, explanation });
  }

  private backToCard(): void {
    this.pane.showResponseBanner(undefined);
    this.pane.showActionStatus(undefined);
    if (this.lastGood) this.display(this.lastGood.card);
  }

  private changeOptions(options: PreviewOptions): void {
    const themeBefore = this.theme;
    this.options = options;
    this.showLook();
    if (this.theme !== themeBefore) this.redisplay();
    else this.rendered?.updateLayout();
    this.saveState();
    this.vscode.postMessage({ type: 'optionsChanged', options });
  }

  private themeMayHaveChanged(): void {
    const shownTheme = this.pane.shownTheme;
    if (shownTheme === this.theme) return;
    this.showLook();
    this.redisplay();
  }

  private redisplay(): void {
    if (this.shown) this.display(this.shown.card, this.shown.responseFile);
  }

  private showLook(): void {
    this.pane.showLook(this.theme, this.options.width);
    this.pane.header.showOptions(this.theme, this.options.width);
  }

  private saveState(): void {
    const state: SavedState = { options: this.options, scrollTop: this.scrollTop };
    this.vscode.setState(state);
  }
}
