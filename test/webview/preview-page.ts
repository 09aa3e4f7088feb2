// The real preview page in headless Chromium: the HTML of previewHtml() (the page VS Code shows, with its CSP and
// nonce) and the built dist/webview.js and dist/webview.css, served on a fake https origin. acquireVsCodeApi is
// installed before the page's script runs and records what the app posts; host messages go in with postMessage.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { contentSecurityPolicy, previewHtml } from '../../client/src/preview/preview-html';
import type { DiagnosticCounts, HostMessage, NamedText, PreviewOptions, WebviewMessage } from '../../webview/src/protocol';

export const ROOT = path.join(__dirname, '../../..');
export const EXAMPLES = path.join(ROOT, 'examples');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts/preview');

const ORIGIN = 'https://webview.test';
const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY3OA';
/** The avatars of the examples; served so the screenshots look as in Outlook. */
const IMAGE_HOST = 'https://cdn.contoso.example/';
const AVATAR_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><rect width="80" height="80" fill="#5c7e9e"/>'
  + '<circle cx="40" cy="31" r="15" fill="#dfe7ee"/><ellipse cx="40" cy="74" rx="27" ry="21" fill="#dfe7ee"/></svg>';

/** The --vscode-* variables VS Code sets on the webview's html element, for a light, dark and high contrast theme. */
export const VSCODE_THEMES = {
  light: {
    bodyClass: 'vscode-light',
    variables: {
      'foreground': '#3b3b3b', 'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b', 'descriptionForeground': '#717171',
      'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-hoverBackground': '#0258a8',
      'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'dropdown-background': '#ffffff',
      'dropdown-border': '#cecece', 'dropdown-foreground': '#3b3b3b', 'textLink-foreground': '#005fb8', 'panel-border': '#e5e5e5',
      'errorForeground': '#f85149', 'focusBorder': '#005fb8', 'font-family': 'system-ui, sans-serif', 'font-size': '13px',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    variables: {
      'foreground': '#cccccc', 'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc', 'descriptionForeground': '#9d9d9d',
      'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-hoverBackground': '#026ec1',
      'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'dropdown-background': '#313131',
      'dropdown-border': '#3c3c3c', 'dropdown-foreground': '#cccccc', 'textLink-foreground': '#4daafc', 'panel-border': '#2b2b2b',
      'errorForeground': '#f85149', 'focusBorder': '#0078d4', 'font-family': 'system-ui, sans-serif', 'font-size': '13px',
    },
  },
  highContrast: {
    bodyClass: 'vscode-high-contrast',
    variables: {
      'foreground': '#ffffff', 'editor-background': '#000000', 'editor-foreground': '#ffffff', 'descriptionForeground': '#ffffff',
      'button-background': '#000000', 'button-foreground': '#ffffff', 'button-border': '#6fc3df', 'contrastBorder': '#6fc3df',
      'contrastActiveBorder': '#f38518', 'dropdown-background': '#000000', 'dropdown-border': '#6fc3df', 'dropdown-foreground': '#ffffff',
      'textLink-foreground': '#21a6ff', 'errorForeground': '#f48771', 'focusBorder': '#f38518', 'input-background': '#000000',
      'input-foreground': '#ffffff', 'font-family': 'system-ui, sans-serif', 'font-size': '13px',
    },
  },
} as const;

export type VsCodeTheme = keyof typeof VSCODE_THEMES;

export interface PreviewPageOptions {
  readonly options?: PreviewOptions;
  readonly vscodeTheme?: VsCodeTheme;
  /** What vscode.getState() returns at load, as after the panel was hidden and shown again. */
  readonly state?: unknown;
  /** 'real': the page's own policy; 'none': no policy at all. */
  readonly csp?: 'real' | 'none';
  readonly viewport?: { readonly width: number; readonly height: number };
}

export interface CspViolation {
  readonly directive: string;
  readonly blocked: string;
}

export type RenderedMessage = Extract<WebviewMessage, { type: 'rendered' }>;

const NO_DIAGNOSTICS: DiagnosticCounts = { errors: 0, warnings: 0, infos: 0 };

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-dev-shm-usage'],
  });
}

function pageHtml(options: PreviewOptions, csp: NonNullable<PreviewPageOptions['csp']>): string {
  const html = previewHtml({
    cspSource: ORIGIN, nonce: NONCE, scriptUri: `${ORIGIN}/dist/webview.js`, styleUri: `${ORIGIN}/dist/webview.css`, options,
  });
  const policy = contentSecurityPolicy(ORIGIN, NONCE);
  if (!html.includes(policy.replaceAll("'", '&#39;'))) throw new Error('previewHtml no longer carries contentSecurityPolicy(): update the test page');
  return csp === 'real' ? html : html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '');
}

/** Runs in the page before its own script: the VS Code API stand-in and the recorders. */
/**
 * Waits until `expression` is true in the page. Polled from here with page.evaluate, not with page.waitForFunction:
 * that one evaluates the expression with the page's own eval while it polls, which the preview's CSP refuses
 * ('unsafe-eval' is not allowed), so a render slower than the first check failed with an EvalError.
 */
async function waitInPage(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`still false after ${timeoutMs} ms in the preview page: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function initScript(state: unknown, theme: (typeof VSCODE_THEMES)[VsCodeTheme]): string {
  const variables = Object.entries(theme.variables).map(([name, value]) => [`--vscode-${name}`, value]);
  return `
    window.__posted = [];
    window.__state = ${JSON.stringify(state ?? null)};
    window.__violations = [];
    window.acquireVsCodeApi = () => ({
      postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => window.__state,
      setState: (state) => { window.__state = JSON.parse(JSON.stringify(state)); },
    });
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push({ directive: event.violatedDirective, blocked: event.blockedURI });
    });
    // VS Code writes the theme into the page before the page's scripts run: the html element's style and the body class.
    const applyTheme = () => {
      if (!document.body) return;
      for (const [name, value] of ${JSON.stringify(variables)}) document.documentElement.style.setProperty(name, value);
      document.body.classList.add(${JSON.stringify(theme.bodyClass)});
      themeObserver.disconnect();
    };
    const themeObserver = new MutationObserver(applyTheme);
    themeObserver.observe(document, { childList: true, subtree: true });
  `;
}

export class PreviewPage {
  private sequence = 0;
  /** Requests to anything but the page, its two files and the example images: none is expected. */
  readonly unexpectedRequests: string[] = [];
  /** Main-frame navigations after the page loaded. */
  readonly navigations: string[] = [];
  readonly dialogs: string[] = [];
  readonly popups: string[] = [];
  readonly pageErrors: string[] = [];

  private constructor(readonly page: Page) {}

  static async open(browser: Browser, options: PreviewPageOptions = {}): Promise<PreviewPage> {
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 900, height: 900 } });
    const preview = new PreviewPage(page);
    const files: Record<string, { body: string | Buffer; contentType: string }> = {
      [`${ORIGIN}/index.html`]: { body: pageHtml(options.options ?? { theme: 'light', width: 'desktop' }, options.csp ?? 'real'), contentType: 'text/html' },
      [`${ORIGIN}/dist/webview.js`]: { body: readFileSync(path.join(ROOT, 'dist/webview.js')), contentType: 'text/javascript' },
      [`${ORIGIN}/dist/webview.css`]: { body: readFileSync(path.join(ROOT, 'dist/webview.css')), contentType: 'text/css' },
    };
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      const file = files[url];
      if (file) return route.fulfill({ status: 200, contentType: file.contentType, body: file.body });
      if (url.startsWith(IMAGE_HOST)) return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: AVATAR_SVG });
      preview.unexpectedRequests.push(url);
      return route.abort();
    });
    page.on('dialog', (dialog) => {
      preview.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('popup', (popup) => preview.popups.push(popup.url()));
    page.on('pageerror', (error) => preview.pageErrors.push(error.message));
    await page.addInitScript(initScript(options.state, VSCODE_THEMES[options.vscodeTheme ?? 'light']));
    await page.goto(`${ORIGIN}/index.html`);
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) preview.navigations.push(frame.url());
    });
    await waitInPage(page, 'window.__posted.some((message) => message.type === "ready")');
    return preview;
  }

  async send(message: HostMessage): Promise<void> {
    await this.page.evaluate((data) => (globalThis as unknown as { postMessage(data: unknown, origin: string): void }).postMessage(data, '*'), message);
  }

  /** Sends a `render` and waits for its `rendered`. */
  async render(fileName: string, text: string, extra: { data?: NamedText; diagnostics?: DiagnosticCounts; documentUri?: string } = {}): Promise<RenderedMessage> {
    const sequence = ++this.sequence;
    await this.send({
      type: 'render', sequence, documentUri: extra.documentUri ?? `file:///work/${fileName}`, fileName, text,
      ...(extra.data ? { data: extra.data } : {}), diagnostics: extra.diagnostics ?? NO_DIAGNOSTICS,
    });
    await waitInPage(this.page, `window.__posted.some((message) => message.type === "rendered" && message.sequence === ${sequence})`);
    return (await this.posted()).find((message): message is RenderedMessage => message.type === 'rendered' && message.sequence === sequence)!;
  }

  async renderExample(fileName: string, data?: string): Promise<RenderedMessage> {
    const text = readFileSync(path.join(EXAMPLES, fileName), 'utf8');
    return this.render(fileName, text, data ? { data: { fileName: data, text: readFileSync(path.join(EXAMPLES, data), 'utf8') } } : {});
  }

  /** Clicks the card's button whose title contains `title`. */
  async clickAction(title: string): Promise<void> {
    await this.page.locator('.ac-pushButton', { hasText: title }).click();
  }

  /** The text of the newest entry of "Simulated actions". */
  async newestLogText(): Promise<string> {
    return (await this.page.locator('.log-entry .entry-text').first().textContent()) ?? '';
  }

  /** The newest entry's text with its Action-Request-Id, which must be a GUID, written as <id>. */
  async newestRequestText(): Promise<string> {
    return withRequestIdShown(await this.newestLogText());
  }

  async posted(): Promise<WebviewMessage[]> {
    return (await this.page.evaluate('window.__posted')) as WebviewMessage[];
  }

  /** The posted messages of one type, waiting until there are at least `count`. */
  async postedOfType<T extends WebviewMessage['type']>(type: T, count = 1): Promise<Extract<WebviewMessage, { type: T }>[]> {
    await waitInPage(this.page, `window.__posted.filter((message) => message.type === ${JSON.stringify(type)}).length >= ${count}`);
    return (await this.posted()).filter((message): message is Extract<WebviewMessage, { type: T }> => message.type === type);
  }

  async state(): Promise<unknown> {
    return this.page.evaluate('window.__state');
  }

  async violations(): Promise<CspViolation[]> {
    return (await this.page.evaluate('window.__violations')) as CspViolation[];
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

const REQUEST_ID_LINE = /^Action-Request-Id: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/m;

/** `text` of a simulated Action.Http with its fresh Action-Request-Id GUID written as <id>; throws without one. */
export function withRequestIdShown(text: string): string {
  if (!REQUEST_ID_LINE.test(text)) throw new Error(`no Action-Request-Id GUID in the request:\n${text}`);
  return text.replace(REQUEST_ID_LINE, 'Action-Request-Id: <id>');
}
