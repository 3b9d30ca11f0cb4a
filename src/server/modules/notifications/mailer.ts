import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../config.js';

export type MailMessage = { to: string; subject: string; text: string; html: string };
/** Sends one e-mail; resolves with the server's answer, rejects with its error. */
export type Mailer = { send(message: MailMessage): Promise<string>; close(): void };

const mailers = new WeakMap<SmtpConfig, Mailer>();

/** One pooled SMTP transport per configuration, made on first use. */
export function mailerFor(smtp: SmtpConfig): Mailer {
  let mailer = mailers.get(smtp);
  if (!mailer) {
    mailer = createMailer(smtp);
    mailers.set(smtp, mailer);
  }
  return mailer;
}

export function createMailer(smtp: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: smtp.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      return String(info.response ?? 'ok');
    },
    close: () => transport.close(),
  };
}
