// The planning board's time axis: the shown days side by side, each from 7 h to 19 h
// (Paris wall clock), measured in "board minutes" from 7 h on the first day shown.
import { parisInstant, parisMinuteOfDay, parisParts, parisWeekday, startOfParisDay } from '../../i18n/parisTime';

export const firstHour = 7;
export const lastHour = 19;
export const minutesPerDay = (lastHour - firstHour) * 60;
export const snapMinutes = 15;

export interface BoardDay {
  /** Paris midnight. */
  start: Date;
  year: number;
  month: number;
  day: number;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
}

/** A stretch of the board, in board minutes [start, end). */
export interface BoardSpan {
  start: number;
  end: number;
}

export function boardDays(first: Date, count: number): BoardDay[] {
  return Array.from({ length: count }, (_, index) => {
    const start = startOfParisDay(first, index);
    const { year, month, day } = parisParts(start);
    return { start, year, month, day, weekday: parisWeekday(start) };
  });
}

function dayIndexOf(days: BoardDay[], instant: Date): number {
  const { year, month, day } = parisParts(instant);
  return days.findIndex((shown) => shown.year === year && shown.month === month && shown.day === day);
}

const clampToDay = (minuteOfDay: number) => Math.min(Math.max(minuteOfDay - firstHour * 60, 0), minutesPerDay);

/**
 * The parts of [startsAt, endsAt) visible on the board: one per shown day it touches,
 * clipped to 7 h–19 h (time off can span several days).
 */
export function boardSpans(days: BoardDay[], startsAt: Date, endsAt: Date): BoardSpan[] {
  const spans: BoardSpan[] = [];
  days.forEach((day, index) => {
    const dayEnd = startOfParisDay(day.start, 1);
    if (startsAt >= dayEnd || endsAt <= day.start) return;
    const start = startsAt > day.start ? clampToDay(parisMinuteOfDay(startsAt)) : 0;
    const end = endsAt < dayEnd ? clampToDay(parisMinuteOfDay(endsAt)) : minutesPerDay;
    if (end > start) spans.push({ start: index * minutesPerDay + start, end: index * minutesPerDay + end });
  });
  return spans;
}

/** Where an appointment starts on the board, or undefined when its day is not shown. */
export function boardMinuteOf(days: BoardDay[], instant: Date): number | undefined {
  const index = dayIndexOf(days, instant);
  return index < 0 ? undefined : index * minutesPerDay + clampToDay(parisMinuteOfDay(instant));
}

/** The instant at a board minute. */
export function instantAt(days: BoardDay[], boardMinute: number): Date {
  const index = Math.min(Math.max(Math.floor(boardMinute / minutesPerDay), 0), days.length - 1);
  const day = days[index];
  if (!day) throw new RangeError('The board shows no day');
  return parisInstant(day.year, day.month, day.day, firstHour * 60 + boardMinute - index * minutesPerDay);
}

/**
 * A dragged start, snapped to 15 minutes and kept on the board, within one day: a job
 * does not run over 19 h into the next morning.
 */
export function placeStart(days: BoardDay[], wanted: number, durationMinutes: number): number {
  const snapped = Math.round(wanted / snapMinutes) * snapMinutes;
  const total = days.length * minutesPerDay;
  const start = Math.min(Math.max(snapped, 0), total - snapMinutes);
  const dayIndex = Math.floor(start / minutesPerDay);
  const latestThatDay = dayIndex * minutesPerDay + Math.max(minutesPerDay - durationMinutes, 0);
  return Math.min(start, latestThatDay);
}

/** The hours outside a technician's working hours on the shown days (greyed on the board). */
export function offHourSpans(days: BoardDay[], workingHours: { weekday: number; startMinute: number; endMinute: number }[]): BoardSpan[] {
  const spans: BoardSpan[] = [];
  days.forEach((day, index) => {
    const offset = index * minutesPerDay;
    const working = workingHours
      .filter((interval) => interval.weekday === day.weekday)
      .map((interval) => ({ start: clampToDay(interval.startMinute), end: clampToDay(interval.endMinute) }))
      .filter((interval) => interval.end > interval.start)
      .sort((a, b) => a.start - b.start);
    let cursor = 0;
    for (const interval of working) {
      if (interval.start > cursor) spans.push({ start: offset + cursor, end: offset + interval.start });
      cursor = Math.max(cursor, interval.end);
    }
    if (cursor < minutesPerDay) spans.push({ start: offset + cursor, end: offset + minutesPerDay });
  });
  return spans;
}

export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}
