import { For, Show } from 'solid-js';
import { graphql } from '../../gql';
import type { OpenTicketSummaryFragment } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { EmptyState } from '../../ui/EmptyState';
import { TicketPriorityBadge, TicketStatusBadge } from '../../ui/statusBadges';
import { ticketPath } from '../inbox/officePaths';

export const OpenTicketSummaryFields = graphql(`
  fragment OpenTicketSummary on Ticket {
    id
    number
    subject
    status
    priority
    createdAt
    resolutionDueAt
  }
`);

/** A customer's open tickets, each a link to its page. */
export function OpenTicketRows(props: { tickets: OpenTicketSummaryFragment[] }) {
  return (
    <Show when={props.tickets.length > 0} fallback={<EmptyState>{t('customer.noOpenTickets')}</EmptyState>}>
      <ul class="rows">
        <For each={props.tickets}>
          {(ticket) => (
            <li>
              <div class="row-main">
                <a href={ticketPath(ticket.id)}>
                  <strong>
                    #{ticket.number} · {ticket.subject}
                  </strong>
                </a>
                <span class="muted small">
                  {t('customer.ticketOpened', { date: formatDateTime(ticket.createdAt) })}
                  <Show when={ticket.resolutionDueAt}>{(due) => <> · {t('customer.ticketDue', { date: formatDateTime(due()) })}</>}</Show>
                </span>
              </div>
              <div class="row-side">
                <TicketPriorityBadge priority={ticket.priority} />
                <TicketStatusBadge status={ticket.status} />
              </div>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
