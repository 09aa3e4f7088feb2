import type { DiagnosticCounts } from '../../../webview/src/protocol';

/** The source of the language server's diagnostics; other extensions' diagnostics on a card are not counted. */
export const CARD_DIAGNOSTIC_SOURCE = 'actionable-messages';

/** vscode.DiagnosticSeverity's values (this module stays free of the editor API so it can be unit-tested). */
const ERROR = 0;
const WARNING = 1;
const INFORMATION = 2;

export interface CountableDiagnostic {
  readonly source?: string;
  readonly severity: number;
}

/** Errors, warnings and infos from the card rules; hints are left out as the Problems panel leaves them out. */
export function countDiagnostics(diagnostics: readonly CountableDiagnostic[]): DiagnosticCounts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== CARD_DIAGNOSTIC_SOURCE) continue;
    if (diagnostic.severity === ERROR) errors++;
    else if (diagnostic.severity === WARNING) warnings++;
    else if (diagnostic.severity === INFORMATION) infos++;
  }
  return { errors, warnings, infos };
}
