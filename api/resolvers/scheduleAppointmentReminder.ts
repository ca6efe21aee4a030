// The reminder e-mail before an appointment, kept as one scheduled action per
// appointment (its dedupe key): booking creates it, rescheduling moves it, cancelling
// cancels it. The job runner sends it (sendAppointmentReminder.ts).
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { addParisDays, parisInstant, parisWallClock } from './parisTime.ts';

export const appointmentReminderKind = 'appointment.reminder';

const reminderHour = 18;
// Closer than this, the reminder would arrive while the technician is on the way.
const minimumLeadMs = 2 * 3_600_000;

type ScheduleWriter = PrismaClient | Prisma.TransactionClient;

export interface QuietHours {
  /** Europe/Paris minutes of the day; the quiet period may run past midnight (1200 → 480). */
  startMinute: number;
  endMinute: number;
}

/**
 * When the reminder goes out: 18:00 (Paris) the day before the appointment, or at once
 * when that moment is past, pushed to the end of the rule's quiet hours if it falls in
 * them; null when that leaves 2 hours or less before the appointment.
 */
export function reminderRunAt(startsAt: Date, now: Date, quietHours: QuietHours | null): Date | null {
  const day = parisWallClock(startsAt);
  const eveningBefore = addParisDays(parisInstant(day.year, day.month, day.day, reminderHour), -1);
  const earliest = eveningBefore > now ? eveningBefore : now;
  const runAt = quietHours ? afterQuietHours(earliest, quietHours) : earliest;
  return startsAt.getTime() - runAt.getTime() > minimumLeadMs ? runAt : null;
}

function afterQuietHours(instant: Date, { startMinute, endMinute }: QuietHours): Date {
  const wall = parisWallClock(instant);
  const minute = wall.hour * 60 + wall.minute;
  const quiet = startMinute <= endMinute ? minute >= startMinute && minute < endMinute : minute >= startMinute || minute < endMinute;
  if (!quiet) return instant;
  const endToday = parisInstant(wall.year, wall.month, wall.day, Math.floor(endMinute / 60), endMinute % 60);
  return minute < endMinute ? endToday : addParisDays(endToday, 1);
}

/** The manager's reminder rule; with none, reminders are on and have no quiet hours. */
export async function findReminderRule(prisma: ScheduleWriter) {
  return prisma.automationRule.findFirst({
    where: { trigger: 'APPOINTMENT_REMINDER' },
    orderBy: { createdAt: 'asc' },
    select: { id: true, enabled: true, quietStartMinute: true, quietEndMinute: true, templateKey: true },
  });
}

function dedupeKeyFor(appointmentId: string): string {
  return `${appointmentReminderKind}:${appointmentId}`;
}

/**
 * Plans (or re-plans, after a reschedule) the appointment's reminder and returns when it
 * will go out, or null when there will be none (too close, or reminders are disabled).
 * Call it in the booking's transaction, so that a rolled-back booking leaves no reminder.
 */
export async function scheduleAppointmentReminder(
  prisma: ScheduleWriter,
  appointment: { id: string; startsAt: Date },
  now = new Date(),
): Promise<Date | null> {
  const rule = await findReminderRule(prisma);
  const quietHours =
    rule?.quietStartMinute != null && rule.quietEndMinute != null
      ? { startMinute: rule.quietStartMinute, endMinute: rule.quietEndMinute }
      : null;
  const runAt = rule && !rule.enabled ? null : reminderRunAt(appointment.startsAt, now, quietHours);
  if (!runAt) {
    await cancelAppointmentReminder(prisma, appointment.id);
    return null;
  }
  const ruleId = rule?.id ?? null;
  await prisma.scheduledAction.upsert({
    where: { dedupeKey: dedupeKeyFor(appointment.id) },
    create: {
      kind: appointmentReminderKind,
      runAt,
      payload: { appointmentId: appointment.id },
      dedupeKey: dedupeKeyFor(appointment.id),
      ruleId,
    },
    // A reminder already sent for the old time goes out again for the new one.
    update: { runAt, status: 'PENDING', attempts: 0, lastError: null, lockedAt: null, lockedBy: null, doneAt: null, ruleId },
  });
  return runAt;
}

/** Cancels the appointment's reminder unless it already went out (or finally failed). */
export async function cancelAppointmentReminder(prisma: ScheduleWriter, appointmentId: string): Promise<void> {
  // Clearing the lock of a RUNNING one makes its runner's completion a no-op (see jobRunner.ts).
  await prisma.scheduledAction.updateMany({
    where: { dedupeKey: dedupeKeyFor(appointmentId), status: { in: ['PENDING', 'RUNNING'] } },
    data: { status: 'CANCELLED', lockedAt: null, lockedBy: null },
  });
}
