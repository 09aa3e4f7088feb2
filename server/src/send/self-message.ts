import { cardEmailHtml, emlMessage } from '../email';

export interface SelfMessageInput {
  /** The card as it is sent (a template already expanded). */
  readonly cardText: string;
  /** The compact JWS when the card is sent signed; the email then carries the signed-card section. */
  readonly signedJws?: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
}

export interface SelfMessage {
  /** The RFC 5322 message, as `amcard eml` writes it. */
  readonly eml: string;
  readonly warnings: readonly string[];
}

/** The message "Send Card to Myself" sends: the email HTML of the card (signed or not) in an .eml. */
export function selfMessage({ cardText, signedJws, from, to, subject }: SelfMessageInput): SelfMessage {
  const { html, warnings } = cardEmailHtml({ cardText, signedJws, subject });
  return { eml: emlMessage({ from, to: [to], subject, html }), warnings };
}
