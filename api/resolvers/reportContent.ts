// What a customer signs on an intervention report, as one canonical text and its hash.
// The PWA imports this file to compute the hash it sends with the signature; the API
// recomputes it from what it stored and refuses a mismatch. No server-only imports.
import { canonicalInstant, canonicalJson, canonicalText, quantityInThousandths, sha256Hex, sortCanonically } from './canonicalJson.ts';

export interface ReportContent {
  appointmentId: string;
  checklistAnswers: readonly { key: string; ok: boolean | null; comment?: string | null }[];
  workDone: string | null | undefined;
  materials: readonly {
    catalogItemId?: string | null;
    label: string;
    quantity: number | string;
    unit: string;
    unitPriceCents: number;
  }[];
  timeSpentMinutes: number | null | undefined;
  observations: string | null | undefined;
  reservations: string | null | undefined;
  /** The photos attached, by the SHA-256 of the exact bytes uploaded. */
  photos: readonly { sha256: string; kind: string; takenAt: Date | string }[];
}

/** Bumped if the canonical form ever changes, so that old evidence stays verifiable. */
export const reportContentVersion = 1;

/**
 * The report as signed: checklist answers, materials and photos each in canonical order
 * (the device and the database need not agree on one), quantities in thousandths, texts
 * trimmed. The sales opportunity is the office's business and is not part of it.
 */
export function canonicalReportContent(report: ReportContent): string {
  return canonicalJson({
    version: reportContentVersion,
    appointmentId: report.appointmentId,
    checklist: sortCanonically(
      report.checklistAnswers.map((answer) => ({ key: answer.key, ok: answer.ok, comment: canonicalText(answer.comment) })),
    ),
    workDone: canonicalText(report.workDone),
    materials: sortCanonically(
      report.materials.map((material) => ({
        catalogItemId: material.catalogItemId ?? null,
        label: canonicalText(material.label),
        quantityThousandths: quantityInThousandths(material.quantity),
        unit: canonicalText(material.unit),
        unitPriceCents: material.unitPriceCents,
      })),
    ),
    timeSpentMinutes: report.timeSpentMinutes ?? null,
    observations: canonicalText(report.observations),
    reservations: canonicalText(report.reservations),
    photos: sortCanonically(
      report.photos.map((photo) => ({ sha256: photo.sha256.toLowerCase(), kind: photo.kind, takenAt: canonicalInstant(photo.takenAt) })),
    ),
  });
}

/** The hex SHA-256 the customer's signature is bound to. */
export function reportContentHash(report: ReportContent): Promise<string> {
  return sha256Hex(canonicalReportContent(report));
}
