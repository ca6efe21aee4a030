import { createSignal, Match, onMount, Show, Switch, type JSX } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { requestFailureMessage } from '../../app/apiErrors';
import { graphql } from '../../gql';
import type { AppointmentSummaryFragment } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatAddress } from '../../i18n/format';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { serviceName } from '../customer/serviceName';
import { AddressStep } from './AddressStep';
import { BookingChoice } from './BookingChoice';
import { BookingDone } from './BookingDone';
import { bookingDraft, clearBookingDraft, updateBookingDraft } from './bookingDraft';
import { ConfirmStep, type BookingPlace } from './ConfirmStep';
import { ServiceStep } from './ServiceStep';
import { SlotPicker } from './SlotPicker';
import './booking.css';

const BookableServicesQuery = graphql(`
  query BookableServices {
    bookableServices {
      ...BookableService
    }
  }
`);

const MyBookingPlacesQuery = graphql(`
  query MyBookingPlaces {
    me {
      id
      customer {
        id
        sites {
          ...SiteSummary
        }
      }
    }
  }
`);

const steps = ['service', 'address', 'slot', 'confirm'] as const;
type Step = (typeof steps)[number];

function isStep(value: string | undefined): value is Step {
  return steps.includes(value as Step);
}

/** The step's number ("Étape 2 sur 3") and heading, which takes the focus when the person moves to this step. */
function StepHeading(props: { step: Step; title: string; takeFocus: boolean }) {
  let heading: HTMLHeadingElement | undefined;
  onMount(() => {
    if (props.takeFocus) heading?.focus();
  });
  const position = () => steps.indexOf(props.step) + 1;
  return (
    <div class="step-heading">
      <p class="step-count">{props.step === 'confirm' ? t('booking.lastStep') : t('booking.stepOf', { step: position(), total: 3 })}</p>
      <h2 ref={heading} tabindex="-1">
        {props.title}
      </h2>
    </div>
  );
}

/**
 * Booking in three steps (service → address → slot) and a last check. The step is in
 * the address (?step=…) so the back button walks back through the steps; the choices
 * live in the draft, so a visitor can sign in before confirming and come back to them.
 */
export function BookingFlow(props: { signedIn: boolean }) {
  const [params, setParams] = useSearchParams<{ step?: string }>();
  const [booked, setBooked] = createSignal<AppointmentSummaryFragment>();
  const [servicesResult, reloadServices] = createQuery({ query: BookableServicesQuery, requestPolicy: 'cache-and-network' });
  const [placesResult, reloadPlaces] = createQuery({
    query: MyBookingPlacesQuery,
    requestPolicy: 'cache-and-network',
    pause: () => !props.signedIn,
  });

  const services = () => servicesResult.data?.bookableServices;
  const customer = () => placesResult.data?.me?.customer;
  const service = () => services()?.find((candidate) => candidate.id === bookingDraft().serviceId);
  const place = (): BookingPlace | undefined => {
    const { siteId, newSite } = bookingDraft();
    const site = props.signedIn && siteId ? customer()?.sites.find((candidate) => candidate.id === siteId) : undefined;
    if (site) return { siteId: site.id, address: site };
    return newSite ? { site: newSite, address: newSite } : undefined;
  };
  const slot = () => bookingDraft().slot;

  const reachable = (step: Step): boolean => {
    if (step === 'service') return true;
    if (step === 'address') return service() !== undefined;
    if (step === 'slot') return service() !== undefined && place() !== undefined;
    return reachable('slot') && slot() !== undefined;
  };
  /** The step asked for in the address, or the last one before it whose choices are made. */
  const step = (): Step => {
    const asked = isStep(params.step) ? params.step : 'service';
    return steps.slice(0, steps.indexOf(asked) + 1).findLast(reachable) ?? 'service';
  };
  const goTo = (next: Step) => setParams({ step: next });
  // The page opens on its title; later steps take the focus so screen readers follow the flow.
  let stepsOpened = 0;
  const movedToStep = () => stepsOpened++ > 0;
  /** Signing in (or up) from a step comes back to the same step as a customer. */
  const accountPath = (page: 'login' | 'signup', from: Step) => `/${page}?next=${encodeURIComponent(`/client/book?step=${from}`)}`;
  const slotStep = () => {
    const chosenService = service();
    const chosenPlace = place();
    return step() === 'slot' && chosenService && chosenPlace ? { service: chosenService, place: chosenPlace } : undefined;
  };
  const confirmStep = () => {
    const chosenService = service();
    const chosenPlace = place();
    const chosenSlot = slot();
    return step() === 'confirm' && chosenService && chosenPlace && chosenSlot
      ? { service: chosenService, place: chosenPlace, slot: chosenSlot }
      : undefined;
  };

  const loadError = () => servicesResult.error ?? placesResult.error;
  const loaded = () => services() !== undefined && (!props.signedIn || placesResult.data !== undefined);
  const retry = () => {
    reloadServices({ requestPolicy: 'network-only' });
    if (props.signedIn) reloadPlaces({ requestPolicy: 'network-only' });
  };

  const serviceChoice = (): JSX.Element => (
    <Show when={service()}>
      {(chosen) => <BookingChoice label={t('booking.service')} value={serviceName(chosen())} onChange={() => goTo('service')} />}
    </Show>
  );
  const placeChoice = (): JSX.Element => (
    <Show when={place()}>
      {(chosen) => <BookingChoice label={t('booking.address')} value={formatAddress(chosen().address)} onChange={() => goTo('address')} />}
    </Show>
  );

  return (
    <Show
      when={booked()}
      fallback={
        <Switch>
          <Match when={!loaded()}>
            <Show when={loadError()} fallback={<Loading lines={4} />}>
              {(error) => (
                <div class="stack-sm">
                  <ErrorAlert message={requestFailureMessage(error())} />
                  <button type="button" class="live-retry" onClick={retry}>
                    {t('common.retry')}
                  </button>
                </div>
              )}
            </Show>
          </Match>
          <Match when={props.signedIn && !customer()}>
            <Alert tone="info">{t('client.noCustomerRecord')}</Alert>
          </Match>
          <Match when={step() === 'service'}>
            <section class="stack" data-testid="booking-step-service">
              <StepHeading step="service" title={t('booking.serviceTitle')} takeFocus={movedToStep()} />
              <ServiceStep
                services={services() ?? []}
                selectedId={bookingDraft().serviceId}
                onChoose={(chosen) => {
                  if (chosen.id !== bookingDraft().serviceId) updateBookingDraft({ serviceId: chosen.id, slot: undefined });
                  goTo('address');
                }}
              />
            </section>
          </Match>
          <Match when={step() === 'address'}>
            <section class="stack" data-testid="booking-step-address">
              <StepHeading step="address" title={t('booking.addressTitle')} takeFocus={movedToStep()} />
              <div class="booking-choices">{serviceChoice()}</div>
              <AddressStep
                sites={props.signedIn ? customer()?.sites : undefined}
                selectedSiteId={bookingDraft().siteId}
                initialSite={bookingDraft().newSite}
                loginPath={accountPath('login', 'address')}
                onChooseSite={(site) => {
                  updateBookingDraft({ siteId: site.id, newSite: undefined, slot: undefined });
                  goTo('slot');
                }}
                onNewSite={(site) => {
                  updateBookingDraft({ siteId: undefined, newSite: site, slot: undefined });
                  goTo('slot');
                }}
              />
            </section>
          </Match>
          <Match when={slotStep()}>
            {(ready) => (
              <section class="stack" data-testid="booking-step-slot">
                <StepHeading step="slot" title={t('booking.slotTitle')} takeFocus={movedToStep()} />
                <div class="booking-choices">
                  {serviceChoice()}
                  {placeChoice()}
                </div>
                <SlotPicker
                  serviceId={ready().service.id}
                  postalCode={ready().place.address.postalCode}
                  selected={slot()}
                  onPick={(picked) => {
                    updateBookingDraft({ slot: picked });
                    goTo('confirm');
                  }}
                />
              </section>
            )}
          </Match>
          <Match when={confirmStep()}>
            {(ready) => (
              <section class="stack" data-testid="booking-step-confirm">
                <StepHeading step="confirm" title={t('booking.confirmTitle')} takeFocus={movedToStep()} />
                <ConfirmStep
                  service={ready().service}
                  place={ready().place}
                  slot={ready().slot}
                  signedIn={props.signedIn}
                  loginPath={accountPath('login', 'confirm')}
                  signUpPath={accountPath('signup', 'confirm')}
                  onChange={goTo}
                  onPickSlot={(picked) => updateBookingDraft({ slot: picked })}
                  onBooked={(appointment) => {
                    clearBookingDraft();
                    setBooked(appointment);
                  }}
                />
              </section>
            )}
          </Match>
        </Switch>
      }
    >
      {(appointment) => <BookingDone appointment={appointment()} />}
    </Show>
  );
}
