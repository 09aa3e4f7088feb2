// Real mail servers on 127.0.0.1 for the send tests: an SMTP server (the smtp-server package) and a Microsoft Graph
// stand-in that implements /me/sendMail's MIME contract as Graph documents it (202, and its error bodies). Shared by
// the CLI tests and the in-host VS Code tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface Certificate {
  readonly key: string;
  readonly cert: string;
  /** The certificate's file, for NODE_EXTRA_CA_CERTS: the clients trust it as they trust a real CA. */
  readonly certFile: string;
}

/** A self-signed certificate for 127.0.0.1 and localhost, made with openssl for this run. */
export function selfSignedCertificate(): Certificate {
  const folder = mkdtempSync(path.join(tmpdir(), 'ams-mail-cert-'));
  const keyFile = path.join(folder, 'key.pem');
  const certFile = path.join(folder, 'cert.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr || made.error?.message}`);
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  /** The user the client logged in as, and how. */
  readonly user: string | undefined;
  readonly secure: boolean;
  readonly raw: Buffer;
}

export interface SmtpAccount {
  readonly user: string;
  readonly password?: string;
  readonly accessToken?: string;
  /** The answer to a login of this user whatever its password, like Exchange Online's 535 5.7.139. */
  readonly refusal?: string;
}

export interface RunningSmtpServer {
  readonly port: number;
  readonly received: ReceivedMail[];
  /** Every AUTH attempt: method and user (never checked for secrets here; the tests grep outputs for them). */
  readonly logins: { method: string; user: string | undefined }[];
  close(): Promise<void>;
}

/** An SMTP server with STARTTLS (unless `starttls` is false), AUTH only after TLS, and the given accounts. */
export async function startSmtpServer(certificate: Certificate, accounts: readonly SmtpAccount[], starttls = true): Promise<RunningSmtpServer> {
  const received: ReceivedMail[] = [];
  const logins: { method: string; user: string | undefined }[] = [];
  const server = new SMTPServer({
    key: certificate.key,
    cert: certificate.cert,
    logger: false,
    authMethods: ['PLAIN', 'LOGIN', 'XOAUTH2'],
    disabledCommands: starttls ? [] : ['STARTTLS'],
    onAuth(auth, _session, callback) {
      logins.push({ method: auth.method, user: auth.username });
      const account = accounts.find((candidate) => candidate.user === auth.username);
      const refuse = (message: string): void => callback(Object.assign(new Error(message), { responseCode: 535 }));
      if (account?.refusal !== undefined) return refuse(account.refusal);
      const accepted = auth.method === 'XOAUTH2' ? account?.accessToken !== undefined && auth.accessToken === account.accessToken
        : account?.password !== undefined && auth.password === account.password;
      return accepted ? callback(null, { user: auth.username }) : refuse('5.7.8 Error: authentication failed: Invalid credentials');
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          user: session.user as string | undefined,
          secure: session.secure,
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, logins, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface GraphRequest {
  readonly method: string;
  readonly path: string;
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly body: string;
}

export interface RunningGraphStandIn {
  readonly baseUrl: string;
  readonly requests: GraphRequest[];
  /** The MIME messages of the requests Graph accepted (202). */
  readonly accepted: Buffer[];
  close(): Promise<void>;
}

/** What Graph answers, with its documented error body (`{"error": {"code", "message"}}`). */
function answer(response: ServerResponse, status: number, code?: string, message?: string): void {
  if (code === undefined) {
    response.writeHead(status).end();
    return;
  }
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { code, message } }));
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * `POST /v1.0/me/sendMail` as Graph documents it for MIME: `Authorization: Bearer <token>`, `Content-Type:
 * text/plain`, the message base64-encoded in the body; 202 Accepted. `tokens` maps each token to its permissions:
 * a token without Mail.Send gets 403 ErrorAccessDenied, an unknown one 401 InvalidAuthenticationToken. Over https
 * with `certificate`, else over http (the extension accepts http only for a base URL on this machine).
 */
export async function startGraphStandIn(tokens: Readonly<Record<string, readonly string[]>>, certificate?: Certificate): Promise<RunningGraphStandIn> {
  const requests: GraphRequest[] = [];
  const accepted: Buffer[] = [];
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('latin1');
      const seen = { method: request.method ?? '', path: request.url ?? '', contentType: request.headers['content-type'], authorization: request.headers.authorization, body };
      requests.push(seen);
      if (seen.path !== '/v1.0/me/sendMail') return answer(response, 404, 'UnknownError', `No route for ${seen.path}`);
      if (seen.method !== 'POST') return answer(response, 405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
      const token = /^Bearer (.+)$/.exec(seen.authorization ?? '')?.[1];
      if (token === undefined || tokens[token] === undefined) return answer(response, 401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
      if (!tokens[token]!.includes('Mail.Send')) return answer(response, 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
      if (seen.contentType !== 'text/plain') return answer(response, 415, 'RequestBodyRead', `Content-Type ${seen.contentType} is not supported for a MIME message: send text/plain.`);
      const compact = body.replace(/\s/g, '');
      if (compact === '' || !BASE64.test(compact)) return answer(response, 400, 'ErrorMimeContentInvalidBase64String', 'Invalid base64 string for MIME content.');
      accepted.push(Buffer.from(compact, 'base64'));
      return answer(response, 202);
    });
  };
  const server: Server = certificate === undefined ? createHttpServer(handle) : createHttpsServer({ key: certificate.key, cert: certificate.cert }, handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `${certificate === undefined ? 'http' : 'https'}://127.0.0.1:${port}`,
    requests,
    accepted,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
