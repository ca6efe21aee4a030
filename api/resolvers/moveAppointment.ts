import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { BookingDeps } from './bookAppointment.ts';
import { SlotTakenError, StaleVersionError } from './bookingErrors.ts';
import { NotFoundError, parseInput, ValidationError } from './errors.ts';
import { findAvailableSlots } from './findAvailableSlots.ts';
import { idRule } from './inputRules.ts';
import { addParisDays, startOfParisDay } from './parisTime.ts';
import { isExclusionViolation, lockTechnicianSchedule, withTransactionRetry } from './prismaErrors.ts';
import { publishAppointmentChange } from './publishAvailabilityChange.ts';
import { recordAudit } from './recordAudit.ts';
import { scheduleAppointmentReminder } from './scheduleAppointmentReminder.ts';
import { enqueueAppointmentEmail } from './enqueueAppointmentEmail.ts';

const moveAppointmentInput = z.object({
  id: idRule,
  technicianId: idRule,
  startsAt: z.date(),
  expectedVersion: z.number().int().min(1),
});

/**
 * The office moves an appointment on the planning board: any free time of any active
 * technician (the office may book outside the online grid), same duration. The version
 * check refuses a move based on a stale board.
 */
export async function moveAppointment(
  deps: BookingDeps,
  viewer: Viewer,
  input: z.input<typeof moveAppointmentInput>,
): Promise<{ appointmentId: string }> {
  const { id, technicianId, startsAt, expectedVersion } = parseInput(moveAppointmentInput, input);
  const { prisma } = deps;
  const appointment = await prisma.appointment.findUnique({
    where: { id },
    select: {
      technicianId: true,
      startsAt: true,
      endsAt: true,
      arrivalWindowStart: true,
      arrivalWindowEnd: true,
      version: true,
      status: true,
      serviceId: true,
      site: { select: { postalCode: true } },
    },
  });
  if (!appointment) throw new NotFoundError('Rendez-vous', 'Appointment');
  if (appointment.version !== expectedVersion) throw new StaleVersionError();
  if (appointment.status === 'CANCELLED' || appointment.status === 'DONE' || appointment.status === 'NO_SHOW') {
    throw new ValidationError([
      { path: 'id', messageFr: 'Ce rendez-vous ne peut plus être déplacé.', messageEn: 'This appointment can no longer be moved.' },
    ]);
  }
  const technician = await prisma.technician.findUnique({ where: { id: technicianId }, select: { active: true } });
  if (!technician?.active) throw new NotFoundError('Technicien', 'Technician');

  // Duration and arrival window move with the appointment.
  const shift = (instant: Date | null) =>
    instant ? new Date(instant.getTime() + startsAt.getTime() - appointment.startsAt.getTime()) : null;
  const endsAt = shift(appointment.endsAt)!;
  try {
    await withTransactionRetry(() =>
      prisma.$transaction(async (tx) => {
        await lockTechnicianSchedule(tx, technicianId);
        const moved = await tx.appointment.updateMany({
          where: { id, version: expectedVersion },
          data: {
            technicianId,
            startsAt,
            endsAt,
            arrivalWindowStart: shift(appointment.arrivalWindowStart),
            arrivalWindowEnd: shift(appointment.arrivalWindowEnd),
            version: { increment: 1 },
          },
        });
        if (moved.count === 0) throw new StaleVersionError();
        await scheduleAppointmentReminder(tx, { id, startsAt });
        // A change of technician alone does not concern the customer.
        if (startsAt.getTime() !== appointment.startsAt.getTime()) {
          await enqueueAppointmentEmail(tx, { appointmentId: id, kind: 'rescheduled' });
        }
        await recordAudit(tx, viewer, {
          action: 'appointment.move',
          entityType: 'Appointment',
          entityId: id,
          data: { from: appointment.startsAt.toISOString(), to: startsAt.toISOString(), technicianId },
        });
      }),
    );
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    const day = startOfParisDay(startsAt);
    const { slots } = await findAvailableSlots(
      prisma,
      { serviceId: appointment.serviceId, postalCode: appointment.site.postalCode, from: day, to: addParisDays(day, 1) },
      { staff: true, onlyTechnicianId: technicianId, ignoreAppointmentId: id, now: new Date(0) },
    );
    throw new SlotTakenError(slots.slice(0, 6));
  }
  publishAppointmentChange(deps.hub, id, appointment, { technicianId, startsAt, endsAt });
  deps.hub.publish('jobsDue', {});
  return { appointmentId: id };
}
