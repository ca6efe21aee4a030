import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import { ConflictError, NotFoundError, parseInput, ValidationError } from './errors.ts';
import { idempotencyKeyFor, recordIdempotentResult, runOnce } from './idempotency.ts';
import { clientMutationIdRule, idRule, optionalTextRule, textRule } from './inputRules.ts';
import {
  actorUserId,
  assertAssignable,
  publishTicketChange,
  slaDueTimes,
  ticketCategoryRule,
  ticketPriorityRule,
  ticketSourceRule,
  type TicketDeps,
} from './ticketRules.ts';

const createTicketInput = z.object({
  source: ticketSourceRule,
  subject: textRule(200),
  description: optionalTextRule(10_000),
  category: ticketCategoryRule.nullish().transform((category) => category ?? 'OTHER'),
  priority: ticketPriorityRule.nullish().transform((priority) => priority ?? 'NORMAL'),
  customerId: idRule.nullish(),
  siteId: idRule.nullish(),
  assigneeId: idRule.nullish(),
  callId: idRule.nullish(),
  idempotencyKey: clientMutationIdRule.nullish(),
});

export type CreateTicketInput = z.input<typeof createTicketInput>;

export class CallAlreadyLinkedError extends ConflictError {
  constructor() {
    super('Cet appel est déjà rattaché à un ticket.', 'This call is already linked to a ticket.');
  }
}

/**
 * Opens a ticket in the office's inbox, with its SLA due times counted in office hours
 * from now under the priority's SlaPolicy.
 *
 * - `actor`: who is asking, or null for an automation (telephony, e-mail intake); the
 *   actor is credited with the timeline events it causes.
 * - `callId` links an existing Call: the call gets this ticket, the timeline a CALL event,
 *   and the ticket the call's matched customer when none is given. A call already linked
 *   to a ticket is refused with CallAlreadyLinkedError.
 * - `siteId` alone implies the site's customer; with `customerId` it must be theirs.
 * - `idempotencyKey` (per actor): a replay returns the first ticket, `replayed: true`.
 *   Automations replaying deliveries should derive it from the delivery, e.g. `call:<callId>`.
 *
 * Throws ValidationError, NotFoundError (customer, site, call, assignee) or CallAlreadyLinkedError;
 * publishes `ticketChanged` (CREATED) once committed.
 */
export async function createTicket(
  deps: TicketDeps,
  actor: Viewer | null,
  input: CreateTicketInput,
): Promise<{ ticketId: string; replayed: boolean }> {
  const data = parseInput(createTicketInput, input);
  const key = data.idempotencyKey ? idempotencyKeyFor(actor, 'createTicket', data.idempotencyKey) : null;
  return runOnce(deps.prisma, key, async () => {
    const { prisma } = deps;
    const call = data.callId
      ? await prisma.call.findUnique({ where: { id: data.callId }, select: { customerId: true, ticketId: true, startedAt: true } })
      : null;
    if (data.callId && !call) throw new NotFoundError('Appel', 'Call');
    if (call?.ticketId) throw new CallAlreadyLinkedError();
    const site = data.siteId ? await prisma.site.findUnique({ where: { id: data.siteId }, select: { customerId: true } }) : null;
    if (data.siteId && !site) throw new NotFoundError('Adresse', 'Site');
    if (site && data.customerId && site.customerId !== data.customerId) {
      throw new ValidationError([
        {
          path: 'siteId',
          messageFr: 'Cette adresse n’appartient pas à ce client.',
          messageEn: 'This site does not belong to this customer.',
        },
      ]);
    }
    if (data.customerId) {
      const customer = await prisma.customer.findFirst({ where: { id: data.customerId, erasedAt: null }, select: { id: true } });
      if (!customer) throw new NotFoundError('Client', 'Customer');
    }
    if (data.assigneeId) await assertAssignable(prisma, data.assigneeId);

    const now = new Date();
    const authorId = actorUserId(actor);
    const ticketId = await prisma.$transaction(async (tx) => {
      const ticket = await tx.ticket.create({
        data: {
          source: data.source,
          subject: data.subject,
          description: data.description ?? null,
          category: data.category,
          priority: data.priority,
          customerId: data.customerId ?? site?.customerId ?? call?.customerId ?? null,
          siteId: data.siteId ?? null,
          assigneeId: data.assigneeId ?? null,
          createdAt: now,
          ...(await slaDueTimes(tx, data.priority, now)),
        },
        select: { id: true },
      });
      if (data.callId && call) {
        // The conditional update decides a race between two tickets claiming one call.
        const linked = await tx.call.updateMany({ where: { id: data.callId, ticketId: null }, data: { ticketId: ticket.id } });
        if (linked.count === 0) throw new CallAlreadyLinkedError();
        await tx.ticketEvent.create({ data: { ticketId: ticket.id, kind: 'CALL', callId: data.callId, createdAt: call.startedAt } });
      }
      if (data.assigneeId) {
        await tx.ticketEvent.create({
          data: { ticketId: ticket.id, kind: 'ASSIGNMENT', authorId, data: { assigneeId: data.assigneeId }, createdAt: now },
        });
      }
      if (key) await recordIdempotentResult(tx, key, 'createTicket', { ticketId: ticket.id });
      return ticket.id;
    });
    publishTicketChange(deps.hub, ticketId, 'CREATED');
    return { ticketId };
  });
}
