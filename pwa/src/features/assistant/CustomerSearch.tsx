import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { createLiveQuery } from '../../app/liveQuery';
import { LiveStatus } from '../../app/LiveStatus';
import { graphql } from '../../gql';
import type { ContractStatus, CustomerSearchQuery } from '../../gql/graphql';
import { t, tCount } from '../../i18n';
import { formatPhone } from '../../i18n/format';
import { EmptyState } from '../../ui/EmptyState';
import { isPlainKey, isTypingInField } from '../../ui/keyboard';
import { Loading } from '../../ui/Loading';
import { ContractStatusBadge } from '../../ui/statusBadges';
import type { CustomerChange } from './customerChange';

const CustomerSearchQuery = graphql(`
  query CustomerSearch($search: String) {
    customers(search: $search) {
      total
      items {
        id
        name
        companyName
        phones
        sites {
          id
          postalCode
          city
        }
        contracts {
          id
          status
        }
      }
    }
  }
`);

type SearchItem = CustomerSearchQuery['customers']['items'][number];

const searchDelayMs = 250;

/** The contract status worth showing in a result: an active one first, a cancelled one never. */
const contractPriority: ContractStatus[] = ['ACTIVE', 'PENDING_RENEWAL', 'EXPIRED'];
function headlineContractStatus(customer: SearchItem): ContractStatus | undefined {
  return contractPriority.find((status) => customer.contracts.some((contract) => contract.status === status));
}

/**
 * The search box and its results. "/" focuses the box, j/k (or the arrow keys) move
 * through the results, Enter or a click opens a customer.
 */
export function CustomerSearch(props: {
  initialText: string;
  selectedId: string | undefined;
  /** A customer another user just changed: its row lights up briefly. */
  recentlyChangedId: string | undefined;
  onSearchText: (text: string) => void;
  onOpen: (customerId: string) => void;
  /** The latest change pushed by the server: the results are fetched again. */
  lastChange: CustomerChange | undefined;
}) {
  let searchInput: HTMLInputElement | undefined;
  let resultList: HTMLUListElement | undefined;
  const [text, setText] = createSignal(props.initialText);
  const [searchText, setSearchText] = createSignal(props.initialText.trim());

  let pendingSearch: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(
      text,
      (value) => {
        clearTimeout(pendingSearch);
        pendingSearch = setTimeout(() => {
          setSearchText(value.trim());
          props.onSearchText(value.trim());
        }, searchDelayMs);
      },
      { defer: true },
    ),
  );
  onCleanup(() => clearTimeout(pendingSearch));

  const { result, refresh, updatedAt } = createLiveQuery({
    query: CustomerSearchQuery,
    variables: () => ({ search: searchText() || null }),
  });
  createEffect(on(() => props.lastChange, refresh, { defer: true }));

  const items = () => result.data?.customers.items ?? [];
  const resultButtons = () => Array.from(resultList?.querySelectorAll<HTMLButtonElement>('button[data-customer-id]') ?? []);

  const moveFocus = (step: 1 | -1) => {
    const buttons = resultButtons();
    if (buttons.length === 0) return;
    const focusedIndex = buttons.findIndex((button) => button === document.activeElement);
    const selectedIndex = buttons.findIndex((button) => button.dataset['customerId'] === props.selectedId);
    const from = focusedIndex >= 0 ? focusedIndex : selectedIndex;
    const next = from < 0 ? (step === 1 ? 0 : buttons.length - 1) : Math.min(buttons.length - 1, Math.max(0, from + step));
    buttons[next]?.focus();
  };

  const handleShortcut = (event: KeyboardEvent) => {
    if (!isPlainKey(event) || isTypingInField(event)) return;
    if (event.key === '/') {
      event.preventDefault();
      searchInput?.focus();
      searchInput?.select();
    } else if (event.key === 'j' || event.key === 'k') {
      event.preventDefault();
      moveFocus(event.key === 'j' ? 1 : -1);
    }
  };
  document.addEventListener('keydown', handleShortcut);
  onCleanup(() => document.removeEventListener('keydown', handleShortcut));

  const handleInputKey = (event: KeyboardEvent) => {
    const first = items()[0];
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      moveFocus(1);
    } else if (event.key === 'Enter' && first) {
      event.preventDefault();
      props.onOpen(first.id);
    } else if (event.key === 'Escape') {
      setText('');
    }
  };

  const handleListKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveFocus(event.key === 'ArrowDown' ? 1 : -1);
    }
  };

  return (
    <section class="customer-search" aria-labelledby="customer-search-heading">
      <h2 id="customer-search-heading" class="visually-hidden">
        {t('search.heading')}
      </h2>
      <div class="field">
        <label for="customer-search-input" class="field-label">
          {t('search.label')}
        </label>
        <div class="search-box">
          <input
            ref={searchInput}
            id="customer-search-input"
            class="input"
            type="search"
            name="search"
            autocomplete="off"
            spellcheck={false}
            placeholder={t('search.placeholder')}
            aria-describedby="customer-search-shortcuts"
            aria-controls="customer-search-results"
            value={text()}
            onInput={(event) => setText(event.currentTarget.value)}
            onKeyDown={handleInputKey}
          />
          <kbd class="search-key" aria-hidden="true">
            /
          </kbd>
        </div>
        <p id="customer-search-shortcuts" class="field-hint">
          {t('search.shortcuts')}
        </p>
      </div>
      <LiveStatus updatedAt={updatedAt()} error={result.error} onRetry={refresh} />
      <Show when={result.data} fallback={<Loading lines={6} />}>
        {(data) => (
          <>
            <p class="muted small" aria-live="polite">
              {data().customers.total > items().length
                ? t('search.showingFirst', { shown: items().length, total: data().customers.total })
                : tCount('search.count', data().customers.total)}
            </p>
            <Show when={items().length > 0} fallback={<EmptyState>{t('search.noResults')}</EmptyState>}>
              <ul ref={resultList} id="customer-search-results" class="plain search-results" onKeyDown={handleListKey}>
                <For each={items()}>
                  {(customer) => {
                    const site = () => customer.sites[0];
                    const phone = () => customer.phones[0];
                    const contractStatus = () => headlineContractStatus(customer);
                    return (
                      <li>
                        <button
                          type="button"
                          class="search-result"
                          classList={{ 'search-result-changed': props.recentlyChangedId === customer.id }}
                          data-customer-id={customer.id}
                          aria-current={props.selectedId === customer.id ? 'true' : undefined}
                          onClick={() => props.onOpen(customer.id)}
                        >
                          <span class="search-result-line">
                            <strong class="search-result-name">{customer.name}</strong>
                            <Show when={contractStatus()}>{(status) => <ContractStatusBadge status={status()} />}</Show>
                          </span>
                          <Show when={customer.companyName && customer.companyName !== customer.name}>
                            <span class="small">{customer.companyName}</span>
                          </Show>
                          <span class="search-result-line muted small">
                            <span>{phone() ? formatPhone(phone() ?? '') : t('search.noPhone')}</span>
                            <Show when={site()}>
                              {(firstSite) => (
                                <span>
                                  {firstSite().postalCode} {firstSite().city}
                                </span>
                              )}
                            </Show>
                          </span>
                        </button>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
