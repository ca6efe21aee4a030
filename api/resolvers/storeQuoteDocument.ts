// A quote's PDF is made by the job runner, queued in the transaction that created or
// accepted the quote: the quote is on the customer's record at once, its PDF a moment later.
import { z } from 'zod';
import type { FileStore } from '../app/fileStore.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { imageForPdf } from './pdfLayout.ts';
import { readCompanyProfile } from './readCompanyProfile.ts';
import { quoteDocumentTitle, quotePdfSelect, renderQuotePdf } from './renderQuotePdf.ts';
import { storeFile } from './storeFile.ts';
import { enqueueJob } from './enqueueJob.ts';

export const quoteDocumentKind = 'quote.document';

const payloadRule = z.object({ quoteId: z.string() });

/** One PDF per state the customer can be shown: as presented (SENT) and as accepted. */
export async function enqueueQuoteDocument(tx: Prisma.TransactionClient, quoteId: string, status: 'SENT' | 'ACCEPTED'): Promise<void> {
  await enqueueJob(tx, { kind: quoteDocumentKind, payload: { quoteId }, dedupeKey: `${quoteDocumentKind}:${quoteId}:${status}` });
}

/** Renders the quote as it stands and keeps it as a document the customer sees; a document already made for this state is not made again. */
export async function storeQuoteDocument(deps: { prisma: PrismaClient; files: FileStore }, payload: unknown): Promise<void> {
  const { quoteId } = payloadRule.parse(payload);
  const { prisma } = deps;
  const quote = await prisma.quote.findUnique({ where: { id: quoteId }, select: quotePdfSelect });
  if (!quote) return;
  const title = quoteDocumentTitle(quote);
  if ((await prisma.document.count({ where: { quoteId, title } })) > 0) return;
  const signature = quote.signatureFile ? await imageForPdf(await deps.files.read(quote.signatureFile.storageKey), 'signature') : null;
  const pdf = await renderQuotePdf(quote, signature, await readCompanyProfile(prisma));
  await prisma.$transaction(async (tx) => {
    const fileId = await storeFile(tx, deps.files, { fileName: `${title}.pdf`, mimeType: 'application/pdf', content: pdf });
    await tx.document.create({
      data: {
        kind: 'QUOTE',
        title,
        fileId,
        customerId: quote.customerId,
        siteId: quote.siteId,
        quoteId,
        interventionId: quote.interventionId,
        visibleToCustomer: true,
      },
    });
  });
}
