import { For, onCleanup, Show } from 'solid-js';
import { graphql } from '../../gql';
import type { InboxTicketFragment } from '../../gql/graphql';
import { t } from '../../i18n';
import { isPlainKey, isTypingInField } from '../../ui/keyboard';
import { TicketPriorityBadge, TicketStatusBadge } from '../../ui/statusBadges';
import { ticketPath } from './officePaths';
import { SlaIndicator, TicketAge, TicketSourceLabel } from './ticketLabels';

export const InboxTicketFields = graphql(`
  fragment InboxTicket on Ticket {
    id
    number
    subject
    source
    category
    status
    priority
    createdAt
    firstResponseDueAt
    resolutionDueAt
    firstRespondedAt
    resolvedAt
    slaAtRisk
    slaBreached
    customer {
      id
      name
    }
    assignee {
      id
      name
    }
  }
`);

/**
 * The inbox rows. Each subject is a link to the ticket (the whole row is its target);
 * j/k or the arrow keys move from row to row and Enter opens the ticket. Rows keep their
 * identity across live refreshes, so focus stays on the same ticket.
 */
export function TicketTable(props: {
  tickets: InboxTicketFragment[];
  /** Tickets another user just changed: their rows light up briefly. */
  recentlyChanged: ReadonlySet<string>;
  caption: string;
}) {
  let body: HTMLTableSectionElement | undefined;
  const links = () => Array.from(body?.querySelectorAll<HTMLAnchorElement>('a.inbox-link') ?? []);

  const moveFocus = (step: 1 | -1) => {
    const all = links();
    if (all.length === 0) return;
    const from = all.findIndex((link) => link === document.activeElement);
    const next = from < 0 ? (step === 1 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, from + step));
    all[next]?.focus();
  };

  const handleShortcut = (event: KeyboardEvent) => {
    if (!isPlainKey(event) || isTypingInField(event) || document.querySelector('dialog[open]')) return;
    if (event.key === 'j' || event.key === 'k') {
      event.preventDefault();
      moveFocus(event.key === 'j' ? 1 : -1);
    }
  };
  document.addEventListener('keydown', handleShortcut);
  onCleanup(() => document.removeEventListener('keydown', handleShortcut));

  const handleArrows = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveFocus(event.key === 'ArrowDown' ? 1 : -1);
    }
  };

  return (
    <table class="inbox-table">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('inbox.column.number')}</th>
          <th scope="col">{t('inbox.column.subject')}</th>
          <th scope="col">{t('inbox.column.customer')}</th>
          <th scope="col">{t('inbox.column.source')}</th>
          <th scope="col">{t('inbox.column.priority')}</th>
          <th scope="col">{t('inbox.column.status')}</th>
          <th scope="col">{t('inbox.column.assignee')}</th>
          <th scope="col">{t('inbox.column.sla')}</th>
          <th scope="col">{t('inbox.column.age')}</th>
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={handleArrows}>
        <For each={props.tickets}>
          {(ticket) => (
            <tr data-ticket-id={ticket.id} classList={{ 'inbox-row-changed': props.recentlyChanged.has(ticket.id) }}>
              <td class="inbox-number">#{ticket.number}</td>
              <td class="inbox-subject">
                <a class="inbox-link" href={ticketPath(ticket.id)}>
                  {ticket.subject}
                </a>
              </td>
              <td class="inbox-customer">
                <Show when={ticket.customer} fallback={<span class="muted">{t('inbox.noCustomer')}</span>}>
                  {(customer) => customer().name}
                </Show>
              </td>
              <td class="inbox-source">
                <TicketSourceLabel source={ticket.source} />
              </td>
              <td class="inbox-priority">
                <TicketPriorityBadge priority={ticket.priority} />
              </td>
              <td class="inbox-status">
                <TicketStatusBadge status={ticket.status} />
              </td>
              <td class="inbox-assignee">
                <Show when={ticket.assignee} fallback={<span class="muted">{t('inbox.unassigned')}</span>}>
                  {(assignee) => assignee().name}
                </Show>
              </td>
              <td class="inbox-sla">
                <SlaIndicator ticket={ticket} />
              </td>
              <td class="inbox-age">
                <TicketAge createdAt={ticket.createdAt} />
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
