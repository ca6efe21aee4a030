// What the person has chosen so far in the booking flow. It lives in sessionStorage so
// that it survives a reload and the detour through login or sign-up before confirming.
import { createSignal } from 'solid-js';
import type { SiteInput, SlotTimesFragment } from '../../gql/graphql';

export interface BookingDraft {
  serviceId?: string;
  /** One of the signed-in customer's addresses… */
  siteId?: string;
  /** …or a new address typed in the flow (the only choice before signing in). */
  newSite?: SiteInput;
  slot?: SlotTimesFragment;
}

const storageKey = 'relais.booking.draft';

function storedDraft(): BookingDraft {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey) ?? '{}') as BookingDraft;
  } catch {
    return {};
  }
}

const [draft, setDraft] = createSignal<BookingDraft>(storedDraft());

export const bookingDraft = draft;

function save(next: BookingDraft): void {
  setDraft(next);
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(next));
  } catch {
    // Without storage the draft still lasts as long as the page.
  }
}

/** Changes some choices; a later choice that depended on a changed one must be reset by the caller. */
export function updateBookingDraft(change: Partial<BookingDraft>): void {
  save({ ...draft(), ...change });
}

/** The booking is done: the next one starts afresh. */
export function clearBookingDraft(): void {
  save({});
}
