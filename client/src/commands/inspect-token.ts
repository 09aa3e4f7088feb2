// Inspect Action Token (docs/action-tokens.md): a bearer token pasted from a service's logs, classified legacy or
// Entra ID, each claim judged against the action target settings, the signature checked offline against this VS
// Code's development key when the token names it, and a jose validation recipe, in a new editor.
import * as vscode from 'vscode';
import { decodeCompactJws } from '../../../server/src/card';
import { developmentJwks, formatInspection, inspectToken, parseJwks, tokenText, type TokenInspection, type VerificationKeys } from '../../../server/src/signing';
import { readSettings } from '../../../server/src/settings';
import type { DevelopmentKeyStore } from '../preview/action-target-key';
import { showNamedUntitled } from './editor-documents';
import { UserFacingError } from './user-facing-error';

/** Arguments for scripts and tests: the token (or a log line holding it), instead of the selection or a prompt. */
export interface InspectTokenOptions {
  readonly token: string;
}

export interface InspectTokenResult {
  readonly inspection: TokenInspection;
  readonly report: vscode.Uri;
}

const LOOKS_LIKE_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

async function tokenToInspect(options: InspectTokenOptions | undefined): Promise<string | undefined> {
  if (options?.token !== undefined) return options.token;
  const editor = vscode.window.activeTextEditor;
  const selected = editor === undefined || editor.selection.isEmpty ? '' : tokenText(editor.document.getText(editor.selection));
  if (LOOKS_LIKE_JWT.test(selected)) return selected;
  return vscode.window.showInputBox({ prompt: 'The action token to inspect (a JWT, or an Authorization header line from your service\'s log)', ignoreFocusOut: true });
}

/** This VS Code's development key, when the token says it was signed by it (its kid); no other key is at hand offline. */
async function developmentKeyFor(token: string, keys: DevelopmentKeyStore): Promise<VerificationKeys | undefined> {
  const decoded = decodeCompactJws(tokenText(token));
  if (!decoded.ok) return undefined;
  const key = await keys.get();
  if (decoded.jws.header['kid'] !== key.publicJwk.kid) return undefined;
  return { kind: 'jwks', jwks: parseJwks(developmentJwks(key))!, source: "this VS Code's development key" };
}

export async function inspectActionToken(keys: DevelopmentKeyStore, options?: InspectTokenOptions): Promise<InspectTokenResult | undefined> {
  const token = await tokenToInspect(options);
  if (token === undefined || token.trim() === '') return undefined;
  const resource = vscode.window.activeTextEditor?.document.uri;
  const { actionTarget, service } = readSettings(vscode.workspace.getConfiguration('actionableMessages', resource)).settings;
  const hosts = Object.keys(actionTarget.targets);
  const reading = await inspectToken(token, {
    ...(hosts.length === 1 ? { targetUrl: hosts[0]! } : {}),
    ...(actionTarget.audience === undefined ? {} : { audience: actionTarget.audience }),
    ...(actionTarget.tenant === undefined ? {} : { tenant: actionTarget.tenant }),
    ...(actionTarget.actingUser === undefined ? {} : { actingUser: actionTarget.actingUser }),
    ...(service.sender === undefined ? {} : { sender: service.sender }),
  }, await developmentKeyFor(token, keys));
  if (!reading.ok) throw new UserFacingError(`Inspect Action Token: not a JWT: ${reading.message}`);
  const report = await showNamedUntitled('action-token', '.txt', formatInspection(reading.inspection), 'plaintext');
  return { inspection: reading.inspection, report: report.uri };
}
