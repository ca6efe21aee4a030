// The acceptable content of a quote as stored, in the shape quoteContent.ts prices and
// hashes; and the validity arithmetic between a quote's date and its last valid day.
import type { Prisma } from '../generated/prisma/client.ts';
import { parisDateKey } from './parisTime.ts';
import type { QuoteContent } from './quoteContent.ts';

const dayMs = 86_400_000;

export const quoteContentSelect = {
  customerId: true,
  siteId: true,
  createdAt: true,
  validUntil: true,
  travelCostCents: true,
  vatAttestation: true,
  lines: {
    select: { catalogItemId: true, label: true, quantity: true, unit: true, unitPriceCents: true, vatRateBp: true },
    orderBy: { position: 'asc' },
  },
} satisfies Prisma.QuoteSelect;

export type StoredQuote = Prisma.QuoteGetPayload<{ select: typeof quoteContentSelect }>;

/** The last day a quote issued then can be accepted, `validityDays` Paris days later (a date column). */
export function quoteValidUntil(issuedAt: Date, validityDays: number): Date {
  return new Date(Date.parse(`${parisDateKey(issuedAt)}T00:00:00Z`) + validityDays * dayMs);
}

export function quoteValidityDays(quote: { createdAt: Date; validUntil: Date }): number {
  return Math.round((quote.validUntil.getTime() - Date.parse(`${parisDateKey(quote.createdAt)}T00:00:00Z`)) / dayMs);
}

export function storedQuoteContent(quote: StoredQuote): QuoteContent {
  return {
    customerId: quote.customerId,
    siteId: quote.siteId,
    validityDays: quoteValidityDays(quote),
    draft: {
      lines: quote.lines.map((line) => ({ ...line, quantity: line.quantity.toString() })),
      travelCostCents: quote.travelCostCents,
      vatAttestation: quote.vatAttestation,
    },
  };
}
