// The preview's host-side sender (docs/action-tokens.md): when `actionableMessages.actionTarget.targets` maps the
// card's host, a click on an Action.Http sends the request Outlook would send, with a development token, from the
// extension host (the page has no network), and answers the page with the raw response and its envelope. Without the
// setting it does nothing.
import * as vscode from 'vscode';
import { invokeHttpAction, formatActionResponse, type InvokedAction } from '../../../server/src/actions';
import { formatHttpRequest, type JsonObject } from '../../../server/src/card';
import { readSettings, type ActionTargetSettings } from '../../../server/src/settings';
import type { HostMessage, WebviewMessage } from '../../../webview/src/protocol';
import { messageForPeople } from '../commands/user-facing-error';
import type { DevelopmentKeyStore } from './action-target-key';

export type SendHttpAction = Extract<WebviewMessage, { type: 'sendHttpAction' }>;

/** Asks for a token claim the settings leave empty; undefined when the user cancels. */
async function settingOrPrompt(value: string | undefined, prompt: string, placeHolder: string): Promise<string | undefined> {
  if (value !== undefined) return value;
  const typed = await vscode.window.showInputBox({ prompt, placeHolder, ignoreFocusOut: true });
  return typed?.trim() || undefined;
}

async function tokenClaims(settings: ActionTargetSettings) {
  const actingUser = await settingOrPrompt(settings.actingUser, 'The acting user of the development token (actionableMessages.actionTarget.actingUser)', 'ana@contoso.com');
  if (actingUser === undefined) return undefined;
  if (settings.tokenShape === 'legacy') return { shape: 'legacy', actingUser } as const;
  const tenant = await settingOrPrompt(settings.tenant, 'The tenant id of the Entra ID development token (actionableMessages.actionTarget.tenant)', '72f988bf-86f1-41af-91ab-2d7cd011db47');
  if (tenant === undefined) return undefined;
  const audience = await settingOrPrompt(settings.audience, "Your service's app id or App ID URI, the token's aud (actionableMessages.actionTarget.audience)", 'api://contoso-actions');
  return audience === undefined ? undefined : { shape: 'entra', actingUser, tenant, audience } as const;
}

function describeInvoked(invoked: InvokedAction): string {
  return `${formatActionResponse(invoked.response)}\n\nSent to ${invoked.sentTo} as:\n${formatHttpRequest(invoked.request)}`;
}

/**
 * Sends the clicked action when the setting maps its host, and returns what the page shows: the raw response (or why
 * nothing was sent) and the response envelope to apply. Empty when no action target is configured.
 */
export async function sendFromPreview(message: SendHttpAction, card: vscode.Uri, keys: DevelopmentKeyStore): Promise<HostMessage[]> {
  const { actionTarget: settings, service: { sender } } = readSettings(vscode.workspace.getConfiguration('actionableMessages', card)).settings;
  if (Object.keys(settings.targets).length === 0) return [];
  const title = `Response: ${message.title}`;
  try {
    const claims = await tokenClaims(settings);
    if (claims === undefined) return [{ type: 'actionResponse', title, text: 'Not sent: the development token needs the values that were not given.' }];
    const folder = vscode.workspace.getWorkspaceFolder(card)?.uri;
    if (folder !== undefined) await keys.writeJwks(folder);
    const cardObject: JsonObject = message.correlationId === undefined ? {} : { correlationId: message.correlationId };
    const invoked = await invokeHttpAction({
      card: cardObject,
      action: message.action,
      inputs: new Map(message.inputs),
      targets: { targets: settings.targets, allowedUrls: settings.allowedUrls },
      token: sender === undefined || claims.shape !== 'legacy' ? claims : { ...claims, sender },
      key: await keys.get(),
    });
    const { status } = invoked.response.envelope;
    return [
      { type: 'actionResponse', title, text: describeInvoked(invoked) },
      { type: 'applyResponse', response: { fileName: `HTTP ${status} from ${invoked.sentTo}`, text: JSON.stringify(invoked.response.envelope) } },
    ];
  } catch (error) {
    return [{ type: 'actionResponse', title, text: `Not sent: ${messageForPeople(error)}` }];
  }
}
