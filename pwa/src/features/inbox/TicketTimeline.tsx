import { For, Match, Show, Switch } from 'solid-js';
import { graphql } from '../../gql';
import type { EmailStatus, TimelineEventFragment } from '../../gql/graphql';
import { t, type MessageKey } from '../../i18n';
import { formatDateTime, formatDuration, formatPhone } from '../../i18n/format';
import { Badge, type Tone } from '../../ui/Badge';
import { ticketPath } from './officePaths';

export const TimelineEventFields = graphql(`
  fragment TimelineEvent on TicketEvent {
    id
    kind
    body
    createdAt
    author {
      id
      name
    }
    assignee {
      id
      name
    }
    change {
      field
      from
      to
    }
    call {
      id
      direction
      fromNumber
      toNumber
      missed
      durationSeconds
      answeredByName
    }
    email {
      id
      direction
      status
      fromAddress
      toAddresses
      subject
      textBody
      error
    }
    mergeSource {
      id
      number
    }
    mergeTarget {
      id
      number
    }
  }
`);

const emailStatusTones: Record<EmailStatus, Tone> = { RECEIVED: 'neutral', QUEUED: 'warning', SENT: 'success', FAILED: 'danger' };

function EmailStatusBadge(props: { status: EmailStatus }) {
  return <Badge tone={emailStatusTones[props.status]}>{t(`emailStatus.${props.status}`)}</Badge>;
}

/** The label of a changed field's raw enum value ("OPEN" → "En cours"). */
function changedValue(field: string, value: string | null | undefined): string {
  if (!value) return '—';
  const prefixes: Record<string, string> = { status: 'ticketStatus', priority: 'ticketPriority', category: 'ticketCategory' };
  const prefix = prefixes[field];
  return prefix ? t(`${prefix}.${value}` as MessageKey) : value;
}

const changedFieldLabels: Record<string, MessageKey> = {
  status: 'timeline.statusChange',
  priority: 'timeline.priorityChange',
  category: 'timeline.categoryChange',
  customer: 'timeline.customerChange',
  site: 'timeline.siteChange',
};

function Change(props: { change: NonNullable<TimelineEventFragment['change']> }) {
  const label = () => changedFieldLabels[props.change.field];
  return (
    <p class="timeline-what">
      <Show when={label()} fallback={props.change.field}>
        {(key) => t(key())}
      </Show>{' '}
      <span class="timeline-change">
        {changedValue(props.change.field, props.change.from)} → <strong>{changedValue(props.change.field, props.change.to)}</strong>
      </span>
    </p>
  );
}

function CallEntry(props: { call: NonNullable<TimelineEventFragment['call']> }) {
  const inbound = () => props.call.direction === 'INBOUND';
  const number = () => formatPhone(inbound() ? props.call.fromNumber : props.call.toNumber);
  return (
    <>
      <p class="timeline-what">
        <Show when={!props.call.missed} fallback={<Badge tone="danger">{t('timeline.missedCall')}</Badge>}>
          <strong>{t(inbound() ? 'timeline.inboundCall' : 'timeline.outboundCall')}</strong>
        </Show>{' '}
        · {number()}
        <Show when={props.call.durationSeconds != null && !props.call.missed}> · {formatDuration(props.call.durationSeconds ?? 0)}</Show>
      </p>
      <Show when={props.call.answeredByName}>{(name) => <p class="small muted">{t('timeline.answeredBy', { name: name() })}</p>}</Show>
    </>
  );
}

function EmailEntry(props: { email: NonNullable<TimelineEventFragment['email']> }) {
  const inbound = () => props.email.direction === 'INBOUND';
  return (
    <>
      <p class="timeline-what">
        <strong>{t(inbound() ? 'timeline.emailIn' : 'timeline.emailOut')}</strong>{' '}
        {inbound()
          ? t('timeline.emailFrom', { address: props.email.fromAddress })
          : t('timeline.emailTo', { address: props.email.toAddresses.join(', ') })}
        <Show when={!inbound()}>
          {' '}
          <EmailStatusBadge status={props.email.status} />
        </Show>
      </p>
      <p class="timeline-subject">{props.email.subject}</p>
      <Show when={props.email.error}>{(error) => <p class="field-error">{t('timeline.emailError', { error: error() })}</p>}</Show>
      <Show when={props.email.textBody}>{(body) => <div class="timeline-body">{body()}</div>}</Show>
    </>
  );
}

function MergeEntry(props: { event: TimelineEventFragment; ticketId: string }) {
  return (
    <p class="timeline-what">
      <Switch fallback={t('timeline.merged')}>
        <Match when={props.event.mergeSource && props.event.mergeSource.id !== props.ticketId && props.event.mergeSource}>
          {(source) => <a href={ticketPath(source().id)}>{t('timeline.mergedHere', { number: source().number })}</a>}
        </Match>
        <Match when={props.event.mergeTarget && props.event.mergeTarget.id !== props.ticketId && props.event.mergeTarget}>
          {(target) => <a href={ticketPath(target().id)}>{t('timeline.mergedInto', { number: target().number })}</a>}
        </Match>
      </Switch>
    </p>
  );
}

/**
 * A ticket's story, oldest first: how it came in, notes, changes, calls (with how long
 * they lasted), e-mails in and out with their text and, for replies, whether they left.
 */
export function TicketTimeline(props: {
  ticketId: string;
  description: string | null | undefined;
  openedAt: string;
  events: TimelineEventFragment[];
}) {
  return (
    <ol class="timeline">
      <Show when={props.description}>
        {(description) => (
          <li class="timeline-item timeline-opening">
            <p class="timeline-what">
              <strong>{t('timeline.description')}</strong>
            </p>
            <div class="timeline-body">{description()}</div>
            <p class="timeline-meta">
              <time datetime={props.openedAt}>{formatDateTime(props.openedAt)}</time>
            </p>
          </li>
        )}
      </Show>
      <For each={props.events}>
        {(event) => (
          <li class={`timeline-item timeline-${event.kind.toLowerCase().replace('_', '-')}`} data-event-kind={event.kind}>
            <Switch fallback={<Show when={event.body}>{(body) => <div class="timeline-body">{body()}</div>}</Show>}>
              <Match when={event.kind === 'NOTE'}>
                <p class="timeline-what">
                  <strong>{t('timeline.note')}</strong>
                </p>
                <div class="timeline-body">{event.body}</div>
              </Match>
              <Match when={event.kind === 'MESSAGE'}>
                <p class="timeline-what">
                  <strong>{t('timeline.portalMessage')}</strong>
                </p>
                <div class="timeline-body">{event.body}</div>
              </Match>
              <Match when={event.change}>{(change) => <Change change={change()} />}</Match>
              <Match when={event.kind === 'ASSIGNMENT'}>
                <p class="timeline-what">
                  <Show when={event.assignee} fallback={t('timeline.unassigned')}>
                    {(assignee) => t('timeline.assignedTo', { name: assignee().name })}
                  </Show>
                </p>
              </Match>
              <Match when={event.call}>{(call) => <CallEntry call={call()} />}</Match>
              <Match when={event.email}>{(email) => <EmailEntry email={email()} />}</Match>
              <Match when={event.kind === 'MERGE'}>
                <MergeEntry event={event} ticketId={props.ticketId} />
              </Match>
            </Switch>
            <p class="timeline-meta">
              <Show when={event.author}>{(author) => <>{author().name} · </>}</Show>
              <time datetime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
            </p>
          </li>
        )}
      </For>
    </ol>
  );
}
