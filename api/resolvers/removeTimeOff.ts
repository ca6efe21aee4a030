import type { Hub } from '../app/hub.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { NotFoundError, parseInput } from './errors.ts';
import { idRule } from './inputRules.ts';
import { publishAvailabilityChange } from './publishAvailabilityChange.ts';
import { recordAudit } from './recordAudit.ts';

export async function removeTimeOff(
  deps: { prisma: PrismaClient; hub: Hub },
  viewer: Viewer,
  input: { id: string },
): Promise<{ timeOffId: string }> {
  const id = parseInput(idRule, input.id);
  const removed = await deps.prisma.$transaction(async (tx) => {
    const period = await tx.timeOff.findUnique({ where: { id }, select: { technicianId: true, startsAt: true, endsAt: true } });
    if (!period) throw new NotFoundError('Absence', 'Time off');
    await tx.timeOff.delete({ where: { id } });
    await recordAudit(tx, viewer, { action: 'timeOff.delete', entityType: 'TimeOff', entityId: id });
    return period;
  });
  publishAvailabilityChange(deps.hub, [removed.technicianId], removed.startsAt, removed.endsAt);
  return { timeOffId: id };
}
