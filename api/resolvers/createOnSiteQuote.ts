import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { NotFoundError, parseInput, ValidationError } from './errors.ts';
import { idempotencyKeyFor, recordIdempotentResult, runOnce } from './idempotency.ts';
import { clientMutationIdRule, idRule, optionalTextRule, textRule } from './inputRules.ts';
import { parisWallClock } from './parisTime.ts';
import { priceQuote, quoteVatRatesBp } from './quoteContent.ts';
import { recordAudit } from './recordAudit.ts';
import { enqueueQuoteDocument } from './storeQuoteDocument.ts';
import { quoteValidUntil } from './storedQuoteContent.ts';
import {
  checkDeviceTime,
  ensureIntervention,
  lockTechnicianAppointment,
  quantityRule,
  unitPriceRule,
  type FieldWorkDeps,
} from './technicianVisitRules.ts';

/** The totals are stored in 32-bit integer columns. */
const maxAmountCents = 2_000_000_000;

const createOnSiteQuoteInput = z.object({
  appointmentId: idRule,
  title: optionalTextRule(200),
  lines: z
    .array(
      z.object({
        catalogItemId: idRule.nullish(),
        label: textRule(500),
        quantity: quantityRule,
        unit: textRule(20),
        unitPriceCents: unitPriceRule,
        vatRateBp: z
          .number()
          .refine(
            (rate) => (quoteVatRatesBp as readonly number[]).includes(rate),
            'Taux de TVA : 20 %, 10 % ou 5,5 %.|VAT rate: 20 %, 10 % or 5.5 %.',
          ),
      }),
    )
    .min(1, 'Au moins une ligne.|At least one line.')
    .max(100, 'Au plus 100 lignes.|At most 100 lines.'),
  travelCostCents: unitPriceRule.nullish(),
  validityDays: z.number().int().min(1, 'Au moins 1 jour.|At least 1 day.').max(365, 'Au plus 365 jours.|At most 365 days.'),
  vatAttestation: optionalTextRule(1000),
  issuedAt: z.date().nullish(),
  clientMutationId: clientMutationIdRule,
});

export type CreateOnSiteQuoteInput = z.input<typeof createOnSiteQuoteInput>;

/**
 * The technician draws up a quote on site, for the appointment's customer and address:
 * numbered DEV-<year>-<n> without gaps (one counter with the office's quotes), priced by
 * priceQuote (the PWA shows the same totals), presented to the customer at once (SENT),
 * and on the customer's record for the office straight away. `issuedAt` is the phone's
 * time when it was drawn up (offline, it reaches the server later); the number is given
 * on arrival. Once per client mutation id; the PDF follows through the job runner.
 */
export async function createOnSiteQuote(
  deps: FieldWorkDeps,
  viewer: Viewer,
  input: CreateOnSiteQuoteInput,
  options: { now?: Date } = {},
): Promise<{ quoteId: string; replayed: boolean }> {
  const data = parseInput(createOnSiteQuoteInput, input);
  const priced = priceQuote({ lines: data.lines, travelCostCents: data.travelCostCents ?? 0, vatAttestation: data.vatAttestation });
  if (priced.totalTtcCents > maxAmountCents) {
    throw new ValidationError([{ path: 'lines', messageFr: 'Montant total trop élevé.', messageEn: 'Total amount too high.' }]);
  }
  const key = idempotencyKeyFor(viewer, 'createOnSiteQuote', data.clientMutationId);
  const now = options.now ?? new Date();
  const issuedAt = data.issuedAt ?? now;
  const result = await runOnce(deps.prisma, key, () =>
    deps.prisma.$transaction(async (tx: Prisma.TransactionClient) => {
      const appointment = await lockTechnicianAppointment(tx, viewer, data.appointmentId, { moved: 'accept' });
      checkDeviceTime(issuedAt, appointment, 'issuedAt', now);
      const intervention = await ensureIntervention(tx, appointment);
      const catalogItemIds = [...new Set(data.lines.flatMap((line) => line.catalogItemId ?? []))];
      if ((await tx.catalogItem.count({ where: { id: { in: catalogItemIds } } })) !== catalogItemIds.length) {
        throw new NotFoundError('Article du catalogue', 'Catalog item');
      }
      const { year } = parisWallClock(issuedAt);
      const sequence = await tx.numberSequence.upsert({
        where: { name_year: { name: 'quote', year } },
        create: { name: 'quote', year, value: 1 },
        update: { value: { increment: 1 } },
      });
      const quote = await tx.quote.create({
        data: {
          number: `DEV-${year}-${String(sequence.value).padStart(5, '0')}`,
          customerId: appointment.customerId,
          siteId: appointment.siteId,
          interventionId: intervention.id,
          title: data.title ?? 'Devis établi sur place',
          status: 'SENT',
          validUntil: quoteValidUntil(issuedAt, data.validityDays),
          isFree: true,
          travelCostCents: priced.travelCostCents,
          totalHtCents: priced.totalHtCents,
          totalVatCents: priced.totalVatCents,
          totalTtcCents: priced.totalTtcCents,
          vatAttestation: priced.vatAttestation,
          createdById: viewer.kind === 'user' ? viewer.userId : null,
          sentAt: issuedAt,
          createdAt: issuedAt,
          lines: {
            create: priced.lines.map((line, index) => ({
              position: index + 1,
              catalogItemId: line.catalogItemId,
              label: line.label,
              quantity: (line.quantityThousandths / 1000).toFixed(3),
              unit: line.unit,
              unitPriceCents: line.unitPriceCents,
              vatRateBp: line.vatRateBp,
              totalHtCents: line.totalHtCents,
            })),
          },
        },
        select: { id: true },
      });
      await enqueueQuoteDocument(tx, quote.id, 'SENT');
      await recordAudit(tx, viewer, { action: 'quote.create', entityType: 'Quote', entityId: quote.id });
      await recordIdempotentResult(tx, key, 'createOnSiteQuote', { quoteId: quote.id, customerId: appointment.customerId });
      return { quoteId: quote.id, customerId: appointment.customerId };
    }),
  );
  if (!result.replayed) {
    deps.hub.publish('customerChanged', { customerId: result.customerId });
    deps.hub.publish('jobsDue', {});
  }
  return { quoteId: result.quoteId, replayed: result.replayed };
}
