// What the ticket use cases share: input rules, who acts, SLA due times, row locks and
// the live event the inbox listens to.
import { z } from 'zod';
import type { Hub, TicketChange } from '../app/hub.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { TicketCategory, TicketPriority, TicketSource, TicketStatus } from '../generated/prisma/enums.ts';
import { computeSlaDueAt } from './computeSlaDueAt.ts';
import { ConflictError, NotFoundError } from './errors.ts';

export interface TicketDeps {
  prisma: PrismaClient;
  hub: Hub;
}

type Db = PrismaClient | Prisma.TransactionClient;

const choiceMessage = 'Valeur non reconnue.|Unknown value.';
export const ticketSourceRule = z.enum(TicketSource, choiceMessage);
export const ticketCategoryRule = z.enum(TicketCategory, choiceMessage);
export const ticketPriorityRule = z.enum(TicketPriority, choiceMessage);
export const ticketStatusRule = z.enum(TicketStatus, choiceMessage);

/** The user a ticket change is credited to: none for automations and integrators. */
export function actorUserId(actor: Viewer | null): string | null {
  return actor?.kind === 'user' ? actor.userId : null;
}

/** The due times of the priority's SLA policy, counted from `openedAt`. */
export async function slaDueTimes(db: Db, priority: TicketPriority, openedAt: Date) {
  const policy = await db.slaPolicy.findUnique({ where: { priority } });
  return computeSlaDueAt(openedAt, policy);
}

/** A ticket can be given to an active member of staff only. */
export async function assertAssignable(db: Db, assigneeId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: assigneeId }, select: { role: true, active: true } });
  if (!user?.active || user.role === 'CLIENT') throw new NotFoundError('Personne assignée', 'Assignee');
}

/** Serialises writers of one ticket so each reads the state the previous one left. */
export async function lockTickets(tx: Prisma.TransactionClient, ids: string[]): Promise<void> {
  // One statement, ids in order: two merges of the same pair cannot deadlock.
  await tx.$queryRaw`SELECT "id" FROM "Ticket" WHERE "id" = ANY(${[...ids].sort()}::text[]) ORDER BY "id" FOR UPDATE`;
}

export class TicketMergedError extends ConflictError {
  constructor(targetNumber: number) {
    super(
      `Ce ticket a été fusionné dans le ticket n° ${targetNumber} : travaillez sur celui-ci.`,
      `This ticket was merged into ticket #${targetNumber}: work on that one.`,
    );
  }
}

/**
 * Locks a ticket that may still change and returns its current state: an unknown id is
 * NotFoundError, a merged ticket TicketMergedError.
 */
export async function lockChangeableTicket(tx: Prisma.TransactionClient, id: string) {
  await lockTickets(tx, [id]);
  const ticket = await tx.ticket.findUnique({
    where: { id },
    select: {
      status: true,
      priority: true,
      category: true,
      assigneeId: true,
      createdAt: true,
      firstRespondedAt: true,
      resolvedAt: true,
      mergedInto: { select: { number: true } },
    },
  });
  if (!ticket) throw new NotFoundError('Ticket', 'Ticket');
  if (ticket.mergedInto) throw new TicketMergedError(ticket.mergedInto.number);
  return ticket;
}

/**
 * The timestamps a move to `status` sets: leaving NEW is the first response, RESOLVED and
 * CLOSED stamp their time (closing an unresolved ticket resolves it too), and reopening
 * clears them so that the ticket counts as open again.
 */
export function statusTimestamps(
  ticket: { status: TicketStatus; firstRespondedAt: Date | null; resolvedAt: Date | null },
  status: TicketStatus,
  now: Date,
): Pick<Prisma.TicketUncheckedUpdateInput, 'firstRespondedAt' | 'resolvedAt' | 'closedAt'> {
  const firstRespondedAt = ticket.firstRespondedAt ?? (ticket.status === 'NEW' && status !== 'NEW' ? now : null);
  if (status === 'RESOLVED') return { firstRespondedAt, resolvedAt: now, closedAt: null };
  if (status === 'CLOSED') return { firstRespondedAt, resolvedAt: ticket.resolvedAt ?? now, closedAt: now };
  return { firstRespondedAt, resolvedAt: null, closedAt: null };
}

export function publishTicketChange(hub: Hub, ticketId: string, change: TicketChange['change']): void {
  hub.publish('ticketChanged', { ticketId, change });
}
