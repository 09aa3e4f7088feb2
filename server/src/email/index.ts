// Cards in email: the HTML an actionable message is sent as, .eml messages, and reading cards back out of HTML,
// MIME and JWS input. Imports only card/.
export { CardEmailError, cardEmailHtml, type CardEmail } from './card-email';
export { readDecodeInput } from './decode-input';
export { EmlInputError, emlMessage, parseMailbox } from './eml';
export { privateKeyIn } from './private-key';
