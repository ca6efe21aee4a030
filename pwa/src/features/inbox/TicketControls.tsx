import { createQuery } from '@urql/solid';
import type { Accessor } from 'solid-js';
import { createSubmission } from '../../app/submission';
import { apiClient, signedInUser } from '../../app/session';
import { graphql } from '../../gql';
import type { TicketCategory, TicketPriority, TicketStatus, UpdateTicketInput } from '../../gql/graphql';
import { t, type MessageKey } from '../../i18n';
import { Button } from '../../ui/Button';
import { showToast } from '../../ui/toast';
import { FilterSelect, ticketCategories, ticketPriorities, ticketStatuses } from './InboxFilters';

const UpdateTicketMutation = graphql(`
  mutation UpdateTicket($input: UpdateTicketInput!) {
    updateTicket(input: $input) {
      __typename
      ... on MutationUpdateTicketSuccess {
        data {
          id
          status
          priority
          category
          assignee {
            id
            name
          }
        }
      }
      ...ErrorFields
    }
  }
`);

const AssignableUsersQuery = graphql(`
  query AssignableUsers {
    assignableUsers {
      id
      name
    }
  }
`);

interface ControlledTicket {
  id: string;
  status: TicketStatus;
  priority: TicketPriority;
  category: TicketCategory;
  assignee?: { id: string; name: string } | null;
}

/** Changes one field of a ticket; a refused change is announced and the control shows the ticket as it is. */
export function createTicketUpdate(ticketId: Accessor<string>) {
  const submission = createSubmission();
  const update = async (change: Omit<UpdateTicketInput, 'id'>): Promise<boolean> => {
    const updated = await submission.submit(
      () =>
        apiClient()
          .mutation(UpdateTicketMutation, { input: { id: ticketId(), ...change } })
          .toPromise(),
      (data) => data.updateTicket,
    );
    if (!updated) showToast({ message: () => submission.message() ?? t('errors.unexpected'), tone: 'danger' });
    return Boolean(updated);
  };
  return { update };
}

const optionsOf = <Value extends string>(values: Value[], key: (value: Value) => MessageKey) =>
  values.map((value) => ({ value, label: t(key(value)) }));

/**
 * Status, priority, category and assignee of the open ticket, each applied as soon as it
 * is chosen and written to the timeline by the API.
 */
export function TicketControls(props: { ticket: ControlledTicket; disabled: boolean; onMerge: () => void }) {
  const { update } = createTicketUpdate(() => props.ticket.id);
  const [colleagues] = createQuery({ query: AssignableUsersQuery });
  // Me first, then every colleague; the current assignee stays listed while the list loads.
  const assigneeOptions = () => {
    const self = signedInUser();
    const people = [...(colleagues.data?.assignableUsers ?? []), ...(props.ticket.assignee ? [props.ticket.assignee] : [])];
    const others = people.filter(
      (person, index) => person.id !== self?.id && people.findIndex((other) => other.id === person.id) === index,
    );
    return [
      { value: 'none', label: t('inbox.unassigned') },
      ...(self ? [{ value: self.id, label: t('ticket.meNamed', { name: self.name }) }] : []),
      ...others.map((person) => ({ value: person.id, label: person.name })),
    ];
  };
  const apply = async (change: Omit<UpdateTicketInput, 'id'>, select: HTMLSelectElement, previous: string) => {
    if (!(await update(change))) select.value = previous;
  };

  return (
    <div class="ticket-controls">
      <fieldset class="ticket-controls-fields" disabled={props.disabled}>
        <legend class="visually-hidden">{t('ticket.controls')}</legend>
        <FilterSelect
          label={t('inbox.filter.status')}
          name="status"
          value={props.ticket.status}
          options={optionsOf(ticketStatuses, (status) => `ticketStatus.${status}`)}
          onChange={(status, select) => status && void apply({ status }, select, props.ticket.status)}
        />
        <FilterSelect
          label={t('inbox.filter.priority')}
          name="priority"
          value={props.ticket.priority}
          options={optionsOf(ticketPriorities, (priority) => `ticketPriority.${priority}`)}
          onChange={(priority, select) => priority && void apply({ priority }, select, props.ticket.priority)}
        />
        <FilterSelect
          label={t('inbox.filter.category')}
          name="category"
          value={props.ticket.category}
          options={optionsOf(ticketCategories, (category) => `ticketCategory.${category}`)}
          onChange={(category, select) => category && void apply({ category }, select, props.ticket.category)}
        />
        <FilterSelect
          label={t('inbox.filter.assignee')}
          name="assignee"
          value={props.ticket.assignee?.id ?? 'none'}
          options={assigneeOptions()}
          onChange={(assignee, select) =>
            void apply({ assigneeId: assignee === 'none' ? null : assignee }, select, props.ticket.assignee?.id ?? 'none')
          }
        />
      </fieldset>
      <Button variant="secondary" onClick={() => props.onMerge()} disabled={props.disabled}>
        {t('ticket.merge')}
      </Button>
    </div>
  );
}
