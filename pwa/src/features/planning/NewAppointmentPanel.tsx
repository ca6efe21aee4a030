import { createEffect, createMemo, createSignal, createUniqueId, For, on, onCleanup, Show, untrack } from 'solid-js';
import { createQuery, createSubscription } from '@urql/solid';
import { createLiveQuery } from '../../app/liveQuery';
import { apiClient } from '../../app/session';
import { createSubmission } from '../../app/submission';
import { graphql } from '../../gql';
import type { PlanningDaySlotsFragment, PlanningRowFragment, SlotTimesFragment } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatAddress, formatAppointmentWhen, formatDay, formatMinutes, formatTime } from '../../i18n/format';
import { parisDateFromKey, parisDateKey, parisInstant, parisMinuteOfDay, parisParts, startOfParisDay } from '../../i18n/parisTime';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { SelectField, TextAreaField, TextField } from '../../ui/TextField';
import { CustomerSearch } from '../assistant/CustomerSearch';
import { createAttemptKey } from '../booking/attemptKey';
import { SlotAlternatives } from '../booking/SlotAlternatives';
import { slotLabel } from '../booking/slots';
import { serviceName } from '../customer/serviceName';
import { rowConflict, withinWorkingHours, type Period } from './conflicts';
import type { DraftAppointment } from './PlanningBoard';
import '../assistant/assistant.css';
import '../booking/booking.css';
import './planning.css';

const PlanningServicesQuery = graphql(`
  query PlanningServices {
    services {
      id
      name
      nameEn
      durationMinutes
      arrivalWindowMinutes
    }
  }
`);

const NewAppointmentCustomerQuery = graphql(`
  query NewAppointmentCustomer($id: ID!) {
    customer(id: $id) {
      id
      name
      sites {
        ...SiteSummary
      }
    }
  }
`);

graphql(`
  fragment PlanningDaySlots on AvailableSlots {
    slots {
      ...SlotTimes
      technicians {
        id
        name
      }
    }
  }
`);

const PlanningSlotsQuery = graphql(`
  query PlanningSlots($serviceId: ID!, $postalCode: String!, $from: DateTime!, $to: DateTime!) {
    availableSlots(serviceId: $serviceId, postalCode: $postalCode, from: $from, to: $to) {
      ...PlanningDaySlots
    }
  }
`);

// The push carries the fresh slots themselves: no second computation by a refetch.
const PlanningSlotsChangedSubscription = graphql(`
  subscription PlanningSlotsChanged($serviceId: ID!, $postalCode: String!, $from: DateTime!, $to: DateTime!) {
    availabilityChanged(serviceId: $serviceId, postalCode: $postalCode, from: $from, to: $to) {
      ...PlanningDaySlots
    }
  }
`);

const PlanningBookAppointmentMutation = graphql(`
  mutation PlanningBookAppointment($input: BookAppointmentInput!) {
    bookAppointment(input: $input) {
      __typename
      ... on MutationBookAppointmentSuccess {
        data {
          id
          startsAt
          endsAt
          arrivalWindowStart
          arrivalWindowEnd
          customer {
            id
            name
          }
          technician {
            id
            name
          }
        }
      }
      ...ErrorFields
    }
  }
`);

/** Where the office asked for the new appointment: a cell of the board, or just a day. */
export interface NewAppointmentRequest {
  day: Date;
  technicianId?: string;
  startsAt?: Date;
}

export interface BookedAppointment {
  customer: string;
  technician: string;
  when: string;
}

/** The exact-time grid of the slot engine; field services step by their arrival window. */
const exactStepMinutes = 30;

/** The same wall-clock time on another Paris day. */
function sameTimeOn(day: Date, time: Date): Date {
  const { year, month, day: date } = parisParts(day);
  return parisInstant(year, month, date, parisMinuteOfDay(time));
}

/**
 * The office books an appointment from the planning board: a customer (the assistant's
 * customer search), one of their addresses, the service, the technician and the time.
 * The technician's free times that day come from the slot engine and stay live; a time
 * that does not fit says why (overlap, time off, hours, or the engine's rules) before
 * anything is sent, and the board shows where the appointment would go.
 */
export function NewAppointmentPanel(props: {
  rows: PlanningRowFragment[];
  /** A new object for every cell chosen while the panel is open. */
  request: NewAppointmentRequest;
  onDayChange: (day: Date) => void;
  onDraft: (draft: DraftAppointment | undefined) => void;
  onBooked: (appointment: BookedAppointment) => void;
  onClose: () => void;
}) {
  let panel: HTMLElement | undefined;
  let timeHeading: HTMLHeadingElement | undefined;
  let notesField: HTMLTextAreaElement | undefined;
  let changeCustomerButton: HTMLButtonElement | undefined;
  let failure: HTMLDivElement | undefined;
  const headingId = createUniqueId();
  const [customerId, setCustomerId] = createSignal<string>();
  const [searchText, setSearchText] = createSignal('');
  const [siteId, setSiteId] = createSignal<string>();
  const [serviceId, setServiceId] = createSignal('');
  /** Empty: whichever technician is free. */
  const [technicianId, setTechnicianId] = createSignal('');
  const [day, setDay] = createSignal(untrack(() => props.request.day));
  const [wanted, setWanted] = createSignal<Date>();
  const submission = createSubmission();
  const attempt = createAttemptKey();
  const focusSearch = () => panel?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();

  createEffect(
    on(
      () => props.request,
      (request) => {
        setTechnicianId(request.technicianId ?? '');
        setDay(request.day);
        setWanted(request.startsAt);
        submission.clear();
        // Keyboard users land where the new choice matters: the search first, the time later.
        queueMicrotask(() => (customerId() ? timeHeading?.focus() : focusSearch()));
      },
    ),
  );

  const [servicesResult] = createQuery({ query: PlanningServicesQuery });
  const services = () => servicesResult.data?.services ?? [];
  const service = () => services().find((candidate) => candidate.id === serviceId());

  const [customerResult] = createQuery({
    query: NewAppointmentCustomerQuery,
    variables: () => ({ id: customerId() ?? '' }),
    pause: () => !customerId(),
  });
  const customer = () => {
    const loaded = customerResult.data?.customer;
    return loaded?.id === customerId() ? loaded : undefined;
  };
  const site = () => customer()?.sites.find((candidate) => candidate.id === siteId());
  // A customer with a single address needs no choice.
  createEffect(
    on(customer, (loaded) => {
      if (loaded?.sites.length === 1) setSiteId(loaded.sites[0]?.id);
    }),
  );
  // The search gives way to the chosen customer: focus must not fall back to the page.
  const chooseCustomer = (id: string) => {
    setCustomerId(id);
    setSiteId(undefined);
    changeCustomerButton?.focus();
  };
  const changeCustomer = () => {
    setCustomerId(undefined);
    focusSearch();
  };

  const slotVariables = () => ({
    serviceId: serviceId(),
    postalCode: site()?.postalCode ?? '',
    from: day().toISOString(),
    to: startOfParisDay(day(), 1).toISOString(),
  });
  const slotsPaused = () => !serviceId() || !site();
  const slotsQuery = createLiveQuery({ query: PlanningSlotsQuery, variables: slotVariables, pause: slotsPaused });
  const slotsKey = () => JSON.stringify(slotVariables());
  const [pushedSlots, setPushedSlots] = createSignal<{ key: string; slots: PlanningDaySlotsFragment['slots'] }>();
  createSubscription({ query: PlanningSlotsChangedSubscription, variables: slotVariables, pause: slotsPaused }, (_previous, data) => {
    setPushedSlots({ key: untrack(slotsKey), slots: data.availabilityChanged.slots });
    return data;
  });
  // A refetch (reconnection) answers after any push it follows: the answer is then the fresher.
  createEffect(on(slotsQuery.updatedAt, () => setPushedSlots(undefined), { defer: true }));
  const daySlots = () => {
    if (slotsPaused()) return undefined;
    const pushed = pushedSlots();
    return pushed?.key === slotsKey() ? pushed.slots : slotsQuery.current()?.availableSlots.slots;
  };
  const technicianSlots = () =>
    daySlots()?.filter((slot) => !technicianId() || slot.technicians.some((technician) => technician.id === technicianId()));

  /** A slot "holds" the wanted time when it starts then, or its arrival window (or half hour) contains it. */
  const holds = (slot: SlotTimesFragment, time: Date) => {
    const start = new Date(slot.startsAt).getTime();
    const step = (service()?.arrivalWindowMinutes ?? exactStepMinutes) * 60_000;
    return time.getTime() >= start && time.getTime() < start + step;
  };
  const selectedSlot = createMemo(() => {
    const time = wanted();
    return time ? technicianSlots()?.find((slot) => holds(slot, time)) : undefined;
  });
  const rowOf = (id: string) => props.rows.find((row) => row.technician.id === id);

  const wantedPeriod = (): Period | undefined => {
    const time = wanted();
    const chosen = service();
    return time && chosen ? { startsAt: time, endsAt: new Date(time.getTime() + chosen.durationMinutes * 60_000) } : undefined;
  };
  /** Why the wanted time cannot be booked; the board's own data first, then the slot engine's answer. */
  const problem = createMemo(() => {
    const period = wantedPeriod();
    if (!period || selectedSlot()) return undefined;
    const row = rowOf(technicianId());
    if (row) {
      const clash = rowConflict(row, period);
      if (clash) return clash;
      if (!withinWorkingHours(row, period)) return t('planning.outsideHours', { name: row.technician.name });
    }
    if (!daySlots()) return undefined;
    return row ? t('planning.notOffered', { name: row.technician.name }) : t('planning.nobodyFree');
  });
  /** Other technicians free at the wanted time, to switch to in one click. */
  const othersFree = () => {
    const time = wanted();
    if (!time || !problem()) return [];
    return (
      daySlots()
        ?.find((slot) => holds(slot, time))
        ?.technicians.filter((technician) => technician.id !== technicianId()) ?? []
    );
  };

  createEffect(() => {
    const chosen = service();
    const slot = selectedSlot();
    const period = wantedPeriod();
    const onRow = technicianId() || slot?.technicians[0]?.id;
    props.onDraft(
      chosen && period && onRow
        ? {
            technicianId: onRow,
            startsAt: slot ? new Date(slot.startsAt) : period.startsAt,
            endsAt: slot ? new Date(slot.endsAt) : period.endsAt,
            title: serviceName(chosen),
            conflict: Boolean(problem()),
          }
        : undefined,
    );
  });
  onCleanup(() => props.onDraft(undefined));

  const changeDay = (key: string) => {
    const next = parisDateFromKey(key);
    if (!next) return;
    setDay(next);
    const time = wanted();
    if (time) setWanted(sameTimeOn(next, time));
    props.onDayChange(next);
  };
  const pickSlot = (slot: SlotTimesFragment) => {
    submission.clear();
    const startsAt = new Date(slot.startsAt);
    if (parisDateKey(startsAt) !== parisDateKey(day())) changeDay(parisDateKey(startsAt));
    setWanted(startsAt);
  };

  /** The free times the API offered instead of a time taken meanwhile. */
  const slotAlternatives = () => submission.typedError()?.alternatives;

  const ready = () => Boolean(site() && service() && selectedSlot());
  const save = async () => {
    const slot = selectedSlot();
    const chosenSite = site();
    if (!slot || !chosenSite || !service()) return;
    const input = {
      serviceId: serviceId(),
      siteId: chosenSite.id,
      startsAt: slot.startsAt,
      technicianId: technicianId() || null,
      idempotencyKey: attempt.current(),
      notes: notesField?.value.trim() || null,
    };
    const booked = await submission.submit(
      () => apiClient().mutation(PlanningBookAppointmentMutation, { input }).toPromise(),
      (data) => data.bookAppointment,
    );
    if (booked || submission.typedError()) attempt.settle();
    if (!booked) {
      // Someone took the time meanwhile: the free times shown must follow.
      if (submission.typedError()) slotsQuery.refresh();
      // The answer may be out of sight: with the time for a taken slot, above the buttons otherwise.
      if (slotAlternatives()) {
        timeHeading?.focus({ preventScroll: true });
        timeHeading?.scrollIntoView({ block: 'start' });
      } else failure?.scrollIntoView({ block: 'nearest' });
      return;
    }
    props.onBooked({
      customer: booked.data.customer.name,
      technician: booked.data.technician?.name ?? '',
      when: formatAppointmentWhen(booked.data),
    });
  };

  // Escape closes the panel, except in a field that uses it to clear what was typed.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    const target = event.target;
    if ((target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.value !== '') return;
    event.preventDefault();
    props.onClose();
  };

  return (
    <aside ref={panel} class="new-appointment" aria-labelledby={headingId} data-testid="new-appointment" onKeyDown={onKeyDown}>
      <div class="new-appointment-header">
        <h2 id={headingId}>{t('planning.newAppointment')}</h2>
        <Button variant="ghost" class="new-appointment-close" aria-label={t('common.close')} onClick={() => props.onClose()}>
          ×
        </Button>
      </div>

      <section class="new-appointment-section" aria-label={t('planning.customer')}>
        <Show
          when={customerId()}
          fallback={
            <CustomerSearch
              initialText={searchText()}
              selectedId={undefined}
              recentlyChangedId={undefined}
              onSearchText={setSearchText}
              onOpen={chooseCustomer}
              lastChange={undefined}
            />
          }
        >
          <div class="new-appointment-customer">
            <div class="stack-sm">
              <h3 class="new-appointment-label">{t('planning.customer')}</h3>
              <Show when={customer()} fallback={<Loading lines={1} />}>
                {(loaded) => <p class="new-appointment-customer-name">{loaded().name}</p>}
              </Show>
            </div>
            <button ref={changeCustomerButton} type="button" class="link-button" onClick={changeCustomer}>
              {t('planning.changeCustomer')}
            </button>
          </div>
        </Show>
      </section>

      <Show when={customer()}>
        {(loaded) => (
          <section class="new-appointment-section stack-sm">
            <h3 class="new-appointment-label">{t('planning.site')}</h3>
            <Show when={loaded().sites.length > 0} fallback={<EmptyState>{t('planning.noSites')}</EmptyState>}>
              <ul class="plain choice-list new-appointment-sites">
                <For each={loaded().sites}>
                  {(place) => (
                    <li>
                      <button type="button" class="choice" aria-pressed={place.id === siteId()} onClick={() => setSiteId(place.id)}>
                        <span class="choice-title">{place.label ?? formatAddress(place)}</span>
                        <Show when={place.label}>
                          <span class="choice-detail">{formatAddress(place)}</span>
                        </Show>
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        )}
      </Show>

      <section class="new-appointment-section new-appointment-fields">
        <SelectField label={t('planning.service')} name="serviceId" required value={serviceId()} onChange={setServiceId}>
          <option value="" disabled>
            {t('planning.chooseService')}
          </option>
          <For each={services()}>
            {(choice) => (
              <option value={choice.id}>
                {serviceName(choice)} · {formatMinutes(choice.durationMinutes)}
              </option>
            )}
          </For>
        </SelectField>
        <SelectField label={t('planning.technician')} name="technicianId" value={technicianId()} onChange={setTechnicianId}>
          <option value="">{t('planning.anyTechnician')}</option>
          <For each={props.rows}>{(row) => <option value={row.technician.id}>{row.technician.name}</option>}</For>
        </SelectField>
        <TextField
          label={t('planning.date')}
          name="day"
          type="date"
          required
          value={parisDateKey(day())}
          onChange={(event) => changeDay(event.currentTarget.value)}
        />
      </section>

      <section class="new-appointment-section stack-sm" aria-labelledby={`${headingId}-time`}>
        <h3 id={`${headingId}-time`} ref={timeHeading} tabindex="-1" class="new-appointment-label">
          {t('planning.time')}
          <Show when={wanted()}>{(time) => <> · {t('planning.asked', { time: formatTime(time()) })}</>}</Show>
        </h3>
        <Show
          when={slotAlternatives()}
          fallback={
            <Show when={problem()}>
              {(reason) => (
                <Alert tone="danger" title={t('planning.notFree', { time: formatTime(wanted() ?? day()) })}>
                  <p>{reason()}</p>
                  <Show when={othersFree().length > 0}>
                    <p class="new-appointment-others">
                      {t('planning.freeThen')}{' '}
                      <For each={othersFree()}>
                        {(technician) => (
                          <button type="button" class="link-button" onClick={() => setTechnicianId(technician.id)}>
                            {technician.name}
                          </button>
                        )}
                      </For>
                    </p>
                  </Show>
                </Alert>
              )}
            </Show>
          }
        >
          {(alternatives) => (
            <>
              <ErrorAlert message={submission.message()} />
              <SlotAlternatives alternatives={alternatives()} onPick={pickSlot} />
            </>
          )}
        </Show>
        <Show when={!slotsPaused()} fallback={<p class="muted small">{t('planning.chooseFirst')}</p>}>
          <Show when={technicianSlots()} fallback={<Loading lines={2} />}>
            {(slots) => (
              <Show when={slots().length > 0} fallback={<EmptyState>{t('planning.noFreeTime', { day: formatDay(day()) })}</EmptyState>}>
                <p class="muted small">{t('planning.freeTimes', { day: formatDay(day()) })}</p>
                <ul class="plain slot-grid new-appointment-slots">
                  <For each={slots()}>
                    {(slot) => (
                      <li>
                        <button
                          type="button"
                          class="slot-button"
                          data-slot-start={slot.startsAt}
                          aria-pressed={selectedSlot()?.startsAt === slot.startsAt}
                          onClick={() => pickSlot(slot)}
                        >
                          <span class="slot-button-time">{slotLabel(slot)}</span>
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            )}
          </Show>
        </Show>
      </section>

      <TextAreaField ref={notesField} label={t('booking.notes')} name="notes" maxlength={2000} />
      <Show when={!slotAlternatives() && submission.message()}>
        {(message) => (
          <div ref={failure} class="new-appointment-failure">
            <ErrorAlert message={message()} />
          </div>
        )}
      </Show>
      <div class="new-appointment-actions">
        <Show when={!ready()}>
          <p class="muted small">{t('planning.saveNeeds')}</p>
        </Show>
        <div class="new-appointment-buttons">
          <Button variant="secondary" onClick={() => props.onClose()}>
            {t('planning.cancelNew')}
          </Button>
          <Button busy={submission.pending()} disabled={!ready()} onClick={() => void save()}>
            {submission.pending() ? t('planning.sending') : t('planning.save')}
          </Button>
        </div>
      </div>
    </aside>
  );
}
