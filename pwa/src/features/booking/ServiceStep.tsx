import { For, Show } from 'solid-js';
import { graphql } from '../../gql';
import type { BookableServiceFragment } from '../../gql/graphql';
import { locale, t } from '../../i18n';
import { formatMinutes } from '../../i18n/format';
import { serviceName } from '../customer/serviceName';
import { formatServicePrice } from './slots';
import './booking.css';

export const BookableServiceFields = graphql(`
  fragment BookableService on Service {
    id
    name
    nameEn
    description
    durationMinutes
    arrivalWindowMinutes
    priceCents
    cancelCutoffHours
  }
`);

/** Step 1: what the customer needs, with how long it takes and what it costs. */
export function ServiceStep(props: {
  services: BookableServiceFragment[];
  selectedId: string | undefined;
  onChoose: (service: BookableServiceFragment) => void;
}) {
  return (
    <ul class="plain choice-list">
      <For each={props.services}>
        {(service) => (
          <li>
            <button type="button" class="choice" aria-pressed={service.id === props.selectedId} onClick={() => props.onChoose(service)}>
              <span class="choice-title">{serviceName(service)}</span>
              {/* Descriptions are written in French by the office. */}
              <Show when={locale() === 'fr' && service.description}>
                <span class="choice-detail">{service.description}</span>
              </Show>
              <span class="choice-facts">
                <span>{t('booking.duration', { duration: formatMinutes(service.durationMinutes) })}</span>
                <span class="amount">{formatServicePrice(service.priceCents)}</span>
              </span>
            </button>
          </li>
        )}
      </For>
    </ul>
  );
}
