import { createEffect, createMemo, For, on, Show } from 'solid-js';
import { createLiveQuery } from '../../app/liveQuery';
import { LiveStatus } from '../../app/LiveStatus';
import { graphql } from '../../gql';
import type { Customer360Query } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatDate, formatDateTime, formatDuration, formatMoney, formatPhone } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import type { CustomerChange } from './customerChange';
import { AppointmentRows } from '../customer/AppointmentRows';
import { InvoiceRows, QuoteRows } from '../customer/DocumentRows';
import { ContractRows, SiteRows } from '../customer/PlaceRows';
import { OpenTicketRows } from '../customer/TicketRows';

const Customer360Query = graphql(`
  query Customer360($id: ID!) {
    customer(id: $id) {
      id
      kind
      name
      companyName
      sageAccount
      siret
      phones
      emails
      notes
      createdAt
      balanceDueCents
      contacts {
        id
        name
        role
        phone
        email
        isPrimary
      }
      sites {
        ...SiteSummary
      }
      contracts {
        ...ContractSummary
      }
      upcomingAppointments(limit: 5) {
        ...AppointmentSummary
      }
      recentAppointments(limit: 5) {
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
      recentCalls(limit: 5) {
        id
        fromNumber
        startedAt
        missed
        durationSeconds
      }
    }
  }
`);

type CustomerRecord = NonNullable<Customer360Query['customer']>;

function Coordinates(props: { customer: CustomerRecord }) {
  return (
    <Card title={t('customer.coordinates')} headingLevel={3}>
      <dl class="facts">
        <dt>{t('customer.phones')}</dt>
        <dd>
          <Show when={props.customer.phones.length > 0} fallback={<span class="muted">{t('common.none')}</span>}>
            <ul class="plain">
              <For each={props.customer.phones}>
                {(phone) => (
                  <li>
                    <a href={`tel:${phone}`}>{formatPhone(phone)}</a>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </dd>
        <dt>{t('customer.emails')}</dt>
        <dd>
          <Show when={props.customer.emails.length > 0} fallback={<span class="muted">{t('common.none')}</span>}>
            <ul class="plain">
              <For each={props.customer.emails}>
                {(email) => (
                  <li>
                    <a href={`mailto:${email}`}>{email}</a>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </dd>
        <Show when={props.customer.sageAccount}>
          <dt>{t('customer.sageAccount')}</dt>
          <dd>{props.customer.sageAccount}</dd>
        </Show>
        <Show when={props.customer.siret}>
          <dt>{t('customer.siret')}</dt>
          <dd>{props.customer.siret}</dd>
        </Show>
        <dt>{t('customer.since')}</dt>
        <dd>{formatDate(props.customer.createdAt)}</dd>
      </dl>
      <Show when={props.customer.contacts.length > 0}>
        <h4 class="subheading">{t('customer.contacts')}</h4>
        <ul class="rows">
          <For each={props.customer.contacts}>
            {(contact) => (
              <li>
                <div class="row-main">
                  <strong>
                    {contact.name}
                    <Show when={contact.role}> · {contact.role}</Show>
                  </strong>
                  <span class="cluster small">
                    <Show when={contact.phone}>{(phone) => <a href={`tel:${phone()}`}>{formatPhone(phone())}</a>}</Show>
                    <Show when={contact.email}>{(email) => <a href={`mailto:${email()}`}>{email()}</a>}</Show>
                  </span>
                </div>
                <Show when={contact.isPrimary}>
                  <Badge tone="info">{t('customer.primaryContact')}</Badge>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </Card>
  );
}

function RecentCalls(props: { calls: CustomerRecord['recentCalls'] }) {
  return (
    <Card title={t('customer.recentCalls')} headingLevel={3}>
      <Show when={props.calls.length > 0} fallback={<EmptyState>{t('customer.noCalls')}</EmptyState>}>
        <ul class="rows">
          <For each={props.calls}>
            {(call) => (
              <li>
                <div class="row-main">
                  <strong>{formatDateTime(call.startedAt)}</strong>
                  <span class="muted small">{formatPhone(call.fromNumber)}</span>
                </div>
                <div class="row-side">
                  <Show when={!call.missed} fallback={<Badge tone="danger">{t('customer.missedCall')}</Badge>}>
                    <span class="small">{call.durationSeconds != null ? formatDuration(call.durationSeconds) : ''}</span>
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </Card>
  );
}

/** Everything about one customer, beside the search results. */
export function Customer360(props: {
  customerId: string;
  /** Moves focus to the panel's heading when it was opened on purpose (click, Enter). */
  focusOnOpen: boolean;
  /** The latest change pushed by the server: refetched when it is this customer. */
  lastChange: CustomerChange | undefined;
}) {
  let heading: HTMLHeadingElement | undefined;
  const { result, refresh, updatedAt } = createLiveQuery({
    query: Customer360Query,
    variables: () => ({ id: props.customerId }),
  });
  createEffect(
    on(
      () => props.lastChange,
      (change) => {
        if (change?.customerId === props.customerId) refresh();
      },
      { defer: true },
    ),
  );

  const customer = () => (result.data?.customer?.id === props.customerId ? result.data.customer : undefined);

  // Only when another customer is shown: a live refresh of the same one must not move focus.
  const shownCustomerId = createMemo(() => customer()?.id);
  createEffect(
    on(shownCustomerId, (id) => {
      if (id && props.focusOnOpen) heading?.focus();
    }),
  );

  return (
    <section class="customer-360" aria-labelledby="customer-360-heading" data-testid="customer-360">
      <Show
        when={customer()}
        fallback={
          <Show when={result.data && !result.fetching} fallback={<Loading lines={8} />}>
            <Alert tone="warning">{t('customer.notFound')}</Alert>
          </Show>
        }
      >
        {(record) => (
          <div class="stack">
            <div class="customer-360-header">
              <div class="stack-sm">
                <h2 id="customer-360-heading" ref={heading} tabindex="-1">
                  {record().name}
                </h2>
                <div class="cluster">
                  <Badge tone="neutral">{t(`customerKind.${record().kind}`)}</Badge>
                  <Show when={record().companyName && record().companyName !== record().name}>
                    <span>{record().companyName}</span>
                  </Show>
                </div>
              </div>
              <LiveStatus updatedAt={updatedAt()} error={result.error} onRetry={refresh} />
            </div>

            <Show when={record().balanceDueCents > 0}>
              <Alert tone="warning">
                {t('customer.balanceDue', { amount: formatMoney(record().balanceDueCents, { taxIncluded: true }) })}
              </Alert>
            </Show>
            <Show when={record().notes}>
              <Alert tone="info" title={t('customer.notes')}>
                <p class="customer-notes">{record().notes}</p>
              </Alert>
            </Show>

            <div class="customer-360-grid">
              <Coordinates customer={record()} />
              <Card title={t('customer.upcomingAppointments')} headingLevel={3}>
                <AppointmentRows appointments={record().upcomingAppointments} emptyText={t('customer.noUpcoming')} showAddress />
              </Card>
              <Card title={t('customer.openTickets')} headingLevel={3}>
                <OpenTicketRows tickets={record().openTickets} />
              </Card>
              <Card title={t('customer.sites')} headingLevel={3}>
                <SiteRows sites={record().sites} />
              </Card>
              <Card title={t('customer.contracts')} headingLevel={3}>
                <ContractRows contracts={record().contracts} />
              </Card>
              <RecentCalls calls={record().recentCalls} />
              <Card title={t('customer.recentAppointments')} headingLevel={3}>
                <AppointmentRows appointments={record().recentAppointments} emptyText={t('customer.noRecent')} />
              </Card>
              <Card title={t('customer.quotes')} headingLevel={3}>
                <QuoteRows quotes={record().quotes} />
              </Card>
              <Card title={t('customer.invoices')} headingLevel={3}>
                <InvoiceRows invoices={record().invoices} />
              </Card>
            </div>
          </div>
        )}
      </Show>
    </section>
  );
}
