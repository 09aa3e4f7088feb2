// Activation loads dist/extension.js only: the language client and what decides which documents are cards. The code
// of the commands and of the preview panel ships in bundles of its own beside it (client/bundle.mjs), required the
// first time it is used. Each bundle carries its own copy of the modules it shares with
// the others, so nothing that depends on class identity (an `instanceof InputError`) may cross from one to another:
// a bundle's entry turns its errors into messages itself (command-runner.ts, reportingProblems).
import * as vscode from 'vscode';

/** The exports of `file` (relative to the extension's folder, e.g. dist/commands.js), required on the first call. */
export function lazyBundle<Exports>(context: vscode.ExtensionContext, file: string): () => Exports {
  let exports: Exports | undefined;
  // The path is computed, so esbuild leaves this require to run time.
  return () => exports ??= require(context.asAbsolutePath(file)) as Exports;
}
