import { Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { graphql } from '../../gql';
import type { JobCardFieldsFragment } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatAddress, formatAppointmentHours, formatPhone } from '../../i18n/format';
import { Badge } from '../../ui/Badge';
import { ButtonLink } from '../../ui/Button';
import { AppointmentStatusBadge } from '../../ui/statusBadges';
import { serviceName } from '../customer/serviceName';

/** What a job card shows; the offline set stores at least this, so a card reads the same from the server or the device. */
export const JobCardFields = graphql(`
  fragment JobCardFields on Appointment {
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
`);

/** A job as the agenda shows it, from the server or from the device. */
export type AgendaJob = JobCardFieldsFragment;

function directionsUrl(job: AgendaJob): string {
  return `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(formatAddress(job.site))}`;
}

/** Directions and a call to the customer: the two things done on the way. */
export function JobContacts(props: { job: AgendaJob }) {
  const phone = () => props.job.customer.phones[0];
  return (
    <div class="job-actions">
      <ButtonLink href={directionsUrl(props.job)} target="_blank" rel="noopener" variant="secondary" size="lg" block>
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
  );
}

export function JobCard(props: { job: AgendaJob; position: number; headingLevel: 2 | 3; waiting?: number }) {
  return (
    <li class="job-card" data-appointment-id={props.job.id}>
      <div class="job-card-top">
        <span class="job-position" aria-hidden="true">
          {props.position}
        </span>
        <p class="job-hours">{formatAppointmentHours(props.job)}</p>
        <AppointmentStatusBadge status={props.job.status} />
        <Show when={props.waiting}>{(count) => <Badge tone="warning">{t('sync.waitingShort', { count: count() })}</Badge>}</Show>
      </div>
      <Dynamic component={`h${props.headingLevel}`} class="job-service">
        {serviceName(props.job.service)}
      </Dynamic>
      <p class="job-customer">{props.job.customer.name}</p>
      <p class="job-address">{formatAddress(props.job.site)}</p>
      <Show when={props.job.site.accessNotes}>
        <p class="job-access">{t('sites.access', { notes: props.job.site.accessNotes ?? '' })}</p>
      </Show>
      <ButtonLink href={`/technician/appointments/${props.job.id}`} size="lg" block>
        {t('technician.openJob')}
      </ButtonLink>
      <JobContacts job={props.job} />
    </li>
  );
}
