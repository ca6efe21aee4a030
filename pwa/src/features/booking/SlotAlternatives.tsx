import { For, Show } from 'solid-js';
import type { SlotTimesFragment } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatDay } from '../../i18n/format';
import { EmptyState } from '../../ui/EmptyState';
import { slotLabel } from './slots';
import './booking.css';

/** The free slots the API offers instead of one that was just taken. */
export function SlotAlternatives(props: { alternatives: SlotTimesFragment[]; onPick: (slot: SlotTimesFragment) => void }) {
  return (
    <section class="stack-sm" aria-labelledby="slot-alternatives-heading">
      <h3 id="slot-alternatives-heading" class="slot-day-heading">
        {t('slots.alternatives')}
      </h3>
      <Show when={props.alternatives.length > 0} fallback={<EmptyState>{t('slots.noAlternatives')}</EmptyState>}>
        <ul class="plain slot-grid slot-grid-wide">
          <For each={props.alternatives}>
            {(slot) => (
              <li>
                <button type="button" class="slot-button" data-slot-start={slot.startsAt} onClick={() => props.onPick(slot)}>
                  <span class="slot-button-day">{formatDay(slot.startsAt)}</span>
                  <span class="slot-button-time">{slotLabel(slot)}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
