// An e-mail reaching the office (IMAP poller or inbound webhook) becomes a ticket, or
// joins the ticket of its thread: by Message-ID / In-Reply-To / References first, then
// by the [#number] our replies put in their subject, then by sender and subject.
import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { FileStore } from '../app/fileStore.ts';
import type { Prisma, TicketStatus } from '../generated/prisma/client.ts';
import { createTicket } from './createTicket.ts';
import { isUniqueViolation } from './prismaErrors.ts';
import { storeFile } from './storeFile.ts';
import { lockTickets, publishTicketChange, statusTimestamps, type TicketDeps } from './ticketRules.ts';

export interface InboundEmailDeps extends TicketDeps {
  files: FileStore;
}

export interface InboundEmailOutcome {
  emailMessageId: string;
  ticketId: string;
  /** A new ticket was opened for this message (not a reply to a known thread). */
  openedTicket: boolean;
  /** This message had already been received: nothing was written. */
  duplicate: boolean;
}

/** Beyond this, an attachment is listed in the ticket but not kept (the raw message still holds it). */
export const maxAttachmentBytes = 20 * 1024 * 1024;
const subjectThreadingDays = 30;
const subjectPrefix = /^\s*((re|tr|fw|fwd|aw|wg|réf|ref|rép|rep)\s*(\[\d+\])?\s*:\s*)+/i;
const ticketToken = /\[#(\d+)\]/;

/** "RE: TR: Panne tableau [#1234]" and "Panne  tableau" are one conversation. */
export function normalizeSubject(subject: string): string {
  return subject.replace(ticketToken, ' ').replace(subjectPrefix, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) => object.value.flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : [])));
}

function messageIdOf(parsed: ParsedMail, raw: Buffer): string {
  // A message without Message-ID still has to be recognised when delivered twice.
  return parsed.messageId ?? `<${createHash('sha256').update(raw).digest('hex')}@relais.invalid>`;
}

export async function receiveInboundEmail(deps: InboundEmailDeps, raw: Buffer, options: { now?: Date } = {}): Promise<InboundEmailOutcome> {
  const { prisma } = deps;
  const parsed = await simpleParser(raw);
  const messageId = messageIdOf(parsed, raw);
  const from = addressesOf(parsed.from)[0] ?? 'inconnu@invalid';
  const subject = (parsed.subject ?? '').trim();

  const known = await prisma.emailMessage.findUnique({ where: { messageId }, select: { id: true, ticketId: true } });
  if (known?.ticketId) return { emailMessageId: known.id, ticketId: known.ticketId, openedTicket: false, duplicate: true };

  const customerId = await customerWithAddress(deps, from);
  const emailMessageId = known?.id ?? (await recordMessage(deps, parsed, raw, { messageId, from, subject, customerId }));

  const threadTicketId = await findThreadTicket(deps, parsed, from, subject);
  const ticketId =
    threadTicketId ??
    (
      await createTicket(deps, null, {
        source: 'EMAIL',
        subject: subject.slice(0, 200) || '(sans objet)',
        description: parsed.text?.trim().slice(0, 10_000) || null,
        customerId,
        // Two deliveries of one message (poller and webhook) open one ticket.
        idempotencyKey: `email:${createHash('sha256').update(messageId).digest('hex').slice(0, 40)}`,
      })
    ).ticketId;

  const now = options.now ?? new Date();
  const attached = await prisma.$transaction(async (tx) => {
    await lockTickets(tx, [ticketId]);
    // Of two concurrent deliveries, the one that links the message writes the timeline.
    const linked = await tx.emailMessage.updateMany({ where: { id: emailMessageId, ticketId: null }, data: { ticketId } });
    if (linked.count === 0) return false;
    await tx.ticketEvent.create({ data: { ticketId, kind: 'EMAIL_IN', emailMessageId, createdAt: now } });
    await storeAttachments(tx, deps.files, parsed, { ticketId, customerId: customerId ?? (await ticketCustomerId(tx, ticketId)) });
    if (threadTicketId) await reopenForReply(tx, ticketId, now);
    return true;
  });
  if (attached) publishTicketChange(deps.hub, ticketId, 'UPDATED');
  return { emailMessageId, ticketId, openedTicket: threadTicketId === null, duplicate: !attached };
}

async function customerWithAddress(deps: InboundEmailDeps, address: string): Promise<string | null> {
  const customer = await deps.prisma.customer.findFirst({
    where: {
      erasedAt: null,
      OR: [{ emails: { has: address } }, { contacts: { some: { email: { equals: address, mode: 'insensitive' } } } }],
    },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  return customer?.id ?? null;
}

/** Stores the raw message and records it; of two concurrent deliveries, the first row wins. */
async function recordMessage(
  deps: InboundEmailDeps,
  parsed: ParsedMail,
  raw: Buffer,
  fields: { messageId: string; from: string; subject: string; customerId: string | null },
): Promise<string> {
  const { prisma, files } = deps;
  try {
    return await prisma.$transaction(async (tx) => {
      const rawFileId = await storeFile(tx, files, { fileName: 'message.eml', mimeType: 'message/rfc822', content: raw });
      const message = await tx.emailMessage.create({
        data: {
          direction: 'INBOUND',
          status: 'RECEIVED',
          messageId: fields.messageId,
          inReplyTo: parsed.inReplyTo ?? null,
          references: typeof parsed.references === 'string' ? [parsed.references] : (parsed.references ?? []),
          fromAddress: fields.from,
          toAddresses: addressesOf(parsed.to),
          ccAddresses: addressesOf(parsed.cc),
          subject: fields.subject,
          textBody: parsed.text ?? null,
          htmlBody: typeof parsed.html === 'string' ? parsed.html : null,
          customerId: fields.customerId,
          rawFileId,
          sentAt: parsed.date ?? null,
        },
        select: { id: true },
      });
      return message.id;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const concurrent = await prisma.emailMessage.findUniqueOrThrow({ where: { messageId: fields.messageId }, select: { id: true } });
    return concurrent.id;
  }
}

/** The attachments become documents of the ticket (and of its customer), next to the message. */
async function storeAttachments(
  tx: Prisma.TransactionClient,
  files: FileStore,
  parsed: ParsedMail,
  owner: { ticketId: string; customerId: string | null },
): Promise<void> {
  for (const attachment of parsed.attachments) {
    // Inline images of a signature or a layout are part of the message, not documents of the request.
    if (attachment.related || attachment.size > maxAttachmentBytes) continue;
    const fileId = await storeFile(tx, files, {
      fileName: attachment.filename ?? 'piece-jointe',
      mimeType: attachment.contentType,
      content: attachment.content,
    });
    await tx.document.create({
      data: {
        kind: 'ATTACHMENT',
        title: attachment.filename ?? 'Pièce jointe',
        fileId,
        ticketId: owner.ticketId,
        customerId: owner.customerId,
      },
    });
  }
}

async function ticketCustomerId(tx: Prisma.TransactionClient, ticketId: string): Promise<string | null> {
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { customerId: true } });
  return ticket.customerId;
}

async function findThreadTicket(deps: InboundEmailDeps, parsed: ParsedMail, from: string, subject: string): Promise<string | null> {
  const { prisma } = deps;
  const references = [parsed.inReplyTo, ...(typeof parsed.references === 'string' ? [parsed.references] : (parsed.references ?? []))];
  const referenced = references.filter((reference): reference is string => Boolean(reference));
  if (referenced.length > 0) {
    const earlier = await prisma.emailMessage.findFirst({
      where: { messageId: { in: referenced }, ticketId: { not: null } },
      orderBy: { createdAt: 'desc' },
      select: { ticketId: true },
    });
    if (earlier?.ticketId) return openTicketOf(deps, earlier.ticketId);
  }

  const tokenNumber = ticketToken.exec(subject)?.[1];
  if (tokenNumber) {
    // The number is guessable: it only threads a sender who already took part in the ticket.
    const ticket = await prisma.ticket.findFirst({
      where: {
        number: Number(tokenNumber),
        OR: [
          { customer: { emails: { has: from } } },
          { emailMessages: { some: { OR: [{ fromAddress: from }, { toAddresses: { has: from } }] } } },
        ],
      },
      select: { id: true },
    });
    if (ticket) return openTicketOf(deps, ticket.id);
  }

  const normalized = normalizeSubject(subject);
  if (!normalized) return null;
  const recent = await prisma.emailMessage.findMany({
    where: {
      fromAddress: from,
      direction: 'INBOUND',
      ticketId: { not: null },
      createdAt: { gt: new Date(Date.now() - subjectThreadingDays * 86_400_000) },
    },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: { subject: true, ticketId: true },
  });
  const sameSubject = recent.find((message) => normalizeSubject(message.subject) === normalized);
  return sameSubject?.ticketId ? openTicketOf(deps, sameSubject.ticketId) : null;
}

/**
 * The ticket a reply belongs to now: the one it was merged into, if any. A closed ticket
 * stays closed: the reply opens a new one.
 */
async function openTicketOf(deps: InboundEmailDeps, ticketId: string): Promise<string | null> {
  let current = ticketId;
  for (let hop = 0; hop < 10; hop += 1) {
    const ticket = await deps.prisma.ticket.findUnique({ where: { id: current }, select: { status: true, mergedIntoId: true } });
    if (!ticket) return null;
    if (ticket.mergedIntoId) {
      current = ticket.mergedIntoId;
      continue;
    }
    return ticket.status === 'CLOSED' ? null : current;
  }
  return null;
}

const reopenedByReply: ReadonlySet<TicketStatus> = new Set(['PENDING', 'RESOLVED']);

/** The customer answered: a ticket waiting on them, or thought resolved, needs the office again. */
async function reopenForReply(tx: Prisma.TransactionClient, ticketId: string, now: Date): Promise<void> {
  const ticket = await tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: { status: true, firstRespondedAt: true, resolvedAt: true },
  });
  if (!reopenedByReply.has(ticket.status)) return;
  await tx.ticket.update({ where: { id: ticketId }, data: { status: 'OPEN', ...statusTimestamps(ticket, 'OPEN', now) } });
  await tx.ticketEvent.create({
    data: { ticketId, kind: 'STATUS_CHANGE', data: { from: ticket.status, to: 'OPEN', reason: 'EMAIL_REPLY' }, createdAt: now },
  });
}
