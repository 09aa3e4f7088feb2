// Which of Outlook's rule profiles a card is checked against, in words for the language status item: the card's
// `version` picks the action model (docs/rules.md § "Card versions"), as the rules read it.
import { adaptiveCardOf, compareVersion, detectDocumentKind, parseJsonDocument, parseVersion, propertyValue, type Version } from '../../server/src/card';

export interface CardProfile {
  /** The profile, short enough for the status bar. */
  readonly text: string;
  /** What the profile means for the card, or what is wrong with its version. */
  readonly detail: string;
  /** The card's version is missing or one Outlook does not render as declared. */
  readonly warning: boolean;
}

const HTTP = 'Outlook 1.0 Action.Http';
const UNIVERSAL_ACTIONS = 'Outlook 1.4 Universal Actions';

function adaptiveCardProfile(version: Version | undefined, declared: string): CardProfile {
  if (version === undefined) {
    return { text: 'Outlook: no card version', detail: 'Add "version": "1.0" or "1.4" (AM002)', warning: true };
  }
  if (compareVersion(version, 1, 4) > 0) {
    return { text: UNIVERSAL_ACTIONS, detail: `Version ${declared} is above 1.4: Outlook shows the fallbackText (AM003)`, warning: true };
  }
  if (compareVersion(version, 1, 4) === 0) {
    return { text: UNIVERSAL_ACTIONS, detail: 'Action.Execute and refresh, no Action.Http', warning: false };
  }
  if (compareVersion(version, 1, 0) === 0) {
    return { text: HTTP, detail: 'Action.Http, no Action.Execute or refresh', warning: false };
  }
  if (compareVersion(version, 1, 0) > 0) {
    return { text: HTTP, detail: `Version ${declared}, checked as 1.0, has no Outlook renderer (AM004)`, warning: true };
  }
  return { text: HTTP, detail: `Version ${declared}, below 1.0, is checked as 1.0`, warning: true };
}

/** The rule profile of a card's text; undefined for text that is not JSON of one of Outlook's document kinds. */
export function cardProfile(text: string): CardProfile | undefined {
  const { root } = parseJsonDocument(text);
  switch (detectDocumentKind(root)) {
    case 'adaptiveCard':
    case 'invokeResponse':
    case 'responseEnvelope': {
      // A response is profiled by the card it carries; one without a card has no profile.
      const card = adaptiveCardOf(root);
      if (card === undefined) return undefined;
      const versionNode = propertyValue(card, 'version');
      return adaptiveCardProfile(parseVersion(versionNode), versionNode?.type === 'string' ? (versionNode.value as string) : '');
    }
    case 'messageCard':
      return { text: 'Outlook MessageCard (legacy)', detail: 'The legacy format; new cards are Adaptive Cards', warning: false };
    case 'signedEnvelope':
    case 'signedPayload':
      return { text: 'Outlook signed card', detail: 'Its claims and the card inside', warning: false };
    default:
      return undefined;
  }
}
