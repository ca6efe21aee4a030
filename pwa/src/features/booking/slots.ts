import type { SlotTimesFragment } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatMoney, formatTime, formatTimeRange } from '../../i18n/format';

/** Slots are identified by their start: one bookable start time, whichever technician takes it. */
export function slotKey(slot: Pick<SlotTimesFragment, 'startsAt'>): number {
  return new Date(slot.startsAt).getTime();
}

/** "8 h – 10 h" for an arrival window, "9 h 30" for an exact start. */
export function slotLabel(slot: SlotTimesFragment): string {
  return slot.arrivalWindowStart && slot.arrivalWindowEnd
    ? formatTimeRange(slot.arrivalWindowStart, slot.arrivalWindowEnd)
    : formatTime(slot.startsAt);
}

/** "149,00 € TTC", "Gratuit", or "Sur devis" when the price depends on the job. */
export function formatServicePrice(priceCents: number | null | undefined): string {
  if (priceCents == null) return t('booking.priceOnQuote');
  if (priceCents === 0) return t('booking.free');
  return formatMoney(priceCents, { taxIncluded: true });
}
