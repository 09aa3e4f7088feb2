// Sending a card to yourself: the message, and two transports (SMTP with nodemailer, Microsoft Graph /me/sendMail).
// Imports card/ and email/.
export { DEFAULT_GRAPH_BASE_URL, sendMailUrl, sendOverGraph } from './graph';
export { AFTER_SENDING_CHECKLIST } from './after-sending';
export { checkRecipient } from './recipients';
export { selfMessage, type SelfMessage, type SelfMessageInput } from './self-message';
export { SendError, type SendFailure, type Transport } from './send-error';
export type { Sent } from './sent';
export { DEFAULT_SMTP_PORT, parseSmtpUrl, sendOverSmtp, type Envelope, type SmtpCredentials, type SmtpSecurity, type SmtpServer } from './smtp';
