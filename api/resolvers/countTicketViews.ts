import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { ticketViews, ticketViewWhere, type TicketView } from './searchTickets.ts';

/** How many tickets each saved view holds for this viewer: the inbox badges. */
export async function countTicketViews(prisma: PrismaClient, viewer: Viewer, now = new Date()): Promise<Record<TicketView, number>> {
  const counts = await Promise.all(ticketViews.map((view) => prisma.ticket.count({ where: ticketViewWhere(view, viewer, now) })));
  return Object.fromEntries(ticketViews.map((view, index) => [view, counts[index]!])) as Record<TicketView, number>;
}
