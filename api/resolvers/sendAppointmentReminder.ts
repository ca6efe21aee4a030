import { z } from 'zod';
import { findReminderRule } from './scheduleAppointmentReminder.ts';
import { sendAppointmentEmail } from './sendAppointmentEmail.ts';

const reminderPayload = z.object({ appointmentId: z.string() });

/**
 * Runs a due `appointment.reminder` action. Things may have changed since it was
 * planned: nothing is sent for an appointment no longer confirmed or already begun, nor
 * once the manager has disabled reminders. The wording is the rule's template when it can
 * be filled in. A mail server failure throws, so that the job runner retries later.
 */
export async function sendAppointmentReminder(
  deps: Parameters<typeof sendAppointmentEmail>[0],
  payload: unknown,
  now = new Date(),
): Promise<void> {
  const { appointmentId } = reminderPayload.parse(payload);
  const rule = await findReminderRule(deps.prisma);
  if (rule && !rule.enabled) return;
  const appointment = await deps.prisma.appointment.findUnique({ where: { id: appointmentId }, select: { status: true, startsAt: true } });
  if (appointment?.status !== 'CONFIRMED' || appointment.startsAt <= now) return;
  // The rule names the office's template; without a rule, the shipped reminder template.
  const outcome = await sendAppointmentEmail(deps, appointmentId, 'reminder', {
    templateKey: rule?.templateKey,
  });
  if (outcome.status === 'FAILED') throw new Error(`reminder e-mail not sent: ${outcome.error}`);
}
