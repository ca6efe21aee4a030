import { createEffect, createMemo, createSignal, on, onCleanup, Show } from 'solid-js';
import { useNavigate, useParams } from '@solidjs/router';
import { createLiveQuery } from '../../app/liveQuery';
import { LiveStatus } from '../../app/LiveStatus';
import { usePageTitle } from '../../app/pageTitle';
import { signedInUser } from '../../app/session';
import { graphql } from '../../gql';
import type { TicketDetailQuery } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatAddress, formatDateTime } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button, ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { isPlainKey, isTypingInField } from '../../ui/keyboard';
import { Loading } from '../../ui/Loading';
import { TicketPriorityBadge, TicketStatusBadge } from '../../ui/statusBadges';
import { CustomerSearch } from '../assistant/CustomerSearch';
import { CustomerSnapshot } from '../customer/CustomerSnapshot';
import { formatDue } from './clock';
import { MergeDialog } from './MergeDialog';
import { NoteForm } from './NoteForm';
import { customerPath, inboxPath, ticketPath } from './officePaths';
import { ReplyForm } from './ReplyForm';
import { createTicketUpdate, TicketControls } from './TicketControls';
import { SlaBadge, TicketSourceLabel } from './ticketLabels';
import { onTicketChanges } from './ticketFeed';
import { TicketTimeline } from './TicketTimeline';
import './inbox.css';

const TicketDetailQuery = graphql(`
  query TicketDetail($id: ID!) {
    ticket(id: $id) {
      ...InboxTicket
      description
      closedAt
      site {
        id
        label
        street
        postalCode
        city
      }
      customer {
        ...CustomerSnapshot
      }
      mergedInto {
        id
        number
      }
      emails {
        id
        direction
        fromAddress
      }
      events {
        ...TimelineEvent
      }
    }
  }
`);

type TicketRecord = NonNullable<TicketDetailQuery['ticket']>;

function SlaTargets(props: { ticket: TicketRecord }) {
  return (
    <Card title={t('ticket.slaTitle')} headingLevel={2}>
      <SlaBadge ticket={props.ticket} />
      <dl class="facts">
        <dt>{t('ticket.firstResponse')}</dt>
        <dd>
          <Show
            when={props.ticket.firstRespondedAt}
            fallback={props.ticket.firstResponseDueAt ? t('ticket.dueBy', { time: formatDue(props.ticket.firstResponseDueAt) }) : '—'}
          >
            {(at) => t('ticket.doneAt', { time: formatDateTime(at()) })}
          </Show>
        </dd>
        <dt>{t('ticket.resolution')}</dt>
        <dd>
          <Show
            when={props.ticket.resolvedAt}
            fallback={props.ticket.resolutionDueAt ? t('ticket.dueBy', { time: formatDue(props.ticket.resolutionDueAt) }) : '—'}
          >
            {(at) => t('ticket.doneAt', { time: formatDateTime(at()) })}
          </Show>
        </dd>
      </dl>
    </Card>
  );
}

/** A ticket opened for an unknown caller or sender: find the customer and link it (the call follows). */
function LinkCustomer(props: { ticketId: string }) {
  const [searching, setSearching] = createSignal(false);
  const [searchText, setSearchText] = createSignal('');
  const { update } = createTicketUpdate(() => props.ticketId);
  return (
    <Show
      when={searching()}
      fallback={
        <div class="stack-sm">
          <EmptyState>{t('ticket.noCustomer')}</EmptyState>
          <Button variant="secondary" onClick={() => setSearching(true)}>
            {t('ticket.linkCustomer')}
          </Button>
        </div>
      }
    >
      <CustomerSearch
        initialText={searchText()}
        selectedId={undefined}
        recentlyChangedId={undefined}
        onSearchText={setSearchText}
        onOpen={(customerId) => void update({ customerId }).then((linked) => linked && setSearching(false))}
        lastChange={undefined}
      />
    </Show>
  );
}

function CustomerPanel(props: { ticket: TicketRecord }) {
  return (
    <Card title={t('ticket.customerTitle')} headingLevel={2} data-testid="ticket-customer">
      <Show when={props.ticket.customer} fallback={<LinkCustomer ticketId={props.ticket.id} />}>
        {(customer) => (
          <div class="stack-sm">
            <p class="ticket-customer-name">
              <a href={customerPath(customer().id)}>{customer().name}</a>
            </p>
            <Show when={props.ticket.site}>
              {(site) => (
                <p class="small">
                  <Show when={site().label}>
                    <strong>{site().label}</strong> ·{' '}
                  </Show>
                  {formatAddress(site())}
                </p>
              )}
            </Show>
            <CustomerSnapshot customer={customer()} headingLevel={3} currentTicketId={props.ticket.id} />
            <ButtonLink href={customerPath(customer().id)} variant="secondary">
              {t('calls.openRecord')}
            </ButtonLink>
          </div>
        )}
      </Show>
    </Card>
  );
}

/**
 * /assistant/tickets/:id: one ticket with its controls, SLA, customer, timeline, e-mail
 * reply and notes, kept live by the office's ticket feed. Keys: a assigns it to me,
 * e marks it resolved, r writes a reply, Escape returns to the inbox.
 */
export default function TicketPage() {
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const { result, refresh, updatedAt } = createLiveQuery({ query: TicketDetailQuery, variables: () => ({ id: params.id }) });
  // The office-wide feed is already open (nav counters): no second subscription for this one ticket.
  onTicketChanges((event) => {
    if (event.ticketId === params.id) refresh();
  });

  const ticket = () => (result.data?.ticket?.id === params.id ? result.data.ticket : undefined);
  usePageTitle(() => {
    const shown = ticket();
    return shown ? `#${shown.number} ${shown.subject}` : t('ticket.title');
  });
  const merged = () => Boolean(ticket()?.mergedInto);

  let heading: HTMLHeadingElement | undefined;
  let replyBody: HTMLTextAreaElement | undefined;
  // Focus goes to the title when another ticket opens, not when the same one refreshes.
  createEffect(
    on(
      createMemo(() => ticket()?.id),
      (id) => id && heading?.focus(),
    ),
  );

  const { update } = createTicketUpdate(() => params.id);
  const [merging, setMerging] = createSignal(false);

  const handleShortcut = (event: KeyboardEvent) => {
    if (!isPlainKey(event) || isTypingInField(event) || document.querySelector('dialog[open]') || !ticket()) return;
    const me = signedInUser();
    if (event.key === 'Escape') {
      navigate(inboxPath());
    } else if (event.key === 'a' && me && !merged()) {
      event.preventDefault();
      void update({ assigneeId: me.id });
    } else if (event.key === 'e' && !merged()) {
      event.preventDefault();
      void update({ status: 'RESOLVED' });
    } else if (event.key === 'r' && !merged()) {
      event.preventDefault();
      replyBody?.focus();
    }
  };
  document.addEventListener('keydown', handleShortcut);
  onCleanup(() => document.removeEventListener('keydown', handleShortcut));

  const defaultRecipient = (record: TicketRecord) =>
    record.emails.findLast((email) => email.direction === 'INBOUND')?.fromAddress ?? record.customer?.emails[0];

  return (
    <div class="ticket-page stack" data-testid="ticket-page">
      <a class="back-link" href={inboxPath()}>
        {t('ticket.backToInbox')}
      </a>
      <Show
        when={ticket()}
        fallback={
          <Show when={result.data && !result.fetching} fallback={<Loading lines={10} />}>
            <Alert tone="warning">{t('ticket.notFound')}</Alert>
          </Show>
        }
      >
        {(record) => (
          <>
            <div class="page-heading ticket-heading">
              <div class="stack-sm">
                <p class="ticket-kicker">
                  <span class="ticket-number">{t('ticket.number', { number: record().number })}</span>
                  <TicketSourceLabel source={record().source} />
                  <span class="muted">{t('ticket.openedAt', { time: formatDateTime(record().createdAt) })}</span>
                </p>
                <h1 ref={heading} tabindex="-1">
                  {record().subject}
                </h1>
                <div class="cluster">
                  <TicketStatusBadge status={record().status} />
                  <TicketPriorityBadge priority={record().priority} />
                  <Badge tone="neutral">{t(`ticketCategory.${record().category}`)}</Badge>
                </div>
              </div>
              <LiveStatus updatedAt={updatedAt()} error={result.error} onRetry={refresh} />
            </div>
            <Show when={record().mergedInto}>
              {(target) => (
                <Alert tone="info">
                  {t('ticket.mergedInto')} <a href={ticketPath(target().id)}>{t('calls.openTicket', { number: target().number })}</a>
                </Alert>
              )}
            </Show>
            <TicketControls ticket={record()} disabled={merged()} onMerge={() => setMerging(true)} />
            <p class="muted small shortcut-hint">{t('ticket.shortcuts')}</p>
            <div class="ticket-layout">
              <div class="ticket-main stack">
                <Card title={t('ticket.timelineTitle')} headingLevel={2} data-testid="ticket-timeline">
                  <TicketTimeline
                    ticketId={record().id}
                    description={record().description}
                    openedAt={record().createdAt}
                    events={record().events}
                  />
                </Card>
                <ReplyForm
                  ticketId={record().id}
                  ticketNumber={record().number}
                  defaultRecipient={defaultRecipient(record())}
                  disabled={merged()}
                  ref={(textarea) => (replyBody = textarea)}
                />
                <NoteForm ticketId={record().id} disabled={merged()} />
              </div>
              <aside class="ticket-side stack" aria-label={t('ticket.sideLabel')}>
                <SlaTargets ticket={record()} />
                <CustomerPanel ticket={record()} />
              </aside>
            </div>
            <MergeDialog open={merging()} ticketId={record().id} ticketNumber={record().number} onClose={() => setMerging(false)} />
          </>
        )}
      </Show>
    </div>
  );
}
