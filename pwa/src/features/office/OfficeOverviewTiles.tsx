import { For, onCleanup, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { createLiveQuery } from '../../app/liveQuery';
import { LiveStatus } from '../../app/LiveStatus';
import { graphql } from '../../gql';
import type { OfficeOverviewQuery } from '../../gql/graphql';
import { t, type MessageKey } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { Loading } from '../../ui/Loading';
import './office.css';

const OfficeOverviewQuery = graphql(`
  query OfficeOverview {
    officeOverview {
      customers
      activeContracts
      openTickets
      appointmentsThisWeek
      callsToday
      missedCallsToday
    }
  }
`);

type Counter = keyof OfficeOverviewQuery['officeOverview'];

const counterLabels: Record<Counter, MessageKey> = {
  customers: 'overview.customers',
  activeContracts: 'overview.activeContracts',
  openTickets: 'overview.openTickets',
  appointmentsThisWeek: 'overview.appointmentsThisWeek',
  callsToday: 'overview.callsToday',
  missedCallsToday: 'overview.missedCallsToday',
};

/** Counters that call for action are highlighted when they are not zero. */
const attentionCounters = new Set<Counter>(['missedCallsToday']);

// Calls and tickets arrive all day; the counters refresh on their own every minute.
const refreshIntervalMs = 60_000;

/**
 * The office's counters: big tiles on the manager's dashboard, a compact row on the
 * assistant's screen.
 */
export function OfficeOverviewTiles(props: { variant: 'tiles' | 'row'; headingLevel: 2 | 3 }) {
  const { result, refresh, updatedAt } = createLiveQuery({ query: OfficeOverviewQuery });
  const timer = setInterval(() => {
    if (navigator.onLine) refresh();
  }, refreshIntervalMs);
  onCleanup(() => clearInterval(timer));

  const counters = () => Object.keys(counterLabels) as Counter[];

  return (
    <section class={`overview overview-${props.variant}`} aria-labelledby="overview-heading">
      <div class="spread">
        <Dynamic component={`h${props.headingLevel}`} id="overview-heading" class="overview-heading">
          {t('overview.title')}
        </Dynamic>
        <LiveStatus updatedAt={updatedAt()} error={result.error} onRetry={refresh} />
      </div>
      <Show when={result.data?.officeOverview} fallback={<Loading lines={2} />}>
        {(overview) => (
          <dl class="overview-list">
            <For each={counters()}>
              {(counter) => (
                <div class={`overview-tile ${attentionCounters.has(counter) && overview()[counter] > 0 ? 'overview-tile-attention' : ''}`}>
                  <dt>{t(counterLabels[counter])}</dt>
                  <dd>{formatNumber(overview()[counter])}</dd>
                </div>
              )}
            </For>
          </dl>
        )}
      </Show>
    </section>
  );
}
