import { describe, expect, it } from 'vitest';
import { canonicalReportContent, reportContentHash, type ReportContent } from './reportContent.ts';

/** The example of docs/technician-api.md: the PWA's implementation must give the same text and hash. */
const exampleReport: ReportContent = {
  appointmentId: 'cm0appointment',
  checklistAnswers: [
    { key: 'tableau', ok: true },
    { key: 'differentiels', ok: false, comment: 'Ne déclenche pas' },
  ],
  workDone: 'Remplacement du disjoncteur.',
  materials: [{ catalogItemId: 'cm0breaker', label: 'Disjoncteur 16 A', quantity: 2, unit: 'u', unitPriceCents: 950 }],
  timeSpentMinutes: 95,
  observations: null,
  reservations: '',
  photos: [{ sha256: 'AB'.repeat(32), kind: 'BEFORE', takenAt: '2026-03-12T09:05:00+01:00' }],
};

describe('report content', () => {
  it('has one canonical text, documented for the PWA', async () => {
    expect(canonicalReportContent(exampleReport)).toBe(
      '{"appointmentId":"cm0appointment","checklist":[{"comment":"Ne déclenche pas","key":"differentiels","ok":false},{"comment":null,"key":"tableau","ok":true}],' +
        '"materials":[{"catalogItemId":"cm0breaker","label":"Disjoncteur 16 A","quantityThousandths":2000,"unit":"u","unitPriceCents":950}],' +
        '"observations":null,"photos":[{"kind":"BEFORE","sha256":"' +
        'ab'.repeat(32) +
        '","takenAt":"2026-03-12T08:05:00.000Z"}],"reservations":null,"timeSpentMinutes":95,"version":1,"workDone":"Remplacement du disjoncteur."}',
    );
    expect(await reportContentHash(exampleReport)).toBe('207445dc4a11e5100b888d5d246c7a79aea0e96a782039f863c782c07d1b352c');
  });

  it('does not depend on the order of answers, materials and photos, nor on how quantities and texts were typed', async () => {
    const reordered: ReportContent = {
      ...exampleReport,
      checklistAnswers: [...exampleReport.checklistAnswers].reverse(),
      workDone: '  Remplacement du disjoncteur.\n',
      materials: [{ catalogItemId: 'cm0breaker', label: 'Disjoncteur 16 A ', quantity: '2.000', unit: 'u', unitPriceCents: 950 }],
      observations: '   ',
      reservations: null,
    };
    expect(await reportContentHash(reordered)).toBe(await reportContentHash(exampleReport));
  });

  it('changes with anything the customer signs', async () => {
    const hash = await reportContentHash(exampleReport);
    const variants: Partial<ReportContent>[] = [
      { workDone: 'Autre chose.' },
      { timeSpentMinutes: 96 },
      { checklistAnswers: [{ key: 'tableau', ok: false }] },
      { materials: [{ label: 'Disjoncteur 16 A', quantity: 2.001, unit: 'u', unitPriceCents: 950 }] },
      { photos: [] },
      { appointmentId: 'cm0other' },
    ];
    for (const variant of variants) expect(await reportContentHash({ ...exampleReport, ...variant })).not.toBe(hash);
  });
});
