// Outgoing mail: SMTP when SMTP_URL is set, otherwise each message is written as an
// .eml file in the local outbox (shown in the UI) so nothing is lost without a server.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  /** Full MIME type with parameters, e.g. `text/calendar; method=REQUEST`. */
  contentType: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
}

export interface SentMail {
  messageId: string;
  /** The .eml file when written to the local outbox. */
  outboxFile?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
}

export function createMailer(options: { smtpUrl: string | undefined; from: string; outboxDir: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        const info = await transport.sendMail({ from: options.from, ...mail });
        return { messageId: info.messageId };
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, ...mail });
      await mkdir(options.outboxDir, { recursive: true });
      const safeId = info.messageId.replace(/[^A-Za-z0-9._-]/g, '_');
      const outboxFile = path.join(options.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}_${safeId}.eml`);
      await writeFile(outboxFile, info.message as Buffer);
      return { messageId: info.messageId, outboxFile };
    },
  };
}
