// The HTML page of the preview webview. Pure (no editor imports) so the Chromium tests serve the very page VS Code
// shows. Card content never reaches this page as HTML: the app renders it from JSON after load.
import escapeHtml from 'escape-html';
import type { PreviewOptions } from '../../../webview/src/protocol';

export interface PreviewPageParts {
  /** `webview.cspSource`: the origin the bundle's files are served from. */
  readonly cspSource: string;
  /** A fresh random value per page; the only script allowed to run carries it. */
  readonly nonce: string;
  /** dist/webview.js and dist/webview.css as the webview may load them (`asWebviewUri`). */
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly options: PreviewOptions;
}

/**
 * Scripts only by nonce; nothing remote but images over https (and data: images, which cards use for icons).
 * Styles only from the bundle: the renderer and VS Code's theme set styles through the CSSOM, which the policy allows.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    'img-src https: data:',
    `font-src ${cspSource}`,
    "media-src 'none'",
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function previewHtml(parts: PreviewPageParts): string {
  const attribute = (value: string) => escapeHtml(value);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(contentSecurityPolicy(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attribute(parts.styleUri)}">
<title>Card preview</title>
</head>
<body data-options="${attribute(JSON.stringify(parts.options))}">
<div id="app"></div>
<script nonce="${attribute(parts.nonce)}" src="${attribute(parts.scriptUri)}"></script>
</body>
</html>
`;
}
