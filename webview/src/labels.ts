// The words of the pane's header. Pure, so they are tested without a browser.
import type { CardDescription } from './card-source';
import type { DiagnosticCounts, PreviewTheme, PreviewWidth } from './protocol';

export function describeDiagnostics(counts: DiagnosticCounts): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const parts = [
    ...(counts.errors > 0 ? [plural(counts.errors, 'error')] : []),
    ...(counts.warnings > 0 ? [plural(counts.warnings, 'warning')] : []),
    ...(counts.infos > 0 ? [`${counts.infos} info`] : []),
  ];
  return parts.length === 0 ? 'No problems' : parts.join(', ');
}

const ORIGINS: Readonly<Record<CardDescription['origin'], string>> = {
  card: 'Card',
  'signed payload': 'Card of a signed-card payload (adaptiveCardSerialized)',
  'signed envelope': 'Card of a signed-card envelope (JWS decoded, signature not checked)',
  'invoke response': 'Card of a Universal Actions invoke response (value)',
  'response envelope': 'Card in the body of a response envelope',
};

export function describeSource(description: CardDescription): string {
  const origin = ORIGINS[description.origin];
  return description.dataFileName === undefined ? origin : `${origin}, template expanded with ${description.dataFileName}`;
}

export function describeVersion(version: string | undefined): string {
  return version === undefined ? 'Adaptive Card (no version)' : `Adaptive Card ${version}`;
}

export const THEME_LABELS: Readonly<Record<PreviewTheme, string>> = {
  light: 'Outlook light',
  dark: 'Dark reading pane (card unchanged)',
  highContrast: 'High contrast',
};

export const WIDTH_LABELS: Readonly<Record<PreviewWidth, string>> = {
  desktop: 'Desktop reading pane',
  mobile: 'Mobile',
};
