import { Show } from 'solid-js';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { createTicketCounters } from './ticketFeed';
import './inbox.css';

/** The inbox link's badges in the header, live on every office screen: open tickets, and those whose SLA is at risk. */
export default function InboxNavCounter() {
  const { result } = createTicketCounters();
  return (
    <Show
      when={result.data?.ticketCounters}
      fallback={
        <span class="nav-count" aria-hidden="true">
          …
        </span>
      }
    >
      {(counters) => (
        <>
          <span class="nav-count" aria-hidden="true" data-testid="nav-open-count">
            {formatNumber(counters().open)}
          </span>
          <Show when={counters().slaAtRisk > 0}>
            <span class="nav-count nav-count-alert" aria-hidden="true">
              {formatNumber(counters().slaAtRisk)}
            </span>
          </Show>
          <span class="visually-hidden">
            {counters().slaAtRisk > 0
              ? t('inbox.navCountWithRisk', { open: counters().open, atRisk: counters().slaAtRisk })
              : t('inbox.navCount', { open: counters().open })}
          </span>
        </>
      )}
    </Show>
  );
}
