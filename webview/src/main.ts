// The preview app's entry point in the webview: connects the app to VS Code's messaging and keeps the page from
// ever navigating.
import 'adaptivecards-designer/dist/containers/outlook-container.css';
import './preview.css';
import { PreviewApp, type VsCodeApi } from './app';
import type { HostMessage } from './protocol';

declare function acquireVsCodeApi(): VsCodeApi;

const HOST_MESSAGE_TYPES = new Set<string>(['render', 'diagnostics', 'applyResponse', 'responseCancelled', 'actionResponse', 'botExchange']);

function isHostMessage(data: unknown): data is HostMessage {
  return typeof data === 'object' && data !== null && HOST_MESSAGE_TYPES.has(String((data as { type?: unknown }).type));
}

// Links and link-like actions are simulated (the host asks before opening anything): no click on an anchor may
// navigate the webview, whatever the renderer does with it.
for (const type of ['click', 'auxclick'] as const) {
  document.addEventListener(type, (event) => {
    if (event.target instanceof Element && event.target.closest('a')) event.preventDefault();
  }, { capture: true });
}

const vscode = acquireVsCodeApi();
const app = new PreviewApp(document.getElementById('app') ?? document.body, vscode);
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) app.handle(event.data);
});
vscode.postMessage({ type: 'ready' });
