import { createEffect, createMemo, createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js';
import { useLocation, useSearchParams } from '@solidjs/router';
import { createLiveQuery } from '../../app/liveQuery';
import { LiveStatus } from '../../app/LiveStatus';
import { usePageTitle } from '../../app/pageTitle';
import { signedInUser } from '../../app/session';
import { graphql } from '../../gql';
import type { TicketCategory, TicketFilter, TicketPriority, TicketSource, TicketStatus, TicketView } from '../../gql/graphql';
import { t, type MessageKey } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { isPlainKey, isTypingInField } from '../../ui/keyboard';
import { Loading } from '../../ui/Loading';
import {
  InboxFilters,
  openTicketStatuses,
  ticketCategories,
  ticketPriorities,
  ticketSources,
  ticketStatuses,
  type InboxFilterValues,
} from './InboxFilters';
import { NewTicketDialog } from './NewTicketDialog';
import { rememberInboxAddress } from './officePaths';
import { createTicketCounters, onTicketChanges, type TicketCounter } from './ticketFeed';
import { TicketTable } from './TicketTable';
import './inbox.css';

const InboxQuery = graphql(`
  query Inbox($view: TicketView, $filter: TicketFilter, $first: Int!, $after: ID) {
    tickets(view: $view, filter: $filter, first: $first, after: $after) {
      totalCount
      hasNextPage
      items {
        ...InboxTicket
      }
    }
  }
`);

interface SavedView {
  key: string;
  view: TicketView | null;
  label: MessageKey;
  counter?: TicketCounter;
}

/** The tabs; "all" is no saved view, so that resolved and closed tickets can be found too. */
const savedViews: SavedView[] = [
  { key: 'open', view: 'OPEN', label: 'inbox.view.open', counter: 'open' },
  { key: 'mine', view: 'MINE', label: 'inbox.view.mine', counter: 'mine' },
  { key: 'unassigned', view: 'UNASSIGNED', label: 'inbox.view.unassigned', counter: 'unassigned' },
  { key: 'risk', view: 'SLA_AT_RISK', label: 'inbox.view.slaAtRisk', counter: 'slaAtRisk' },
  { key: 'all', view: null, label: 'inbox.view.all' },
];

const pageSize = 25;
const changeHighlightMs = 4000;

const pick = <Value extends string>(values: readonly Value[], raw: string | undefined): Value | undefined =>
  values.find((value) => value === raw);

type InboxParams = { view?: string; q?: string; status?: string; priority?: string; category?: string; source?: string; assignee?: string };

/**
 * /assistant/inbox: every ticket of the office, live. Saved views as tabs with their
 * counters, search and filters, pages of 25. The tab, the search and the filters are in
 * the address, so a reload or the back button from a ticket returns to the same list.
 * "Nouveau ticket" (or the n key) opens the creation dialog.
 */
export default function InboxPage() {
  usePageTitle(() => t('inbox.title'));
  const location = useLocation();
  const [params, setParams] = useSearchParams<InboxParams>();
  createEffect(() => rememberInboxAddress(location.search));

  const current = () => savedViews.find((saved) => saved.key === params.view) ?? savedViews[0]!;
  const statuses = () => (current().view ? openTicketStatuses : ticketStatuses);
  const filters = (): InboxFilterValues => ({
    status: pick(statuses(), params.status),
    priority: pick<TicketPriority>(ticketPriorities, params.priority),
    category: pick<TicketCategory>(ticketCategories, params.category),
    source: pick<TicketSource>(ticketSources, params.source),
    assignee: pick(['me', 'none'] as const, params.assignee),
  });

  const apiFilter = createMemo((): TicketFilter => {
    const values = filters();
    const list = <Value,>(value: Value | undefined) => (value ? [value] : null);
    return {
      status: list<TicketStatus>(values.status),
      priority: list(values.priority),
      category: list(values.category),
      source: list(values.source),
      assigneeId: values.assignee === 'me' ? (signedInUser()?.id ?? null) : null,
      unassigned: values.assignee === 'none' ? true : null,
      search: params.q || null,
    };
  });

  // Pages go forward by cursor; the cursors walked through belong to one list (tab + filters).
  const listKey = createMemo(() => JSON.stringify([current().key, apiFilter()]));
  const [pages, setPages] = createSignal<{ listKey: string; cursors: string[] }>({ listKey: '', cursors: [] });
  const cursors = () => (pages().listKey === listKey() ? pages().cursors : []);

  const {
    result,
    refresh,
    updatedAt,
    current: currentData,
  } = createLiveQuery({
    query: InboxQuery,
    variables: () => ({ view: current().view, filter: apiFilter(), first: pageSize, after: cursors().at(-1) ?? null }),
  });
  const counters = createTicketCounters();

  // urql reconciles each answer into its store by id: rows keep their identity across
  // refreshes, so focus and hover stay on the same ticket.
  const rows = () => result.data?.tickets.items ?? [];

  const [recentlyChanged, setRecentlyChanged] = createSignal<ReadonlySet<string>>(new Set());
  const timers = new Set<ReturnType<typeof setTimeout>>();
  onCleanup(() => timers.forEach(clearTimeout));
  onTicketChanges(({ ticketId }) => {
    refresh();
    setRecentlyChanged((changed) => new Set([...changed, ticketId]));
    const timer = setTimeout(() => {
      timers.delete(timer);
      setRecentlyChanged((changed) => new Set([...changed].filter((id) => id !== ticketId)));
    }, changeHighlightMs);
    timers.add(timer);
  });

  const setFilters = (values: InboxFilterValues) =>
    setParams({
      status: values.status,
      priority: values.priority,
      category: values.category,
      source: values.source,
      assignee: values.assignee,
    });
  const nextPage = () => {
    const last = rows().at(-1);
    if (last) setPages({ listKey: listKey(), cursors: [...cursors(), last.id] });
  };
  const previousPage = () => setPages({ listKey: listKey(), cursors: cursors().slice(0, -1) });

  const range = () => {
    const data = result.data?.tickets;
    if (!data || data.items.length === 0) return '';
    const first = cursors().length * pageSize + 1;
    return t('inbox.range', {
      first: formatNumber(first),
      last: formatNumber(first + data.items.length - 1),
      total: formatNumber(data.totalCount),
    });
  };

  const [creating, setCreating] = createSignal(false);
  const handleShortcut = (event: KeyboardEvent) => {
    if (!isPlainKey(event) || isTypingInField(event) || document.querySelector('dialog[open]')) return;
    if (event.key === 'n') {
      event.preventDefault();
      setCreating(true);
    }
  };
  document.addEventListener('keydown', handleShortcut);
  onCleanup(() => document.removeEventListener('keydown', handleShortcut));

  // Tabs follow the ARIA pattern: one tab stop, the arrow keys move between tabs.
  const tabIds = savedViews.map(() => createUniqueId());
  let tabList: HTMLDivElement | undefined;
  const handleTabKeys = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = savedViews.indexOf(current());
    const next = savedViews[(index + step + savedViews.length) % savedViews.length]!;
    setParams({ view: next.key === 'open' ? undefined : next.key });
    queueMicrotask(() => tabList?.querySelector<HTMLButtonElement>('[aria-selected="true"]')?.focus());
  };

  return (
    <div class="inbox stack" data-testid="inbox">
      <div class="page-heading">
        <h1>{t('inbox.title')}</h1>
        <div class="cluster">
          <LiveStatus updatedAt={updatedAt()} error={result.error} onRetry={refresh} />
          <Button aria-keyshortcuts="n" onClick={() => setCreating(true)}>
            {t('inbox.newTicket')}
          </Button>
        </div>
      </div>
      <div ref={tabList} class="inbox-tabs" role="tablist" aria-label={t('inbox.views')} onKeyDown={handleTabKeys}>
        <For each={savedViews}>
          {(saved, index) => {
            const count = () => (saved.counter ? counters.result.data?.ticketCounters[saved.counter] : undefined);
            const selected = () => current() === saved;
            return (
              <button
                type="button"
                role="tab"
                id={tabIds[index()]}
                class="inbox-tab"
                data-view={saved.key}
                aria-selected={selected()}
                aria-controls="inbox-panel"
                tabindex={selected() ? 0 : -1}
                onClick={() => setParams({ view: saved.key === 'open' ? undefined : saved.key })}
              >
                {t(saved.label)}
                <Show when={saved.counter}>
                  <span
                    class="inbox-tab-count"
                    classList={{ 'inbox-tab-count-alert': saved.counter === 'slaAtRisk' && (count() ?? 0) > 0 }}
                    data-testid={`count-${saved.key}`}
                  >
                    {count() === undefined ? '…' : formatNumber(count() ?? 0)}
                  </span>
                </Show>
              </button>
            );
          }}
        </For>
      </div>
      <div id="inbox-panel" role="tabpanel" aria-labelledby={tabIds[savedViews.indexOf(current())]} class="inbox-panel stack">
        <InboxFilters
          initialSearch={params.q ?? ''}
          onSearch={(text) => setParams({ q: text || undefined }, { replace: true })}
          values={filters()}
          statuses={statuses()}
          onChange={setFilters}
        />
        <p class="muted small shortcut-hint">{t('inbox.shortcuts')}</p>
        <Show when={result.data} fallback={<Loading lines={8} />}>
          {(data) => (
            <>
              <p class="inbox-count" aria-live="polite">
                {range()}
              </p>
              <Show when={rows().length > 0} fallback={<EmptyState>{t('inbox.empty')}</EmptyState>}>
                <div class="inbox-list" classList={{ 'inbox-list-stale': !currentData() }} aria-busy={!currentData()}>
                  <TicketTable tickets={rows()} recentlyChanged={recentlyChanged()} caption={t(current().label)} />
                </div>
              </Show>
              <Show when={cursors().length > 0 || data().tickets.hasNextPage}>
                <div class="pager">
                  <Button variant="secondary" disabled={cursors().length === 0} onClick={previousPage}>
                    {t('inbox.previousPage')}
                  </Button>
                  <Button variant="secondary" disabled={!data().tickets.hasNextPage || !currentData()} onClick={nextPage}>
                    {t('inbox.nextPage')}
                  </Button>
                </div>
              </Show>
            </>
          )}
        </Show>
      </div>
      <Show when={creating()}>
        <NewTicketDialog onClose={() => setCreating(false)} />
      </Show>
    </div>
  );
}
