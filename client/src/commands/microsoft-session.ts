import * as vscode from 'vscode';
import { UserFacingError } from './user-facing-error';

/** The scope Graph's /me/sendMail needs. */
const MAIL_SEND = 'Mail.Send';

type GetSession = (providerId: string, scopes: readonly string[], options: vscode.AuthenticationGetSessionOptions) => Thenable<vscode.AuthenticationSession | undefined>;

/**
 * The one seam for tests (test/vscode/send.test.ts): a workbench with no Microsoft sign-in, like the VS Code server the
 * in-host suite runs in (no network), cannot give a session. Code in the extension host may put a function under this
 * symbol on globalThis; it is then called exactly as vscode.authentication.getSession would be, with the same provider
 * id, scopes and options. The extension never sets it.
 */
export const MICROSOFT_SESSION_SEAM = Symbol.for('actionableMessages.test.getMicrosoftSession');

function getSession(): GetSession {
  const seam = (globalThis as Record<symbol, unknown>)[MICROSOFT_SESSION_SEAM];
  return typeof seam === 'function' ? seam as GetSession : vscode.authentication.getSession;
}

/**
 * The Microsoft session to send with: VS Code's built-in Microsoft sign-in, asked for Mail.Send, and with a custom
 * application when `clientId` is set (the documented `VSCODE_CLIENT_ID:` scope). Signs in when there is no session
 * (interactive), else only takes one that exists (undefined when there is none). A sign-in that fails or that the
 * user declines stops the command, naming VS Code's reason ("User did not consent to login.").
 */
export async function microsoftSession(clientId: string | undefined, interactive: boolean): Promise<vscode.AuthenticationSession | undefined> {
  const scopes = clientId === undefined ? [MAIL_SEND] : [MAIL_SEND, `VSCODE_CLIENT_ID:${clientId}`];
  try {
    return await getSession()('microsoft', scopes, interactive ? { createIfNone: true } : { silent: true });
  } catch (error) {
    throw new UserFacingError(`Not sent: the Microsoft sign-in for Mail.Send did not complete: ${error instanceof Error ? error.message : String(error)}`);
  }
}
