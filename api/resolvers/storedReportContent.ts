// The signable content of an intervention as stored, in the shape reportContent.ts
// hashes: what the signature is checked against and what the report PDF prints.
import type { Prisma } from '../generated/prisma/client.ts';
import type { ReportContent } from './reportContent.ts';

export const reportContentSelect = {
  appointmentId: true,
  checklistAnswers: true,
  workDone: true,
  timeSpentMinutes: true,
  observations: true,
  reservations: true,
  materials: {
    select: { catalogItemId: true, label: true, quantity: true, unit: true, unitPriceCents: true },
    orderBy: [{ label: 'asc' }, { id: 'asc' }],
  },
  photos: { select: { kind: true, takenAt: true, file: { select: { sha256: true } } }, orderBy: [{ takenAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.InterventionSelect;

export type StoredReport = Prisma.InterventionGetPayload<{ select: typeof reportContentSelect }>;

export interface ChecklistAnswer {
  key: string;
  ok: boolean | null;
  comment: string | null;
}

/** checklistAnswers is stored as { key: { ok, comment? } } (see the Prisma schema). */
export function checklistAnswersOf(stored: Prisma.JsonValue): ChecklistAnswer[] {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return [];
  return Object.entries(stored).map(([key, value]) => {
    const answer = (value ?? {}) as { ok?: unknown; comment?: unknown };
    return {
      key,
      ok: typeof answer.ok === 'boolean' ? answer.ok : null,
      comment: typeof answer.comment === 'string' ? answer.comment : null,
    };
  });
}

export interface ServiceChecklistItem {
  key: string;
  label: string;
}

/** Service.checklist is stored as [{ key, label }]; anything else in it is ignored. */
export function serviceChecklistOf(stored: Prisma.JsonValue): ServiceChecklistItem[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    const candidate = item as { key?: unknown; label?: unknown } | null;
    return typeof candidate?.key === 'string' && typeof candidate.label === 'string'
      ? [{ key: candidate.key, label: candidate.label }]
      : [];
  });
}

export function storedReportContent(report: StoredReport): ReportContent {
  return {
    appointmentId: report.appointmentId,
    checklistAnswers: checklistAnswersOf(report.checklistAnswers),
    workDone: report.workDone,
    materials: report.materials.map((material) => ({ ...material, quantity: material.quantity.toString() })),
    timeSpentMinutes: report.timeSpentMinutes,
    observations: report.observations,
    reservations: report.reservations,
    photos: report.photos.map((photo) => ({ sha256: photo.file.sha256, kind: photo.kind, takenAt: photo.takenAt })),
  };
}
