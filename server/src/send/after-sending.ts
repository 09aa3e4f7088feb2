/**
 * What to expect once a card is sent to yourself, shown by amcard send and Send Card to Myself alike. Outlook renders
 * a self-sent card before any provider is registered (docs/rules.md § AM010); when it does not, these are the causes
 * the rules know best.
 */
export const AFTER_SENDING_CHECKLIST: readonly string[] = [
  'Outlook shows the card in mail you send to yourself, before the provider is registered in the Actionable Email Developer Dashboard.',
  'No card, only the readable body? Open the message in Outlook and run the Actionable Messages Debugger add-in: it shows what Outlook\'s service saw and why it dropped the card.',
  'Common causes: a version above 1.4 (AM003), Action.Http in a 1.4 card (AM020), Action.Submit (AM030), a From address that is not your mailbox (the SMTP server or a relay may rewrite it), and for signed cards a public key not registered for the originator (AM090–AM095).',
  'Sent to anyone else, a card needs a registered "originator" (AM010): Outlook removes it otherwise.',
];
