// The messages between the preview panel in the extension host (client/src/preview/) and the preview app in the
// webview (webview/src/). Both sides import these types; nothing else crosses the boundary.

export type PreviewTheme = 'light' | 'dark' | 'highContrast';
export type PreviewWidth = 'desktop' | 'mobile';

export interface PreviewOptions {
  readonly theme: PreviewTheme;
  readonly width: PreviewWidth;
}

export interface DiagnosticCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** A file the host read for the preview: its name (for labels) and its text. */
export interface NamedText {
  readonly fileName: string;
  readonly text: string;
}

export type HostMessage =
  /**
   * The document to show, sent when the panel opens, after each (debounced) edit and when the active editor changes.
   * `data` is the `*.data.json` beside the card, when there is one: the card is then a template expanded with it.
   */
  | {
    readonly type: 'render';
    readonly sequence: number;
    readonly documentUri: string;
    readonly fileName: string;
    readonly text: string;
    readonly data?: NamedText;
    readonly diagnostics: DiagnosticCounts;
    /** The bot an Action.Execute is sent to (actionableMessages.bot.endpoint), when one is set and allowed. */
    readonly botEndpoint?: string;
  }
  /** The diagnostics of the shown document changed without an edit (the server answers after the debounce). */
  | { readonly type: 'diagnostics'; readonly documentUri: string; readonly diagnostics: DiagnosticCounts }
  /** A response card file the user picked, applied as Outlook applies a `CARD-UPDATE-IN-BODY` response. */
  | { readonly type: 'applyResponse'; readonly response: NamedText }
  /** The user cancelled picking a response file. */
  | { readonly type: 'responseCancelled' }
  /** The answer of an action target to a `sendHttpAction`, as text (status, headers, time, body), or why nothing was sent. */
  | { readonly type: 'actionResponse'; readonly title: string; readonly text: string }
  /**
   * The bot's answer to an `invokeBot` (or why there is none): the log entry of the exchange, and the answer as a
   * response envelope to apply as Outlook applies it.
   */
  | { readonly type: 'botExchange'; readonly entry: { readonly title: string; readonly text: string }; readonly response?: NamedText };

export type WebviewMessage =
  /** The app has loaded and listens; the host answers with a `render`. */
  | { readonly type: 'ready' }
  /** A render finished (or failed visibly): `sequence` of the `render` message it shows, and how long it took. */
  | { readonly type: 'rendered'; readonly sequence: number; readonly durationMs: number; readonly outcome: 'card' | 'problem' | 'keptLastGood' }
  /** Action.OpenUrl or a link in text: the host asks the user before opening anything. */
  | { readonly type: 'openUrl'; readonly url: string }
  /** The diagnostics count was clicked. */
  | { readonly type: 'showProblems' }
  /** The user wants to apply a response to a simulated request; the host lets them pick a `*.response.json` file. */
  | { readonly type: 'pickResponse'; readonly trigger: 'action' | 'refresh' | 'autoInvokeAction' }
  /** An action was simulated (its entry is in the log): `title` is the entry's title, e.g. "Action.Http: Approve". */
  | { readonly type: 'actionSimulated'; readonly title: string }
  /**
   * An Action.Http was clicked: the host sends it to the action target that maps its host, if the user configured one
   * (docs/action-tokens.md). `inputs` are the current input values; `correlationId` is the card's. `automatic` marks
   * the card's own autoInvokeAction, which Outlook answers at once: without an action target the host asks for the
   * response file instead.
   */
  | {
    readonly type: 'sendHttpAction';
    readonly title: string;
    readonly action: Readonly<Record<string, unknown>>;
    readonly inputs: readonly (readonly [string, string])[];
    readonly correlationId?: string;
    readonly automatic?: true;
  }
  /** The theme or width changed in the toolbar; the host remembers it for the next preview. */
  | { readonly type: 'optionsChanged'; readonly options: PreviewOptions }
  /**
   * An Action.Execute ran while a bot is set: the host sends its invoke to the bot (never the page itself). `invoke`
   * is the ExecuteInvoke of server/src/card/invoke-activity.ts as JSON; the host checks it with executeInvokeFrom.
   */
  | { readonly type: 'invokeBot'; readonly invoke: unknown };
