import { For, Show, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { graphql } from '../../gql';
import type { CustomerSnapshotFragment } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatMoney, formatPhone } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { AppointmentRows } from './AppointmentRows';
import { InvoiceRows, QuoteRows, unpaidCents } from './DocumentRows';
import { ContractRows } from './PlaceRows';
import { OpenTicketRows } from './TicketRows';
import './customer.css';

export const CustomerSnapshotFields = graphql(`
  fragment CustomerSnapshot on Customer {
    id
    name
    kind
    companyName
    phones
    emails
    balanceDueCents
    contracts {
      ...ContractSummary
    }
    upcomingAppointments(limit: 1) {
      ...AppointmentSummary
    }
    recentAppointments(limit: 1) {
      ...AppointmentSummary
    }
    openTickets {
      ...OpenTicketSummary
    }
    quotes(limit: 5) {
      ...QuoteSummary
    }
    invoices(limit: 10) {
      ...InvoiceSummary
    }
  }
`);

function Section(props: { title: string; level: 3 | 4; when: boolean; emptyText: string; children: JSX.Element }) {
  return (
    <section class="snapshot-section">
      <Dynamic component={`h${props.level}`} class="snapshot-heading">
        {props.title}
      </Dynamic>
      <Show when={props.when} fallback={<p class="muted small">{props.emptyText}</p>}>
        {props.children}
      </Show>
    </section>
  );
}

/**
 * What the office needs at a glance while a customer is on the line or a ticket is open:
 * how to reach them, contract, next and last visit, open tickets, quotes awaiting an answer
 * and what is left to pay. The full record is the 360° view.
 */
export function CustomerSnapshot(props: {
  customer: CustomerSnapshotFragment;
  headingLevel: 3 | 4;
  /** The ticket on screen, left out of the customer's open tickets. */
  currentTicketId?: string;
}) {
  const openTickets = () => props.customer.openTickets.filter((ticket) => ticket.id !== props.currentTicketId);
  const pendingQuotes = () => props.customer.quotes.filter((quote) => quote.status === 'SENT');
  const unpaidInvoices = () => props.customer.invoices.filter((invoice) => unpaidCents(invoice) > 0);
  return (
    <div class="snapshot">
      <div class="cluster">
        <Badge tone="neutral">{t(`customerKind.${props.customer.kind}`)}</Badge>
        <Show when={props.customer.companyName && props.customer.companyName !== props.customer.name}>
          <span class="small">{props.customer.companyName}</span>
        </Show>
      </div>
      <Show when={props.customer.phones.length + props.customer.emails.length > 0}>
        <ul class="plain cluster small">
          <For each={props.customer.phones}>
            {(phone) => (
              <li>
                <a href={`tel:${phone}`}>{formatPhone(phone)}</a>
              </li>
            )}
          </For>
          <For each={props.customer.emails}>
            {(email) => (
              <li>
                <a href={`mailto:${email}`}>{email}</a>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.customer.balanceDueCents > 0}>
        <Alert tone="warning">
          {t('customer.balanceDue', { amount: formatMoney(props.customer.balanceDueCents, { taxIncluded: true }) })}
        </Alert>
      </Show>
      <div class="snapshot-grid">
        <Section
          title={t('customer.contracts')}
          level={props.headingLevel}
          when={props.customer.contracts.length > 0}
          emptyText={t('contracts.none')}
        >
          <ContractRows contracts={props.customer.contracts} />
        </Section>
        <Section
          title={t('snapshot.nextVisit')}
          level={props.headingLevel}
          when={props.customer.upcomingAppointments.length > 0}
          emptyText={t('customer.noUpcoming')}
        >
          <AppointmentRows appointments={props.customer.upcomingAppointments} emptyText="" />
        </Section>
        <Section
          title={t('snapshot.lastVisit')}
          level={props.headingLevel}
          when={props.customer.recentAppointments.length > 0}
          emptyText={t('customer.noRecent')}
        >
          <AppointmentRows appointments={props.customer.recentAppointments} emptyText="" />
        </Section>
        <Section
          title={t('customer.openTickets')}
          level={props.headingLevel}
          when={openTickets().length > 0}
          emptyText={t('customer.noOpenTickets')}
        >
          <OpenTicketRows tickets={openTickets()} />
        </Section>
        <Section
          title={t('snapshot.pendingQuotes')}
          level={props.headingLevel}
          when={pendingQuotes().length > 0}
          emptyText={t('snapshot.noPendingQuotes')}
        >
          <QuoteRows quotes={pendingQuotes()} />
        </Section>
        <Section
          title={t('snapshot.unpaidInvoices')}
          level={props.headingLevel}
          when={unpaidInvoices().length > 0}
          emptyText={t('snapshot.noUnpaidInvoices')}
        >
          <InvoiceRows invoices={unpaidInvoices()} />
        </Section>
      </div>
    </div>
  );
}
