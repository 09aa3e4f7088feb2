// SMTP with nodemailer: STARTTLS required on a plain port, or TLS from the start; the password, or an OAuth2 token
// (XOAUTH2), is only ever sent over TLS.
import { createTransport } from 'nodemailer';
import { redactSecrets } from './redact';
import { SendError, type SendFailure } from './send-error';
import type { Sent } from './sent';

export type SmtpSecurity = 'starttls' | 'tls';

export interface SmtpServer {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSecurity;
  /** The user name to log in with; without one the message is sent without AUTH. */
  readonly user?: string;
}

/** One of the two, for `user`: a password (or app password), or an OAuth2 access token sent as XOAUTH2. */
export type SmtpCredentials = { readonly password: string } | { readonly accessToken: string };

export interface Envelope {
  readonly from: string;
  readonly to: string;
  readonly eml: string;
}

export const DEFAULT_SMTP_PORT: Readonly<Record<SmtpSecurity, number>> = { starttls: 587, tls: 465 };

/** No answer within this time is a network failure, named as such, rather than a command that hangs. */
const TIMEOUT_MS = 30_000;

/**
 * `smtp://user@host:port` (STARTTLS, port 587 by default) or `smtps://user@host:port` (TLS, port 465). An @ in the
 * user name is written %40. A password in the URL is refused: a URL is typed on command lines and kept in settings.
 */
export function parseSmtpUrl(url: string): SmtpServer {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SendError(`"${url}" is not an SMTP URL: write smtp://user@host:port (STARTTLS) or smtps://user@host:port (TLS).`, { transport: 'SMTP', failure: 'configuration' });
  }
  const security: SmtpSecurity | undefined = parsed.protocol === 'smtp:' ? 'starttls' : parsed.protocol === 'smtps:' ? 'tls' : undefined;
  if (security === undefined || parsed.hostname === '') {
    throw new SendError(`The SMTP URL must start with smtp:// (STARTTLS) or smtps:// (TLS) and name a host, not "${parsed.protocol}//${parsed.host}".`, { transport: 'SMTP', failure: 'configuration' });
  }
  if (parsed.password !== '') {
    throw new SendError('The SMTP URL holds a password: remove it, and give the password in the AMCARD_SMTP_PASSWORD environment variable or at the prompt.', { transport: 'SMTP', failure: 'configuration' });
  }
  const user = decodeURIComponent(parsed.username);
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port === '' ? DEFAULT_SMTP_PORT[security] : Number(parsed.port),
    security,
    ...(user === '' ? {} : { user }),
  };
}

interface NodemailerError {
  readonly code?: string;
  readonly responseCode?: number;
  readonly response?: string;
  readonly message?: string;
}

const NETWORK_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS']);

function failureOf(error: NodemailerError): SendFailure {
  if (error.code === 'EAUTH' && /\b5\.7\.139\b/.test(error.response ?? '')) return 'smtp-auth-disabled';
  if (error.code === 'EAUTH') return 'auth-refused';
  if (error.code === 'ETLS' && error.response !== undefined) return 'starttls-refused';
  if (NETWORK_CODES.has(error.code ?? '') || error.code === 'ETLS') return 'network';
  return 'rejected';
}

const ADVICE: Partial<Record<SendFailure, string>> = {
  'auth-refused': 'Check the user name and password (an account with multi-factor sign-in needs an app password).',
  'smtp-auth-disabled': 'SMTP AUTH is disabled for the tenant or this mailbox: an Exchange admin can turn on "Authenticated SMTP" for it, or send with Microsoft Graph instead.',
  'starttls-refused': 'The server does not offer STARTTLS, and the password is never sent unencrypted: use smtps:// (TLS) or a server with STARTTLS.',
  network: 'Check the host, the port and the network (a firewall, a proxy, a certificate the machine does not trust).',
};

function describe(server: SmtpServer, error: NodemailerError, secret: string): SendError {
  const failure = failureOf(error);
  const answer = redactSecrets(error.response ?? error.message ?? String(error), [secret]);
  const advice = ADVICE[failure] === undefined ? '' : ` ${ADVICE[failure]}`;
  return new SendError(`Not sent: SMTP ${server.host}:${server.port} answered: ${answer}.${advice}`, { transport: 'SMTP', failure });
}

/** Sends `envelope.eml` unchanged to `envelope.to`. Nothing is retried: a failure is reported at once, as the server gave it. */
export async function sendOverSmtp(server: SmtpServer, credentials: SmtpCredentials | undefined, envelope: Envelope): Promise<Sent> {
  const secret = credentials === undefined ? '' : 'password' in credentials ? credentials.password : credentials.accessToken;
  const auth = server.user === undefined || credentials === undefined ? undefined
    : 'password' in credentials ? { user: server.user, pass: credentials.password }
      : { type: 'OAuth2' as const, user: server.user, accessToken: credentials.accessToken };
  const transport = createTransport({
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    auth,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    const info = await transport.sendMail({ envelope: { from: envelope.from, to: [envelope.to] }, raw: envelope.eml });
    return { transport: 'SMTP', answer: redactSecrets(info.response, [secret]) };
  } catch (error) {
    throw describe(server, error as NodemailerError, secret);
  } finally {
    transport.close();
  }
}
