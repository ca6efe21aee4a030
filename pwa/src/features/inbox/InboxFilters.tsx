import { createEffect, createSignal, createUniqueId, For, on, onCleanup, Show } from 'solid-js';
import type { TicketCategory, TicketPriority, TicketSource, TicketStatus } from '../../gql/graphql';
import { t, type MessageKey } from '../../i18n';
import { isPlainKey, isTypingInField } from '../../ui/keyboard';
// The search box looks like the customer search's.
import '../assistant/assistant.css';

export const ticketStatuses: TicketStatus[] = ['NEW', 'OPEN', 'PENDING', 'RESOLVED', 'CLOSED'];
export const openTicketStatuses: TicketStatus[] = ['NEW', 'OPEN', 'PENDING'];
export const ticketPriorities: TicketPriority[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];
export const ticketCategories: TicketCategory[] = [
  'BREAKDOWN',
  'QUOTE_REQUEST',
  'APPOINTMENT',
  'BILLING',
  'COMPLAINT',
  'INFORMATION',
  'OPPORTUNITY',
  'OTHER',
];
export const ticketSources: TicketSource[] = ['PHONE', 'EMAIL', 'PORTAL', 'TECHNICIAN', 'CHATBOT', 'AUTOMATION'];

/** "me": the viewer's tickets; "none": nobody's. */
type AssigneeChoice = 'me' | 'none';

export interface InboxFilterValues {
  status?: TicketStatus;
  priority?: TicketPriority;
  category?: TicketCategory;
  source?: TicketSource;
  assignee?: AssigneeChoice;
}

interface FilterOption<Value extends string> {
  value: Value;
  label: string;
}

/** A labelled drop-down whose empty choice means "any". */
export function FilterSelect<Value extends string>(props: {
  label: string;
  name: string;
  anyLabel?: string;
  value: Value | undefined;
  options: FilterOption<Value>[];
  /** Receives the element too, to put back the previous choice when a change is refused. */
  onChange: (value: Value | undefined, select: HTMLSelectElement) => void;
}) {
  const id = createUniqueId();
  return (
    <div class="filter-select">
      <label for={id} class="filter-label">
        {props.label}
      </label>
      <select
        id={id}
        name={props.name}
        class="input"
        onChange={(event) => props.onChange((event.currentTarget.value || undefined) as Value | undefined, event.currentTarget)}
      >
        <Show when={props.anyLabel}>
          <option value="" selected={props.value === undefined}>
            {props.anyLabel}
          </option>
        </Show>
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

const optionsOf = <Value extends string>(values: Value[], key: (value: Value) => MessageKey): FilterOption<Value>[] =>
  values.map((value) => ({ value, label: t(key(value)) }));

const searchDelayMs = 250;

/**
 * Search and filters above the inbox. "/" focuses the search box, Escape empties it.
 * Statuses offered follow the tab: saved views hold open tickets only.
 */
export function InboxFilters(props: {
  initialSearch: string;
  onSearch: (text: string) => void;
  values: InboxFilterValues;
  statuses: TicketStatus[];
  onChange: (values: InboxFilterValues) => void;
}) {
  let searchInput: HTMLInputElement | undefined;
  const [text, setText] = createSignal(props.initialSearch);
  let pendingSearch: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(
      text,
      (value) => {
        clearTimeout(pendingSearch);
        pendingSearch = setTimeout(() => props.onSearch(value.trim()), searchDelayMs);
      },
      { defer: true },
    ),
  );
  onCleanup(() => clearTimeout(pendingSearch));

  const handleShortcut = (event: KeyboardEvent) => {
    if (!isPlainKey(event) || isTypingInField(event) || document.querySelector('dialog[open]')) return;
    if (event.key === '/') {
      event.preventDefault();
      searchInput?.focus();
      searchInput?.select();
    }
  };
  document.addEventListener('keydown', handleShortcut);
  onCleanup(() => document.removeEventListener('keydown', handleShortcut));

  const set = (change: InboxFilterValues) => props.onChange({ ...props.values, ...change });
  const anyFilter = () => Object.values(props.values).some((value) => value !== undefined) || text().trim() !== '';

  return (
    <div class="inbox-filters">
      <div class="filter-search">
        <label for="inbox-search" class="filter-label">
          {t('inbox.searchLabel')}
        </label>
        <div class="search-box">
          <input
            ref={searchInput}
            id="inbox-search"
            class="input"
            type="search"
            name="search"
            autocomplete="off"
            spellcheck={false}
            placeholder={t('inbox.searchPlaceholder')}
            value={text()}
            onInput={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setText('');
            }}
          />
          <kbd class="search-key" aria-hidden="true">
            /
          </kbd>
        </div>
      </div>
      <FilterSelect
        label={t('inbox.filter.status')}
        name="status"
        anyLabel={t('inbox.filter.any')}
        value={props.values.status}
        options={optionsOf(props.statuses, (status) => `ticketStatus.${status}`)}
        onChange={(status) => set({ status })}
      />
      <FilterSelect
        label={t('inbox.filter.priority')}
        name="priority"
        anyLabel={t('inbox.filter.anyFeminine')}
        value={props.values.priority}
        options={optionsOf(ticketPriorities, (priority) => `ticketPriority.${priority}`)}
        onChange={(priority) => set({ priority })}
      />
      <FilterSelect
        label={t('inbox.filter.category')}
        name="category"
        anyLabel={t('inbox.filter.anyFeminine')}
        value={props.values.category}
        options={optionsOf(ticketCategories, (category) => `ticketCategory.${category}`)}
        onChange={(category) => set({ category })}
      />
      <FilterSelect
        label={t('inbox.filter.source')}
        name="source"
        anyLabel={t('inbox.filter.anyFeminine')}
        value={props.values.source}
        options={optionsOf(ticketSources, (source) => `ticketSource.${source}`)}
        onChange={(source) => set({ source })}
      />
      <FilterSelect<AssigneeChoice>
        label={t('inbox.filter.assignee')}
        name="assignee"
        anyLabel={t('inbox.filter.anyone')}
        value={props.values.assignee}
        options={[
          { value: 'me', label: t('inbox.filter.me') },
          { value: 'none', label: t('inbox.unassigned') },
        ]}
        onChange={(assignee) => set({ assignee })}
      />
      <button
        type="button"
        class="link-button inbox-clear"
        disabled={!anyFilter()}
        onClick={() => {
          setText('');
          props.onChange({});
          // The button is now disabled: focus goes where the next search starts.
          searchInput?.focus();
        }}
      >
        {t('inbox.clearFilters')}
      </button>
    </div>
  );
}
