import { onMount, Show } from 'solid-js';
import { createCompanyContact } from '../../app/company';
import type { AppointmentSummaryFragment } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatAddress, formatAppointmentHours, formatAppointmentWhen } from '../../i18n/format';
import { parisDateKey } from '../../i18n/parisTime';
import { Alert } from '../../ui/Alert';
import { Button, ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { serviceName } from '../customer/serviceName';
import { downloadIcsFile } from './icsFile';
import './booking.css';

/** The booking went through: what was booked, and a file for the customer's own calendar. */
export function BookingDone(props: { appointment: AppointmentSummaryFragment }) {
  const company = createCompanyContact();
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());

  const addToCalendar = () => {
    const appointment = props.appointment;
    const start = new Date(appointment.arrivalWindowStart ?? appointment.startsAt);
    const end = new Date(Math.max(new Date(appointment.endsAt).getTime(), new Date(appointment.arrivalWindowEnd ?? 0).getTime()));
    downloadIcsFile(`rendez-vous-${parisDateKey(start)}.ics`, {
      uid: `${appointment.id}@relais`,
      start,
      end,
      summary: `${serviceName(appointment.service)} — ${company()?.name ?? t('auth.company')}`,
      location: formatAddress(appointment.site),
      description: appointment.arrivalWindowStart
        ? t('booking.calendarArrival', { hours: formatAppointmentHours(appointment) })
        : serviceName(appointment.service),
    });
  };

  return (
    <div class="stack" data-testid="booking-done" data-appointment-id={props.appointment.id}>
      <Alert tone="success">
        <h2 ref={heading} tabindex="-1" class="booking-done-title">
          {t('booking.doneTitle')}
        </h2>
        <p>{t('booking.doneBody')}</p>
      </Alert>
      <Card class="booking-summary">
        <p class="booking-summary-when">{formatAppointmentWhen(props.appointment)}</p>
        <Show when={props.appointment.arrivalWindowStart}>
          <p class="muted small">{t('client.arrivalWindowExplained')}</p>
        </Show>
        <p class="booking-summary-service">{serviceName(props.appointment.service)}</p>
        <p>{formatAddress(props.appointment.site)}</p>
        <p class="muted">
          {props.appointment.technician
            ? t('appointment.withTechnician', { name: props.appointment.technician.name })
            : t('client.technicianToBeAssigned')}
        </p>
      </Card>
      <Button size="lg" block onClick={addToCalendar}>
        {t('booking.addToCalendar')}
      </Button>
      <ButtonLink href="/client/appointments" variant="secondary" size="lg" block>
        {t('booking.seeAppointments')}
      </ButtonLink>
      <a href="/client" class="back-link">
        {t('common.backHome')}
      </a>
    </div>
  );
}
