import { Match, Show, Switch } from 'solid-js';
import type { TicketSource, TicketStatus } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { Badge } from '../../ui/Badge';
import { formatDue, formatSpan, now } from './clock';

/** Outline pictograms (16 × 16, drawn with the text colour): the channel a ticket came in by. */
const sourceIconPaths: Record<TicketSource, string> = {
  PHONE: 'M3.5 2h2.5l1.3 3.3-1.6 1.1a8 8 0 0 0 3.9 3.9l1.1-1.6 3.3 1.3v2.5a1 1 0 0 1-1 1A12 12 0 0 1 2.5 3a1 1 0 0 1 1-1z',
  EMAIL: 'M2 3.5h12v9H2z M2 4l6 5 6-5',
  PORTAL: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2z M2 8h12 M8 2c2.2 2 2.2 10 0 12 M8 2c-2.2 2-2.2 10 0 12',
  TECHNICIAN:
    'M10.5 1.8a3.5 3.5 0 0 0-3.2 4.6L2.2 11.5a1.1 1.1 0 0 0 0 1.6l.7.7a1.1 1.1 0 0 0 1.6 0l5.1-5.1a3.5 3.5 0 0 0 4.6-3.2l-2.1 1-1.8-1.8z',
  CHATBOT: 'M2 2.5h12v8.5H7l-3.5 3v-3H2z M5 6.5h.01 M8 6.5h.01 M11 6.5h.01',
  AUTOMATION: 'M9 1.5 3.5 9H8l-1 5.5L12.5 7H8z',
};

export function TicketSourceLabel(props: { source: TicketSource }) {
  return (
    <span class="ticket-source">
      <svg
        class="ticket-source-icon"
        viewBox="0 0 16 16"
        width="16"
        height="16"
        fill="none"
        stroke="currentColor"
        stroke-width="1.4"
        stroke-linecap="round"
        stroke-linejoin="round"
        aria-hidden="true"
      >
        <path d={sourceIconPaths[props.source]} />
      </svg>
      {t(`ticketSource.${props.source}`)}
    </span>
  );
}

/** The SLA fields every view of a ticket reads. */
interface SlaFields {
  status: TicketStatus;
  firstResponseDueAt?: string | null;
  resolutionDueAt?: string | null;
  firstRespondedAt?: string | null;
  resolvedAt?: string | null;
  slaAtRisk: boolean;
  slaBreached: boolean;
}

const openStatuses: TicketStatus[] = ['NEW', 'OPEN', 'PENDING'];
const riskWindowMs = 60 * 60_000;

/** The SLA target still running: the first response until there is one, then the resolution. */
function runningSlaTarget(ticket: SlaFields): { kind: 'response' | 'resolution'; due: Date } | undefined {
  if (!openStatuses.includes(ticket.status)) return undefined;
  if (!ticket.firstRespondedAt && ticket.firstResponseDueAt) return { kind: 'response', due: new Date(ticket.firstResponseDueAt) };
  if (!ticket.resolvedAt && ticket.resolutionDueAt) return { kind: 'resolution', due: new Date(ticket.resolutionDueAt) };
  return undefined;
}

/**
 * "En retard · 2 h" or "À risque · 35 min", nothing while there is time. The server's flags
 * are as of the last fetch; the clock keeps the countdown honest on a screen left open.
 */
export function SlaBadge(props: { ticket: SlaFields }) {
  const remainingMs = () => (runningSlaTarget(props.ticket)?.due.getTime() ?? 0) - now().getTime();
  return (
    <Show when={runningSlaTarget(props.ticket)}>
      <Switch>
        <Match when={props.ticket.slaBreached || remainingMs() <= 0}>
          <Badge tone="danger">{t('sla.overdue', { span: formatSpan(remainingMs()) })}</Badge>
        </Match>
        <Match when={props.ticket.slaAtRisk || remainingMs() <= riskWindowMs}>
          <Badge tone="warning">{t('sla.atRisk', { span: formatSpan(remainingMs()) })}</Badge>
        </Match>
      </Switch>
    </Show>
  );
}

/** The SLA badge over the running target's due time ("Réponse avant 14 h 30"). */
export function SlaIndicator(props: { ticket: SlaFields }) {
  return (
    <Show when={runningSlaTarget(props.ticket)} fallback={<span class="muted">—</span>}>
      {(running) => (
        <span class="sla">
          <SlaBadge ticket={props.ticket} />
          <span class="sla-due small muted">
            {t(running().kind === 'response' ? 'sla.responseDue' : 'sla.resolutionDue', { time: formatDue(running().due) })}
          </span>
        </span>
      )}
    </Show>
  );
}

/** How long ago the ticket was opened ("3 h"), its exact time in the tooltip. */
export function TicketAge(props: { createdAt: string }) {
  return (
    <time class="ticket-age" datetime={props.createdAt} title={formatDateTime(props.createdAt)}>
      {formatSpan(now().getTime() - new Date(props.createdAt).getTime())}
    </time>
  );
}
