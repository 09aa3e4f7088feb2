// The preview's run of an Action.Execute against the bot of `actionableMessages.bot.endpoint` (opt-in): which bot the
// settings allow for a card, and the exchange with it as the message the page shows and applies.
import * as vscode from 'vscode';
import type { ExecuteInvoke } from '../../../server/src/card';
import { readSettings } from '../../../server/src/settings';
import { checkBotEndpoint, exchangeWithBot, type BotExchangeMessage } from './bot-invoke';

/** The bot set for this card, or a sentence on why the setting cannot be used; undefined when none is set. */
export function botEndpointFor(card: vscode.Uri): URL | string | undefined {
  const { botEndpoint, botAllowedEndpoints } = readSettings(vscode.workspace.getConfiguration('actionableMessages', card)).settings;
  return botEndpoint === undefined ? undefined : checkBotEndpoint(botEndpoint, botAllowedEndpoints ?? []);
}

/** Sends the invoke to the bot set for `card` and says what came back, or why nothing did. */
export async function runOnBot(card: vscode.Uri, invoke: ExecuteInvoke): Promise<BotExchangeMessage> {
  const endpoint = botEndpointFor(card);
  if (endpoint === undefined) return { type: 'botExchange', entry: { title: 'No bot is set (actionableMessages.bot.endpoint): nothing was sent.', text: '' } };
  if (typeof endpoint === 'string') return { type: 'botExchange', entry: { title: endpoint, text: 'Nothing was sent.' } };
  return exchangeWithBot(endpoint, invoke);
}
