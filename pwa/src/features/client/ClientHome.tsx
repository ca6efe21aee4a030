import { Match, Show, Switch } from 'solid-js';
import { createLiveQuery } from '../../app/liveQuery';
import { LiveStatus } from '../../app/LiveStatus';
import { usePageTitle } from '../../app/pageTitle';
import { graphql } from '../../gql';
import type { AppointmentSummaryFragment } from '../../gql/graphql';
import { t, tCount } from '../../i18n';
import { formatAddress, formatAppointmentWhen, formatMoney } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { AppointmentStatusBadge } from '../../ui/statusBadges';
import { AppointmentRows } from '../customer/AppointmentRows';
import { InvoiceRows, QuoteRows } from '../customer/DocumentRows';
import { ContractRows, SiteRows } from '../customer/PlaceRows';
import { serviceName } from '../customer/serviceName';
import './client.css';

const ClientHomeQuery = graphql(`
  query ClientHome {
    me {
      id
      name
      customer {
        id
        balanceDueCents
        upcomingAppointments(limit: 4) {
          ...AppointmentSummary
        }
        contracts {
          ...ContractSummary
        }
        sites {
          ...SiteSummary
        }
        quotes(limit: 5) {
          ...QuoteSummary
        }
        invoices(limit: 5) {
          ...InvoiceSummary
        }
      }
    }
  }
`);

function NextAppointmentCard(props: { appointment: AppointmentSummaryFragment | undefined }) {
  return (
    <Card
      title={t('client.nextAppointment')}
      class="next-appointment"
      actions={<a href="/client/appointments">{t('client.allAppointments')}</a>}
    >
      <Show when={props.appointment} fallback={<EmptyState>{t('client.noAppointment')}</EmptyState>}>
        {(appointment) => (
          <div class="stack-sm">
            <Show when={appointment().status === 'EN_ROUTE'}>
              <Alert tone="success">{t('client.technicianOnTheWay')}</Alert>
            </Show>
            <div class="spread">
              <p class="next-appointment-when">{formatAppointmentWhen(appointment())}</p>
              <AppointmentStatusBadge status={appointment().status} />
            </div>
            <Show when={appointment().arrivalWindowStart}>
              <p class="muted small">{t('client.arrivalWindowExplained')}</p>
            </Show>
            <p class="next-appointment-service">{serviceName(appointment().service)}</p>
            <p>{formatAddress(appointment().site)}</p>
            <p class="muted">
              {appointment().technician
                ? t('appointment.withTechnician', { name: appointment().technician?.name ?? '' })
                : t('client.technicianToBeAssigned')}
            </p>
          </div>
        )}
      </Show>
    </Card>
  );
}

export default function ClientHome() {
  usePageTitle(() => t('client.title'));
  const { result, refresh, updatedAt } = createLiveQuery({ query: ClientHomeQuery });
  const me = () => result.data?.me;
  const customer = () => me()?.customer;
  const firstName = () => me()?.name.split(' ')[0] ?? '';
  const quotesAwaitingAnswer = () => customer()?.quotes.filter((quote) => quote.status === 'SENT') ?? [];

  return (
    <div class="stack client-home" data-testid="home-client">
      <div class="page-heading">
        <h1>{firstName() ? t('client.greeting', { name: firstName() }) : t('client.title')}</h1>
        <LiveStatus updatedAt={updatedAt()} error={result.error} onRetry={refresh} />
      </div>

      <Switch fallback={<Alert tone="info">{t('client.noCustomerRecord')}</Alert>}>
        <Match when={!result.data}>
          {/* A failed first load is explained by the status line above. */}
          <Show when={!result.error}>
            <Loading lines={4} />
          </Show>
        </Match>
        <Match when={customer()}>
          {(record) => (
            <>
              <NextAppointmentCard appointment={record().upcomingAppointments[0]} />
              <ButtonLink href="/client/book" size="lg" block class="book-button">
                {t('client.book')}
              </ButtonLink>
              <ButtonLink href="/client/requests" variant="secondary" block>
                {t('client.newRequest')}
              </ButtonLink>

              <Show when={quotesAwaitingAnswer().length > 0 || record().balanceDueCents > 0}>
                <Card title={t('client.forYourAttention')}>
                  <ul class="rows">
                    <Show when={quotesAwaitingAnswer().length > 0}>
                      <li>{tCount('client.quotesToAnswer', quotesAwaitingAnswer().length)}</li>
                    </Show>
                    <Show when={record().balanceDueCents > 0}>
                      <li>
                        {t('client.balanceDue')} <span class="amount">{formatMoney(record().balanceDueCents, { taxIncluded: true })}</span>
                      </li>
                    </Show>
                  </ul>
                </Card>
              </Show>

              <Show when={record().upcomingAppointments.length > 1}>
                <Card title={t('client.laterAppointments')}>
                  <AppointmentRows appointments={record().upcomingAppointments.slice(1)} emptyText="" showAddress />
                </Card>
              </Show>

              <Card title={t('client.contracts')}>
                <ContractRows contracts={record().contracts} />
              </Card>
              <Card title={t('client.sites')}>
                <SiteRows sites={record().sites} />
              </Card>
              <Card title={t('client.quotes')}>
                <QuoteRows quotes={record().quotes} />
              </Card>
              <Card title={t('client.invoices')}>
                <InvoiceRows invoices={record().invoices} />
              </Card>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
