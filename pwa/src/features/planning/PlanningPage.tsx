import { createMemo, createSignal, onCleanup, Show } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { createSubscription } from '@urql/solid';
import { createLiveQuery } from '../../app/liveQuery';
import { LiveStatus } from '../../app/LiveStatus';
import { usePageTitle } from '../../app/pageTitle';
import { apiClient } from '../../app/session';
import { createSubmission } from '../../app/submission';
import { graphql } from '../../gql';
import { t } from '../../i18n';
import { formatDay, formatDayRange, formatTimeRange } from '../../i18n/format';
import { parisDateFromKey, parisDateKey, parisWeekday, startOfParisDay, startOfParisWeek } from '../../i18n/parisTime';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { showToast } from '../../ui/toast';
import { NewAppointmentPanel, type BookedAppointment, type NewAppointmentRequest } from './NewAppointmentPanel';
import { PlanningBoard, type DraftAppointment, type MoveRequest } from './PlanningBoard';
import { boardDays } from './timeline';
import './planning.css';

const PlanningQuery = graphql(`
  query Planning($from: DateTime!, $to: DateTime!) {
    planning(from: $from, to: $to) {
      ...PlanningRow
    }
  }
`);

const PlanningChangedSubscription = graphql(`
  subscription PlanningChanged($from: DateTime!, $to: DateTime!) {
    appointmentChanged(from: $from, to: $to) {
      id
    }
  }
`);

const MoveAppointmentMutation = graphql(`
  mutation MoveAppointment($id: ID!, $technicianId: ID!, $startsAt: DateTime!, $expectedVersion: Int!) {
    moveAppointment(id: $id, technicianId: $technicianId, startsAt: $startsAt, expectedVersion: $expectedVersion) {
      __typename
      ... on MutationMoveAppointmentSuccess {
        data {
          id
          version
          startsAt
          endsAt
        }
      }
      ...ErrorFields
    }
  }
`);

type View = 'day' | 'week';

/** The office works Monday to Saturday: the week view shows those six days. */
const weekDaysShown = 6;
const changeHighlightMs = 4000;

/**
 * /assistant/planning and /manager/planning: the technicians' day or week. The view
 * and the date are in the address (?view=week&date=2026-03-12), so a reload or a
 * shared link opens the same board. Changes made by others arrive live and flash.
 * A new appointment is prepared in a panel beside the board (above it on a phone).
 */
export default function PlanningPage() {
  usePageTitle(() => t('planning.title'));
  const [params, setParams] = useSearchParams<{ view?: string; date?: string }>();
  const view = (): View => (params.view === 'week' ? 'week' : 'day');
  const date = () => parisDateFromKey(params.date) ?? startOfParisDay(new Date());
  const days = createMemo(() => (view() === 'week' ? boardDays(startOfParisWeek(date()), weekDaysShown) : boardDays(date(), 1)));
  const range = createMemo(() => {
    const shown = days();
    const first = shown[0]?.start ?? date();
    return { from: first.toISOString(), to: startOfParisDay(first, shown.length).toISOString() };
  });

  const { result, refresh, updatedAt } = createLiveQuery({ query: PlanningQuery, variables: range });

  // Someone else's change refreshes the board and flashes the block; our own moves do not flash.
  const [highlighted, setHighlighted] = createSignal<ReadonlySet<string>>(new Set());
  const ownMoves = new Set<string>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  onCleanup(() => timers.forEach(clearTimeout));
  const flash = (id: string) => {
    setHighlighted((current) => new Set([...current, id]));
    const timer = setTimeout(() => {
      timers.delete(timer);
      setHighlighted((current) => new Set([...current].filter((other) => other !== id)));
    }, changeHighlightMs);
    timers.add(timer);
  };
  createSubscription({ query: PlanningChangedSubscription, variables: range }, (_previous, data) => {
    const { id } = data.appointmentChanged;
    if (!ownMoves.delete(id)) flash(id);
    refresh();
    return data;
  });

  const submission = createSubmission();
  const moveAppointment = async ({ appointment, technicianId, startsAt }: MoveRequest) => {
    ownMoves.add(appointment.id);
    const moved = await submission.submit(
      () =>
        apiClient()
          .mutation(MoveAppointmentMutation, {
            id: appointment.id,
            technicianId,
            startsAt: startsAt.toISOString(),
            expectedVersion: appointment.version,
          })
          .toPromise(),
      (data) => data.moveAppointment,
    );
    if (!moved) {
      ownMoves.delete(appointment.id);
      // The board was out of date (or the time was taken meanwhile): show the real state.
      if (submission.typedError()) refresh();
      return;
    }
    const when = `${formatDay(moved.data.startsAt)}, ${formatTimeRange(moved.data.startsAt, moved.data.endsAt)}`;
    showToast({ message: () => t('planning.moved', { customer: appointment.customer.name, when }), tone: 'success' });
  };

  const [creating, setCreating] = createSignal<NewAppointmentRequest>();
  const [draft, setDraft] = createSignal<DraftAppointment>();
  let newButton: HTMLButtonElement | undefined;
  // Closing the panel gives focus back to what opened it (a cell, or the button).
  let opener: HTMLElement | undefined;
  const openNew = (request: NewAppointmentRequest) => {
    if (!creating() && document.activeElement instanceof HTMLElement) opener = document.activeElement;
    setCreating(request);
  };
  const closeNew = () => {
    setCreating(undefined);
    (opener?.isConnected ? opener : newButton)?.focus();
    opener = undefined;
  };
  const booked = (appointment: BookedAppointment) => {
    showToast({ message: () => t('planning.booked', { ...appointment }), tone: 'success' });
    closeNew();
  };
  /** The day a new appointment starts on when no cell was chosen: today when shown, else the first day shown. */
  const defaultDay = () => {
    const today = startOfParisDay(new Date());
    const shown = days();
    return shown.some((day) => day.start.getTime() === today.getTime()) ? today : (shown[0]?.start ?? today);
  };

  const showDate = (next: Date) => setParams({ date: parisDateKey(next) });
  const step = (direction: 1 | -1) => {
    if (view() === 'week') return showDate(startOfParisDay(date(), 7 * direction));
    const next = startOfParisDay(date(), direction);
    showDate(parisWeekday(next) === 7 ? startOfParisDay(next, direction) : next);
  };
  const period = () => {
    const shown = days();
    const first = shown[0]?.start ?? date();
    const last = shown[shown.length - 1]?.start ?? first;
    return view() === 'week' ? formatDayRange(first, last) : formatDay(first);
  };

  return (
    <div class="planning-page" classList={{ 'planning-page-creating': Boolean(creating()) }} data-testid="planning">
      <div class="stack planning-main">
        <div class="page-heading">
          <h1>{t('planning.title')}</h1>
          <LiveStatus updatedAt={updatedAt()} error={result.error} onRetry={refresh} />
        </div>
        <div class="planning-toolbar">
          <SegmentedControl
            label={t('planning.view')}
            value={view()}
            onChange={(next) => setParams({ view: next })}
            options={[
              { value: 'day', label: t('planning.day') },
              { value: 'week', label: t('planning.week') },
            ]}
          />
          <div class="cluster">
            <Button
              variant="secondary"
              onClick={() => step(-1)}
              aria-label={view() === 'week' ? t('planning.previousWeek') : t('planning.previousDay')}
            >
              ‹
            </Button>
            <Button variant="secondary" onClick={() => showDate(new Date())}>
              {t('planning.today')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => step(1)}
              aria-label={view() === 'week' ? t('planning.nextWeek') : t('planning.nextDay')}
            >
              ›
            </Button>
          </div>
          <h2 class="planning-period" aria-live="polite">
            {period()}
          </h2>
          <Button ref={newButton} class="planning-new" onClick={() => openNew({ day: defaultDay() })}>
            {t('planning.newAppointment')}
          </Button>
        </div>
        <ErrorAlert message={submission.message()} />
        <Show
          when={result.data?.planning}
          fallback={
            <Show when={!result.error}>
              <Loading lines={6} />
            </Show>
          }
        >
          {(rows) => (
            <Show when={rows().length > 0} fallback={<EmptyState>{t('planning.noTechnicians')}</EmptyState>}>
              <PlanningBoard
                days={days()}
                rows={rows()}
                highlighted={highlighted()}
                onMove={moveAppointment}
                onCreate={(cell) =>
                  openNew({ day: startOfParisDay(cell.startsAt), technicianId: cell.technicianId, startsAt: cell.startsAt })
                }
                draft={draft()}
              />
            </Show>
          )}
        </Show>
      </div>
      <Show when={creating()}>
        {(request) => (
          <NewAppointmentPanel
            rows={result.data?.planning ?? []}
            request={request()}
            onDayChange={showDate}
            onDraft={setDraft}
            onBooked={booked}
            onClose={closeNew}
          />
        )}
      </Show>
    </div>
  );
}
