import { z } from 'zod';
import type { FileStore } from '../app/fileStore.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { NotFoundError, parseInput } from './errors.ts';
import { ContentChangedError, NotAssignedError, QuoteClosedError } from './fieldWorkErrors.ts';
import { findIdempotentResult, idempotencyKeyFor, recordIdempotentResult, runOnce } from './idempotency.ts';
import { clientMutationIdRule, idRule, textRule } from './inputRules.ts';
import { parisDateKey } from './parisTime.ts';
import { quoteContentHash } from './quoteContent.ts';
import { recordAudit } from './recordAudit.ts';
import { enqueueQuoteDocument } from './storeQuoteDocument.ts';
import { quoteContentSelect, storedQuoteContent } from './storedQuoteContent.ts';
import {
  checkDeviceTime,
  contentHashRule,
  lockTechnicianAppointment,
  checkSignatureImage,
  storeTechnicianImage,
  type FieldWorkDeps,
  type SignatureOrigin,
} from './technicianVisitRules.ts';

const acceptQuoteOnSiteInput = z.object({
  quoteId: idRule,
  signerName: textRule(200),
  acceptedAt: z.date(),
  contentHash: contentHashRule,
  clientMutationId: clientMutationIdRule,
});

export type AcceptQuoteOnSiteInput = z.input<typeof acceptQuoteOnSiteInput> & { signature?: unknown };

/**
 * The customer accepts an on-site quote on the technician's phone ("Bon pour travaux"):
 * the hash of the content they were shown must be the hash of the quote as stored
 * (else ContentChangedError), and the signature image, time, name, hash, IP and device
 * are kept as evidence. Once per client mutation id; the signed PDF follows through
 * the job runner, and the office sees the acceptance at once.
 */
export async function acceptQuoteOnSite(
  deps: FieldWorkDeps & { files: FileStore },
  viewer: Viewer,
  input: AcceptQuoteOnSiteInput,
  origin: SignatureOrigin,
  options: { now?: Date } = {},
): Promise<{ quoteId: string; replayed: boolean }> {
  const data = parseInput(acceptQuoteOnSiteInput, input);
  const key = idempotencyKeyFor(viewer, 'acceptQuoteOnSite', data.clientMutationId);
  const result = await runOnce(deps.prisma, key, async () => {
    const signature = await checkSignatureImage(input.signature, 'signature-devis');
    return deps.prisma.$transaction(async (tx: Prisma.TransactionClient) => {
      await tx.$queryRaw`SELECT "id" FROM "Quote" WHERE "id" = ${data.quoteId} FOR UPDATE`;
      // A concurrent replay waited for the lock above: it must not store the signature a second time.
      const earlier = await findIdempotentResult<{ quoteId: string; customerId: string }>(tx, key);
      if (earlier) return earlier;
      const quote = await tx.quote.findUnique({
        where: { id: data.quoteId },
        select: { ...quoteContentSelect, id: true, status: true, intervention: { select: { appointmentId: true } } },
      });
      if (!quote) throw new NotFoundError('Devis', 'Quote');
      // Only a quote drawn up on site is signed on the technician's phone.
      if (!quote.intervention) throw new NotAssignedError();
      const appointment = await lockTechnicianAppointment(tx, viewer, quote.intervention.appointmentId, { moved: 'accept' });
      if (quote.status === 'ACCEPTED' || quote.status === 'REFUSED' || quote.status === 'EXPIRED') throw new QuoteClosedError(quote.status);
      checkDeviceTime(data.acceptedAt, appointment, 'acceptedAt', options.now);
      if (parisDateKey(data.acceptedAt) > quote.validUntil.toISOString().slice(0, 10)) throw new QuoteClosedError('EXPIRED');
      const currentHash = await quoteContentHash(storedQuoteContent(quote));
      if (currentHash !== data.contentHash) throw new ContentChangedError(currentHash);
      const signatureFileId = await storeTechnicianImage(tx, deps.files, viewer, signature);
      await tx.quote.update({
        where: { id: quote.id },
        data: {
          status: 'ACCEPTED',
          acceptedAt: data.acceptedAt,
          acceptedByName: data.signerName,
          acceptedHash: currentHash,
          acceptedIp: origin.ip,
          acceptedUserAgent: origin.userAgent,
          signatureFileId,
        },
      });
      await enqueueQuoteDocument(tx, quote.id, 'ACCEPTED');
      await recordAudit(tx, viewer, {
        action: 'quote.accept',
        entityType: 'Quote',
        entityId: quote.id,
        data: {
          signerName: data.signerName,
          acceptedAt: data.acceptedAt.toISOString(),
          contentHash: currentHash,
          userAgent: origin.userAgent,
        },
        ip: origin.ip,
      });
      await recordIdempotentResult(tx, key, 'acceptQuoteOnSite', { quoteId: quote.id, customerId: quote.customerId });
      return { quoteId: quote.id, customerId: quote.customerId };
    });
  });
  if (!result.replayed) {
    deps.hub.publish('customerChanged', { customerId: result.customerId });
    deps.hub.publish('jobsDue', {});
  }
  return { quoteId: result.quoteId, replayed: result.replayed };
}
