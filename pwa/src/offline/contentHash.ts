// What the customer signs, hashed on the device with the API's own canonical form
// (api/resolvers/reportContent.ts, quoteContent.ts: no server-only imports), so the
// server recomputes the same hash from what it stored and can prove what was signed.
import { quoteContentHash as hashQuote } from '../../../api/resolvers/quoteContent.ts';
import { reportContentHash as hashReport } from '../../../api/resolvers/reportContent.ts';
import type { LocalPhoto, LocalQuote, ReportContent } from './db';

/** Days an on-site quote can be accepted, counted from the day it is drawn up. */
export const onSiteQuoteValidityDays = 30;

/** The report as the API takes it (saveInterventionReport) and hashes it. */
export function reportForServer(report: ReportContent) {
  return {
    checklistAnswers: Object.entries(report.checklist).map(([key, answer]) => ({ key, ok: answer.ok, comment: answer.comment ?? null })),
    workDone: report.workDone,
    materials: report.materials.map(({ catalogItemId, label, quantity, unit, unitPriceCents }) => ({
      catalogItemId,
      label,
      quantity,
      unit,
      unitPriceCents,
    })),
    timeSpentMinutes: report.timeSpentMinutes,
    observations: report.observations,
    reservations: report.reservations,
    opportunity: report.opportunity,
    opportunityNote: report.opportunityNote,
  };
}

export async function blobSha256(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function reportContentHash(appointmentId: string, report: ReportContent, photos: readonly LocalPhoto[]): Promise<string> {
  return hashReport({
    appointmentId,
    ...reportForServer(report),
    photos: photos.map((photo) => ({ sha256: photo.sha256, kind: photo.kind, takenAt: photo.takenAt })),
  });
}

/** The quote as the API takes it (createOnSiteQuote) and hashes it. */
export function quoteForServer(quote: Pick<LocalQuote, 'lines' | 'travelCostCents'>) {
  return {
    lines: quote.lines.map(({ catalogItemId, label, quantity, unit, unitPriceCents, vatRateBp }) => ({
      catalogItemId,
      label,
      quantity,
      unit,
      unitPriceCents,
      vatRateBp,
    })),
    travelCostCents: quote.travelCostCents,
    vatAttestation: null,
    validityDays: onSiteQuoteValidityDays,
  };
}

export function quoteContentHash(place: { customerId: string; siteId: string }, quote: LocalQuote): Promise<string> {
  const { validityDays, ...draft } = quoteForServer(quote);
  return hashQuote({ customerId: place.customerId, siteId: place.siteId, validityDays, draft });
}
