import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Hub } from '../app/hub.ts';
import type { Viewer } from '../auth/viewer.ts';
import { SageAccountTakenError } from './createCustomer.ts';
import { customerDisplayName, customerFields, customerNameIssue, refreshCustomerSearchText } from './customerRules.ts';
import { NotFoundError, parseInput, ValidationError } from './errors.ts';
import { idRule } from './inputRules.ts';
import { isUniqueViolation } from './prismaErrors.ts';
import { recordAudit } from './recordAudit.ts';

const updateCustomerInput = z.object({ id: idRule, ...z.object(customerFields).partial().shape });

/** Changes only the fields given; the name and search text follow. */
export async function updateCustomer(
  deps: { prisma: PrismaClient; hub: Hub },
  viewer: Viewer,
  input: z.input<typeof updateCustomerInput>,
): Promise<{ customerId: string }> {
  const { id, ...patch } = parseInput(updateCustomerInput, input);
  try {
    await deps.prisma.$transaction(async (tx) => {
      const current = await tx.customer.findUnique({
        where: { id },
        select: { kind: true, firstName: true, lastName: true, companyName: true, erasedAt: true },
      });
      if (!current || current.erasedAt) throw new NotFoundError('Client', 'Customer');
      const name = customerDisplayName({ ...current, ...patch });
      if (!name) throw new ValidationError([customerNameIssue]);
      await tx.customer.update({
        where: { id },
        data: {
          ...patch,
          name,
          ...(patch.phones ? { phones: [...new Set(patch.phones)] } : {}),
          ...(patch.emails ? { emails: [...new Set(patch.emails)] } : {}),
        },
      });
      await refreshCustomerSearchText(tx, id);
      await recordAudit(tx, viewer, {
        action: 'customer.update',
        entityType: 'Customer',
        entityId: id,
        data: { fields: Object.keys(patch) },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new SageAccountTakenError();
    throw error;
  }
  deps.hub.publish('customerChanged', { customerId: id });
  return { customerId: id };
}
