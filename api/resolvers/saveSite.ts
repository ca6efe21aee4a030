import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Hub } from '../app/hub.ts';
import type { Viewer } from '../auth/viewer.ts';
import { refreshCustomerSearchText, siteFields, requireLiveCustomer } from './customerRules.ts';
import { NotFoundError, parseInput } from './errors.ts';
import { idRule } from './inputRules.ts';
import { recordAudit } from './recordAudit.ts';

const saveSiteInput = z.object({ customerId: idRule, id: idRule.nullish(), ...siteFields });

/** Adds a site to a customer, or updates one of theirs when `id` is given. */
export async function saveSite(
  deps: { prisma: PrismaClient; hub: Hub },
  viewer: Viewer,
  input: z.input<typeof saveSiteInput>,
): Promise<{ siteId: string }> {
  const { customerId, id, ...data } = parseInput(saveSiteInput, input);
  const siteId = await deps.prisma.$transaction(async (tx) => {
    await requireLiveCustomer(tx, customerId);
    let savedId: string;
    if (id) {
      const updated = await tx.site.updateMany({ where: { id, customerId }, data });
      if (updated.count === 0) throw new NotFoundError('Adresse d’intervention', 'Site');
      savedId = id;
    } else {
      savedId = (await tx.site.create({ data: { ...data, customerId }, select: { id: true } })).id;
    }
    await refreshCustomerSearchText(tx, customerId);
    await recordAudit(tx, viewer, { action: id ? 'site.update' : 'site.create', entityType: 'Site', entityId: savedId });
    return savedId;
  });
  deps.hub.publish('customerChanged', { customerId });
  return { siteId };
}
