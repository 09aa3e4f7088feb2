// The hooks of the "Get started with Actionable Message Studio" walkthrough (package.json contributes.walkthroughs):
// its steps complete on commands the user runs and on the two moments recorded here.
import * as vscode from 'vscode';

/** Run by VS Code after the edit of any of our quick fixes (the language server attaches it to each one). */
export const QUICK_FIX_APPLIED_COMMAND = 'actionableMessages.walkthrough.quickFixApplied';
/** Set once the preview has simulated an action the user clicked; the preview step completes `onContext:` it. */
export const PREVIEW_ACTION_CONTEXT = 'actionableMessages.walkthrough.previewActionSimulated';

export type WalkthroughMoment =
  | { readonly kind: 'quickFixApplied' }
  | { readonly kind: 'previewActionSimulated'; readonly title: string };

export interface WalkthroughHooks {
  /** Fires for each recorded moment (the in-host tests listen). */
  readonly onDidRecord: vscode.Event<WalkthroughMoment>;
  previewActionSimulated(title: string): void;
}

export function registerWalkthroughHooks(context: vscode.ExtensionContext): WalkthroughHooks {
  const recorded = new vscode.EventEmitter<WalkthroughMoment>();
  context.subscriptions.push(
    recorded,
    // Running is all the step needs (its completion event is onCommand:).
    vscode.commands.registerCommand(QUICK_FIX_APPLIED_COMMAND, () => recorded.fire({ kind: 'quickFixApplied' })),
  );
  return {
    onDidRecord: recorded.event,
    previewActionSimulated(title) {
      void vscode.commands.executeCommand('setContext', PREVIEW_ACTION_CONTEXT, true);
      recorded.fire({ kind: 'previewActionSimulated', title });
    },
  };
}
