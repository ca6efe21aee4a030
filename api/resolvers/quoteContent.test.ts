import { describe, expect, it } from 'vitest';
import { canonicalQuoteContent, lineTotalHtCents, priceQuote, quoteContentHash, type QuoteContent } from './quoteContent.ts';

const line = (quantity: number | string, unitPriceCents: number, vatRateBp: number, label = 'Ligne') => ({
  label,
  quantity,
  unit: 'u',
  unitPriceCents,
  vatRateBp,
});

describe('quote pricing', () => {
  it('rounds each line half up to the cent, exactly', () => {
    expect(lineTotalHtCents(1500, 5)).toBe(8); // 7.5 → 8
    expect(lineTotalHtCents(333, 100)).toBe(33); // 33.3 → 33
    expect(lineTotalHtCents(12_345, 123)).toBe(1518); // 1518.435 → 1518
    // Beyond doubles' exact integers: still exact.
    expect(lineTotalHtCents(10_000_000, 10_000_000)).toBe(100_000_000_000);
  });

  it('computes VAT once per rate on the sum of its lines, and the totals from them', () => {
    const priced = priceQuote({ lines: [line(1, 333, 2000), line(1, 333, 2000), line(1, 1001, 550)], travelCostCents: 0 });
    // Per line, 20 % of 3,33 would be 0,666 → 0,67 twice (1,34); per rate, 20 % of 6,66 is 1,332 → 1,33.
    expect(priced.vatByRate).toEqual([
      { vatRateBp: 2000, baseHtCents: 666, vatCents: 133 },
      { vatRateBp: 550, baseHtCents: 1001, vatCents: 55 },
    ]);
    expect(priced).toMatchObject({
      totalHtCents: 1667,
      totalVatCents: 188,
      totalTtcCents: 1855,
      travelVatRateBp: null,
      vatAttestation: expect.stringContaining('278-0 bis A'),
    });
  });

  it('taxes travel costs at the rate of the works’ main part (the higher rate on a tie)', () => {
    expect(priceQuote({ lines: [line(1, 1000, 2000), line(1, 5000, 1000)], travelCostCents: 3500 }).travelVatRateBp).toBe(1000);
    expect(priceQuote({ lines: [line(1, 1000, 2000), line(1, 1000, 1000)], travelCostCents: 3500 }).travelVatRateBp).toBe(2000);
    const priced = priceQuote({ lines: [line(1, 5000, 1000)], travelCostCents: 3500 });
    expect(priced.vatByRate).toEqual([{ vatRateBp: 1000, baseHtCents: 8500, vatCents: 850 }]);
  });

  it('adds the customer’s attestation for reduced rates only: theirs, or the legal sentences', () => {
    expect(priceQuote({ lines: [line(1, 100, 2000)], travelCostCents: 0, vatAttestation: 'Atteste…' }).vatAttestation).toBeNull();
    expect(priceQuote({ lines: [line(1, 100, 1000)], travelCostCents: 0, vatAttestation: ' Atteste sur l’honneur. ' }).vatAttestation).toBe(
      'Atteste sur l’honneur.',
    );
    const both = priceQuote({ lines: [line(1, 100, 1000), line(1, 100, 550)], travelCostCents: 0 }).vatAttestation;
    expect(both).toMatch(/^Le client atteste .*279-0 bis du CGI\)\. Le client atteste .*278-0 bis A du CGI\)\.$/);
  });
});

describe('quote content', () => {
  const example: QuoteContent = {
    customerId: 'cm0customer',
    siteId: 'cm0site',
    validityDays: 30,
    draft: { lines: [{ catalogItemId: 'cm0breaker', ...line(3, 950, 2000, 'Disjoncteur 16 A') }], travelCostCents: 3500 },
  };

  it('has one canonical text, documented for the PWA', async () => {
    expect(canonicalQuoteContent(example)).toBe(
      '{"customerId":"cm0customer","lines":[{"catalogItemId":"cm0breaker","label":"Disjoncteur 16 A","position":1,"quantityThousandths":3000,' +
        '"totalHtCents":2850,"unit":"u","unitPriceCents":950,"vatRateBp":2000}],"siteId":"cm0site","totalHtCents":6350,"totalTtcCents":7620,' +
        '"totalVatCents":1270,"travelCostCents":3500,"travelVatRateBp":2000,"validityDays":30,"vatAttestation":null,' +
        '"vatByRate":[{"baseHtCents":6350,"vatCents":1270,"vatRateBp":2000}],"version":1}',
    );
    expect(await quoteContentHash(example)).toBe('fa2214c9b17a4c0b6550b5990acdb0fa240c611731bb223e8cf6d0225d8609ce');
  });

  it('changes with the order of lines, the validity or any amount', async () => {
    const hash = await quoteContentHash(example);
    const twoLines = { ...example, draft: { ...example.draft, lines: [...example.draft.lines, line(1, 100, 2000)] } };
    const swapped = { ...twoLines, draft: { ...twoLines.draft, lines: [...twoLines.draft.lines].reverse() } };
    expect(await quoteContentHash(twoLines)).not.toBe(await quoteContentHash(swapped));
    expect(await quoteContentHash({ ...example, validityDays: 31 })).not.toBe(hash);
    expect(await quoteContentHash({ ...example, draft: { ...example.draft, travelCostCents: 0 } })).not.toBe(hash);
  });
});
