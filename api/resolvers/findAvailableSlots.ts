// Loads what the slot engine needs from the database and runs it.
import { z } from 'zod';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { computeSlots, type Slot, type SlotService } from './computeSlots.ts';
import { NotFoundError, parseInput } from './errors.ts';
import { dateRangeRule, idRule, postalCodeRule } from './inputRules.ts';

export const viewRangeRule = dateRangeRule(31);
export const slotQueryRule = z.intersection(z.object({ serviceId: idRule, postalCode: postalCodeRule }), viewRangeRule);

export type SlotQuery = z.input<typeof slotQueryRule>;

export interface AvailableSlots {
  service: { id: string };
  postalCode: string;
  from: Date;
  to: Date;
  slots: Slot[];
}

type Reader = Pick<PrismaClient, 'service' | 'technician'> | Prisma.TransactionClient;

const serviceSelect = {
  id: true,
  durationMinutes: true,
  bufferMinutes: true,
  minNoticeHours: true,
  horizonDays: true,
  arrivalWindowMinutes: true,
  requiredSkill: true,
  bookableOnline: true,
  active: true,
} as const;

/** The service to book; customers only see services open to online booking. */
export async function loadBookableService(prisma: Reader, serviceId: string, options: { staff: boolean }): Promise<SlotService> {
  const service = await prisma.service.findUnique({ where: { id: serviceId }, select: serviceSelect });
  if (!service || !service.active || (!options.staff && !service.bookableOnline)) throw new NotFoundError('Prestation', 'Service');
  return service;
}

/**
 * Free slots of a service at a postal code in a range. Busy periods are loaded with a
 * margin around the range so that buffers reaching into it are seen.
 */
export async function findAvailableSlots(
  prisma: Reader,
  query: SlotQuery,
  options: { staff: boolean; now?: Date; onlyTechnicianId?: string; ignoreAppointmentId?: string },
): Promise<AvailableSlots> {
  const { serviceId, postalCode, from, to } = parseInput(slotQueryRule, query);
  const service = await loadBookableService(prisma, serviceId, options);
  const margin = 24 * 3_600_000;
  const loadFrom = new Date(from.getTime() - margin);
  const loadTo = new Date(to.getTime() + margin);
  const technicians = await prisma.technician.findMany({
    where: { active: true, skills: { has: service.requiredSkill }, ...(options.onlyTechnicianId ? { id: options.onlyTechnicianId } : {}) },
    select: {
      id: true,
      skills: true,
      zones: true,
      workingHours: { select: { weekday: true, startMinute: true, endMinute: true } },
      timeOff: { where: { startsAt: { lt: loadTo }, endsAt: { gt: loadFrom } }, select: { startsAt: true, endsAt: true } },
      appointments: {
        where: {
          status: { not: 'CANCELLED' },
          startsAt: { lt: loadTo },
          endsAt: { gt: loadFrom },
          ...(options.ignoreAppointmentId ? { id: { not: options.ignoreAppointmentId } } : {}),
        },
        select: { startsAt: true, endsAt: true, service: { select: { bufferMinutes: true } } },
      },
    },
    orderBy: { id: 'asc' },
  });
  const slots = computeSlots({
    service,
    site: { postalCode },
    technicians: technicians.map((technician) => ({
      ...technician,
      appointments: technician.appointments.map((appointment) => ({ ...appointment, bufferMinutes: appointment.service.bufferMinutes })),
    })),
    range: { from, to },
    now: options.now ?? new Date(),
  });
  return { service: { id: service.id }, postalCode, from, to, slots };
}
