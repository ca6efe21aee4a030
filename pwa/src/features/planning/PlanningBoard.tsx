import { createMemo, createSelector, createSignal, For, Show, type JSX } from 'solid-js';
import { graphql } from '../../gql';
import type { PlanningRowFragment } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatDay, formatDayShort, formatTime, formatTimeRange } from '../../i18n/format';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { parisDateKey } from '../../i18n/parisTime';
import { AppointmentStatusBadge } from '../../ui/statusBadges';
import { serviceName } from '../customer/serviceName';
import { rowConflict } from './conflicts';
import {
  boardMinuteOf,
  boardSpans,
  firstHour,
  instantAt,
  lastHour,
  minutesPerDay,
  offHourSpans,
  placeStart,
  snapMinutes,
  type BoardDay,
  type BoardSpan,
} from './timeline';
import './planning.css';

export const PlanningRowFields = graphql(`
  fragment PlanningRow on TechnicianPlanning {
    technician {
      id
      name
      color
    }
    workingHours {
      weekday
      startMinute
      endMinute
    }
    timeOff {
      id
      startsAt
      endsAt
      reason
    }
    appointments {
      id
      startsAt
      endsAt
      status
      version
      service {
        id
        name
        nameEn
      }
      customer {
        id
        name
      }
      site {
        id
        city
      }
    }
  }
`);

export type BoardAppointment = PlanningRowFragment['appointments'][number];

export interface MoveRequest {
  appointment: BoardAppointment;
  technicianId: string;
  startsAt: Date;
}

/** An empty cell of the board, chosen to book a new appointment there. */
interface BoardCell {
  technicianId: string;
  startsAt: Date;
}

/** The appointment being prepared in the creation panel, drawn where it would go. */
export interface DraftAppointment {
  technicianId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  conflict: boolean;
}

/** An appointment being moved: where it came from and where it would go (row, board minute). */
interface Move {
  appointment: BoardAppointment;
  fromRow: number;
  row: number;
  start: number;
}

const fixedStatuses = new Set(['CANCELLED', 'DONE', 'NO_SHOW']);
const dragThresholdPx = 5;

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/** Where an appointment is (or would be): a dashed block, red when it does not fit. */
function PreviewBlock(props: {
  style: JSX.CSSProperties;
  startsAt: Date;
  endsAt: Date;
  title: string;
  conflict: boolean;
  sending?: boolean;
  testId: string;
}) {
  return (
    <div
      class="planning-block planning-preview"
      classList={{ 'planning-preview-conflict': props.conflict, 'planning-preview-sending': Boolean(props.sending) }}
      style={props.style}
      aria-hidden="true"
      data-testid={props.testId}
    >
      <span class="planning-block-time">{formatTimeRange(props.startsAt, props.endsAt)}</span>
      <span class="planning-block-title">{props.title}</span>
    </div>
  );
}

const durationMinutes = (appointment: BoardAppointment) =>
  (new Date(appointment.endsAt).getTime() - new Date(appointment.startsAt).getTime()) / 60_000;

/**
 * Technicians as rows, 7 h–19 h as columns (one day, or Monday to Saturday). An
 * appointment moves by dragging it (snapped to 15 minutes) or from the keyboard
 * (Enter, arrows, Enter). A move that overlaps another appointment or time off turns
 * red and is never sent. Under the appointments lie empty cells (half hours, hours in
 * the week view): a click, or Enter after moving through them with the arrow keys,
 * starts a new appointment there.
 */
export function PlanningBoard(props: {
  days: BoardDay[];
  rows: PlanningRowFragment[];
  /** Appointments just changed by someone else, highlighted for a moment. */
  highlighted: ReadonlySet<string>;
  onMove: (request: MoveRequest) => Promise<void>;
  onCreate: (cell: BoardCell) => void;
  draft: DraftAppointment | undefined;
}) {
  const [move, setMove] = createSignal<Move>();
  const [sending, setSending] = createSignal<Move>();
  const [refusal, setRefusal] = createSignal<string>();
  const tracks: HTMLDivElement[] = [];
  const compact = () => props.days.length > 1;
  const totalMinutes = () => props.days.length * minutesPerDay;
  const spanStyle = (span: BoardSpan): JSX.CSSProperties => ({
    left: `${(span.start / totalMinutes()) * 100}%`,
    width: `${((span.end - span.start) / totalMinutes()) * 100}%`,
  });

  // The empty cells are one stop in the tab order: the arrow keys move between them.
  let grid: HTMLDivElement | undefined;
  const cellMinutes = () => (compact() ? 60 : 30);
  const cellStarts = createMemo(() => {
    const step = cellMinutes();
    return Array.from({ length: totalMinutes() / step }, (_, index) => index * step);
  });
  const [cursor, setCursor] = createSignal({ row: 0, start: 0 });
  const [inCells, setInCells] = createSignal(false);
  // Moving from cell to cell keeps the cells' help up (the help line is announced when it changes).
  const leaveCell = (event: FocusEvent) => {
    const next = event.relatedTarget;
    if (!(next instanceof HTMLElement && next.classList.contains('planning-cell'))) setInCells(false);
  };
  const activeCell = createMemo(() => ({
    row: clamp(cursor().row, 0, props.rows.length - 1),
    start: clamp(Math.floor(cursor().start / cellMinutes()) * cellMinutes(), 0, totalMinutes() - cellMinutes()),
  }));
  // Rows × cells are hundreds of buttons: a cursor move re-renders the two whose tab stop changes, not all.
  const isActiveCell = createSelector(() => `${activeCell().row}-${activeCell().start}`);
  const onCellKeyDown = (event: KeyboardEvent, row: number, start: number) => {
    const step = cellMinutes();
    const dayStart = Math.floor(start / minutesPerDay) * minutesPerDay;
    const targets: Partial<Record<string, { row: number; start: number }>> = {
      ArrowLeft: { row, start: start - step },
      ArrowRight: { row, start: start + step },
      ArrowUp: { row: row - 1, start },
      ArrowDown: { row: row + 1, start },
      Home: { row, start: dayStart },
      End: { row, start: dayStart + minutesPerDay - step },
    };
    const target = targets[event.key];
    if (!target) return;
    event.preventDefault();
    const next = { row: clamp(target.row, 0, props.rows.length - 1), start: clamp(target.start, 0, totalMinutes() - step) };
    setCursor(next);
    grid?.querySelector<HTMLButtonElement>(`[data-cell="${next.row}-${next.start}"]`)?.focus();
  };
  const chooseCell = (row: number, start: number) => {
    const technician = props.rows[row]?.technician;
    if (!technician) return;
    setCursor({ row, start });
    setMove(undefined);
    props.onCreate({ technicianId: technician.id, startsAt: instantAt(props.days, start) });
  };
  const dayNames = createMemo(() => props.days.map((day) => formatDay(day.start)));
  // The same times stand in every row: formatted once per board, not once per cell.
  const cellTimes = createMemo(() => new Map(cellStarts().map((start) => [start, formatTime(instantAt(props.days, start))])));
  const cellLabel = (name: string, start: number) =>
    t('planning.newAppointmentAt', {
      name,
      day: dayNames()[Math.floor(start / minutesPerDay)] ?? '',
      time: cellTimes().get(start) ?? '',
    });

  /** Where the moved appointment would land, and whether it can. */
  const preview = createMemo(() => {
    const current = move() ?? sending();
    const row = current ? props.rows[current.row] : undefined;
    if (!current || !row) return undefined;
    const startsAt = instantAt(props.days, current.start);
    const endsAt = new Date(startsAt.getTime() + durationMinutes(current.appointment) * 60_000);
    const changed = current.row !== current.fromRow || startsAt.getTime() !== new Date(current.appointment.startsAt).getTime();
    return {
      ...current,
      technician: row.technician,
      startsAt,
      endsAt,
      changed,
      conflict: rowConflict(row, { startsAt, endsAt }, current.appointment.id),
    };
  });

  const startMove = (appointment: BoardAppointment, row: number): Move | undefined => {
    const start = boardMinuteOf(props.days, new Date(appointment.startsAt));
    if (start === undefined || fixedStatuses.has(appointment.status)) return undefined;
    setRefusal(undefined);
    return { appointment, fromRow: row, row, start };
  };

  const commit = async () => {
    const shown = preview();
    setMove(undefined);
    if (!shown?.changed || sending()) return;
    if (shown.conflict) {
      setRefusal(t('planning.notSent', { reason: shown.conflict }));
      return;
    }
    setSending({ appointment: shown.appointment, fromRow: shown.fromRow, row: shown.row, start: shown.start });
    try {
      await props.onMove({ appointment: shown.appointment, technicianId: shown.technician.id, startsAt: shown.startsAt });
    } finally {
      setSending(undefined);
    }
  };

  // Pointer dragging: the block follows the pointer; rows are found under the pointer.
  let drag: { pointerId: number; x: number; y: number; origin: Move; dragging: boolean } | undefined;
  const rowAt = (clientY: number, fallback: number) => {
    const index = tracks.findIndex((track) => {
      const box = track.getBoundingClientRect();
      return clientY >= box.top && clientY < box.bottom;
    });
    return index < 0 ? fallback : index;
  };
  const onPointerDown = (event: PointerEvent & { currentTarget: HTMLButtonElement }, appointment: BoardAppointment, row: number) => {
    if (event.button !== 0) return;
    const origin = startMove(appointment, row);
    if (!origin) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, origin, dragging: false };
  };
  const onPointerMove = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.dragging && Math.abs(dx) + Math.abs(dy) < dragThresholdPx) return;
    drag.dragging = true;
    const width = tracks[0]?.getBoundingClientRect().width ?? 1;
    const wanted = drag.origin.start + (dx / width) * totalMinutes();
    setMove({
      ...drag.origin,
      row: rowAt(event.clientY, drag.origin.row),
      start: placeStart(props.days, wanted, durationMinutes(drag.origin.appointment)),
    });
  };
  const onPointerUp = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const { dragging, origin } = drag;
    drag = undefined;
    if (dragging) void commit();
    // A click without dragging picks the appointment up for a keyboard (or button) move.
    else setMove(origin);
  };
  const onPointerCancel = () => {
    drag = undefined;
    setMove(undefined);
  };

  const onKeyDown = (event: KeyboardEvent, appointment: BoardAppointment, row: number) => {
    const current = move();
    if (current?.appointment.id !== appointment.id) {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      const picked = startMove(appointment, row);
      if (picked) setMove(picked);
      return;
    }
    if (event.key === 'Enter' || event.key === ' ' || event.key === 'Escape') {
      event.preventDefault();
      if (event.key === 'Escape') setMove(undefined);
      else void commit();
      return;
    }
    const next = movedByKey(current, event.key, event.shiftKey);
    if (!next) return;
    event.preventDefault();
    setMove(next);
  };

  /** Arrow keys: 15 minutes (an hour with Shift) earlier or later, or the technician above or below. */
  const movedByKey = (current: Move, key: string, bigStep: boolean): Move | undefined => {
    const minutes = bigStep ? 60 : snapMinutes;
    const shifted = (by: number) => ({
      ...current,
      start: placeStart(props.days, current.start + by, durationMinutes(current.appointment)),
    });
    const otherRow = (by: number) => ({ ...current, row: Math.min(Math.max(current.row + by, 0), props.rows.length - 1) });
    if (key === 'ArrowLeft') return shifted(-minutes);
    if (key === 'ArrowRight') return shifted(minutes);
    if (key === 'ArrowUp') return otherRow(-1);
    if (key === 'ArrowDown') return otherRow(1);
    return undefined;
  };

  const blockLabel = (appointment: BoardAppointment) =>
    t('planning.blockLabel', {
      hours: formatTimeRange(appointment.startsAt, appointment.endsAt),
      day: formatDay(appointment.startsAt),
      service: serviceName(appointment.service),
      customer: appointment.customer.name,
      status: t(`appointmentStatus.${appointment.status}`),
    });
  const today = parisDateKey(new Date());

  const hourMarks = () => Array.from({ length: lastHour - firstHour + 1 }, (_, index) => index * 60);

  return (
    <div class="planning stack-sm">
      <div class="planning-help" aria-live="polite">
        <Show when={preview()} fallback={<p class="muted small">{inCells() ? t('planning.cellHelp') : t('planning.help')}</p>}>
          {(shown) => (
            <div class="spread">
              <p classList={{ 'planning-help-conflict': Boolean(shown().conflict) }}>
                <strong>
                  {shown().appointment.customer.name} → {shown().technician.name}, {formatDay(shown().startsAt)},{' '}
                  {formatTimeRange(shown().startsAt, shown().endsAt)}
                </strong>
                <br />
                {shown().conflict ?? (sending() ? t('planning.sending') : t('planning.keyboardHelp'))}
              </p>
              <Show when={move()}>
                <div class="cluster">
                  <Button variant="secondary" onClick={() => setMove(undefined)}>
                    {t('planning.cancelMove')}
                  </Button>
                  <Button onClick={() => void commit()} disabled={!shown().changed || Boolean(shown().conflict)}>
                    {t('planning.confirmMove')}
                  </Button>
                </div>
              </Show>
            </div>
          )}
        </Show>
      </div>
      <ErrorAlert message={refusal()} />
      <div class="planning-scroll">
        <div
          ref={grid}
          class="planning-grid"
          classList={{ 'planning-compact': compact() }}
          style={{ '--board-hours': props.days.length * (lastHour - firstHour), '--board-days': props.days.length }}
        >
          <div class="planning-head" aria-hidden="true">
            <div class="planning-corner">{t('planning.technicians')}</div>
            <div class="planning-scale">
              <Show
                when={compact()}
                fallback={
                  <For each={hourMarks()}>
                    {(minute) => (
                      <span class="planning-hour" style={{ left: `${(minute / totalMinutes()) * 100}%` }}>
                        {formatTime(instantAt(props.days, minute))}
                      </span>
                    )}
                  </For>
                }
              >
                <For each={props.days}>
                  {(day, index) => (
                    <span
                      class="planning-day"
                      classList={{ 'planning-day-today': parisDateKey(day.start) === today }}
                      style={spanStyle({ start: index() * minutesPerDay, end: (index() + 1) * minutesPerDay })}
                    >
                      {formatDayShort(day.start).weekday} {formatDayShort(day.start).day}
                    </span>
                  )}
                </For>
              </Show>
            </div>
          </div>
          <For each={props.rows}>
            {(row, rowIndex) => (
              <div class="planning-row" role="group" aria-label={row.technician.name} data-technician-id={row.technician.id}>
                <div class="planning-technician">
                  <span class="planning-color" style={{ background: row.technician.color }} aria-hidden="true" />
                  {row.technician.name}
                </div>
                <div class="planning-track" ref={(element) => (tracks[rowIndex()] = element)}>
                  <For each={cellStarts()}>
                    {(start) => (
                      <button
                        type="button"
                        class="planning-cell"
                        style={spanStyle({ start, end: start + cellMinutes() })}
                        tabindex={isActiveCell(`${rowIndex()}-${start}`) ? 0 : -1}
                        aria-label={cellLabel(row.technician.name, start)}
                        data-cell={`${rowIndex()}-${start}`}
                        onClick={() => chooseCell(rowIndex(), start)}
                        onFocus={() => setInCells(true)}
                        onBlur={leaveCell}
                        onKeyDown={(event) => onCellKeyDown(event, rowIndex(), start)}
                      />
                    )}
                  </For>
                  <For each={offHourSpans(props.days, row.workingHours)}>
                    {(span) => <div class="planning-off" style={spanStyle(span)} />}
                  </For>
                  <For each={row.timeOff}>
                    {(off) => (
                      <For each={boardSpans(props.days, new Date(off.startsAt), new Date(off.endsAt))}>
                        {(span) => (
                          <div class="planning-time-off" style={spanStyle(span)} title={off.reason ?? t('planning.timeOff')}>
                            <span>{off.reason ?? t('planning.timeOff')}</span>
                          </div>
                        )}
                      </For>
                    )}
                  </For>
                  <For each={row.appointments.filter((appointment) => appointment.status !== 'CANCELLED')}>
                    {(appointment) => {
                      const span = () => boardSpans(props.days, new Date(appointment.startsAt), new Date(appointment.endsAt))[0];
                      const label = createMemo(() => blockLabel(appointment));
                      return (
                        <Show when={span()}>
                          {(shown) => (
                            <button
                              type="button"
                              class="planning-block"
                              classList={{
                                'planning-block-changed': props.highlighted.has(appointment.id),
                                'planning-block-moving': preview()?.appointment.id === appointment.id,
                                'planning-block-fixed': fixedStatuses.has(appointment.status),
                              }}
                              style={{ ...spanStyle(shown()), '--technician-color': row.technician.color }}
                              data-appointment-id={appointment.id}
                              aria-label={label()}
                              title={label()}
                              onPointerDown={(event) => onPointerDown(event, appointment, rowIndex())}
                              onPointerMove={onPointerMove}
                              onPointerUp={onPointerUp}
                              onPointerCancel={onPointerCancel}
                              onKeyDown={(event) => onKeyDown(event, appointment, rowIndex())}
                            >
                              <Show when={!compact()}>
                                <span class="planning-block-time">{formatTimeRange(appointment.startsAt, appointment.endsAt)}</span>
                              </Show>
                              <span class="planning-block-title">{serviceName(appointment.service)}</span>
                              <span class="planning-block-customer">{appointment.customer.name}</span>
                              <Show when={!compact()}>
                                <AppointmentStatusBadge status={appointment.status} />
                              </Show>
                            </button>
                          )}
                        </Show>
                      );
                    }}
                  </For>
                  <Show when={preview()?.row === rowIndex() ? preview() : undefined}>
                    {(shown) => (
                      <PreviewBlock
                        style={{
                          ...spanStyle({ start: shown().start, end: shown().start + durationMinutes(shown().appointment) }),
                          '--technician-color': shown().technician.color,
                        }}
                        startsAt={shown().startsAt}
                        endsAt={shown().endsAt}
                        title={serviceName(shown().appointment.service)}
                        conflict={Boolean(shown().conflict)}
                        sending={Boolean(sending())}
                        testId="planning-preview"
                      />
                    )}
                  </Show>
                  <Show when={props.draft?.technicianId === row.technician.id ? props.draft : undefined}>
                    {(draft) => (
                      <Show when={boardSpans(props.days, draft().startsAt, draft().endsAt)[0]}>
                        {(span) => (
                          <PreviewBlock
                            style={{ ...spanStyle(span()), '--technician-color': row.technician.color }}
                            startsAt={draft().startsAt}
                            endsAt={draft().endsAt}
                            title={draft().title}
                            conflict={draft().conflict}
                            testId="planning-draft"
                          />
                        )}
                      </Show>
                    )}
                  </Show>
                </div>
              </div>
            )}
          </For>
        </div>
      </div>
    </div>
  );
}
