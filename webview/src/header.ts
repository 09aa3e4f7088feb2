// The pane's header: which document and card it shows, the diagnostics count (a button to the Problems panel), and
// the theme and width pickers, styled as VS Code's own controls.
import { button, element } from './dom';
import { describeDiagnostics, THEME_LABELS, WIDTH_LABELS } from './labels';
import type { DiagnosticCounts, PreviewTheme, PreviewWidth } from './protocol';

export interface HeaderEvents {
  showProblems(): void;
  themePicked(theme: PreviewTheme): void;
  widthPicked(width: PreviewWidth): void;
}

function picker<T extends string>(label: string, className: string, labels: Readonly<Record<T, string>>, onPick: (value: T) => void): HTMLSelectElement {
  const select = element('select', { className, attributes: { 'aria-label': label } },
    ...Object.entries<string>(labels).map(([value, text]) => element('option', { attributes: { value } }, text)));
  select.addEventListener('change', () => onPick(select.value as T));
  return select;
}

export class Header {
  readonly element: HTMLElement;
  private readonly fileName = element('span', { className: 'file-name' });
  private readonly version = element('span', { className: 'card-version' });
  private readonly source = element('span', { className: 'source-description' });
  private readonly diagnostics: HTMLButtonElement;
  private readonly theme: HTMLSelectElement;
  private readonly width: HTMLSelectElement;

  constructor(events: HeaderEvents) {
    this.diagnostics = button('No problems', 'diagnostics-count', () => events.showProblems());
    this.diagnostics.title = 'Show in the Problems panel';
    this.theme = picker('Theme', 'picker theme-select', THEME_LABELS, (theme) => events.themePicked(theme));
    this.width = picker('Width', 'picker width-select', WIDTH_LABELS, (width) => events.widthPicked(width));
    this.element = element('header', { className: 'preview-header' },
      element('div', { className: 'document-info' }, this.fileName, this.version, this.source),
      element('div', { className: 'controls' }, this.diagnostics, this.theme, this.width));
  }

  showDocument(fileName: string, version: string, source: string): void {
    this.fileName.textContent = fileName;
    this.version.textContent = version;
    this.source.textContent = source;
  }

  showDiagnostics(counts: DiagnosticCounts): void {
    this.diagnostics.textContent = describeDiagnostics(counts);
    this.diagnostics.classList.toggle('has-errors', counts.errors > 0);
  }

  showOptions(theme: PreviewTheme, width: PreviewWidth): void {
    this.theme.value = theme;
    this.width.value = width;
  }
}
