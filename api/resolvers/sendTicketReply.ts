// A reply written in a ticket, sent by e-mail (SMTP, or the local outbox by default) with
// the threading headers and the [#number] token that bring the customer's answer back here.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AppConfig } from '../app/config.ts';
import type { Mailer } from '../app/mailer.ts';
import type { Viewer } from '../auth/viewer.ts';
import { parseInput, ValidationError } from './errors.ts';
import { idempotencyKeyFor, recordIdempotentResult, runOnce } from './idempotency.ts';
import { clientMutationIdRule, emailRule, idRule, textRule } from './inputRules.ts';
import { actorUserId, lockChangeableTicket, publishTicketChange, statusTimestamps, type TicketDeps } from './ticketRules.ts';

export interface TicketReplyDeps extends TicketDeps {
  mailer: Mailer;
  config: Pick<AppConfig, 'mailFrom'>;
}

const sendTicketReplyInput = z.object({
  ticketId: idRule,
  body: textRule(20_000),
  subject: textRule(250).nullish(),
  to: emailRule.nullish(),
  templateId: idRule.nullish(),
  idempotencyKey: clientMutationIdRule,
});

export type SendTicketReplyInput = z.input<typeof sendTicketReplyInput>;

const referencesKept = 20;

/** The [#1234] token, once: a customer's answer finds its ticket even when their client drops In-Reply-To. */
function withTicketToken(subject: string, ticketNumber: number): string {
  const token = `[#${ticketNumber}]`;
  return subject.includes(token) ? subject : `${subject} ${token}`;
}

/** "Re: Panne tableau [#1234]": one reply prefix, and the token once. */
export function replySubject(original: string, ticketNumber: number): string {
  return withTicketToken(/^\s*re\s*:/i.test(original) ? original.trim() : `Re: ${original.trim()}`, ticketNumber);
}

/**
 * Sends the reply and records it in the timeline, exactly once per idempotency key: the
 * message is recorded as QUEUED before it leaves, so a replay returns it instead of
 * sending again. A mail server failure is recorded as FAILED, not thrown.
 */
export async function sendTicketReply(
  deps: TicketReplyDeps,
  actor: Viewer,
  input: SendTicketReplyInput,
  options: { now?: Date } = {},
): Promise<{ emailMessageId: string; replayed: boolean }> {
  const data = parseInput(sendTicketReplyInput, input);
  const { prisma } = deps;
  const now = options.now ?? new Date();
  const key = idempotencyKeyFor(actor, 'sendTicketReply', data.idempotencyKey);
  const queued = await runOnce(prisma, key, () =>
    prisma.$transaction(async (tx) => {
      const state = await lockChangeableTicket(tx, data.ticketId);
      const ticket = await tx.ticket.findUniqueOrThrow({
        where: { id: data.ticketId },
        select: { number: true, subject: true, customerId: true, customer: { select: { emails: true } } },
      });
      const lastInbound = await tx.emailMessage.findFirst({
        where: { ticketId: data.ticketId, direction: 'INBOUND' },
        orderBy: { createdAt: 'desc' },
        select: { messageId: true, references: true, fromAddress: true, subject: true },
      });
      const to = data.to ?? lastInbound?.fromAddress ?? ticket.customer?.emails[0];
      if (!to) {
        throw new ValidationError([
          {
            path: 'to',
            messageFr: 'Ce client n’a pas d’adresse e-mail : saisissez le destinataire.',
            messageEn: 'This customer has no e-mail address: enter the recipient.',
          },
        ]);
      }
      const sender = deps.config.mailFrom.match(/<([^>]+)>/)?.[1] ?? deps.config.mailFrom.trim();
      const message = await tx.emailMessage.create({
        data: {
          direction: 'OUTBOUND',
          status: 'QUEUED',
          messageId: `<${randomUUID()}@${sender.split('@')[1] ?? 'relais'}>`,
          inReplyTo: lastInbound?.messageId ?? null,
          references: lastInbound ? [...lastInbound.references, lastInbound.messageId].slice(-referencesKept) : [],
          fromAddress: sender,
          toAddresses: [to],
          ccAddresses: [],
          subject: data.subject
            ? withTicketToken(data.subject, ticket.number)
            : replySubject(lastInbound?.subject ?? ticket.subject, ticket.number),
          textBody: data.body,
          templateId: data.templateId ?? null,
          ticketId: data.ticketId,
          customerId: ticket.customerId,
        },
        select: { id: true },
      });
      await tx.ticketEvent.create({
        data: { ticketId: data.ticketId, kind: 'EMAIL_OUT', authorId: actorUserId(actor), emailMessageId: message.id, createdAt: now },
      });
      // Answering the customer is the first response, and takes a new ticket in hand.
      const status = state.status === 'NEW' ? 'OPEN' : state.status;
      await tx.ticket.update({
        where: { id: data.ticketId },
        data: { status, ...statusTimestamps(state, status, now), firstRespondedAt: state.firstRespondedAt ?? now },
      });
      if (status !== state.status) {
        await tx.ticketEvent.create({
          data: {
            ticketId: data.ticketId,
            kind: 'STATUS_CHANGE',
            authorId: actorUserId(actor),
            data: { from: state.status, to: status },
            createdAt: now,
          },
        });
      }
      await recordIdempotentResult(tx, key, 'sendTicketReply', { emailMessageId: message.id });
      return { emailMessageId: message.id };
    }),
  );
  if (!queued.replayed) {
    await deliver(deps, queued.emailMessageId);
    publishTicketChange(deps.hub, data.ticketId, 'UPDATED');
  }
  return queued;
}

async function deliver(deps: TicketReplyDeps, emailMessageId: string): Promise<void> {
  const message = await deps.prisma.emailMessage.findUniqueOrThrow({
    where: { id: emailMessageId },
    select: { messageId: true, inReplyTo: true, references: true, toAddresses: true, subject: true, textBody: true },
  });
  let error: string | null = null;
  try {
    await deps.mailer.send({
      to: message.toAddresses.join(', '),
      subject: message.subject,
      text: message.textBody ?? '',
      headers: {
        'Message-ID': message.messageId,
        ...(message.inReplyTo ? { 'In-Reply-To': message.inReplyTo } : {}),
        ...(message.references.length > 0 ? { References: message.references.join(' ') } : {}),
      },
    });
  } catch (sendError) {
    error = sendError instanceof Error ? sendError.message : String(sendError);
  }
  await deps.prisma.emailMessage.update({
    where: { id: emailMessageId },
    data: error === null ? { status: 'SENT', sentAt: new Date() } : { status: 'FAILED', error },
  });
}
