import { z } from 'zod';
import type { Hub } from '../app/hub.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { NotFoundError, parseInput } from './errors.ts';
import { idRule, optionalTextRule } from './inputRules.ts';
import { publishAvailabilityChange } from './publishAvailabilityChange.ts';
import { recordAudit } from './recordAudit.ts';

const addTimeOffInput = z
  .object({ technicianId: idRule, startsAt: z.date(), endsAt: z.date(), reason: optionalTextRule(200) })
  .refine((period) => period.endsAt > period.startsAt, {
    message: 'La fin doit suivre le début.|The end must come after the start.',
    path: ['endsAt'],
  });

/** Blocks a period of a technician's time (leave, training); appointments already there stay and show on the board. */
export async function addTimeOff(
  deps: { prisma: PrismaClient; hub: Hub },
  viewer: Viewer,
  input: z.input<typeof addTimeOffInput>,
): Promise<{ timeOffId: string }> {
  const data = parseInput(addTimeOffInput, input);
  const timeOffId = await deps.prisma.$transaction(async (tx) => {
    if (!(await tx.technician.count({ where: { id: data.technicianId } }))) throw new NotFoundError('Technicien', 'Technician');
    const created = await tx.timeOff.create({ data: { ...data, reason: data.reason ?? null }, select: { id: true } });
    await recordAudit(tx, viewer, { action: 'timeOff.create', entityType: 'TimeOff', entityId: created.id });
    return created.id;
  });
  publishAvailabilityChange(deps.hub, [data.technicianId], data.startsAt, data.endsAt);
  return { timeOffId };
}
