import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { SmtpConfig } from '../../config.js';

/** Test peers on loopback: a real SMTP server and a webhook receiver that record what arrives. */

export type SmtpPeer = { config: SmtpConfig; messages: ParsedMail[]; close(): Promise<void> };

/** A plain SMTP server (no TLS, no auth) on 127.0.0.1; `reject` makes it refuse every message. */
export async function startSmtpPeer(options: { reject?: boolean } = {}): Promise<SmtpPeer> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.reject) {
        const error = new Error('550 mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
      void address;
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    config: {
      host: '127.0.0.1',
      port,
      secure: false,
      user: undefined,
      password: undefined,
      from: '观摩平台 <noreply@guanmo.test>',
    },
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export type ReceivedRequest = {
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingMessage['headers'];
};
export type WebhookPeer = {
  url: (path?: string) => string;
  requests: ReceivedRequest[];
  /** What the next requests are answered with (status and JSON). */
  answer: { status: number; body: unknown };
  close(): Promise<void>;
};

export async function startWebhookPeer(): Promise<WebhookPeer> {
  const requests: ReceivedRequest[] = [];
  const peer = { answer: { status: 200, body: { errcode: 0, errmsg: 'ok' } as unknown } };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let body: unknown = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = Buffer.concat(chunks).toString('utf8');
      }
      requests.push({ path: url.pathname, query: url.searchParams, body, headers: req.headers });
      res.writeHead(peer.answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(peer.answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(peer, {
    url: (path = '/cgi-bin/webhook/send?key=test-key') => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
