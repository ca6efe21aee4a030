import { z } from 'zod';
import type { Hub } from '../app/hub.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { NotFoundError, parseInput } from './errors.ts';
import { idRule } from './inputRules.ts';
import { publishAvailabilityChange } from './publishAvailabilityChange.ts';
import { recordAudit } from './recordAudit.ts';

const interval = z
  .object({
    weekday: z
      .number()
      .int()
      .min(1, 'Jour de 1 (lundi) à 7 (dimanche).|Weekday from 1 (Monday) to 7 (Sunday).')
      .max(7, 'Jour de 1 (lundi) à 7 (dimanche).|Weekday from 1 (Monday) to 7 (Sunday).'),
    startMinute: z.number().int().min(0).max(1439),
    endMinute: z.number().int().min(1).max(1440),
  })
  .refine((hours) => hours.endMinute > hours.startMinute, {
    message: 'La fin doit suivre le début.|The end must come after the start.',
    path: ['endMinute'],
  });

const setWorkingHoursInput = z
  .object({ technicianId: idRule, intervals: z.array(interval).max(28) })
  .refine(
    ({ intervals }) =>
      intervals.every((a, index) =>
        intervals.every(
          (b, other) => other <= index || a.weekday !== b.weekday || a.endMinute <= b.startMinute || b.endMinute <= a.startMinute,
        ),
      ),
    { message: 'Deux plages horaires du même jour se chevauchent.|Two intervals on the same day overlap.', path: ['intervals'] },
  );

/** Replaces a technician's weekly hours (Europe/Paris wall clock); open booking pages refresh. */
export async function setWorkingHours(
  deps: { prisma: PrismaClient; hub: Hub },
  viewer: Viewer,
  input: z.input<typeof setWorkingHoursInput>,
  options: { now?: Date } = {},
): Promise<{ technicianId: string }> {
  const { technicianId, intervals } = parseInput(setWorkingHoursInput, input);
  await deps.prisma.$transaction(async (tx) => {
    if (!(await tx.technician.count({ where: { id: technicianId } }))) throw new NotFoundError('Technicien', 'Technician');
    await tx.workingHours.deleteMany({ where: { technicianId } });
    await tx.workingHours.createMany({ data: intervals.map((hours) => ({ ...hours, technicianId })) });
    await recordAudit(tx, viewer, {
      action: 'technician.workingHours',
      entityType: 'Technician',
      entityId: technicianId,
      data: { intervals },
    });
  });
  // Weekly hours affect every future day: tell every open view from now on.
  const now = options.now ?? new Date();
  publishAvailabilityChange(deps.hub, [technicianId], now, new Date(now.getTime() + 366 * 86_400_000));
  return { technicianId };
}
