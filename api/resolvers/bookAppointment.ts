import { z } from 'zod';
import type { Hub } from '../app/hub.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { SlotTakenError } from './bookingErrors.ts';
import type { Slot } from './computeSlots.ts';
import { refreshCustomerSearchText, siteFields } from './customerRules.ts';
import { ConflictError, NotFoundError, parseInput, ValidationError } from './errors.ts';
import { enqueueAppointmentEmail } from './enqueueAppointmentEmail.ts';
import { findAvailableSlots, loadBookableService } from './findAvailableSlots.ts';
import { clientMutationIdRule, idRule, optionalTextRule } from './inputRules.ts';
import { addParisDays, startOfParisDay } from './parisTime.ts';
import { formatParisDay, formatParisHour } from './formatParisDate.ts';
import {
  isExclusionViolation,
  isUniqueViolation,
  lockCustomerBookings,
  lockTechnicianSchedule,
  withTransactionRetry,
} from './prismaErrors.ts';
import { publishAppointmentChange } from './publishAvailabilityChange.ts';
import { consumeRateLimit } from './rateLimit.ts';
import { scheduleAppointmentReminder } from './scheduleAppointmentReminder.ts';

const bookAppointmentInput = z
  .object({
    serviceId: idRule,
    siteId: idRule.nullish(),
    site: z.object(siteFields).nullish(),
    startsAt: z.date(),
    idempotencyKey: clientMutationIdRule,
    notes: optionalTextRule(2000),
    technicianId: idRule.nullish(),
  })
  .refine((input) => Boolean(input.siteId) !== Boolean(input.site), {
    message: 'Choisissez une adresse existante ou saisissez-en une nouvelle.|Choose an existing address or enter a new one.',
    path: ['siteId'],
  });

export type BookAppointmentInput = z.input<typeof bookAppointmentInput>;

/** What the booking use cases need: the database, and live events (the e-mails leave through the job runner). */
export interface BookingDeps {
  prisma: PrismaClient;
  hub: Hub;
}

const alternativesShown = 6;

/** Free slots near the one that was asked for: the same day and the week after, closest first. */
export async function slotAlternatives(
  prisma: PrismaClient,
  query: { serviceId: string; postalCode: string; near: Date },
  options: { staff: boolean; ignoreAppointmentId?: string },
): Promise<Slot[]> {
  const from = startOfParisDay(query.near);
  const { slots } = await findAvailableSlots(prisma, { ...query, from, to: addParisDays(from, 8) }, options);
  return slots
    .toSorted((a, b) => Math.abs(a.startsAt.getTime() - query.near.getTime()) - Math.abs(b.startsAt.getTime() - query.near.getTime()))
    .slice(0, alternativesShown)
    .toSorted((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * Books an appointment at once (no back-and-forth). The slot is checked against the
 * engine, then the database's exclusion constraint decides races: of concurrent
 * bookings of one technician's time, exactly one commits; the others try the next free
 * technician, then get SlotTakenError with fresh alternatives. A replayed idempotency
 * key returns the appointment it created.
 */
export async function bookAppointment(
  deps: BookingDeps,
  viewer: Viewer,
  input: BookAppointmentInput,
  options: { now?: Date } = {},
): Promise<{ appointmentId: string; replayed: boolean }> {
  const data = parseInput(bookAppointmentInput, input);
  const { prisma } = deps;
  const staff = viewer.kind === 'user' && viewer.role !== 'CLIENT';
  const clientCustomerId = viewer.kind === 'user' && viewer.role === 'CLIENT' ? viewer.customerId : null;
  if (!staff && !clientCustomerId) throw new NotFoundError('Client', 'Customer');

  const replay = await prisma.appointment.findUnique({
    where: { idempotencyKey: data.idempotencyKey },
    select: { id: true, customerId: true },
  });
  if (replay) return replayed(replay, clientCustomerId);

  await consumeRateLimit(prisma, [
    { key: `booking:${viewer.kind === 'user' ? viewer.userId : 'anonymous'}`, limit: 60, windowSeconds: 3600 },
  ]);

  let customerId: string;
  let postalCode: string;
  if (data.siteId) {
    const site = await prisma.site.findUnique({ where: { id: data.siteId }, select: { customerId: true, postalCode: true } });
    if (!site || (clientCustomerId && site.customerId !== clientCustomerId)) throw new NotFoundError('Adresse d’intervention', 'Site');
    ({ customerId, postalCode } = site);
  } else if (clientCustomerId && data.site) {
    customerId = clientCustomerId;
    postalCode = data.site.postalCode;
  } else {
    throw new ValidationError([
      { path: 'siteId', messageFr: 'Choisissez une adresse du client.', messageEn: 'Choose one of the customer’s addresses.' },
    ]);
  }

  const service = await loadBookableService(prisma, data.serviceId, { staff });
  const onlyTechnicianId = staff ? (data.technicianId ?? undefined) : undefined;
  const { slots } = await findAvailableSlots(
    prisma,
    { serviceId: service.id, postalCode, from: data.startsAt, to: new Date(data.startsAt.getTime() + 60_000) },
    { staff, now: options.now, onlyTechnicianId },
  );
  const slot = slots.find((candidate) => candidate.startsAt.getTime() === data.startsAt.getTime());
  const alternatives = () => slotAlternatives(prisma, { serviceId: service.id, postalCode, near: data.startsAt }, { staff });
  if (!slot) throw new SlotTakenError(await alternatives());

  for (const technicianId of slot.technicianIds) {
    try {
      const appointmentId = await withTransactionRetry(() =>
        prisma.$transaction(async (tx) => {
          const siteId = data.siteId ?? (await tx.site.create({ data: { ...data.site!, customerId }, select: { id: true } })).id;
          await lockTechnicianSchedule(tx, technicianId);
          if (!data.siteId) await refreshCustomerSearchText(tx, customerId);
          const created = await tx.appointment.create({
            data: {
              serviceId: service.id,
              technicianId,
              siteId,
              customerId,
              startsAt: slot.startsAt,
              endsAt: slot.endsAt,
              arrivalWindowStart: slot.arrivalWindowStart,
              arrivalWindowEnd: slot.arrivalWindowEnd,
              status: 'CONFIRMED',
              confirmedAt: new Date(),
              source: staff ? 'STAFF' : 'PORTAL',
              idempotencyKey: data.idempotencyKey,
              notes: data.notes ?? null,
              createdById: viewer.kind === 'user' ? viewer.userId : null,
            },
            select: { id: true },
          });
          if (clientCustomerId) await refuseOverlappingBooking(tx, clientCustomerId, created.id, slot);
          await scheduleAppointmentReminder(tx, { id: created.id, startsAt: slot.startsAt });
          await enqueueAppointmentEmail(tx, { appointmentId: created.id, kind: 'confirmation' });
          return created.id;
        }),
      );
      publishAppointmentChange(deps.hub, appointmentId, { technicianId, startsAt: slot.startsAt, endsAt: slot.endsAt });
      deps.hub.publish('jobsDue', {});
      return { appointmentId, replayed: false };
    } catch (error) {
      if (isExclusionViolation(error)) continue;
      if (isUniqueViolation(error)) {
        // The same idempotency key committed concurrently: this is a replay.
        const concurrent = await prisma.appointment.findUnique({
          where: { idempotencyKey: data.idempotencyKey },
          select: { id: true, customerId: true },
        });
        if (concurrent) return replayed(concurrent, clientCustomerId);
      }
      throw error;
    }
  }
  throw new SlotTakenError(await alternatives());
}

/**
 * A customer booking online already has this time taken (two tabs, a second service for
 * the same visit): the office, not the portal, plans parallel visits. Checked after the
 * insert, so that a race for the slot itself still ends in SlotTakenError; the lock comes
 * after the technician's, and no one waits for a technician's lock while holding it.
 */
async function refuseOverlappingBooking(tx: Prisma.TransactionClient, customerId: string, bookedId: string, slot: Slot): Promise<void> {
  await lockCustomerBookings(tx, customerId);
  const overlapping = await tx.appointment.findFirst({
    where: {
      customerId,
      id: { not: bookedId },
      status: { not: 'CANCELLED' },
      startsAt: { lt: slot.endsAt },
      endsAt: { gt: slot.startsAt },
    },
    select: { startsAt: true },
  });
  if (overlapping) {
    throw new ConflictError(
      `Vous avez déjà un rendez-vous à ce moment-là (${formatParisDay(overlapping.startsAt, 'fr')} à ${formatParisHour(overlapping.startsAt, 'fr')}). Choisissez un autre créneau ou modifiez ce rendez-vous.`,
      `You already have an appointment at that time (${formatParisDay(overlapping.startsAt, 'en')} at ${formatParisHour(overlapping.startsAt, 'en')}). Choose another slot or change that appointment.`,
    );
  }
}

function replayed(appointment: { id: string; customerId: string }, clientCustomerId: string | null) {
  // A key is a client's own: another customer presenting it learns nothing about the booking.
  if (clientCustomerId && appointment.customerId !== clientCustomerId) {
    throw new ConflictError('Cette demande a déjà été utilisée.', 'This request id has already been used.');
  }
  return { appointmentId: appointment.id, replayed: true };
}
