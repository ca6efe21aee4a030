// Quote amounts and what a customer accepts with "Bon pour travaux". Shared with the
// PWA, which prices and hashes a quote drawn up offline exactly as the API does: the
// totals the customer saw are the totals stored. No server-only imports.
import { canonicalJson, canonicalText, quantityInThousandths, sha256Hex } from './canonicalJson.ts';

/** French VAT rates on works: 20 %, 10 % (upkeep of homes over two years old), 5.5 % (energy renovation). */
export const quoteVatRatesBp = [2000, 1000, 550] as const;

export interface QuoteLineDraft {
  catalogItemId?: string | null;
  label: string;
  quantity: number | string;
  unit: string;
  unitPriceCents: number;
  vatRateBp: number;
}

export interface QuoteDraft {
  lines: readonly QuoteLineDraft[];
  /** Excluding VAT; 0 when travel is not charged. */
  travelCostCents: number;
  /** The customer's attestation for the reduced rates; the legal sentences when left empty. */
  vatAttestation?: string | null;
}

export type PricedQuoteLine = {
  catalogItemId: string | null;
  label: string;
  quantityThousandths: number;
  unit: string;
  unitPriceCents: number;
  vatRateBp: number;
  totalHtCents: number;
};

export type VatAmount = { vatRateBp: number; baseHtCents: number; vatCents: number };

export type PricedQuote = {
  lines: PricedQuoteLine[];
  travelCostCents: number;
  /** The rate travel costs are taxed at (null without travel costs). */
  travelVatRateBp: number | null;
  /** Highest rate first. */
  vatByRate: VatAmount[];
  totalHtCents: number;
  totalVatCents: number;
  totalTtcCents: number;
  vatAttestation: string | null;
};

/** What the customer attests for each reduced rate (CGI articles 279-0 bis and 278-0 bis A). */
const reducedRateAttestations: ReadonlyMap<number, string> = new Map([
  [
    1000,
    'Le client atteste que les travaux portent sur des locaux à usage d’habitation achevés depuis plus de deux ans et ne concourent pas à la production d’un immeuble neuf (article 279-0 bis du CGI).',
  ],
  [
    550,
    'Le client atteste que les travaux d’amélioration de la qualité énergétique portent sur des locaux à usage d’habitation achevés depuis plus de deux ans (article 278-0 bis A du CGI).',
  ],
]);

/** numerator / denominator rounded half up, exactly (amounts times rates overflow doubles' integers). */
function roundedQuotient(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/** Quantity × unit price, rounded half up to the cent. */
export function lineTotalHtCents(quantityThousandths: number, unitPriceCents: number): number {
  return roundedQuotient(BigInt(quantityThousandths) * BigInt(unitPriceCents), 1000n);
}

/** The rate of the largest share of the works; on a tie, the higher rate. */
function principalRate(bases: ReadonlyMap<number, number>): number {
  let best: [rate: number, base: number] = [quoteVatRatesBp[0], -1];
  for (const [rate, base] of bases) {
    if (base > best[1] || (base === best[1] && rate > best[0])) best = [rate, base];
  }
  return best[0];
}

/**
 * Line totals excluding VAT (quantity × unit price, rounded half up to the cent), then
 * VAT once per rate on the sum of that rate's lines, as the quote shows it. Travel costs
 * are accessory to the works, so they follow the rate of the works' main part.
 */
export function priceQuote(draft: QuoteDraft): PricedQuote {
  const lines = draft.lines.map((line): PricedQuoteLine => {
    const quantityThousandths = quantityInThousandths(line.quantity);
    return {
      catalogItemId: line.catalogItemId ?? null,
      label: canonicalText(line.label) ?? '',
      quantityThousandths,
      unit: canonicalText(line.unit) ?? '',
      unitPriceCents: line.unitPriceCents,
      vatRateBp: line.vatRateBp,
      totalHtCents: lineTotalHtCents(quantityThousandths, line.unitPriceCents),
    };
  });
  const bases = new Map<number, number>();
  for (const line of lines) bases.set(line.vatRateBp, (bases.get(line.vatRateBp) ?? 0) + line.totalHtCents);
  const travelVatRateBp = draft.travelCostCents > 0 ? principalRate(bases) : null;
  if (travelVatRateBp !== null) bases.set(travelVatRateBp, (bases.get(travelVatRateBp) ?? 0) + draft.travelCostCents);
  const vatByRate = [...bases]
    .sort(([a], [b]) => b - a)
    .map(([vatRateBp, baseHtCents]) => ({
      vatRateBp,
      baseHtCents,
      vatCents: roundedQuotient(BigInt(baseHtCents) * BigInt(vatRateBp), 10_000n),
    }));
  const totalHtCents = vatByRate.reduce((sum, rate) => sum + rate.baseHtCents, 0);
  const totalVatCents = vatByRate.reduce((sum, rate) => sum + rate.vatCents, 0);
  const attestations = vatByRate.flatMap((rate) => reducedRateAttestations.get(rate.vatRateBp) ?? []);
  return {
    lines,
    travelCostCents: draft.travelCostCents,
    travelVatRateBp,
    vatByRate,
    totalHtCents,
    totalVatCents,
    totalTtcCents: totalHtCents + totalVatCents,
    vatAttestation: attestations.length === 0 ? null : (canonicalText(draft.vatAttestation) ?? attestations.join(' ')),
  };
}

export interface QuoteContent {
  customerId: string;
  siteId: string | null;
  draft: QuoteDraft;
  validityDays: number;
}

/** Bumped if the canonical form ever changes, so that old evidence stays verifiable. */
export const quoteContentVersion = 1;

/**
 * The quote as accepted: who for, where, every priced line in order, travel costs, VAT
 * per rate, totals, validity and the VAT attestation. Its number and date are left out:
 * a quote drawn up offline gets them only when the server receives it.
 */
export function canonicalQuoteContent(content: QuoteContent): string {
  const priced = priceQuote(content.draft);
  return canonicalJson({
    version: quoteContentVersion,
    customerId: content.customerId,
    siteId: content.siteId,
    lines: priced.lines.map((line, index) => ({ position: index + 1, ...line })),
    travelCostCents: priced.travelCostCents,
    travelVatRateBp: priced.travelVatRateBp,
    vatByRate: priced.vatByRate,
    totalHtCents: priced.totalHtCents,
    totalVatCents: priced.totalVatCents,
    totalTtcCents: priced.totalTtcCents,
    validityDays: content.validityDays,
    vatAttestation: priced.vatAttestation,
  });
}

/** The hex SHA-256 the customer's "Bon pour travaux" is bound to. */
export function quoteContentHash(content: QuoteContent): Promise<string> {
  return sha256Hex(canonicalQuoteContent(content));
}
