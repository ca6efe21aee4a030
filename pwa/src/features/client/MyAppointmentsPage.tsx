import { createMemo, createSignal, onMount, Show } from 'solid-js';
import { createCompanyContact } from '../../app/company';
import { createLiveQuery } from '../../app/liveQuery';
import { LiveStatus } from '../../app/LiveStatus';
import { usePageTitle } from '../../app/pageTitle';
import { apiClient } from '../../app/session';
import { createSubmission } from '../../app/submission';
import { graphql } from '../../gql';
import type { MyAppointmentsQuery, SlotTimesFragment } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatAppointmentWhen, formatPhone } from '../../i18n/format';
import { ErrorAlert } from '../../ui/Alert';
import { Button, ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Dialog } from '../../ui/Dialog';
import { Loading } from '../../ui/Loading';
import { showToast } from '../../ui/toast';
import { createAttemptKey } from '../booking/attemptKey';
import { SlotAlternatives } from '../booking/SlotAlternatives';
import { SlotPicker } from '../booking/SlotPicker';
import { AppointmentRows } from '../customer/AppointmentRows';
import { serviceName } from '../customer/serviceName';
import './client.css';

const MyAppointmentsQuery = graphql(`
  query MyAppointments {
    upcoming: myAppointments {
      ...AppointmentSummary
      canChange
    }
    past: myAppointments(includePast: true) {
      ...AppointmentSummary
      canChange
    }
  }
`);

const RescheduleAppointmentMutation = graphql(`
  mutation RescheduleAppointment($id: ID!, $startsAt: DateTime!, $idempotencyKey: String!) {
    rescheduleAppointment(id: $id, startsAt: $startsAt, idempotencyKey: $idempotencyKey) {
      __typename
      ... on MutationRescheduleAppointmentSuccess {
        data {
          ...AppointmentSummary
          canChange
        }
      }
      ...ErrorFields
    }
  }
`);

const CancelAppointmentMutation = graphql(`
  mutation CancelAppointment($id: ID!) {
    cancelAppointment(id: $id) {
      __typename
      ... on MutationCancelAppointmentSuccess {
        data {
          id
          status
          canChange
        }
      }
      ...ErrorFields
    }
  }
`);

type MyAppointment = MyAppointmentsQuery['upcoming'][number];

const finishedStatuses = new Set(['CANCELLED', 'DONE', 'NO_SHOW']);

/** When it is too late to change online: the office's number, to call in one tap. */
function CallOfficeButton() {
  const company = createCompanyContact();
  return (
    <Show when={company()?.phone}>
      {(phone) => (
        <ButtonLink href={`tel:${phone()}`} variant="secondary" block>
          {t('booking.callButton', { phone: formatPhone(phone()) })}
        </ButtonLink>
      )}
    </Show>
  );
}

/** Moving an appointment: the same slot picker as booking, then one confirmation. */
function RescheduleView(props: { appointment: MyAppointment; onClose: () => void }) {
  const submission = createSubmission();
  const attempt = createAttemptKey();
  const [slot, setSlot] = createSignal<SlotTimesFragment>();
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());

  const pick = (picked: SlotTimesFragment | undefined) => {
    submission.clear();
    setSlot(picked);
  };

  const move = async (to: SlotTimesFragment) => {
    const variables = { id: props.appointment.id, startsAt: to.startsAt, idempotencyKey: attempt.current() };
    const moved = await submission.submit(
      () => apiClient().mutation(RescheduleAppointmentMutation, variables).toPromise(),
      (data) => data.rescheduleAppointment,
    );
    if (moved || submission.typedError()) attempt.settle();
    if (!moved) return;
    const when = formatAppointmentWhen(moved.data);
    showToast({ message: () => t('appointments.moved', { when }), tone: 'success' });
    props.onClose();
  };

  return (
    <section class="stack" data-testid="reschedule">
      <div class="stack-sm">
        <h2 ref={heading} tabindex="-1">
          {t('appointments.moveTitle')}
        </h2>
        <p class="muted">
          {serviceName(props.appointment.service)} · {t('appointments.currently', { when: formatAppointmentWhen(props.appointment) })}
        </p>
      </div>
      <Show
        when={slot()}
        fallback={<SlotPicker serviceId={props.appointment.service.id} postalCode={props.appointment.site.postalCode} onPick={pick} />}
      >
        {(chosen) => (
          <Card>
            <p class="muted">{t('appointments.newSlot')}</p>
            <p class="next-appointment-when">{formatAppointmentWhen(chosen())}</p>
            <Button size="lg" block busy={submission.pending()} onClick={() => void move(chosen())}>
              {t('appointments.confirmMove')}
            </Button>
            <Button variant="secondary" block onClick={() => pick(undefined)}>
              {t('appointments.otherSlot')}
            </Button>
          </Card>
        )}
      </Show>
      <ErrorAlert message={submission.message()} />
      <Show when={submission.failureCode() === 'TOO_LATE'}>
        <CallOfficeButton />
      </Show>
      <Show when={submission.typedError()?.alternatives}>
        {(alternatives) => <SlotAlternatives alternatives={alternatives()} onPick={pick} />}
      </Show>
      <Button variant="ghost" onClick={() => props.onClose()}>
        {t('appointments.keep')}
      </Button>
    </section>
  );
}

function CancelDialog(props: { appointment: MyAppointment; onClose: () => void }) {
  const submission = createSubmission();
  const cancel = async () => {
    const variables = { id: props.appointment.id };
    const cancelled = await submission.submit(
      () => apiClient().mutation(CancelAppointmentMutation, variables).toPromise(),
      (data) => data.cancelAppointment,
    );
    if (!cancelled) return;
    showToast({ message: () => t('appointments.cancelled'), tone: 'success' });
    props.onClose();
  };
  return (
    <Dialog
      open
      title={t('appointments.cancelTitle')}
      onClose={() => props.onClose()}
      actions={
        <>
          <Button variant="secondary" onClick={() => props.onClose()}>
            {t('appointments.keep')}
          </Button>
          <Show when={submission.failureCode() !== 'TOO_LATE'}>
            <Button variant="danger" busy={submission.pending()} onClick={() => void cancel()}>
              {t('appointments.confirmCancel')}
            </Button>
          </Show>
        </>
      }
    >
      <div class="stack-sm">
        <p>
          <strong>{formatAppointmentWhen(props.appointment)}</strong>
          <br />
          {serviceName(props.appointment.service)}
        </p>
        <ErrorAlert message={submission.message()} />
        <Show when={submission.failureCode() === 'TOO_LATE'}>
          <CallOfficeButton />
        </Show>
      </div>
    </Dialog>
  );
}

/** /client/appointments: upcoming appointments (move, cancel while allowed) and the history. */
export default function MyAppointmentsPage() {
  usePageTitle(() => t('appointments.title'));
  const { result, refresh, updatedAt } = createLiveQuery({ query: MyAppointmentsQuery });
  const [moving, setMoving] = createSignal<MyAppointment>();
  const [cancelling, setCancelling] = createSignal<MyAppointment>();

  // Cancelled (or already finished) appointments go to the history, most recent first.
  const sections = createMemo(() => {
    const data = result.data;
    if (!data) return undefined;
    const upcoming = data.upcoming.filter((appointment) => !finishedStatuses.has(appointment.status));
    const upcomingIds = new Set(upcoming.map((appointment) => appointment.id));
    const past = [...new Map([...data.upcoming, ...data.past].map((appointment) => [appointment.id, appointment])).values()]
      .filter((appointment) => !upcomingIds.has(appointment.id))
      .sort((a, b) => new Date(b.startsAt).getTime() - new Date(a.startsAt).getTime());
    return { upcoming, past };
  });

  const actions = (appointment: MyAppointment) => (
    <Show
      when={appointment.canChange}
      fallback={
        <Show when={appointment.status === 'CONFIRMED' || appointment.status === 'REQUESTED'}>
          <p class="muted small">{t('appointments.callToChange')}</p>
        </Show>
      }
    >
      <Button variant="secondary" onClick={() => setMoving(appointment)}>
        {t('appointments.move')}
      </Button>
      <Button variant="ghost" onClick={() => setCancelling(appointment)}>
        {t('appointments.cancel')}
      </Button>
    </Show>
  );

  return (
    <div class="stack" data-testid="my-appointments">
      <a href="/client" class="back-link">
        {t('common.backHome')}
      </a>
      <div class="page-heading">
        <h1>{t('appointments.title')}</h1>
        {/* While moving one, the slot picker has its own live line. */}
        <Show when={!moving()}>
          <LiveStatus updatedAt={updatedAt()} error={result.error} onRetry={refresh} />
        </Show>
      </div>
      <Show
        when={moving()}
        keyed
        fallback={
          <Show
            when={sections()}
            fallback={
              <Show when={!result.error}>
                <Loading lines={4} />
              </Show>
            }
          >
            {(lists) => (
              <>
                <ButtonLink href="/client/book" size="lg" block class="book-button">
                  {t('client.book')}
                </ButtonLink>
                <Card title={t('appointments.upcoming')}>
                  <AppointmentRows appointments={lists().upcoming} emptyText={t('client.noAppointment')} showAddress actions={actions} />
                </Card>
                <Card title={t('appointments.past')}>
                  <AppointmentRows appointments={lists().past} emptyText={t('appointments.noPast')} showAddress />
                </Card>
              </>
            )}
          </Show>
        }
      >
        {(appointment) => <RescheduleView appointment={appointment} onClose={() => setMoving(undefined)} />}
      </Show>
      <Show when={cancelling()} keyed>
        {(appointment) => <CancelDialog appointment={appointment} onClose={() => setCancelling(undefined)} />}
      </Show>
    </div>
  );
}
