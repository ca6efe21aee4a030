import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { BookingDeps } from './bookAppointment.ts';
import { parseInput, ValidationError } from './errors.ts';
import { idRule, optionalTextRule } from './inputRules.ts';
import { loadChangeableAppointment } from './loadChangeableAppointment.ts';
import { publishAppointmentChange } from './publishAvailabilityChange.ts';
import { recordAudit } from './recordAudit.ts';
import { cancelAppointmentReminder } from './scheduleAppointmentReminder.ts';
import { enqueueAppointmentEmail } from './enqueueAppointmentEmail.ts';

const cancelAppointmentInput = z.object({ id: idRule, reason: optionalTextRule(500) });

/** Cancels an appointment and frees its time; cancelling twice is not an error. */
export async function cancelAppointment(
  deps: BookingDeps,
  viewer: Viewer,
  input: z.input<typeof cancelAppointmentInput>,
  options: { now?: Date } = {},
): Promise<{ appointmentId: string }> {
  const { id, reason } = parseInput(cancelAppointmentInput, input);
  const appointment = await loadChangeableAppointment(deps.prisma, viewer, id, options.now);
  if (appointment.status === 'CANCELLED') return { appointmentId: id };
  if (appointment.status === 'DONE' || appointment.status === 'NO_SHOW') {
    throw new ValidationError([
      { path: 'id', messageFr: 'Ce rendez-vous est déjà terminé.', messageEn: 'This appointment is already over.' },
    ]);
  }
  const cancelled = await deps.prisma.$transaction(async (tx) => {
    const updated = await tx.appointment.updateMany({
      where: { id, status: { notIn: ['CANCELLED', 'DONE', 'NO_SHOW'] } },
      data: { status: 'CANCELLED', cancelledAt: new Date(), cancelReason: reason ?? null, version: { increment: 1 } },
    });
    if (updated.count === 0) return false;
    await cancelAppointmentReminder(tx, id);
    await enqueueAppointmentEmail(tx, { appointmentId: id, kind: 'cancelled' });
    await recordAudit(tx, viewer, {
      action: 'appointment.cancel',
      entityType: 'Appointment',
      entityId: id,
      data: { reason: reason ?? null },
    });
    return true;
  });
  if (cancelled) {
    publishAppointmentChange(deps.hub, id, appointment);
    deps.hub.publish('jobsDue', {});
  }
  return { appointmentId: id };
}
