// The host configs of the preview's looks. Light is Outlook desktop's own (the adaptivecards-designer's
// outlook-desktop.json). Outlook's dark mode does not recolour actionable message cards, so the dark look renders the
// card with that same light host config, inside a dark reading pane (preview.css); high contrast takes every colour
// from VS Code's theme variables.
import outlookDesktop from 'adaptivecards-designer/lib/hostConfigs/outlook-desktop.json';
import type { PreviewTheme } from './protocol';

const CONTAINER_STYLES = ['default', 'emphasis', 'accent', 'good', 'attention', 'warning'] as const;
const TEXT_COLORS = ['default', 'dark', 'light', 'accent', 'attention', 'good', 'warning'] as const;

interface Palette {
  readonly backgrounds: Readonly<Record<(typeof CONTAINER_STYLES)[number], string>>;
  readonly border: string;
  readonly separator: string;
  /** Per text colour: [normal, subtle]. */
  readonly text: Readonly<Record<(typeof TEXT_COLORS)[number], readonly [string, string]>>;
}

const vscode = (name: string, fallback: string) => `var(--vscode-${name}, ${fallback})`;
const HC_BACKGROUND = vscode('editor-background', '#000000');
const HC_FOREGROUND = vscode('editor-foreground', '#FFFFFF');

const HIGH_CONTRAST: Palette = {
  backgrounds: Object.fromEntries(CONTAINER_STYLES.map((style) => [style, HC_BACKGROUND])) as Palette['backgrounds'],
  border: vscode('contrastBorder', '#6FC3DF'),
  separator: vscode('contrastBorder', '#6FC3DF'),
  text: {
    default: [HC_FOREGROUND, HC_FOREGROUND],
    dark: [HC_FOREGROUND, HC_FOREGROUND],
    light: [HC_FOREGROUND, HC_FOREGROUND],
    accent: [vscode('textLink-foreground', '#21A6FF'), vscode('textLink-foreground', '#21A6FF')],
    attention: [vscode('errorForeground', '#F48771'), vscode('errorForeground', '#F48771')],
    good: [HC_FOREGROUND, HC_FOREGROUND],
    warning: [vscode('editorWarning-foreground', '#FFD700'), vscode('editorWarning-foreground', '#FFD700')],
  },
};

function withPalette(palette: Palette): object {
  const foregroundColors = Object.fromEntries(TEXT_COLORS.map((color) => {
    const [normal, subtle] = palette.text[color];
    return [color, { default: normal, subtle }];
  }));
  return {
    ...outlookDesktop,
    separator: { ...outlookDesktop.separator, lineColor: palette.separator },
    containerStyles: Object.fromEntries(CONTAINER_STYLES.map((style) => [
      style, { borderColor: palette.border, backgroundColor: palette.backgrounds[style], foregroundColors },
    ])),
  };
}

const HOST_CONFIGS: Readonly<Record<PreviewTheme, object>> = {
  light: outlookDesktop,
  dark: outlookDesktop,
  highContrast: withPalette(HIGH_CONTRAST),
};

export function hostConfigFor(theme: PreviewTheme): object {
  return HOST_CONFIGS[theme];
}
