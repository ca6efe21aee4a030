// Input rules for customers, their sites, contacts and contracts, shared by the
// create and update use cases.
import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.ts';
import { customerSearchText } from './customerSearchText.ts';
import { NotFoundError } from './errors.ts';
import { emailRule, optionalTextRule, phoneRule, postalCodeRule, textRule } from './inputRules.ts';

export const customerFields = {
  kind: z.enum(['INDIVIDUAL', 'COMPANY', 'PROPERTY_MANAGER']),
  firstName: optionalTextRule(80),
  lastName: optionalTextRule(80),
  companyName: optionalTextRule(160),
  siret: z
    .string()
    .transform((value) => value.replace(/\s/g, ''))
    .pipe(z.string().regex(/^(\d{14})?$/, 'Le SIRET comporte 14 chiffres.|A SIRET number has 14 digits.'))
    .transform((value) => value || null)
    .nullish(),
  sageAccount: z
    .string()
    .trim()
    .max(17, 'Le code compte SAGE fait au plus 17 caractères.|A SAGE account code has at most 17 characters.')
    .transform((value) => value.toUpperCase() || null)
    .nullish(),
  phones: z.array(phoneRule).max(5, 'Au plus 5 numéros.|At most 5 phone numbers.'),
  emails: z.array(emailRule).max(5, 'Au plus 5 adresses e-mail.|At most 5 e-mail addresses.'),
  notes: optionalTextRule(5000),
  consentEmail: z.boolean(),
  consentSms: z.boolean(),
};

export const siteFields = {
  label: optionalTextRule(80),
  street: textRule(200),
  postalCode: postalCodeRule,
  city: textRule(100),
  accessNotes: optionalTextRule(1000),
};

export const contactFields = {
  name: textRule(120),
  role: optionalTextRule(80),
  phone: phoneRule.nullish(),
  email: emailRule.nullish(),
  isPrimary: z.boolean(),
};

export const contractFields = {
  siteId: z.string().max(64).nullish(),
  status: z.enum(['ACTIVE', 'PENDING_RENEWAL', 'EXPIRED', 'CANCELLED']),
  startDate: z.date(),
  renewalDate: z.date(),
  visitFrequencyMonths: z.number().int().min(1).max(60),
  priceCents: z.number().int().min(0).max(100_000_000),
  vatRateBp: z.union([z.literal(550), z.literal(1000), z.literal(2000)]),
  notes: optionalTextRule(2000),
};

/** The display name: "Nom Prénom" for people, the company name otherwise. */
export function customerDisplayName(customer: {
  kind: string;
  firstName?: string | null;
  lastName?: string | null;
  companyName?: string | null;
}): string | null {
  if (customer.kind === 'INDIVIDUAL') {
    const name = [customer.lastName, customer.firstName].filter(Boolean).join(' ');
    return name || customer.companyName || null;
  }
  return customer.companyName ?? null;
}

export const customerNameIssue = {
  path: 'lastName',
  messageFr: 'Indiquez le nom du client (ou la raison sociale pour une entreprise).',
  messageEn: 'Enter the customer’s last name (or the company name for a business).',
};

/** Recomputes the searchable text after any change to names, phones, e-mails or sites. */
export async function refreshCustomerSearchText(tx: Prisma.TransactionClient, customerId: string): Promise<void> {
  const customer = await tx.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { name: true, companyName: true, sageAccount: true, emails: true, phones: true, sites: { select: { postalCode: true } } },
  });
  await tx.customer.update({
    where: { id: customerId },
    data: { searchText: customerSearchText({ ...customer, postalCodes: customer.sites.map((site) => site.postalCode) }) },
  });
}

/** Fails with NotFoundError unless the customer exists and has not been erased (RGPD). */
export async function requireLiveCustomer(tx: Prisma.TransactionClient, customerId: string): Promise<void> {
  const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { erasedAt: true } });
  if (!customer || customer.erasedAt) throw new NotFoundError('Client', 'Customer');
}
