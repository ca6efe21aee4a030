import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Hub } from '../app/hub.ts';
import type { Viewer } from '../auth/viewer.ts';
import { contactFields, requireLiveCustomer } from './customerRules.ts';
import { NotFoundError, parseInput } from './errors.ts';
import { idRule } from './inputRules.ts';
import { recordAudit } from './recordAudit.ts';

const saveContactInput = z.object({
  customerId: idRule,
  id: idRule.nullish(),
  ...contactFields,
  isPrimary: contactFields.isPrimary.default(false),
});

/** Adds a contact person to a customer, or updates one of theirs when `id` is given. */
export async function saveContact(
  deps: { prisma: PrismaClient; hub: Hub },
  viewer: Viewer,
  input: z.input<typeof saveContactInput>,
): Promise<{ contactId: string }> {
  const { customerId, id, ...data } = parseInput(saveContactInput, input);
  const contactId = await deps.prisma.$transaction(async (tx) => {
    await requireLiveCustomer(tx, customerId);
    // One primary contact per customer.
    if (data.isPrimary) await tx.contact.updateMany({ where: { customerId, isPrimary: true }, data: { isPrimary: false } });
    const values = { ...data, phone: data.phone ?? null, email: data.email ?? null };
    let savedId: string;
    if (id) {
      const updated = await tx.contact.updateMany({ where: { id, customerId }, data: values });
      if (updated.count === 0) throw new NotFoundError('Contact', 'Contact');
      savedId = id;
    } else {
      savedId = (await tx.contact.create({ data: { ...values, customerId }, select: { id: true } })).id;
    }
    await recordAudit(tx, viewer, { action: id ? 'contact.update' : 'contact.create', entityType: 'Contact', entityId: savedId });
    return savedId;
  });
  deps.hub.publish('customerChanged', { customerId });
  return { contactId };
}
