import { z } from 'zod';
import type { Hub } from '../app/hub.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { AppointmentStatus, Prisma } from '../generated/prisma/client.ts';
import { parseInput, ValidationError } from './errors.ts';
import { idempotencyKeyFor, recordIdempotentResult, runOnce } from './idempotency.ts';
import { clientMutationIdRule, idRule } from './inputRules.ts';
import {
  baseVersionRule,
  checkDeviceTime,
  ensureIntervention,
  latitudeRule,
  lockTechnicianAppointment,
  longitudeRule,
  positionIsWhole,
  positionIssue,
  type FieldWorkDeps,
  type TechnicianAppointment,
} from './technicianVisitRules.ts';

export type VisitStep = 'EN_ROUTE' | 'ON_SITE' | 'DONE';

const visitStepInput = z
  .object({
    appointmentId: idRule,
    at: z.date(),
    latitude: latitudeRule.nullish(),
    longitude: longitudeRule.nullish(),
    baseVersion: baseVersionRule,
    clientMutationId: clientMutationIdRule,
  })
  .refine(positionIsWhole, positionIssue);

export type VisitStepInput = z.input<typeof visitStepInput>;

// An appointment only moves forward: a late replay of "en route" never takes back "on site".
const progress: Partial<Record<AppointmentStatus, number>> = { REQUESTED: 0, CONFIRMED: 0, EN_ROUTE: 1, ON_SITE: 2, DONE: 3 };

function interventionChange(step: VisitStep, at: Date, position: { latitude: number | null; longitude: number | null }) {
  switch (step) {
    case 'EN_ROUTE':
      return { enRouteAt: at };
    case 'ON_SITE':
      return { clockInAt: at, clockInLat: position.latitude, clockInLng: position.longitude };
    case 'DONE':
      return { clockOutAt: at, clockOutLat: position.latitude, clockOutLng: position.longitude };
  }
}

/**
 * The technician leaves for the job (EN_ROUTE, which the customer sees), clocks in on
 * site (ON_SITE) or clocks out (DONE), at the time the phone read when it happened.
 * Once per client mutation id. The times are the phone's: a later step replaces an
 * earlier one of the same kind (the last word is the technician's), but the status never
 * goes back. Refused when the office cancelled the appointment or moved it since the
 * phone's `baseVersion`.
 */
export async function recordVisitStep(
  deps: FieldWorkDeps,
  viewer: Viewer,
  step: VisitStep,
  input: VisitStepInput,
  options: { now?: Date } = {},
): Promise<{ interventionId: string; replayed: boolean }> {
  const data = parseInput(visitStepInput, input);
  const key = idempotencyKeyFor(viewer, `visitStep.${step}`, data.clientMutationId);
  const progressed: { appointment?: TechnicianAppointment } = {};
  const result = await runOnce(deps.prisma, key, () =>
    deps.prisma.$transaction(async (tx: Prisma.TransactionClient) => {
      const appointment = await lockTechnicianAppointment(tx, viewer, data.appointmentId, {
        baseVersion: data.baseVersion,
        moved: 'refuse',
      });
      checkDeviceTime(data.at, appointment, 'at', options.now);
      const intervention = await ensureIntervention(tx, appointment);
      if (step === 'DONE' && intervention.clockInAt && data.at < intervention.clockInAt) {
        throw new ValidationError([
          { path: 'at', messageFr: 'La fin précède l’arrivée sur site.', messageEn: 'The clock-out is before the clock-in.' },
        ]);
      }
      await tx.intervention.update({
        where: { id: intervention.id },
        data: interventionChange(step, data.at, { latitude: data.latitude ?? null, longitude: data.longitude ?? null }),
      });
      if ((progress[appointment.status] ?? 0) < (progress[step] ?? 0)) {
        // The schedule's version is the office's: a technician's progress leaves it alone.
        await tx.appointment.update({ where: { id: appointment.id }, data: { status: step } });
        progressed.appointment = appointment;
      }
      await recordIdempotentResult(tx, key, `visitStep.${step}`, { interventionId: intervention.id });
      return { interventionId: intervention.id };
    }),
  );
  if (progressed.appointment) publishVisitProgress(deps.hub, progressed.appointment);
  return result;
}

/** Tells the planning board that the technician moved an appointment along (en route, on site, done). */
function publishVisitProgress(hub: Hub, appointment: TechnicianAppointment): void {
  hub.publish('appointmentChanged', {
    appointmentId: appointment.id,
    ranges: [{ from: appointment.startsAt.toISOString(), to: appointment.endsAt.toISOString() }],
  });
}
