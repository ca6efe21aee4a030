import { z } from 'zod';
import { siteAddress } from './appointmentDetails.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { NotFoundError, parseInput, ValidationError } from './errors.ts';
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
  // Same convention: null unlinks, absent keeps (a ticket opened for an unknown caller gets its customer later).
  customerId: idRule.nullable().optional(),
  siteId: idRule.nullable().optional(),
});

export type UpdateTicketInput = z.input<typeof updateTicketInput>;

/**
 * Changes a ticket's status, priority, category, assignee, customer or site. Each effective change writes
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
  const { id, status, priority, category, assigneeId, customerId, siteId } = parseInput(updateTicketInput, input);
  if (assigneeId) await assertAssignable(deps.prisma, assigneeId);
  if (customerId && !(await deps.prisma.customer.findFirst({ where: { id: customerId, erasedAt: null }, select: { id: true } }))) {
    throw new NotFoundError('Client', 'Customer');
  }
  const site = siteId ? await deps.prisma.site.findUnique({ where: { id: siteId }, select: { customerId: true } }) : null;
  if (siteId && !site) throw new NotFoundError('Adresse', 'Site');
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
    const links = await tx.ticket.findUniqueOrThrow({ where: { id }, select: { customerId: true, siteId: true } });
    // A site names its customer; a new customer drops a site that is not theirs.
    const nextCustomerId = site ? site.customerId : customerId !== undefined ? customerId : links.customerId;
    if (site && customerId && customerId !== site.customerId) {
      throw new ValidationError([
        {
          path: 'siteId',
          messageFr: 'Cette adresse n’appartient pas à ce client.',
          messageEn: 'This site does not belong to this customer.',
        },
      ]);
    }
    const nextSiteId = siteId !== undefined ? siteId : links.siteId && nextCustomerId === links.customerId ? links.siteId : null;
    if (nextCustomerId !== links.customerId) {
      update.customerId = nextCustomerId;
      record('SYSTEM', { field: 'customer', ...(await readableChange(tx, 'customer', links.customerId, nextCustomerId)) });
      // The calls of the ticket now tell whose number it was.
      if (nextCustomerId) await tx.call.updateMany({ where: { ticketId: id, customerId: null }, data: { customerId: nextCustomerId } });
    }
    if (nextSiteId !== links.siteId) {
      update.siteId = nextSiteId;
      record('SYSTEM', { field: 'site', ...(await readableChange(tx, 'site', links.siteId, nextSiteId)) });
    }
    if (events.length === 0) return false;
    await tx.ticket.update({ where: { id }, data: update });
    await tx.ticketEvent.createMany({ data: events });
    return true;
  });
  if (changed) publishTicketChange(deps.hub, id, 'UPDATED');
  return { ticketId: id, changed };
}

/** The timeline keeps what people read (a name, an address), not ids that may later disappear. */
async function readableChange(tx: Prisma.TransactionClient, field: 'customer' | 'site', from: string | null, to: string | null) {
  const describe = async (id: string | null) => {
    if (!id) return null;
    if (field === 'customer') return (await tx.customer.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
    const site = await tx.site.findUnique({ where: { id }, select: { street: true, postalCode: true, city: true } });
    return site ? siteAddress(site) : null;
  };
  return { from: await describe(from), to: await describe(to) };
}
