import { createEffect, createMemo, createSignal, For, onCleanup, Show, untrack } from 'solid-js';
import { createSubscription } from '@urql/solid';
import { createLiveQuery } from '../../app/liveQuery';
import { LiveStatus } from '../../app/LiveStatus';
import { graphql } from '../../gql';
import type { SlotTimesFragment, SlotWeekFragment } from '../../gql/graphql';
import { t, tCount } from '../../i18n';
import { formatDay, formatDayRange, formatDayShort } from '../../i18n/format';
import { parisDateKey, startOfParisDay, startOfParisWeek } from '../../i18n/parisTime';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { slotKey, slotLabel } from './slots';
import './booking.css';

export const SlotWeekFields = graphql(`
  fragment SlotWeek on AvailableSlots {
    from
    slots {
      ...SlotTimes
    }
  }
`);

const AvailableSlotsQuery = graphql(`
  query AvailableSlots($serviceId: ID!, $postalCode: String!, $from: DateTime!, $to: DateTime!) {
    availableSlots(serviceId: $serviceId, postalCode: $postalCode, from: $from, to: $to) {
      ...SlotWeek
    }
  }
`);

const AvailabilityChangedSubscription = graphql(`
  subscription AvailabilityChanged($serviceId: ID!, $postalCode: String!, $from: DateTime!, $to: DateTime!) {
    availabilityChanged(serviceId: $serviceId, postalCode: $postalCode, from: $from, to: $to) {
      ...SlotWeek
    }
  }
`);

/** Customers see Monday to Saturday; the office does not work on Sundays. */
const daysShown = 6;
/** How far ahead the week strip goes (the longest booking horizon of the services). */
const weeksAhead = 13;
/** Empty weeks skipped on opening, to land on the first week with something to offer. */
const emptyWeeksSkipped = 4;
/** How long a slot taken by someone else stays on screen, faded, before it goes. */
const takenSlotShownMs = 5000;

/**
 * The week strip of free slots for a service at a postal code: days with their counts,
 * then the chosen day's slots as big buttons. The visible week is live: a slot taken by
 * someone else fades out with a short message.
 */
export function SlotPicker(props: {
  serviceId: string;
  postalCode: string;
  /** A slot already chosen: highlighted, and its week opens first. */
  selected?: SlotTimesFragment;
  onPick: (slot: SlotTimesFragment) => void;
}) {
  const thisWeek = startOfParisWeek(new Date());
  const lastWeek = startOfParisWeek(new Date(), weeksAhead);
  // The picker opens on the slot chosen before, if any; later changes of `selected` only move the highlight.
  const initialStart = untrack(() => (props.selected ? new Date(props.selected.startsAt) : undefined));
  const [weekStart, setWeekStart] = createSignal(initialStart ? startOfParisWeek(initialStart) : thisWeek);
  const [chosenDay, setChosenDay] = createSignal(initialStart ? parisDateKey(initialStart) : undefined);
  const [skipEmptyWeeks, setSkipEmptyWeeks] = createSignal(!initialStart);
  /** The week's free slots as last heard from the API. */
  const [fresh, setFresh] = createSignal<{ from: number; slots: SlotTimesFragment[] }>();
  /** Slots that were free a moment ago and have just been taken. */
  const [taken, setTaken] = createSignal<SlotTimesFragment[]>([]);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  onCleanup(() => timers.forEach(clearTimeout));

  const days = createMemo(() => {
    const monday = weekStart();
    return Array.from({ length: daysShown }, (_, index) => startOfParisDay(monday, index));
  });
  const variables = createMemo(() => ({
    serviceId: props.serviceId,
    postalCode: props.postalCode,
    from: weekStart().toISOString(),
    to: startOfParisDay(weekStart(), daysShown).toISOString(),
  }));

  const showWeek = (week: Date) => {
    timers.forEach(clearTimeout);
    timers.clear();
    setTaken([]);
    setChosenDay(undefined);
    setWeekStart(week);
  };

  const receive = (week: SlotWeekFragment) => {
    const from = new Date(week.from).getTime();
    if (from !== weekStart().getTime()) return;
    const previous = fresh();
    if (previous?.from === from) {
      const stillFree = new Set(week.slots.map(slotKey));
      const vanished = previous.slots.filter((slot) => !stillFree.has(slotKey(slot)));
      if (vanished.length > 0) showTaken(vanished);
    } else if (week.slots.length === 0 && skipEmptyWeeks() && weekStart() < startOfParisWeek(thisWeek, emptyWeeksSkipped)) {
      showWeek(startOfParisWeek(weekStart(), 1));
      return;
    } else {
      setSkipEmptyWeeks(false);
      setChosenDay((day) => day ?? (week.slots[0] ? parisDateKey(new Date(week.slots[0].startsAt)) : undefined));
    }
    setFresh({ from, slots: week.slots });
  };

  const showTaken = (slots: SlotTimesFragment[]) => {
    setTaken((current) => [...current, ...slots]);
    const timer = setTimeout(() => {
      timers.delete(timer);
      const gone = new Set(slots.map(slotKey));
      setTaken((current) => current.filter((slot) => !gone.has(slotKey(slot))));
    }, takenSlotShownMs);
    timers.add(timer);
  };

  const { result, refresh, updatedAt } = createLiveQuery({ query: AvailableSlotsQuery, variables });
  // urql reconciles new results into the same objects: read every field to see each one.
  createEffect(() => {
    const week = result.data?.availableSlots;
    if (!week) return;
    const snapshot = { from: week.from, slots: week.slots.map((slot) => ({ ...slot })) };
    untrack(() => receive(snapshot));
  });
  createSubscription({ query: AvailabilityChangedSubscription, variables }, (_previous, data) => {
    receive(data.availabilityChanged);
    return data;
  });

  const weekSlots = () => {
    const current = fresh();
    return current?.from === weekStart().getTime() ? current.slots : undefined;
  };
  /** Free slots and, faded among them, the ones just taken, in time order. */
  const shownSlots = createMemo(() => {
    const free = weekSlots() ?? [];
    const freeKeys = new Set(free.map(slotKey));
    const justTaken = taken().filter((slot) => !freeKeys.has(slotKey(slot)));
    return [...free.map((slot) => ({ slot, taken: false })), ...justTaken.map((slot) => ({ slot, taken: true }))].sort(
      (a, b) => slotKey(a.slot) - slotKey(b.slot),
    );
  });
  const freeCountByDay = createMemo(() => {
    const counts = new Map<string, number>();
    for (const slot of weekSlots() ?? []) {
      const day = parisDateKey(new Date(slot.startsAt));
      counts.set(day, (counts.get(day) ?? 0) + 1);
    }
    return counts;
  });
  const selectedDay = () => chosenDay() ?? parisDateKey(days()[0] ?? weekStart());
  const daySlots = () => shownSlots().filter(({ slot }) => parisDateKey(new Date(slot.startsAt)) === selectedDay());
  const isSelected = (slot: SlotTimesFragment) => props.selected !== undefined && slotKey(props.selected) === slotKey(slot);
  const today = parisDateKey(new Date());
  const windowed = () => shownSlots().some(({ slot }) => slot.arrivalWindowStart);

  return (
    <div class="slot-picker stack">
      <div class="week-nav">
        <Button
          variant="secondary"
          onClick={() => showWeek(startOfParisWeek(weekStart(), -1))}
          disabled={weekStart() <= thisWeek}
          aria-label={t('slots.previousWeek')}
        >
          ‹
        </Button>
        <p class="week-nav-title" aria-live="polite">
          {formatDayRange(days()[0] ?? weekStart(), days()[daysShown - 1] ?? weekStart())}
        </p>
        <Button
          variant="secondary"
          onClick={() => showWeek(startOfParisWeek(weekStart(), 1))}
          disabled={weekStart() >= lastWeek}
          aria-label={t('slots.nextWeek')}
        >
          ›
        </Button>
      </div>
      <LiveStatus updatedAt={updatedAt()} error={result.error} onRetry={refresh} />
      <div class="day-strip" role="group" aria-label={t('slots.days')}>
        <For each={days()}>
          {(day) => {
            const key = parisDateKey(day);
            const count = () => freeCountByDay().get(key) ?? 0;
            const label = () => formatDayShort(day);
            return (
              <button
                type="button"
                class="day-strip-day"
                aria-pressed={selectedDay() === key}
                disabled={key < today}
                aria-label={`${formatDay(day)}, ${tCount('slots.count', count())}`}
                onClick={() => setChosenDay(key)}
              >
                <span class="day-strip-weekday">{label().weekday}</span>
                <span class="day-strip-date">{label().day}</span>
                <span class={count() > 0 ? 'day-strip-count' : 'day-strip-count day-strip-count-none'}>
                  {weekSlots() ? (count() > 0 ? count() : '–') : ''}
                </span>
              </button>
            );
          }}
        </For>
      </div>
      <Show
        when={weekSlots()}
        fallback={
          <Show when={!result.error}>
            <Loading lines={2} />
          </Show>
        }
      >
        {(slots) => (
          <Show
            when={slots().length > 0 || taken().length > 0}
            fallback={
              <div class="stack-sm">
                <EmptyState>{t('slots.noneThisWeek')}</EmptyState>
                <Show when={weekStart() < lastWeek}>
                  <Button variant="secondary" block onClick={() => showWeek(startOfParisWeek(weekStart(), 1))}>
                    {t('slots.seeNextWeek')}
                  </Button>
                </Show>
              </div>
            }
          >
            <section class="stack-sm" aria-labelledby="slot-day-heading">
              <h3 id="slot-day-heading" class="slot-day-heading">
                {formatDay(days().find((day) => parisDateKey(day) === selectedDay()) ?? weekStart())}
              </h3>
              <p class="muted small">{windowed() ? t('slots.arrivalWindows') : t('slots.startTimes')}</p>
              <Show when={daySlots().length > 0} fallback={<EmptyState>{t('slots.noneThisDay')}</EmptyState>}>
                <ul class="plain slot-grid">
                  <For each={daySlots()}>
                    {(shown) => (
                      <li>
                        <button
                          type="button"
                          class="slot-button"
                          classList={{ 'slot-button-taken': shown.taken }}
                          data-slot-start={shown.slot.startsAt}
                          aria-pressed={isSelected(shown.slot)}
                          disabled={shown.taken}
                          onClick={() => props.onPick(shown.slot)}
                        >
                          <span class="slot-button-time">{slotLabel(shown.slot)}</span>
                          <Show when={shown.taken}>
                            <span class="slot-button-note">{t('slots.justTaken')}</span>
                          </Show>
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
          </Show>
        )}
      </Show>
      <p class="visually-hidden" aria-live="polite">
        {taken().length > 0 ? t('slots.takenAnnouncement') : ''}
      </p>
    </div>
  );
}
