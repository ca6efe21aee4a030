import { createMemo, For, Show } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { createLiveQuery } from '../../app/liveQuery';
import { LiveStatus } from '../../app/LiveStatus';
import { usePageTitle } from '../../app/pageTitle';
import { graphql } from '../../gql';
import type { CallFilter } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatDateTime, formatDuration, formatNumber, formatPhone } from '../../i18n/format';
import { startOfParisDay } from '../../i18n/parisTime';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { customerPath, ticketPath } from '../inbox/officePaths';
import { onTicketChanges } from '../inbox/ticketFeed';
import { CallStatisticsPanel } from './CallStatisticsPanel';
import '../inbox/inbox.css';
import { onIncomingCall } from './incomingCallFeed';
import './calls.css';

const CallLogQuery = graphql(`
  query CallLog($from: DateTime!, $to: DateTime!, $filter: CallFilter, $limit: Int!, $offset: Int!) {
    calls(from: $from, to: $to, filter: $filter, limit: $limit, offset: $offset) {
      total
      items {
        id
        direction
        fromNumber
        toNumber
        startedAt
        missed
        durationSeconds
        answeredByName
        customer {
          id
          name
        }
        ticket {
          id
          number
        }
      }
    }
  }
`);

const CallStatisticsQuery = graphql(`
  query CallStatistics($from: DateTime!, $to: DateTime!) {
    callStatistics(from: $from, to: $to) {
      ...CallStatisticsFields
    }
  }
`);

type Period = 'today' | 'week' | 'month';
const periodDays: Record<Period, number> = { today: 1, week: 7, month: 30 };
const pageSize = 50;

/**
 * /assistant/calls: the call log of a period (today, 7 or 30 days) with its figures.
 * Missed calls stand out; each call links to its customer and ticket. Calls ringing and
 * tickets opened by finished calls refresh the page.
 */
export default function CallLogPage() {
  usePageTitle(() => t('calls.title'));
  const [params, setParams] = useSearchParams<{ period?: string; missed?: string; untracked?: string; page?: string }>();
  const period = (): Period => (params.period === 'week' || params.period === 'month' ? params.period : 'today');
  const range = createMemo(() => {
    const today = startOfParisDay(new Date());
    return { from: startOfParisDay(today, 1 - periodDays[period()]).toISOString(), to: startOfParisDay(today, 1).toISOString() };
  });
  const filter = (): CallFilter => ({
    missed: params.missed === '1' ? true : null,
    withTicket: params.untracked === '1' ? false : null,
  });
  const page = () => Math.max(0, Number(params.page ?? 0) || 0);

  const log = createLiveQuery({
    query: CallLogQuery,
    variables: () => ({ ...range(), filter: filter(), limit: pageSize, offset: page() * pageSize }),
  });
  const statistics = createLiveQuery({ query: CallStatisticsQuery, variables: range });
  const refresh = () => {
    log.refresh();
    statistics.refresh();
  };
  onIncomingCall(refresh);
  onTicketChanges(refresh);

  const toggle = (name: 'missed' | 'untracked', on: boolean) => setParams({ [name]: on ? '1' : undefined, page: undefined });
  const total = () => log.result.data?.calls.total ?? 0;

  return (
    <div class="stack" data-testid="call-log">
      <div class="page-heading">
        <h1>{t('calls.title')}</h1>
        <LiveStatus updatedAt={log.updatedAt()} error={log.result.error ?? statistics.result.error} onRetry={refresh} />
      </div>
      <div class="cluster">
        <SegmentedControl
          label={t('calls.period')}
          value={period()}
          onChange={(next) => setParams({ period: next === 'today' ? undefined : next, page: undefined })}
          options={[
            { value: 'today', label: t('calls.periodToday') },
            { value: 'week', label: t('calls.periodWeek') },
            { value: 'month', label: t('calls.periodMonth') },
          ]}
        />
      </div>
      <Show when={statistics.result.data?.callStatistics} fallback={<Loading lines={4} />}>
        {(figures) => <CallStatisticsPanel statistics={figures()} showDays={period() !== 'today'} />}
      </Show>
      <section class="stack" aria-labelledby="call-log-heading">
        <div class="spread">
          <h2 id="call-log-heading">{t('calls.logTitle')}</h2>
          <div class="cluster">
            <label class="checkbox">
              <input type="checkbox" checked={params.missed === '1'} onChange={(event) => toggle('missed', event.currentTarget.checked)} />
              {t('calls.onlyMissed')}
            </label>
            <label class="checkbox">
              <input
                type="checkbox"
                checked={params.untracked === '1'}
                onChange={(event) => toggle('untracked', event.currentTarget.checked)}
              />
              {t('calls.onlyUntracked')}
            </label>
          </div>
        </div>
        <Show when={log.result.data} fallback={<Loading lines={8} />}>
          <Show when={total() > 0} fallback={<EmptyState>{t('calls.none')}</EmptyState>}>
            <p class="muted small" aria-live="polite">
              {t('inbox.range', {
                first: formatNumber(page() * pageSize + 1),
                last: formatNumber(page() * pageSize + (log.result.data?.calls.items.length ?? 0)),
                total: formatNumber(total()),
              })}
            </p>
            <div class="table-scroll">
              <table class="data-table call-table">
                <thead>
                  <tr>
                    <th scope="col">{t('calls.column.when')}</th>
                    <th scope="col">{t('calls.column.number')}</th>
                    <th scope="col">{t('calls.column.customer')}</th>
                    <th scope="col">{t('calls.column.outcome')}</th>
                    <th scope="col">{t('calls.column.answeredBy')}</th>
                    <th scope="col">{t('calls.column.ticket')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={log.result.data?.calls.items}>
                    {(call) => (
                      <tr classList={{ 'call-row-missed': call.missed }} data-call-id={call.id}>
                        <td>{formatDateTime(call.startedAt)}</td>
                        <td>
                          <span class="call-direction">{t(call.direction === 'INBOUND' ? 'calls.inbound' : 'calls.outbound')}</span>{' '}
                          <span class="nowrap">{formatPhone(call.direction === 'INBOUND' ? call.fromNumber : call.toNumber)}</span>
                        </td>
                        <td>
                          <Show when={call.customer} fallback={<span class="muted">{t('calls.unknownCustomer')}</span>}>
                            {(customer) => <a href={customerPath(customer().id)}>{customer().name}</a>}
                          </Show>
                        </td>
                        <td>
                          <Show when={!call.missed} fallback={<Badge tone="danger">{t('customer.missedCall')}</Badge>}>
                            {call.durationSeconds != null ? formatDuration(call.durationSeconds) : '—'}
                          </Show>
                        </td>
                        <td>{call.answeredByName ?? '—'}</td>
                        <td>
                          <Show when={call.ticket} fallback={<Badge tone="warning">{t('calls.noTicket')}</Badge>}>
                            {(ticket) => <a href={ticketPath(ticket().id)}>#{ticket().number}</a>}
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Show when={total() > pageSize}>
              <div class="pager">
                <Button variant="secondary" disabled={page() === 0} onClick={() => setParams({ page: page() - 1 || undefined })}>
                  {t('inbox.previousPage')}
                </Button>
                <Button variant="secondary" disabled={(page() + 1) * pageSize >= total()} onClick={() => setParams({ page: page() + 1 })}>
                  {t('inbox.nextPage')}
                </Button>
              </div>
            </Show>
          </Show>
        </Show>
      </section>
    </div>
  );
}
