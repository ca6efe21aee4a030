import { For, Show, type JSX } from 'solid-js';
import { graphql } from '../../gql';
import type { AppointmentSummaryFragment } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatAddress, formatAppointmentWhen } from '../../i18n/format';
import { EmptyState } from '../../ui/EmptyState';
import { AppointmentStatusBadge } from '../../ui/statusBadges';
import { serviceName } from './serviceName';

export const AppointmentSummaryFields = graphql(`
  fragment AppointmentSummary on Appointment {
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
      street
      postalCode
      city
    }
    technician {
      id
      name
    }
  }
`);

/** Appointments as rows: when, what, where, who, status, and what can be done with each. */
export function AppointmentRows<Appointment extends AppointmentSummaryFragment>(props: {
  appointments: Appointment[];
  emptyText: string;
  showAddress?: boolean;
  actions?: (appointment: Appointment) => JSX.Element;
}) {
  return (
    <Show when={props.appointments.length > 0} fallback={<EmptyState>{props.emptyText}</EmptyState>}>
      <ul class="rows">
        <For each={props.appointments}>
          {(appointment) => (
            <li data-appointment-id={appointment.id}>
              <div class="row-main">
                <strong>{formatAppointmentWhen(appointment)}</strong>
                <span>{serviceName(appointment.service)}</span>
                <Show when={props.showAddress}>
                  <span class="muted small">{formatAddress(appointment.site)}</span>
                </Show>
                <Show when={appointment.technician}>
                  {(technician) => <span class="muted small">{t('appointment.withTechnician', { name: technician().name })}</span>}
                </Show>
              </div>
              <div class="row-side">
                <AppointmentStatusBadge status={appointment.status} />
              </div>
              <Show when={props.actions}>{(actions) => <div class="row-actions">{actions()(appointment)}</div>}</Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
