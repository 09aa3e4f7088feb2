import type { PreviewOptions, PreviewTheme, PreviewWidth } from '../../../webview/src/protocol';

export const DEFAULT_PREVIEW_OPTIONS: PreviewOptions = { theme: 'light', width: 'desktop' };

const THEMES: readonly PreviewTheme[] = ['light', 'dark', 'highContrast'];
const WIDTHS: readonly PreviewWidth[] = ['desktop', 'mobile'];

/** Options as remembered or sent by the webview, each field checked; anything unknown falls back to the default. */
export function previewOptionsFrom(value: unknown): PreviewOptions {
  const record = typeof value === 'object' && value !== null ? value as Record<string, unknown> : {};
  const theme = THEMES.find((known) => known === record.theme) ?? DEFAULT_PREVIEW_OPTIONS.theme;
  const width = WIDTHS.find((known) => known === record.width) ?? DEFAULT_PREVIEW_OPTIONS.width;
  return { theme, width };
}
