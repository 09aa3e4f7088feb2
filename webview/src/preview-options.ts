// The preview's options as the host remembers them and the app shows them; both sides read untrusted values here.
import type { PreviewOptions, PreviewTheme, PreviewWidth } from './protocol';

export const DEFAULT_PREVIEW_OPTIONS: PreviewOptions = { theme: 'light', width: 'desktop' };

const THEMES: readonly PreviewTheme[] = ['light', 'dark', 'highContrast'];
const WIDTHS: readonly PreviewWidth[] = ['desktop', 'mobile'];

/** Options as remembered, written into the page or posted by the webview, each field checked; anything unknown is the default. */
export function previewOptionsFrom(value: unknown): PreviewOptions {
  const record = typeof value === 'object' && value !== null ? value as Record<string, unknown> : {};
  const theme = THEMES.find((known) => known === record.theme) ?? DEFAULT_PREVIEW_OPTIONS.theme;
  const width = WIDTHS.find((known) => known === record.width) ?? DEFAULT_PREVIEW_OPTIONS.width;
  return { theme, width };
}
