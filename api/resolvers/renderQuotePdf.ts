// A quote as a PDF with the mentions French law requires of a quote for works: the
// company's identity, the customer and the work address, the date and validity, each line
// with its quantity and unit price, travel costs, VAT per rate, totals, whether the quote
// is free, the attestation for reduced VAT rates, and the "Bon pour travaux" acceptance.
import type { Prisma } from '../generated/prisma/client.ts';
import {
  contentWidth,
  drawCompanyHeader,
  drawField,
  drawParagraph,
  drawSection,
  drawSignatureEvidence,
  drawTable,
  formatEuros,
  formatParisDate,
  formatQuantity,
  formatVatRate,
  renderPdf,
  signatureEvidenceHeight,
} from './pdfLayout.ts';
import { priceQuote, quoteContentVersion } from './quoteContent.ts';
import type { CompanyProfile } from './readCompanyProfile.ts';
import { quoteContentSelect, quoteValidityDays, storedQuoteContent } from './storedQuoteContent.ts';
import { siteAddress } from './appointmentDetails.ts';

export const quotePdfSelect = {
  ...quoteContentSelect,
  id: true,
  number: true,
  title: true,
  status: true,
  isFree: true,
  interventionId: true,
  acceptedAt: true,
  acceptedByName: true,
  acceptedHash: true,
  acceptedIp: true,
  acceptedUserAgent: true,
  signatureFile: { select: { storageKey: true, sha256: true } },
  customer: { select: { name: true, companyName: true, siret: true } },
  site: { select: { street: true, postalCode: true, city: true } },
} satisfies Prisma.QuoteSelect;

export type QuotePdfData = Prisma.QuoteGetPayload<{ select: typeof quotePdfSelect }>;

export const acceptanceStatement = 'Bon pour travaux. Devis reçu avant l’exécution des travaux, lu et accepté.';

/** The quote's title as a document: the signed one is a document of its own. */
export function quoteDocumentTitle(quote: Pick<QuotePdfData, 'number' | 'status'>): string {
  return quote.status === 'ACCEPTED' ? `Devis ${quote.number} – bon pour travaux signé` : `Devis ${quote.number}`;
}

/** `signature` is ready to embed (see imageForPdf), for an accepted quote. */
export function renderQuotePdf(quote: QuotePdfData, signature: Buffer | null, company: CompanyProfile | null): Promise<Buffer> {
  const priced = priceQuote(storedQuoteContent(quote).draft);
  const validityDays = quoteValidityDays(quote);
  return renderPdf(
    { title: quoteDocumentTitle(quote), author: company?.name ?? 'Relais', createdAt: quote.acceptedAt ?? quote.createdAt },
    (doc) => {
      drawCompanyHeader(doc, company, `Devis n° ${quote.number}`, [
        `Date : ${formatParisDate(quote.createdAt)}`,
        `Valable jusqu’au : ${formatParisDate(quote.validUntil)}`,
      ]);

      drawSection(doc, 'Client');
      drawField(doc, 'Client', quote.customer.companyName ?? quote.customer.name);
      if (quote.customer.siret) drawField(doc, 'SIRET du client', quote.customer.siret);
      if (quote.site) drawField(doc, 'Adresse des travaux', siteAddress(quote.site));
      drawField(doc, 'Objet', quote.title);

      drawSection(doc, 'Détail des prestations');
      drawTable(
        doc,
        [
          { header: 'Désignation', width: contentWidth * 0.4 },
          { header: 'Quantité', width: contentWidth * 0.1, align: 'right' },
          { header: 'Unité', width: contentWidth * 0.09 },
          { header: 'Prix unitaire HT', width: contentWidth * 0.15, align: 'right' },
          { header: 'TVA', width: contentWidth * 0.1, align: 'right' },
          { header: 'Total HT', width: contentWidth * 0.16, align: 'right' },
        ],
        priced.lines.map((line) => [
          line.label,
          formatQuantity(line.quantityThousandths),
          line.unit,
          formatEuros(line.unitPriceCents),
          formatVatRate(line.vatRateBp),
          formatEuros(line.totalHtCents),
        ]),
      );
      drawField(
        doc,
        'Frais de déplacement',
        priced.travelVatRateBp === null
          ? 'aucun'
          : `${formatEuros(priced.travelCostCents)} HT (TVA ${formatVatRate(priced.travelVatRateBp)})`,
      );

      drawSection(doc, 'Montants');
      drawTable(
        doc,
        [
          { header: 'Récapitulatif', width: contentWidth * 0.7 },
          { header: 'Montant', width: contentWidth * 0.3, align: 'right' },
        ],
        [
          ['Total HT', formatEuros(priced.totalHtCents)],
          ...priced.vatByRate.map((rate) => [
            `TVA ${formatVatRate(rate.vatRateBp)} sur ${formatEuros(rate.baseHtCents)}`,
            formatEuros(rate.vatCents),
          ]),
          ['Total TVA', formatEuros(priced.totalVatCents)],
          ['Total TTC', formatEuros(priced.totalTtcCents)],
        ],
      );

      drawSection(doc, 'Conditions');
      drawParagraph(
        doc,
        [
          quote.isFree ? 'Devis gratuit.' : 'Devis payant.',
          `Durée de validité de l’offre : ${validityDays} jours, jusqu’au ${formatParisDate(quote.validUntil)}.`,
          'Prix exprimés en euros.',
        ].join('\n'),
      );
      if (priced.vatAttestation) {
        doc.moveDown(0.4);
        drawParagraph(doc, 'Attestation du client pour l’application du taux réduit de TVA :', { font: 'Helvetica-Bold' });
        drawParagraph(doc, priced.vatAttestation);
      }

      drawSection(doc, 'Acceptation du client', signatureEvidenceHeight);
      if (quote.status === 'ACCEPTED' && quote.acceptedAt && quote.acceptedByName && quote.acceptedHash) {
        drawSignatureEvidence(doc, acceptanceStatement, {
          signerName: quote.acceptedByName,
          signedAt: quote.acceptedAt,
          contentHash: quote.acceptedHash,
          contentVersion: quoteContentVersion,
          signatureSha256: quote.signatureFile?.sha256 ?? null,
          ip: quote.acceptedIp,
          userAgent: quote.acceptedUserAgent,
          signature,
        });
      } else {
        drawParagraph(doc, 'Date, nom et signature du client, précédés de la mention manuscrite « Bon pour travaux » :');
        doc
          .rect(doc.x, doc.y + 4, 260, 90)
          .lineWidth(0.5)
          .strokeColor('#999999')
          .stroke();
      }
    },
  );
}
