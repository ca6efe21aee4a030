import { Show } from 'solid-js';
import { apiClient } from '../../app/session';
import { createSubmission } from '../../app/submission';
import { graphql } from '../../gql';
import type { AppointmentSummaryFragment, BookableServiceFragment, SiteInput, SlotTimesFragment } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatAddress, formatAppointmentWhen, formatMinutes, type PostalAddress } from '../../i18n/format';
import { ErrorAlert } from '../../ui/Alert';
import { Button, ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextAreaField } from '../../ui/TextField';
import { serviceName } from '../customer/serviceName';
import { createAttemptKey } from './attemptKey';
import { BookingChoice } from './BookingChoice';
import { SlotAlternatives } from './SlotAlternatives';
import { formatServicePrice } from './slots';
import './booking.css';

const BookAppointmentMutation = graphql(`
  mutation BookAppointment($input: BookAppointmentInput!) {
    bookAppointment(input: $input) {
      __typename
      ... on MutationBookAppointmentSuccess {
        data {
          ...AppointmentSummary
        }
      }
      ...ErrorFields
    }
  }
`);

/** Where the appointment takes place: an existing address of the customer, or a new one. */
export type BookingPlace = { siteId: string; address: PostalAddress } | { site: SiteInput; address: PostalAddress };

/**
 * The last check before booking: what, when, where. A visitor is asked to sign in or
 * create an account first (their choices are kept); a customer confirms in one tap.
 */
export function ConfirmStep(props: {
  service: BookableServiceFragment;
  place: BookingPlace;
  slot: SlotTimesFragment;
  signedIn: boolean;
  loginPath: string;
  signUpPath: string;
  onChange: (step: 'service' | 'address' | 'slot') => void;
  onPickSlot: (slot: SlotTimesFragment) => void;
  onBooked: (appointment: AppointmentSummaryFragment) => void;
}) {
  const submission = createSubmission();
  const attempt = createAttemptKey();
  let notesField: HTMLTextAreaElement | undefined;

  const confirm = async () => {
    const place = props.place;
    const input = {
      serviceId: props.service.id,
      startsAt: props.slot.startsAt,
      idempotencyKey: attempt.current(),
      notes: notesField?.value.trim() || null,
      ...('siteId' in place ? { siteId: place.siteId } : { site: place.site }),
    };
    const booked = await submission.submit(
      () => apiClient().mutation(BookAppointmentMutation, { input }).toPromise(),
      (data) => data.bookAppointment,
    );
    if (booked || submission.typedError()) attempt.settle();
    if (booked) props.onBooked(booked.data);
  };

  const pickAlternative = (slot: SlotTimesFragment) => {
    submission.clear();
    props.onPickSlot(slot);
  };

  return (
    <div class="stack">
      <Card class="booking-summary">
        <div class="booking-choices">
          <BookingChoice
            label={t('booking.when')}
            value={formatAppointmentWhen(props.slot)}
            emphasis
            onChange={() => props.onChange('slot')}
          />
          <Show when={props.slot.arrivalWindowStart}>
            <p class="muted small">{t('client.arrivalWindowExplained')}</p>
          </Show>
          <BookingChoice
            label={t('booking.service')}
            value={`${serviceName(props.service)} · ${formatMinutes(props.service.durationMinutes)} · ${formatServicePrice(props.service.priceCents)}`}
            onChange={() => props.onChange('service')}
          />
          <BookingChoice
            label={t('booking.address')}
            value={formatAddress(props.place.address)}
            onChange={() => props.onChange('address')}
          />
        </div>
      </Card>
      <ErrorAlert message={submission.message()} />
      <Show when={submission.typedError()?.alternatives}>
        {(alternatives) => <SlotAlternatives alternatives={alternatives()} onPick={pickAlternative} />}
      </Show>
      <Show
        when={props.signedIn}
        fallback={
          <Card title={t('booking.signInTitle')} headingLevel={3}>
            <p>{t('booking.signInBody')}</p>
            <ButtonLink href={props.loginPath} size="lg" block>
              {t('booking.signIn')}
            </ButtonLink>
            <ButtonLink href={props.signUpPath} variant="secondary" size="lg" block>
              {t('booking.createAccount')}
            </ButtonLink>
          </Card>
        }
      >
        <p class="muted small">{t('booking.changeUntil', { hours: props.service.cancelCutoffHours })}</p>
        <TextAreaField ref={notesField} label={t('booking.notes')} name="notes" hint={t('booking.notesHint')} maxlength={2000} />
        <Button size="lg" block busy={submission.pending()} onClick={() => void confirm()}>
          {submission.pending() ? t('booking.confirming') : t('booking.confirm')}
        </Button>
      </Show>
    </div>
  );
}
