import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { normalizePhone } from './normalizePhone.ts';

/**
 * The customer a phone number typed or sent in any usual form belongs to: one of their own
 * numbers first, else one of their contacts'. Numbers are stored E.164, so the match is exact.
 */
export async function findCustomerByPhone(db: PrismaClient | Prisma.TransactionClient, number: string): Promise<string | null> {
  const e164 = normalizePhone(number);
  if (!e164) return null;
  // The oldest record wins when a number is shared (a household and its property manager).
  const own = await db.customer.findFirst({
    where: { erasedAt: null, phones: { has: e164 } },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  if (own) return own.id;
  const throughContact = await db.customer.findFirst({
    where: { erasedAt: null, contacts: { some: { phone: e164 } } },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  return throughContact?.id ?? null;
}
