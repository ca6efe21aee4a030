// Sends one automated e-mail to a customer and records it as an EmailMessage, whether
// the mail server took it or not: the office sees every attempt in the outbox.
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../app/config.ts';
import type { MailAttachment, Mailer } from '../app/mailer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface RecordedEmail {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
  customerId: string;
  templateId?: string | null;
}

export type RecordedEmailOutcome = { status: 'SENT'; emailMessageId: string } | { status: 'FAILED'; emailMessageId: string; error: string };

/** "Duret Électricité <contact@duret-electricite.fr>" → its name and address. */
export function parseMailbox(mailbox: string): { name: string | null; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailbox);
  return match ? { name: match[1] || null, email: match[2]! } : { name: null, email: mailbox.trim() };
}

/** A mail server failure does not throw: it is recorded (FAILED) and returned; database errors do throw. */
export async function sendRecordedEmail(
  deps: { prisma: PrismaClient; mailer: Mailer; config: Pick<AppConfig, 'mailFrom'> },
  mail: RecordedEmail,
): Promise<RecordedEmailOutcome> {
  const sender = parseMailbox(deps.config.mailFrom);
  // Our own Message-ID, so that a message the server refused is recorded under an id too.
  const messageId = `<${randomUUID()}@${sender.email.split('@')[1] ?? 'relais'}>`;
  let error: string | null = null;
  try {
    await deps.mailer.send({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      attachments: mail.attachments ?? [],
      headers: { 'Message-ID': messageId },
    });
  } catch (sendError) {
    error = sendError instanceof Error ? sendError.message : String(sendError);
  }
  const record = await deps.prisma.emailMessage.create({
    data: {
      direction: 'OUTBOUND',
      status: error === null ? 'SENT' : 'FAILED',
      messageId,
      references: [],
      fromAddress: sender.email,
      toAddresses: [mail.to],
      ccAddresses: [],
      subject: mail.subject,
      textBody: mail.text,
      customerId: mail.customerId,
      error,
      templateId: mail.templateId ?? null,
      sentAt: error === null ? new Date() : null,
    },
    select: { id: true },
  });
  return error === null ? { status: 'SENT', emailMessageId: record.id } : { status: 'FAILED', emailMessageId: record.id, error };
}
