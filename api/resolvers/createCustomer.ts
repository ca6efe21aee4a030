import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Hub } from '../app/hub.ts';
import type { Viewer } from '../auth/viewer.ts';
import { customerDisplayName, customerFields, customerNameIssue, refreshCustomerSearchText, siteFields } from './customerRules.ts';
import { ConflictError, parseInput, ValidationError } from './errors.ts';
import { isUniqueViolation } from './prismaErrors.ts';
import { recordAudit } from './recordAudit.ts';

const createCustomerInput = z.object({
  ...customerFields,
  phones: customerFields.phones.default([]),
  emails: customerFields.emails.default([]),
  consentEmail: customerFields.consentEmail.default(true),
  consentSms: customerFields.consentSms.default(false),
  site: z.object(siteFields).nullish(),
});

export class SageAccountTakenError extends ConflictError {
  constructor() {
    super('Ce code compte SAGE est déjà attribué à un autre client.', 'This SAGE account code already belongs to another customer.');
  }
}

export async function createCustomer(
  deps: { prisma: PrismaClient; hub: Hub },
  viewer: Viewer,
  input: z.input<typeof createCustomerInput>,
): Promise<{ customerId: string }> {
  const { site, ...data } = parseInput(createCustomerInput, input);
  const name = customerDisplayName(data);
  if (!name) throw new ValidationError([customerNameIssue]);
  try {
    const customerId = await deps.prisma.$transaction(async (tx) => {
      const customer = await tx.customer.create({
        data: {
          ...data,
          phones: [...new Set(data.phones)],
          emails: [...new Set(data.emails)],
          name,
          ...(site ? { sites: { create: site } } : {}),
        },
        select: { id: true },
      });
      await refreshCustomerSearchText(tx, customer.id);
      await recordAudit(tx, viewer, { action: 'customer.create', entityType: 'Customer', entityId: customer.id });
      return customer.id;
    });
    deps.hub.publish('customerChanged', { customerId });
    return { customerId };
  } catch (error) {
    if (isUniqueViolation(error)) throw new SageAccountTakenError();
    throw error;
  }
}
