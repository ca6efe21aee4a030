import { For, Show, untrack } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { useNavigate } from '@solidjs/router';
import { createSubmission } from '../../app/submission';
import { apiClient } from '../../app/session';
import { graphql } from '../../gql';
import { t } from '../../i18n';
import { formatPhone, formatTime } from '../../i18n/format';
import { ErrorAlert } from '../../ui/Alert';
import { Button, ButtonLink } from '../../ui/Button';
import { CustomerSnapshot } from '../customer/CustomerSnapshot';
import { customerPath, ticketPath } from '../inbox/officePaths';
import { onIncomingCall, type RingingCall } from './incomingCallFeed';
import './calls.css';

const CreateTicketFromCallMutation = graphql(`
  mutation CreateTicketFromCall($callId: ID!) {
    createTicketFromCall(callId: $callId) {
      __typename
      ... on MutationCreateTicketFromCallSuccess {
        data {
          id
          number
        }
      }
      ...ErrorFields
    }
  }
`);

function CallCard(props: { call: RingingCall; onDismiss: () => void }) {
  const navigate = useNavigate();
  const submission = createSubmission();
  const number = () => formatPhone(props.call.fromNumber);
  const headingId = () => `incoming-call-${props.call.id}`;

  const openTicket = async () => {
    const variables = { callId: props.call.id };
    const ticket = await submission.submit(
      () => apiClient().mutation(CreateTicketFromCallMutation, variables).toPromise(),
      (data) => data.createTicketFromCall,
    );
    if (!ticket) return;
    props.onDismiss();
    navigate(ticketPath(ticket.data.id));
  };

  return (
    <section
      class="call-card"
      aria-labelledby={headingId()}
      data-testid="incoming-call"
      data-call-id={props.call.id}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // The card's Escape, not the screen's ("back to the inbox" on a ticket).
        event.stopPropagation();
        props.onDismiss();
      }}
    >
      <div class="call-card-header">
        <p class="call-card-kicker">
          <span class="call-card-pulse" aria-hidden="true" />
          <span>
            {t('calls.ringing')} · <time datetime={props.call.startedAt}>{formatTime(props.call.startedAt)}</time>
          </span>
        </p>
        <button
          type="button"
          class="call-card-close"
          aria-label={t('calls.dismiss', { number: number() })}
          onClick={() => props.onDismiss()}
        >
          ×
        </button>
      </div>
      <p role="alert" class="visually-hidden">
        {t('calls.announce', { number: number(), name: props.call.customer?.name ?? t('calls.unknownCustomer') })}
      </p>
      <h2 id={headingId()} class="call-card-title">
        <span class="call-card-number">{number()}</span>
        <span class="call-card-name">{props.call.customer?.name ?? t('calls.unknownCustomer')}</span>
      </h2>
      <ErrorAlert message={submission.message()} />
      <div class="call-card-actions">
        <Button onClick={openTicket} busy={submission.pending()}>
          {props.call.ticket ? t('calls.openTicket', { number: props.call.ticket.number }) : t('calls.createTicket')}
        </Button>
        <Show when={props.call.customer}>
          {(customer) => (
            <ButtonLink href={customerPath(customer().id)} variant="secondary">
              {t('calls.openRecord')}
            </ButtonLink>
          )}
        </Show>
      </div>
      <Show when={props.call.customer} fallback={<p class="muted small">{t('calls.unknownHint')}</p>}>
        {(customer) => (
          <div class="call-card-body">
            <CustomerSnapshot customer={customer()} headingLevel={3} />
          </div>
        )}
      </Show>
    </section>
  );
}

/**
 * The incoming-call cards, over whatever office screen is open: who is calling and what
 * matters about them, with one click to open the call's ticket or the customer's record.
 * Each call is one card (a call ringing again refreshes its card); newest on top,
 * dismissed by the ×, by Escape, or once its ticket is opened.
 */
export default function IncomingCalls() {
  const [calls, setCalls] = createStore<RingingCall[]>([]);
  onIncomingCall((call) => {
    const index = untrack(() => calls.findIndex((shown) => shown.id === call.id));
    // Ringing again (another agent's phone) refreshes the same card without rebuilding it.
    if (index >= 0) setCalls(index, reconcile(call));
    else setCalls((current) => [call, ...current]);
  });

  let region: HTMLDivElement | undefined;
  const dismiss = (callId: string) => {
    const hadFocus = region?.contains(document.activeElement) ?? false;
    setCalls((current) => current.filter((call) => call.id !== callId));
    // Focus must not fall to the page's start: the next card, or the screen's content.
    if (hadFocus) (region?.querySelector<HTMLElement>('.call-card button') ?? document.getElementById('main'))?.focus();
  };

  return (
    <div
      ref={region}
      class="incoming-calls"
      role={calls.length > 0 ? 'region' : undefined}
      aria-label={calls.length > 0 ? t('calls.regionLabel') : undefined}
    >
      <For each={calls}>{(call) => <CallCard call={call} onDismiss={() => dismiss(call.id)} />}</For>
    </div>
  );
}
