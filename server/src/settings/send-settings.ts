// The settings of Send Card to Myself (actionableMessages.send.*), read and checked like the others: a bad value is
// its default, with a problem naming the key.
import { SectionReader, type SettingsProblem } from './read-settings';
import { SEND_SETTING_KEYS } from './send-keys';

export interface SendSettings {
  readonly transport: 'graph' | 'smtp';
  /** `send.to`; undefined: yourself. */
  readonly to?: string;
  readonly allowOtherRecipients: boolean;
  /** `send.graph.baseUrl`; undefined: Graph's global service. */
  readonly graphBaseUrl?: string;
  readonly graphClientId?: string;
  readonly smtp: {
    readonly host?: string;
    readonly port: number;
    readonly security: 'starttls' | 'tls';
    readonly user?: string;
  };
}

export function readSendSettings(section: unknown): { settings: SendSettings; problems: readonly SettingsProblem[] } {
  const reader = new SectionReader(typeof section === 'object' && section !== null ? section as Record<string, unknown> : {}, SEND_SETTING_KEYS);
  const settings: SendSettings = {
    transport: reader.choice('send.transport', ['graph', 'smtp'] as const) ?? 'graph',
    to: reader.text('send.to'),
    allowOtherRecipients: reader.boolean('send.allowOtherRecipients') ?? false,
    graphBaseUrl: reader.text('send.graph.baseUrl'),
    graphClientId: reader.text('send.graph.clientId'),
    smtp: {
      host: reader.text('send.smtp.host'),
      port: reader.integer('send.smtp.port', 1, 65535) ?? 587,
      security: reader.choice('send.smtp.security', ['starttls', 'tls'] as const) ?? 'starttls',
      user: reader.text('send.smtp.user'),
    },
  };
  return { settings, problems: reader.problems };
}
