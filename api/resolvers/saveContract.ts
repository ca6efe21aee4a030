import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Hub } from '../app/hub.ts';
import type { Viewer } from '../auth/viewer.ts';
import { contractFields, requireLiveCustomer } from './customerRules.ts';
import { NotFoundError, parseInput, ValidationError } from './errors.ts';
import { idRule } from './inputRules.ts';
import { recordAudit } from './recordAudit.ts';

const saveContractInput = z.object({
  customerId: idRule,
  id: idRule.nullish(),
  ...contractFields,
  status: contractFields.status.default('ACTIVE'),
  visitFrequencyMonths: contractFields.visitFrequencyMonths.default(12),
  vatRateBp: contractFields.vatRateBp.default(2000),
});

/** Creates a maintenance contract (numbered CTR-<year>-<n>), or updates one when `id` is given. */
export async function saveContract(
  deps: { prisma: PrismaClient; hub: Hub },
  viewer: Viewer,
  input: z.input<typeof saveContractInput>,
): Promise<{ contractId: string }> {
  const { customerId, id, ...data } = parseInput(saveContractInput, input);
  if (data.renewalDate <= data.startDate) {
    throw new ValidationError([
      {
        path: 'renewalDate',
        messageFr: 'Le renouvellement doit suivre le début du contrat.',
        messageEn: 'The renewal date must come after the start date.',
      },
    ]);
  }
  const contractId = await deps.prisma.$transaction(async (tx) => {
    await requireLiveCustomer(tx, customerId);
    if (data.siteId && !(await tx.site.count({ where: { id: data.siteId, customerId } }))) {
      throw new NotFoundError('Adresse d’intervention', 'Site');
    }
    const values = { ...data, siteId: data.siteId ?? null };
    let savedId: string;
    if (id) {
      const updated = await tx.contract.updateMany({ where: { id, customerId }, data: values });
      if (updated.count === 0) throw new NotFoundError('Contrat', 'Contract');
      savedId = id;
    } else {
      const year = data.startDate.getUTCFullYear();
      const sequence = await tx.numberSequence.upsert({
        where: { name_year: { name: 'contract', year } },
        create: { name: 'contract', year, value: 1 },
        update: { value: { increment: 1 } },
      });
      const number = `CTR-${year}-${String(sequence.value).padStart(4, '0')}`;
      savedId = (await tx.contract.create({ data: { ...values, customerId, number }, select: { id: true } })).id;
    }
    await recordAudit(tx, viewer, { action: id ? 'contract.update' : 'contract.create', entityType: 'Contract', entityId: savedId });
    return savedId;
  });
  deps.hub.publish('customerChanged', { customerId });
  return { contractId };
}
