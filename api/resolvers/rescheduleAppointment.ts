import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import { slotAlternatives, type BookingDeps } from './bookAppointment.ts';
import { SlotTakenError, StaleVersionError } from './bookingErrors.ts';
import { parseInput, ValidationError } from './errors.ts';
import { findAvailableSlots } from './findAvailableSlots.ts';
import { findIdempotentResult, idempotencyKeyFor, recordIdempotentResult } from './idempotency.ts';
import { clientMutationIdRule, idRule } from './inputRules.ts';
import { loadChangeableAppointment } from './loadChangeableAppointment.ts';
import { isExclusionViolation, isUniqueViolation, lockTechnicianSchedule, withTransactionRetry } from './prismaErrors.ts';
import { publishAppointmentChange } from './publishAvailabilityChange.ts';
import { scheduleAppointmentReminder } from './scheduleAppointmentReminder.ts';
import { enqueueAppointmentEmail } from './enqueueAppointmentEmail.ts';

const rescheduleInput = z.object({ id: idRule, startsAt: z.date(), idempotencyKey: clientMutationIdRule });

/**
 * Moves an appointment to another free slot of the same service, keeping its technician
 * when they are free then. The old time is released in the same transaction.
 */
export async function rescheduleAppointment(
  deps: BookingDeps,
  viewer: Viewer,
  input: z.input<typeof rescheduleInput>,
  options: { now?: Date } = {},
): Promise<{ appointmentId: string }> {
  const { id, startsAt, idempotencyKey } = parseInput(rescheduleInput, input);
  const { prisma } = deps;
  const key = idempotencyKeyFor(viewer, 'rescheduleAppointment', idempotencyKey);
  const earlier = await findIdempotentResult<{ appointmentId: string }>(prisma, key);
  if (earlier) return earlier;

  const appointment = await loadChangeableAppointment(prisma, viewer, id, options.now);
  if (appointment.status !== 'CONFIRMED' && appointment.status !== 'REQUESTED') {
    throw new ValidationError([
      { path: 'id', messageFr: 'Ce rendez-vous ne peut plus être déplacé.', messageEn: 'This appointment can no longer be moved.' },
    ]);
  }
  const staff = viewer.kind === 'user' && viewer.role !== 'CLIENT';
  const query = { serviceId: appointment.service.id, postalCode: appointment.site.postalCode };
  const { slots } = await findAvailableSlots(
    prisma,
    { ...query, from: startsAt, to: new Date(startsAt.getTime() + 60_000) },
    { staff, now: options.now, ignoreAppointmentId: id },
  );
  const slot = slots.find((candidate) => candidate.startsAt.getTime() === startsAt.getTime());
  const alternatives = () => slotAlternatives(prisma, { ...query, near: startsAt }, { staff, ignoreAppointmentId: id });
  if (!slot) throw new SlotTakenError(await alternatives());

  const candidates = [...slot.technicianIds].sort(
    (a, b) => Number(b === appointment.technicianId) - Number(a === appointment.technicianId),
  );
  for (const technicianId of candidates) {
    try {
      await withTransactionRetry(() =>
        prisma.$transaction(async (tx) => {
          await lockTechnicianSchedule(tx, technicianId);
          const moved = await tx.appointment.updateMany({
            where: { id, version: appointment.version },
            data: {
              technicianId,
              startsAt: slot.startsAt,
              endsAt: slot.endsAt,
              arrivalWindowStart: slot.arrivalWindowStart,
              arrivalWindowEnd: slot.arrivalWindowEnd,
              version: { increment: 1 },
            },
          });
          if (moved.count === 0) throw new StaleVersionError();
          await scheduleAppointmentReminder(tx, { id, startsAt: slot.startsAt });
          await enqueueAppointmentEmail(tx, { appointmentId: id, kind: 'rescheduled' });
          await recordIdempotentResult(tx, key, 'rescheduleAppointment', { appointmentId: id });
        }),
      );
      publishAppointmentChange(deps.hub, id, appointment, { technicianId, startsAt: slot.startsAt, endsAt: slot.endsAt });
      deps.hub.publish('jobsDue', {});
      return { appointmentId: id };
    } catch (error) {
      if (isExclusionViolation(error)) continue;
      // A concurrent replay of the same request committed first.
      if (isUniqueViolation(error)) {
        const concurrent = await findIdempotentResult<{ appointmentId: string }>(prisma, key);
        if (concurrent) return concurrent;
      }
      throw error;
    }
  }
  throw new SlotTakenError(await alternatives());
}
