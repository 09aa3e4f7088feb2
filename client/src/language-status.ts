import * as vscode from 'vscode';
import { cardProfile, type CardProfile } from './card-profile';
import { configuredOriginator } from './commands/signing-settings';
import { followActiveEditor } from './preview/active-editor';
import type { CardDocuments } from './preview/card-documents';
import { SHOW_OUTPUT_COMMAND } from './server-commands';

const NOT_A_CARD_YET: CardProfile = {
  text: 'Outlook: not a card yet',
  detail: 'Not yet JSON of an Adaptive Card, MessageCard or signed card',
  warning: true,
};

function severity(warning: boolean): vscode.LanguageStatusSeverity {
  return warning ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
}

/**
 * The language status items of the active card editor (the `{}` next to the language mode in the status bar): the
 * card's rule profile, with a link to the server's output, and whether a provider id (originator) is configured, with
 * a link to the settings. Their selector is the active card's document while one is active, else nothing, so they
 * show for cards only, whether the file is named as a card or recognised by its content.
 */
export function registerLanguageStatus(context: vscode.ExtensionContext, cards: CardDocuments): void {
  const profileItem = vscode.languages.createLanguageStatusItem('actionableMessages.profile', []);
  profileItem.name = 'Actionable Messages: rule profile';
  profileItem.command = { title: 'Show Output', command: SHOW_OUTPUT_COMMAND };
  const originatorItem = vscode.languages.createLanguageStatusItem('actionableMessages.originator', []);
  originatorItem.name = 'Actionable Messages: originator';
  originatorItem.command = { title: 'Open Settings', command: 'workbench.action.openSettings', arguments: [`@ext:${context.extension.id}`] };
  // While a card's text does not parse (mid-edit), its last profile stays rather than flickering.
  let shown: { uri: string; profile: CardProfile } | undefined;

  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (document === undefined || !cards.isCard(document)) {
      profileItem.selector = originatorItem.selector = [];
      return;
    }
    const uri = document.uri.toString();
    const profile = cardProfile(document.getText()) ?? (shown?.uri === uri ? shown.profile : NOT_A_CARD_YET);
    shown = { uri, profile };
    profileItem.text = profile.text;
    profileItem.detail = profile.detail;
    profileItem.severity = severity(profile.warning);
    const originator = configuredOriginator(document.uri);
    originatorItem.text = originator === undefined ? 'No originator configured' : 'Originator configured';
    // The provider id is public (every card carries it); the setting's name says where to change it.
    originatorItem.detail = originator === undefined ? 'actionableMessages.originator is empty' : originator;
    originatorItem.severity = severity(originator === undefined);
    profileItem.selector = originatorItem.selector = { language: document.languageId, scheme: document.uri.scheme };
  };
  context.subscriptions.push(profileItem, originatorItem, followActiveEditor(cards, update),
    vscode.workspace.onDidChangeConfiguration((event) => { if (event.affectsConfiguration('actionableMessages.originator')) update(); }));
  update();
}
