import { InputError } from '../card';

/** The way a message is sent: SMTP (nodemailer) or Microsoft Graph `/me/sendMail`. */
export type Transport = 'SMTP' | 'Microsoft Graph';

/**
 * Why nothing was sent. The names are a promise to scripts (`amcard send --json` prints them):
 * - `auth-refused`: the server refused the user name and password or the token;
 * - `smtp-auth-disabled`: Exchange Online answered 535 5.7.139, SMTP AUTH is turned off for the tenant or mailbox;
 * - `starttls-refused`: the SMTP server does not offer STARTTLS, and the password is never sent in the clear;
 * - `forbidden`: Graph answered 403, the token lacks the Mail.Send permission;
 * - `network`: the server could not be reached (refused, unknown host, timeout, TLS certificate not trusted);
 * - `recipient-not-sender`: the recipient is not the user, and sending to others was not allowed;
 * - `rejected`: any other refusal by the server, whose answer the message quotes;
 * - `configuration`: the transport cannot be used as configured (an SMTP URL with a password, a Graph URL over http).
 */
export type SendFailure = 'auth-refused' | 'smtp-auth-disabled' | 'starttls-refused' | 'forbidden' | 'network' | 'recipient-not-sender' | 'rejected' | 'configuration';

export interface SendErrorOptions extends ErrorOptions {
  readonly transport?: Transport;
  readonly failure?: SendFailure;
}

/** Nothing was sent: the message names the transport and the server's answer, never a password or token. */
export class SendError extends InputError {
  static override readonly code = 'ERR_SEND';
  readonly transport: Transport | undefined;
  readonly failure: SendFailure;

  constructor(message: string, options?: SendErrorOptions) {
    super(message, options);
    this.transport = options?.transport;
    this.failure = options?.failure ?? 'rejected';
  }
}
