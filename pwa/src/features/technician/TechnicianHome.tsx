import { createMemo, createSignal, For, Show } from 'solid-js';
import { createLiveQuery } from '../../app/liveQuery';
import { LiveStatus } from '../../app/LiveStatus';
import { usePageTitle } from '../../app/pageTitle';
import { graphql } from '../../gql';
import type { TechnicianAgendaQuery } from '../../gql/graphql';
import { t, tCount } from '../../i18n';
import { formatAddress, formatAppointmentHours, formatDay, formatPhone } from '../../i18n/format';
import { parisDayRange } from '../../i18n/parisTime';
import { ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { AppointmentStatusBadge } from '../../ui/statusBadges';
import { serviceName } from '../customer/serviceName';
import './technician.css';

const TechnicianAgendaQuery = graphql(`
  query TechnicianAgenda($from: DateTime!, $to: DateTime!) {
    technicianAgenda(from: $from, to: $to) {
      id
      startsAt
      endsAt
      arrivalWindowStart
      arrivalWindowEnd
      status
      service {
        id
        name
        nameEn
      }
      site {
        id
        label
        street
        postalCode
        city
        accessNotes
      }
      customer {
        id
        name
        phones
      }
    }
  }
`);

type Job = TechnicianAgendaQuery['technicianAgenda'][number];

function directionsUrl(job: Job): string {
  return `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(formatAddress(job.site))}`;
}

function JobCard(props: { job: Job; position: number }) {
  const phone = () => props.job.customer.phones[0];
  return (
    <li class="job-card">
      <div class="job-card-top">
        <span class="job-position" aria-hidden="true">
          {props.position}
        </span>
        <p class="job-hours">{formatAppointmentHours(props.job)}</p>
        <AppointmentStatusBadge status={props.job.status} />
      </div>
      <h2 class="job-service">{serviceName(props.job.service)}</h2>
      <p class="job-customer">{props.job.customer.name}</p>
      <p class="job-address">{formatAddress(props.job.site)}</p>
      <Show when={props.job.site.accessNotes}>
        <p class="job-access">{t('sites.access', { notes: props.job.site.accessNotes ?? '' })}</p>
      </Show>
      <div class="job-actions">
        <ButtonLink href={directionsUrl(props.job)} target="_blank" rel="noopener" size="lg" block>
          {t('technician.directions')}
        </ButtonLink>
        <Show when={phone()}>
          {(number) => (
            <ButtonLink
              href={`tel:${number()}`}
              variant="secondary"
              size="lg"
              block
              aria-label={t('technician.callCustomer', { name: props.job.customer.name, phone: formatPhone(number()) })}
            >
              {t('technician.call', { phone: formatPhone(number()) })}
            </ButtonLink>
          )}
        </Show>
      </div>
    </li>
  );
}

export default function TechnicianHome() {
  usePageTitle(() => t('technician.title'));
  const [dayOffset, setDayOffset] = createSignal<'0' | '1'>('0');
  const range = createMemo(() => parisDayRange(Number(dayOffset())));
  const { result, refresh, updatedAt } = createLiveQuery({
    query: TechnicianAgendaQuery,
    variables: () => ({ from: range().from.toISOString(), to: range().to.toISOString() }),
  });
  const jobs = () => result.data?.technicianAgenda;

  return (
    <div class="stack" data-testid="home-technician">
      <div class="page-heading">
        <div class="stack-sm">
          <h1>{dayOffset() === '0' ? t('technician.today') : t('technician.tomorrow')}</h1>
          <p class="muted technician-date">{formatDay(range().from)}</p>
        </div>
        <SegmentedControl
          label={t('technician.dayChoice')}
          value={dayOffset()}
          onChange={setDayOffset}
          options={[
            { value: '0', label: t('technician.today') },
            { value: '1', label: t('technician.tomorrow') },
          ]}
        />
      </div>
      <LiveStatus updatedAt={updatedAt()} error={result.error} onRetry={refresh} />
      <Show when={jobs()} fallback={<Loading lines={5} />}>
        {(list) => (
          <Show when={list().length > 0} fallback={<EmptyState>{t('technician.noJobs')}</EmptyState>}>
            <p class="muted">{tCount('technician.jobCount', list().length)}</p>
            <ol class="plain job-list">
              <For each={list()}>{(job, index) => <JobCard job={job} position={index() + 1} />}</For>
            </ol>
          </Show>
        )}
      </Show>
    </div>
  );
}
