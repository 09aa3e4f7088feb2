/** The settings of Send Card to Myself, without the `actionableMessages.` prefix (read by send-settings.ts). */
export const SEND_SETTING_KEYS = [
  'send.transport', 'send.to', 'send.allowOtherRecipients', 'send.graph.baseUrl', 'send.graph.clientId',
  'send.smtp.host', 'send.smtp.port', 'send.smtp.security', 'send.smtp.user',
] as const;
