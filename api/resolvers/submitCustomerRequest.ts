import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import { createTicket } from './createTicket.ts';
import { NotFoundError, parseInput } from './errors.ts';
import { clientMutationIdRule, idRule, optionalTextRule, textRule } from './inputRules.ts';
import type { TicketDeps } from './ticketRules.ts';

/** What a customer may ask for from the portal; the office re-files it if needed. */
export const customerRequestCategories = [
  'BREAKDOWN',
  'QUOTE_REQUEST',
  'APPOINTMENT',
  'BILLING',
  'INFORMATION',
  'COMPLAINT',
  'OTHER',
] as const;

const submitCustomerRequestInput = z.object({
  subject: textRule(200),
  description: optionalTextRule(5000),
  category: z.enum(customerRequestCategories, 'Valeur non reconnue.|Unknown value.'),
  siteId: idRule.nullish(),
  idempotencyKey: clientMutationIdRule,
});

export type SubmitCustomerRequestInput = z.input<typeof submitCustomerRequestInput>;

/**
 * A signed-in customer's request from the portal ("Nouvelle demande"): a ticket in the
 * office's inbox (source PORTAL), theirs only, a breakdown with high priority. Once per
 * idempotency key.
 */
export async function submitCustomerRequest(
  deps: TicketDeps,
  viewer: Viewer,
  input: SubmitCustomerRequestInput,
): Promise<{ ticketId: string; replayed: boolean }> {
  const data = parseInput(submitCustomerRequestInput, input);
  if (viewer.kind !== 'user' || !viewer.customerId) throw new NotFoundError('Client', 'Customer');
  if (data.siteId) {
    const site = await deps.prisma.site.findUnique({ where: { id: data.siteId }, select: { customerId: true } });
    if (site?.customerId !== viewer.customerId) throw new NotFoundError('Adresse', 'Site');
  }
  return createTicket(deps, viewer, {
    source: 'PORTAL',
    subject: data.subject,
    description: data.description,
    category: data.category,
    priority: data.category === 'BREAKDOWN' ? 'HIGH' : 'NORMAL',
    customerId: viewer.customerId,
    siteId: data.siteId,
    idempotencyKey: data.idempotencyKey,
  });
}
