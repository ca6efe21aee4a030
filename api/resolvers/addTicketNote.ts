import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import { parseInput } from './errors.ts';
import { idempotencyKeyFor, recordIdempotentResult, runOnce } from './idempotency.ts';
import { clientMutationIdRule, idRule, textRule } from './inputRules.ts';
import { actorUserId, lockChangeableTicket, publishTicketChange, type TicketDeps } from './ticketRules.ts';

const addTicketNoteInput = z.object({
  ticketId: idRule,
  body: textRule(10_000),
  idempotencyKey: clientMutationIdRule.nullish(),
});

/**
 * Adds an internal note to a ticket's timeline, credited to the actor. Notes are for
 * the office: they neither answer the customer nor stop an SLA clock. A replayed
 * `idempotencyKey` (an offline technician's outbox) returns the first note.
 */
export async function addTicketNote(
  deps: TicketDeps,
  actor: Viewer | null,
  input: z.input<typeof addTicketNoteInput>,
): Promise<{ ticketId: string; eventId: string; replayed: boolean }> {
  const { ticketId, body, idempotencyKey } = parseInput(addTicketNoteInput, input);
  const key = idempotencyKey ? idempotencyKeyFor(actor, 'addTicketNote', idempotencyKey) : null;
  return runOnce(deps.prisma, key, async () => {
    const eventId = await deps.prisma.$transaction(async (tx) => {
      // Waits for a merge in progress, which would otherwise leave the note behind on the merged
      // ticket; stamped once the lock is held, so the timeline shows notes and changes in order.
      await lockChangeableTicket(tx, ticketId);
      const event = await tx.ticketEvent.create({
        data: { ticketId, kind: 'NOTE', authorId: actorUserId(actor), body, createdAt: new Date() },
        select: { id: true },
      });
      if (key) await recordIdempotentResult(tx, key, 'addTicketNote', { ticketId, eventId: event.id });
      return event.id;
    });
    publishTicketChange(deps.hub, ticketId, 'UPDATED');
    return { ticketId, eventId };
  });
}
