import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { apiClient } from '../../app/session';
import { createSubmission } from '../../app/submission';
import { trackUnsavedWork } from '../../app/unsavedWork';
import { graphql } from '../../gql';
import type { TicketCategory, TicketPriority, TicketSource } from '../../gql/graphql';
import { t, type MessageKey } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Loading } from '../../ui/Loading';
import { SelectField, TextAreaField, TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast';
import { CustomerSearch } from '../assistant/CustomerSearch';
import { createAttemptKey } from '../booking/attemptKey';
import { ticketCategories, ticketPriorities, ticketSources } from './InboxFilters';
import { ticketPath } from './officePaths';

const NewTicketCustomerQuery = graphql(`
  query NewTicketCustomer($id: ID!) {
    customer(id: $id) {
      id
      name
    }
  }
`);

const CreateTicketMutation = graphql(`
  mutation CreateTicket($input: CreateTicketInput!) {
    createTicket(input: $input) {
      __typename
      ... on MutationCreateTicketSuccess {
        data {
          id
          number
        }
      }
      ...ErrorFields
    }
  }
`);

/** A drop-down over one of the ticket's enumerations, labelled from the inbox's keys. */
function EnumSelect<Value extends string>(props: {
  label: string;
  name: string;
  values: Value[];
  optionLabel: (value: Value) => MessageKey;
  value: Value;
  onChange: (value: Value) => void;
}) {
  return (
    <SelectField
      label={props.label}
      name={props.name}
      required
      value={props.value}
      onChange={(raw) => {
        const picked = props.values.find((value) => value === raw);
        if (picked) props.onChange(picked);
      }}
    >
      <For each={props.values}>{(value) => <option value={value}>{t(props.optionLabel(value))}</option>}</For>
    </SelectField>
  );
}

/** The customer the ticket is about, found with the assistant's customer search; none is fine too. */
function CustomerChoice(props: { customerId: string | undefined; onChange: (customerId: string | undefined) => void }) {
  const [searching, setSearching] = createSignal(false);
  const [searchText, setSearchText] = createSignal('');
  const [customer] = createQuery({
    query: NewTicketCustomerQuery,
    variables: () => ({ id: props.customerId ?? '' }),
    pause: () => !props.customerId,
  });
  const name = () => (customer.data?.customer?.id === props.customerId ? customer.data?.customer?.name : undefined);
  return (
    <section class="stack-sm new-ticket-customer" aria-label={t('newTicket.customer')}>
      <Show
        when={searching()}
        fallback={
          <div class="spread">
            <div>
              <p class="field-label">{t('newTicket.customer')}</p>
              <Show when={props.customerId} fallback={<p class="muted">{t('newTicket.noCustomer')}</p>}>
                <Show when={name()} fallback={<Loading lines={1} />}>
                  {(loaded) => <p data-testid="new-ticket-customer">{loaded()}</p>}
                </Show>
              </Show>
            </div>
            <Button variant="secondary" onClick={() => setSearching(true)}>
              {props.customerId ? t('newTicket.changeCustomer') : t('newTicket.chooseCustomer')}
            </Button>
          </div>
        }
      >
        <CustomerSearch
          initialText={searchText()}
          selectedId={props.customerId}
          recentlyChangedId={undefined}
          onSearchText={setSearchText}
          onOpen={(customerId) => {
            props.onChange(customerId);
            setSearching(false);
          }}
          lastChange={undefined}
        />
      </Show>
    </section>
  );
}

/**
 * "Nouveau ticket" from the inbox (button or the n key): subject, description, channel
 * (the phone by default), category, priority and, optionally, the customer. The new
 * ticket opens once created.
 */
export function NewTicketDialog(props: { onClose: () => void }) {
  const navigate = useNavigate();
  const formId = createUniqueId();
  const [subject, setSubject] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [source, setSource] = createSignal<TicketSource>('PHONE');
  const [category, setCategory] = createSignal<TicketCategory>('OTHER');
  const [priority, setPriority] = createSignal<TicketPriority>('NORMAL');
  const [customerId, setCustomerId] = createSignal<string>();
  const [blocked, setBlocked] = createSignal<string>();
  const unsaved = trackUnsavedWork();
  const attempt = createAttemptKey();
  const submission = createSubmission();

  const changed = () => {
    setBlocked(undefined);
    unsaved.changed();
  };
  const choose =
    <Value,>(set: (value: Value) => void) =>
    (value: Value) => {
      set(value);
      changed();
    };

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    if (subject().trim() === '') {
      setBlocked(t('newTicket.subjectMissing'));
      return;
    }
    const input = {
      subject: subject(),
      description: description() || null,
      source: source(),
      category: category(),
      priority: priority(),
      customerId: customerId() ?? null,
      idempotencyKey: attempt.current(),
    };
    const created = await submission.submit(
      () => apiClient().mutation(CreateTicketMutation, { input }).toPromise(),
      (data) => data.createTicket,
    );
    if (submission.typedError() || created) attempt.settle();
    if (!created) return;
    unsaved.saved();
    showToast({ message: () => t('newTicket.created', { number: created.data.number }), tone: 'success' });
    props.onClose();
    navigate(ticketPath(created.data.id));
  };

  return (
    <Dialog
      open
      title={t('newTicket.title')}
      onClose={() => props.onClose()}
      actions={
        <>
          <Button variant="secondary" onClick={() => props.onClose()}>
            {t('newTicket.cancel')}
          </Button>
          <Button type="submit" form={formId} busy={submission.pending()}>
            {t('newTicket.create')}
          </Button>
        </>
      }
    >
      <div class="stack" data-testid="new-ticket">
        <form id={formId} class="stack" onSubmit={create} novalidate>
          <TextField
            label={t('newTicket.subject')}
            name="subject"
            required
            maxLength={200}
            autocomplete="off"
            value={subject()}
            error={submission.fieldError('subject')}
            onInput={(event) => choose(setSubject)(event.currentTarget.value)}
          />
          <TextAreaField
            label={t('newTicket.description')}
            name="description"
            rows={4}
            value={description()}
            error={submission.fieldError('description')}
            onInput={(event) => choose(setDescription)(event.currentTarget.value)}
          />
          <div class="new-ticket-choices">
            <EnumSelect
              label={t('newTicket.source')}
              name="source"
              values={ticketSources}
              optionLabel={(value) => `ticketSource.${value}`}
              value={source()}
              onChange={choose(setSource)}
            />
            <EnumSelect
              label={t('newTicket.category')}
              name="category"
              values={ticketCategories}
              optionLabel={(value) => `ticketCategory.${value}`}
              value={category()}
              onChange={choose(setCategory)}
            />
            <EnumSelect
              label={t('newTicket.priority')}
              name="priority"
              values={ticketPriorities}
              optionLabel={(value) => `ticketPriority.${value}`}
              value={priority()}
              onChange={choose(setPriority)}
            />
          </div>
        </form>
        {/* Outside the form: Enter in the customer search opens a customer, it never creates the ticket. */}
        <CustomerChoice customerId={customerId()} onChange={choose(setCustomerId)} />
        <ErrorAlert message={blocked() ?? submission.message()} />
      </div>
    </Dialog>
  );
}
