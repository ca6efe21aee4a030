import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { parseInput } from './errors.ts';
import { idRule } from './inputRules.ts';
import {
  actorUserId,
  assertAssignable,
  lockChangeableTicket,
  publishTicketChange,
  slaDueTimes,
  statusTimestamps,
  ticketCategoryRule,
  ticketPriorityRule,
  ticketStatusRule,
  type TicketDeps,
} from './ticketRules.ts';

const updateTicketInput = z.object({
  id: idRule,
  status: ticketStatusRule.nullish(),
  priority: ticketPriorityRule.nullish(),
  category: ticketCategoryRule.nullish(),
  // null takes the ticket off anyone's list; absent leaves it where it is.
  assigneeId: idRule.nullable().optional(),
});

export type UpdateTicketInput = z.input<typeof updateTicketInput>;

/**
 * Changes a ticket's status, priority, category or assignee. Each effective change writes
 * its timeline event (STATUS_CHANGE, PRIORITY_CHANGE, ASSIGNMENT; SYSTEM for the category),
 * and the ticket row stays locked from read to write, so concurrent changes chain instead
 * of both claiming the same "from". A new priority recomputes the SLA due times from the
 * ticket's creation. Asking for what is already there changes nothing.
 */
export async function updateTicket(
  deps: TicketDeps,
  actor: Viewer | null,
  input: UpdateTicketInput,
): Promise<{ ticketId: string; changed: boolean }> {
  const { id, status, priority, category, assigneeId } = parseInput(updateTicketInput, input);
  if (assigneeId) await assertAssignable(deps.prisma, assigneeId);
  const authorId = actorUserId(actor);
  const changed = await deps.prisma.$transaction(async (tx) => {
    const ticket = await lockChangeableTicket(tx, id);
    // Read once the lock is held: the timeline's order is the order the changes were made in.
    const now = new Date();
    const update: Prisma.TicketUncheckedUpdateInput = {};
    const events: Prisma.TicketEventCreateManyInput[] = [];
    const record = (kind: Prisma.TicketEventCreateManyInput['kind'], data: Prisma.InputJsonObject) =>
      events.push({ ticketId: id, kind, authorId, data, createdAt: now });

    if (status && status !== ticket.status) {
      Object.assign(update, { status }, statusTimestamps(ticket, status, now));
      record('STATUS_CHANGE', { from: ticket.status, to: status });
    }
    if (priority && priority !== ticket.priority) {
      Object.assign(update, { priority }, await slaDueTimes(tx, priority, ticket.createdAt));
      record('PRIORITY_CHANGE', { from: ticket.priority, to: priority });
    }
    if (category && category !== ticket.category) {
      update.category = category;
      record('SYSTEM', { field: 'category', from: ticket.category, to: category });
    }
    if (assigneeId !== undefined && assigneeId !== ticket.assigneeId) {
      update.assigneeId = assigneeId;
      record('ASSIGNMENT', { assigneeId });
    }
    if (events.length === 0) return false;
    await tx.ticket.update({ where: { id }, data: update });
    await tx.ticketEvent.createMany({ data: events });
    return true;
  });
  if (changed) publishTicketChange(deps.hub, id, 'UPDATED');
  return { ticketId: id, changed };
}
