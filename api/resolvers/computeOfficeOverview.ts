import type { PrismaClient } from '../generated/prisma/client.ts';
import { addParisDays, startOfParisDay, startOfParisWeek } from './parisTime.ts';

export interface OfficeOverview {
  customers: number;
  activeContracts: number;
  openTickets: number;
  appointmentsThisWeek: number;
  callsToday: number;
  missedCallsToday: number;
}

/** The office's counters for today and this week (Europe/Paris days). */
export async function computeOfficeOverview(prisma: PrismaClient, now = new Date()): Promise<OfficeOverview> {
  const today = startOfParisDay(now);
  const tomorrow = addParisDays(today, 1);
  const week = startOfParisWeek(now);
  const nextWeek = addParisDays(week, 7);
  const [customers, activeContracts, openTickets, appointmentsThisWeek, callsToday, missedCallsToday] = await Promise.all([
    prisma.customer.count({ where: { erasedAt: null } }),
    prisma.contract.count({ where: { status: { in: ['ACTIVE', 'PENDING_RENEWAL'] } } }),
    prisma.ticket.count({ where: { status: { in: ['NEW', 'OPEN', 'PENDING'] } } }),
    prisma.appointment.count({ where: { startsAt: { gte: week, lt: nextWeek }, status: { not: 'CANCELLED' } } }),
    prisma.call.count({ where: { startedAt: { gte: today, lt: tomorrow } } }),
    prisma.call.count({ where: { startedAt: { gte: today, lt: tomorrow }, missed: true } }),
  ]);
  return { customers, activeContracts, openTickets, appointmentsThisWeek, callsToday, missedCallsToday };
}
