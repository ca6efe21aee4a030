// SLA arithmetic in office time: targets are counted in minutes the office is open
// (officeHours.ts), in Europe/Paris, skipping weekends and French public holidays.
import type { TicketStatus } from '../generated/prisma/client.ts';
import { isFrenchPublicHoliday } from './frenchHolidays.ts';
import { OFFICE_HOURS, SLA_RISK_BUSINESS_MINUTES, type OfficeInterval } from './officeHours.ts';
import { parisInstant, parisWallClock } from './parisTime.ts';

const MINUTE_MS = 60_000;

/**
 * The instant `minutes` office minutes after `from`. Each interval's bounds are turned
 * into instants separately, so a DST change never adds or loses an hour of office time.
 * A target that runs out exactly at closing time is due then, not at the next opening.
 */
export function addBusinessMinutes(from: Date, minutes: number, hours: readonly OfficeInterval[] = OFFICE_HOURS): Date {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError(`Not a whole number of minutes: ${minutes}`);
  if (minutes === 0) return from;
  if (hours.length === 0) throw new RangeError('The office has no opening hours.');
  const byWeekday = new Map<number, OfficeInterval[]>();
  for (const interval of [...hours].sort((a, b) => a.startMinute - b.startMinute)) {
    byWeekday.set(interval.weekday, [...(byWeekday.get(interval.weekday) ?? []), interval]);
  }
  const start = parisWallClock(from);
  let remainingMs = minutes * MINUTE_MS;
  for (let offset = 0; ; offset += 1) {
    const day = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
    if (isFrenchPublicHoliday(day.toISOString().slice(0, 10))) continue;
    const [year, month, date] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    for (const interval of byWeekday.get(day.getUTCDay() || 7) ?? []) {
      const opens = parisInstant(year, month, date, 0, interval.startMinute).getTime();
      const closes = parisInstant(year, month, date, 0, interval.endMinute).getTime();
      const cursor = Math.max(from.getTime(), opens);
      if (cursor >= closes) continue;
      if (remainingMs <= closes - cursor) return new Date(cursor + remainingMs);
      remainingMs -= closes - cursor;
    }
  }
}

export interface SlaPolicyMinutes {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

/** The due times of a ticket opened at `openedAt` under its priority's policy (none without a policy). */
export function computeSlaDueAt(
  openedAt: Date,
  policy: SlaPolicyMinutes | null,
): { firstResponseDueAt: Date | null; resolutionDueAt: Date | null } {
  if (!policy) return { firstResponseDueAt: null, resolutionDueAt: null };
  return {
    firstResponseDueAt: addBusinessMinutes(openedAt, policy.firstResponseMinutes),
    resolutionDueAt: addBusinessMinutes(openedAt, policy.resolutionMinutes),
  };
}

/** The statuses in which a ticket waits on the office: its SLA clocks run and it sits in the inbox. */
export const openTicketStatuses: readonly TicketStatus[] = ['NEW', 'OPEN', 'PENDING'];

export interface SlaClock {
  status: TicketStatus;
  firstRespondedAt: Date | null;
  firstResponseDueAt: Date | null;
  resolvedAt: Date | null;
  resolutionDueAt: Date | null;
}

/** Targets due at or before this instant are at risk (or already breached). */
export function slaRiskHorizon(now: Date): Date {
  return addBusinessMinutes(now, SLA_RISK_BUSINESS_MINUTES);
}

/**
 * Whether a ticket missed a target still running (breached), or will within the risk
 * horizon (at risk; a breached ticket is not also reported at risk). Met targets, and
 * tickets no longer open, raise nothing.
 */
export function slaFlags(ticket: SlaClock, now: Date, horizon = slaRiskHorizon(now)): { atRisk: boolean; breached: boolean } {
  if (!openTicketStatuses.includes(ticket.status)) return { atRisk: false, breached: false };
  const running = [ticket.firstRespondedAt ? null : ticket.firstResponseDueAt, ticket.resolvedAt ? null : ticket.resolutionDueAt].filter(
    (due): due is Date => due !== null,
  );
  const breached = running.some((due) => due.getTime() < now.getTime());
  return { breached, atRisk: !breached && running.some((due) => due.getTime() <= horizon.getTime()) };
}
