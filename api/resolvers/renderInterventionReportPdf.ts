// The intervention report (bon d'intervention) the customer signed, as a PDF: who, where,
// when (Paris time), the checklist, the work, the materials, the photos, the signature
// and its evidence.
import type { Prisma } from '../generated/prisma/client.ts';
import {
  contentWidth,
  drawCompanyHeader,
  drawField,
  drawImageGrid,
  drawParagraph,
  drawSection,
  drawSignatureEvidence,
  drawTable,
  formatEuros,
  formatParisDate,
  formatParisDateTime,
  formatQuantity,
  renderPdf,
  signatureEvidenceHeight,
} from './pdfLayout.ts';
import { quantityInThousandths } from './canonicalJson.ts';
import { lineTotalHtCents } from './quoteContent.ts';
import type { CompanyProfile } from './readCompanyProfile.ts';
import { reportContentVersion } from './reportContent.ts';
import { checklistAnswersOf, reportContentSelect, serviceChecklistOf } from './storedReportContent.ts';
import { siteAddress } from './appointmentDetails.ts';

export const interventionReportSelect = {
  ...reportContentSelect,
  id: true,
  enRouteAt: true,
  clockInAt: true,
  clockInLat: true,
  clockInLng: true,
  clockOutAt: true,
  clockOutLat: true,
  clockOutLng: true,
  signerName: true,
  signedAt: true,
  signedContentHash: true,
  signerIp: true,
  signerUserAgent: true,
  signatureFile: { select: { storageKey: true, sha256: true } },
  photos: {
    select: { kind: true, takenAt: true, latitude: true, longitude: true, file: { select: { sha256: true, storageKey: true } } },
    orderBy: [{ takenAt: 'asc' }, { id: 'asc' }],
  },
  technician: { select: { user: { select: { name: true } } } },
  appointment: {
    select: {
      startsAt: true,
      customerId: true,
      siteId: true,
      service: { select: { name: true, checklist: true } },
      site: { select: { street: true, postalCode: true, city: true } },
      customer: {
        select: { name: true, emails: true, erasedAt: true, users: { where: { role: 'CLIENT' }, take: 1, select: { locale: true } } },
      },
    },
  },
} satisfies Prisma.InterventionSelect;

export type InterventionReportData = Prisma.InterventionGetPayload<{ select: typeof interventionReportSelect }>;

const photoKindLabels: Record<string, string> = { BEFORE: 'Avant', AFTER: 'Après', OTHER: 'Photo' };

const position = (latitude: number | null, longitude: number | null) =>
  latitude !== null && longitude !== null ? ` – ${latitude.toFixed(5)}, ${longitude.toFixed(5)}` : '';

const duration = (minutes: number) => `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;

/** The report's title, also its file's and its e-mail's. */
export function interventionReportTitle(report: Pick<InterventionReportData, 'appointment'>): string {
  return `Rapport d’intervention du ${formatParisDate(report.appointment.startsAt)}`;
}

/** `images` are ready to embed (see imageForPdf): one per photo, in the report's photo order, and the signature. */
export function renderInterventionReportPdf(
  report: InterventionReportData,
  images: { photos: (Buffer | null)[]; signature: Buffer | null },
  company: CompanyProfile | null,
): Promise<Buffer> {
  const { appointment } = report;
  const title = interventionReportTitle(report);
  return renderPdf({ title, author: company?.name ?? 'Relais', createdAt: report.signedAt ?? new Date() }, (doc) => {
    drawCompanyHeader(doc, company, 'Rapport d’intervention', [
      `Intervention n° ${report.id}`,
      `Date : ${formatParisDate(appointment.startsAt)}`,
    ]);

    drawSection(doc, 'Client et lieu d’intervention');
    drawField(doc, 'Client', appointment.customer.name);
    drawField(doc, 'Adresse', siteAddress(appointment.site));
    drawField(doc, 'Prestation', appointment.service.name);
    drawField(doc, 'Technicien', report.technician.user.name);

    drawSection(doc, 'Horaires (heure de Paris)');
    if (report.enRouteAt) drawField(doc, 'Départ vers le site', formatParisDateTime(report.enRouteAt));
    drawField(
      doc,
      'Arrivée sur site',
      report.clockInAt ? formatParisDateTime(report.clockInAt) + position(report.clockInLat, report.clockInLng) : 'non pointée',
    );
    drawField(
      doc,
      'Fin d’intervention',
      report.clockOutAt ? formatParisDateTime(report.clockOutAt) + position(report.clockOutLat, report.clockOutLng) : 'non pointée',
    );
    if (report.timeSpentMinutes !== null) drawField(doc, 'Temps passé déclaré', duration(report.timeSpentMinutes));

    const labels = new Map(serviceChecklistOf(appointment.service.checklist).map((item) => [item.key, item.label]));
    const answers = checklistAnswersOf(report.checklistAnswers);
    if (answers.length > 0) {
      drawSection(doc, 'Points de contrôle');
      drawTable(
        doc,
        [
          { header: 'Point de contrôle', width: contentWidth * 0.45 },
          { header: 'Résultat', width: contentWidth * 0.15 },
          { header: 'Commentaire', width: contentWidth * 0.4 },
        ],
        answers.map((answer) => [
          labels.get(answer.key) ?? answer.key,
          answer.ok === null ? 'Sans objet' : answer.ok ? 'Conforme' : 'Non conforme',
          answer.comment ?? '',
        ]),
      );
    }

    drawSection(doc, 'Travaux réalisés');
    drawParagraph(doc, report.workDone ?? '—');

    if (report.materials.length > 0) {
      drawSection(doc, 'Matériel fourni');
      const lines = report.materials.map((material) => {
        const thousandths = quantityInThousandths(material.quantity.toString());
        return { ...material, thousandths, totalCents: lineTotalHtCents(thousandths, material.unitPriceCents) };
      });
      drawTable(
        doc,
        [
          { header: 'Désignation', width: contentWidth * 0.46 },
          { header: 'Quantité', width: contentWidth * 0.12, align: 'right' },
          { header: 'Unité', width: contentWidth * 0.1 },
          { header: 'Prix unitaire HT', width: contentWidth * 0.16, align: 'right' },
          { header: 'Total HT', width: contentWidth * 0.16, align: 'right' },
        ],
        [
          ...lines.map((line) => [
            line.label,
            formatQuantity(line.thousandths),
            line.unit,
            formatEuros(line.unitPriceCents),
            formatEuros(line.totalCents),
          ]),
          ['Total matériel HT', '', '', '', formatEuros(lines.reduce((sum, line) => sum + line.totalCents, 0))],
        ],
      );
    }

    if (report.observations) {
      drawSection(doc, 'Observations');
      drawParagraph(doc, report.observations);
    }
    if (report.reservations) {
      drawSection(doc, 'Réserves du client');
      drawParagraph(doc, report.reservations);
    }

    if (report.photos.length > 0) {
      drawSection(doc, 'Photos');
      drawImageGrid(
        doc,
        report.photos.map((photo, index) => ({
          content: images.photos[index] ?? null,
          caption: `${photoKindLabels[photo.kind] ?? photo.kind} – ${formatParisDateTime(photo.takenAt)}${position(photo.latitude, photo.longitude)}`,
        })),
        2,
        170,
      );
    }

    if (report.signerName && report.signedAt && report.signedContentHash) {
      drawSection(doc, 'Signature du client', signatureEvidenceHeight);
      drawSignatureEvidence(doc, 'Le client reconnaît l’exécution des travaux décrits ci-dessus.', {
        signerName: report.signerName,
        signedAt: report.signedAt,
        contentHash: report.signedContentHash,
        contentVersion: reportContentVersion,
        signatureSha256: report.signatureFile?.sha256 ?? null,
        ip: report.signerIp,
        userAgent: report.signerUserAgent,
        signature: images.signature,
      });
    }
  });
}
