// The hooks of the "Get started with Actionable Message Studio" walkthrough (package.json contributes.walkthroughs):
// its steps complete on commands the user runs and on the two moments recorded here.
import * as vscode from 'vscode';

/** Run by VS Code after the edit of any of our quick fixes (the language server attaches it to each one). */
export const QUICK_FIX_APPLIED_COMMAND = 'actionableMessages.walkthrough.quickFixApplied';
/** True for a moment each time the preview simulates an action; the preview step completes `onContext:` it. */
export const PREVIEW_ACTION_CONTEXT = 'actionableMessages.walkthrough.previewActionSimulated';

export type WalkthroughMoment =
  | { readonly kind: 'quickFixApplied' }
  | { readonly kind: 'previewActionSimulated'; readonly title: string };

export interface WalkthroughHooks {
  /** Fires for each recorded moment (the in-host tests listen). */
  readonly onDidRecord: vscode.Event<WalkthroughMoment>;
  previewActionSimulated(title: string): Promise<void>;
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
    async previewActionSimulated(title) {
      // A pulse: the walkthrough completes the step on the change to true. Left true, a walkthrough service that
      // VS Code starts later (on first opening the Welcome page) would note the key as seen without checking the
      // step, and ignore every later change to true in this window.
      await vscode.commands.executeCommand('setContext', PREVIEW_ACTION_CONTEXT, true);
      await vscode.commands.executeCommand('setContext', PREVIEW_ACTION_CONTEXT, false);
      recorded.fire({ kind: 'previewActionSimulated', title });
    },
  };
}
