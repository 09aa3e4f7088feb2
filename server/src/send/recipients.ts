import { SendError } from './send-error';

/** Lower-cased and trimmed, so `Ana@Contoso.example` is the same mailbox as `ana@contoso.example`. */
function sameMailbox(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Sending to yourself is the point: Outlook renders a card in mail its sender sent to themselves before the provider
 * is registered. For anyone else Outlook drops a card whose `originator` is not registered, so another recipient
 * needs the user's explicit consent (`allowed`, from a flag or a setting named in `consent`).
 */
export function checkRecipient(sender: string, recipient: string, allowed: boolean, consent: string): void {
  if (allowed || sameMailbox(sender, recipient)) return;
  throw new SendError(
    `Not sent: ${recipient} is not the sender ${sender}. Outlook shows a card sent to yourself without registration, `
    + 'but removes a card without a registered "originator" for other recipients. To send to someone else anyway, '
    + `${consent}.`,
    { failure: 'recipient-not-sender' },
  );
}
