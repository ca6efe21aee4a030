import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import { DomainError, NotFoundError, parseInput } from './errors.ts';
import { idRule } from './inputRules.ts';
import { actorUserId, lockTickets, publishTicketChange, statusTimestamps, type TicketDeps } from './ticketRules.ts';

const mergeTicketsInput = z.object({ sourceId: idRule, targetId: idRule });

export class InvalidMergeError extends DomainError {
  readonly code = 'INVALID_MERGE';
}

/**
 * Merges a duplicate (source) into the ticket that carries on (target), in one
 * transaction: the source's timeline, calls, e-mails and portal messages move to the
 * target, tickets merged earlier into the source now point at the target, the target
 * takes the source's customer and site when it has none, and the source is CLOSED with
 * `mergedIntoId`. Both tickets record a MERGE event. Merging again into the same target
 * is a harmless replay; merging a ticket into itself, a ticket already merged elsewhere,
 * or into a merged ticket is InvalidMergeError.
 */
export async function mergeTickets(
  deps: TicketDeps,
  actor: Viewer | null,
  input: z.input<typeof mergeTicketsInput>,
): Promise<{ targetId: string; merged: boolean }> {
  const { sourceId, targetId } = parseInput(mergeTicketsInput, input);
  if (sourceId === targetId) {
    throw new InvalidMergeError('Un ticket ne peut pas être fusionné avec lui-même.', 'A ticket cannot be merged into itself.');
  }
  const authorId = actorUserId(actor);
  const merged = await deps.prisma.$transaction(async (tx) => {
    await lockTickets(tx, [sourceId, targetId]);
    const now = new Date();
    const tickets = await tx.ticket.findMany({
      where: { id: { in: [sourceId, targetId] } },
      select: {
        id: true,
        number: true,
        status: true,
        firstRespondedAt: true,
        resolvedAt: true,
        customerId: true,
        siteId: true,
        mergedIntoId: true,
        mergedInto: { select: { number: true } },
      },
    });
    const source = tickets.find((ticket) => ticket.id === sourceId);
    const target = tickets.find((ticket) => ticket.id === targetId);
    if (!source || !target) throw new NotFoundError('Ticket', 'Ticket');
    if (source.mergedIntoId === targetId) return false;
    if (source.mergedInto) {
      throw new InvalidMergeError(
        `Le ticket n° ${source.number} a déjà été fusionné dans le ticket n° ${source.mergedInto.number}.`,
        `Ticket #${source.number} was already merged into ticket #${source.mergedInto.number}.`,
      );
    }
    if (target.mergedInto) {
      throw new InvalidMergeError(
        `Le ticket n° ${target.number} a été fusionné dans le ticket n° ${target.mergedInto.number} : fusionnez plutôt dans celui-ci.`,
        `Ticket #${target.number} was merged into ticket #${target.mergedInto.number}: merge into that one instead.`,
      );
    }

    const toTarget = { where: { ticketId: sourceId }, data: { ticketId: targetId } };
    await tx.ticketEvent.updateMany(toTarget);
    await tx.call.updateMany(toTarget);
    await tx.emailMessage.updateMany(toTarget);
    await tx.message.updateMany(toTarget);
    await tx.ticket.updateMany({ where: { mergedIntoId: sourceId }, data: { mergedIntoId: targetId } });
    if (!target.customerId && source.customerId) {
      await tx.ticket.update({ where: { id: targetId }, data: { customerId: source.customerId, siteId: source.siteId } });
    }
    await tx.ticket.update({
      where: { id: sourceId },
      data: { status: 'CLOSED', mergedIntoId: targetId, ...statusTimestamps(source, 'CLOSED', now) },
    });
    const link = { sourceId, targetId };
    await tx.ticketEvent.createMany({
      data: [
        { ticketId: targetId, kind: 'MERGE', authorId, data: link, createdAt: now },
        ...(source.status === 'CLOSED'
          ? []
          : [
              { ticketId: sourceId, kind: 'STATUS_CHANGE' as const, authorId, data: { from: source.status, to: 'CLOSED' }, createdAt: now },
            ]),
        { ticketId: sourceId, kind: 'MERGE', authorId, data: link, createdAt: now },
      ],
    });
    return true;
  });
  if (merged) {
    publishTicketChange(deps.hub, sourceId, 'UPDATED');
    publishTicketChange(deps.hub, targetId, 'UPDATED');
  }
  return { targetId, merged };
}
