// The booking slot engine (DESIGN.md §4), as a pure function: the caller loads the
// service, the site and the candidate technicians with their hours, time off and
// non-cancelled appointments; the engine returns the bookable start times. It reads no
// clock and no process time zone: all calendar arithmetic goes through parisTime.ts.
import { isFrenchPublicHoliday } from './frenchHolidays.ts';
import { addParisDays, parisInstant, parisWallClock, startOfParisDay } from './parisTime.ts';

export interface SlotService {
  id: string;
  durationMinutes: number;
  /** Margin kept free before and after the new appointment (travel, overrun). */
  bufferMinutes: number;
  minNoticeHours: number;
  /** Bookable days counted from the start of today in Paris. */
  horizonDays: number;
  /** Field services are offered as arrival windows of this length; null books an exact time. */
  arrivalWindowMinutes: number | null;
  requiredSkill: string;
}

export interface SlotSite {
  postalCode: string;
}

/** A recurring working interval in Europe/Paris wall-clock minutes since midnight, [startMinute, endMinute). */
export interface WeeklyWorkingHours {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  startMinute: number;
  /** At most 1440 (midnight at the end of the day). */
  endMinute: number;
}

/** A half-open period [startsAt, endsAt). */
export interface BusyPeriod {
  startsAt: Date;
  endsAt: Date;
}

export interface ExistingAppointment extends BusyPeriod {
  /** The buffer of that appointment's own service; 0 when absent. */
  bufferMinutes?: number;
}

export interface SlotTechnician {
  id: string;
  skills: readonly string[];
  /** Postal-code prefixes the technician covers ("75", "921", "92130"). */
  zones: readonly string[];
  workingHours: readonly WeeklyWorkingHours[];
  timeOff: readonly BusyPeriod[];
  /** Non-cancelled appointments already booked for the technician. */
  appointments: readonly ExistingAppointment[];
}

export interface SlotInput {
  service: SlotService;
  site: SlotSite;
  technicians: readonly SlotTechnician[];
  /** The period the viewer looks at: slots whose start lies in [from, to). */
  range: { from: Date; to: Date };
  now: Date;
  /** Spacing of exact-time candidates on the wall-clock grid of each working interval; 30 by default. */
  stepMinutes?: number;
}

export interface Slot {
  /** Start of the time the technicians would be booked for. */
  startsAt: Date;
  endsAt: Date;
  /** For field services, the arrival window promised to the customer; null otherwise. */
  arrivalWindowStart: Date | null;
  arrivalWindowEnd: Date | null;
  /** Technicians free at that start, sorted by id. */
  technicianIds: string[];
}

export const DEFAULT_STEP_MINUTES = 30;

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;

/** A Paris calendar day the engine may offer slots on. */
interface ParisDay {
  year: number;
  month: number;
  day: number;
  isoWeekday: number;
  /** Paris midnight starting the day. */
  startMs: number;
  /** The day is 24 h long, so Paris's UTC offset is constant all day long. */
  hasConstantOffset: boolean;
}

/** Sorted, disjoint half-open intervals in epoch milliseconds. */
interface Timeline {
  starts: number[];
  ends: number[];
}

export function computeSlots(input: SlotInput): Slot[] {
  const { service, site, now, range } = input;
  const stepMinutes = service.arrivalWindowMinutes ?? input.stepMinutes ?? DEFAULT_STEP_MINUTES;
  assertPositiveInteger('durationMinutes', service.durationMinutes);
  assertPositiveInteger(service.arrivalWindowMinutes === null ? 'stepMinutes' : 'arrivalWindowMinutes', stepMinutes);

  const earliestMs = Math.max(range.from.getTime(), now.getTime() + service.minNoticeHours * HOUR_MS);
  const horizonEndMs = addParisDays(startOfParisDay(now), service.horizonDays).getTime();
  const endMs = Math.min(range.to.getTime(), horizonEndMs);
  if (earliestMs >= endMs) return [];

  const technicians = input.technicians
    .filter((technician) => canServe(technician, service.requiredSkill, site.postalCode))
    .sort((left, right) => compareStrings(left.id, right.id));
  if (technicians.length === 0) return [];

  const days = bookableParisDays(earliestMs, endMs);
  const durationMs = service.durationMinutes * MINUTE_MS;
  const windowMs = service.arrivalWindowMinutes === null ? null : service.arrivalWindowMinutes * MINUTE_MS;
  // Field services: the technician is booked for [s, s + duration) and arrives within
  // [s, s + window). The stored appointment, the exclusion constraint and the buffers all
  // use the booked time, so a field service's duration is expected to cover the slack of
  // its window; the window is a promise to the customer, and it too must lie within
  // working hours, hence the candidate must fit the longer of the two.
  const mustFitMs = Math.max(durationMs, windowMs ?? 0);
  const serviceBufferMs = service.bufferMinutes * MINUTE_MS;

  const technicianIdsByStart = new Map<number, string[]>();
  for (const technician of technicians) {
    const busy = busyTimeline(technician, serviceBufferMs);
    for (const day of days) {
      for (const hours of technician.workingHours) {
        if (hours.weekday !== day.isoWeekday || !isValidInterval(hours)) continue;
        const intervalEndMs = wallClockMs(day, hours.endMinute);
        for (let minute = hours.startMinute; minute < hours.endMinute; minute += stepMinutes) {
          const startMs = wallClockMs(day, minute);
          // No early exit: on the March change, wall-clock 3:00–3:59 maps back onto the
          // instants of the skipped 2:00–2:59, so a later minute can still fit.
          if (startMs + mustFitMs > intervalEndMs) continue;
          if (startMs < earliestMs || startMs >= endMs) continue;
          if (!isFree(busy, startMs, startMs + durationMs)) continue;
          const ids = technicianIdsByStart.get(startMs);
          // Overlapping working intervals, or the wall-clock times 2:00–3:00 folded onto
          // 3:00–4:00 on the March change, can yield the same start twice.
          if (!ids) technicianIdsByStart.set(startMs, [technician.id]);
          else if (ids[ids.length - 1] !== technician.id) ids.push(technician.id);
        }
      }
    }
  }

  return [...technicianIdsByStart.entries()]
    .sort(([left], [right]) => left - right)
    .map(([startMs, technicianIds]) => ({
      startsAt: new Date(startMs),
      endsAt: new Date(startMs + durationMs),
      arrivalWindowStart: windowMs === null ? null : new Date(startMs),
      arrivalWindowEnd: windowMs === null ? null : new Date(startMs + windowMs),
      technicianIds,
    }));
}

function assertPositiveInteger(name: string, value: number): void {
  // Zero or fractional steps would loop forever or drift off the minute grid.
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer, got ${value}`);
}

// Plain code-unit order, not localeCompare: the output must not depend on the ICU locale.
function compareStrings(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function canServe(technician: SlotTechnician, requiredSkill: string, postalCode: string): boolean {
  // An empty prefix would silently cover the whole country; a zone must name one.
  return technician.skills.includes(requiredSkill) && technician.zones.some((prefix) => prefix.length > 0 && postalCode.startsWith(prefix));
}

// Inverted, empty or out-of-day intervals are bad data; they offer nothing rather than
// failing the whole booking page.
function isValidInterval(hours: WeeklyWorkingHours): boolean {
  return hours.startMinute >= 0 && hours.startMinute < hours.endMinute && hours.endMinute <= MINUTES_PER_DAY;
}

/** The Paris calendar days from the one containing firstMs to the one containing endMs − 1, holidays left out. */
function bookableParisDays(firstMs: number, endMs: number): ParisDay[] {
  const first = parisWallClock(new Date(firstMs));
  const last = parisWallClock(new Date(endMs - 1));
  const lastDate = Date.UTC(last.year, last.month - 1, last.day);
  const days: ParisDay[] = [];
  let startMs = parisInstant(first.year, first.month, first.day).getTime();
  for (let offset = 0; ; offset += 1) {
    // Calendar arithmetic on a UTC date stands in for the Paris date: no time zone involved.
    const date = new Date(Date.UTC(first.year, first.month - 1, first.day + offset));
    if (date.getTime() > lastDate) break;
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const nextStartMs = parisInstant(year, month, day + 1).getTime();
    if (!isFrenchPublicHoliday(date.toISOString().slice(0, 10))) {
      days.push({
        year,
        month,
        day,
        isoWeekday: date.getUTCDay() === 0 ? 7 : date.getUTCDay(),
        startMs,
        hasConstantOffset: nextStartMs - startMs === DAY_MS,
      });
    }
    startMs = nextStartMs;
  }
  return days;
}

/**
 * The instant of a wall-clock minute of a Paris day. Paris changes its offset at most
 * once a day, so a 24-hour day has one offset throughout and plain addition is exact;
 * only the two change days (23 h and 25 h) pay for parisInstant's Intl look-ups.
 * On the last Sunday of March, 2:00–2:59 does not exist and parisInstant moves it
 * forward by the gap (2:30 → 3:30 CEST). On the last Sunday of October, 2:00–2:59
 * happens twice and parisInstant gives the second, winter-time occurrence: a working
 * interval 1:00–4:00 then spans its real four hours, candidate starts follow the
 * wall-clock grid (1:00, 1:30 CEST, then 2:00, 2:30, 3:00 CET), and the first 2:00–2:59
 * is working time that a booking started earlier may cover, never a start.
 */
function wallClockMs(day: ParisDay, minute: number): number {
  return day.hasConstantOffset ? day.startMs + minute * MINUTE_MS : parisInstant(day.year, day.month, day.day, 0, minute).getTime();
}

/**
 * The technician's time off and appointments as one sorted, merged timeline. An
 * appointment is widened by its own buffer plus the new service's buffer: the new
 * booking's [s − buffer, e + buffer) meets the appointment's [a − own, b + own) exactly
 * when [s, e) meets [a − own − buffer, b + own + buffer). Time off is not widened.
 */
function busyTimeline(technician: SlotTechnician, serviceBufferMs: number): Timeline {
  const periods: [number, number][] = [
    ...technician.timeOff.map((off): [number, number] => [off.startsAt.getTime(), off.endsAt.getTime()]),
    ...technician.appointments.map((appointment): [number, number] => {
      const marginMs = (appointment.bufferMinutes ?? 0) * MINUTE_MS + serviceBufferMs;
      return [appointment.startsAt.getTime() - marginMs, appointment.endsAt.getTime() + marginMs];
    }),
  ].filter(([startMs, endMs]) => startMs < endMs);
  periods.sort((left, right) => left[0] - right[0]);

  const timeline: Timeline = { starts: [], ends: [] };
  for (const [startMs, endMs] of periods) {
    const lastIndex = timeline.ends.length - 1;
    // Overlapping and touching periods merge, so the starts and the ends are both sorted.
    if (lastIndex >= 0 && startMs <= timeline.ends[lastIndex]!) {
      timeline.ends[lastIndex] = Math.max(timeline.ends[lastIndex]!, endMs);
    } else {
      timeline.starts.push(startMs);
      timeline.ends.push(endMs);
    }
  }
  return timeline;
}

/** Whether [startMs, endMs) misses every busy period: a binary search, O(log n) per candidate. */
function isFree(timeline: Timeline, startMs: number, endMs: number): boolean {
  // The first busy period still running after startMs is the only one that can overlap.
  let low = 0;
  let high = timeline.ends.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (timeline.ends[middle]! <= startMs) low = middle + 1;
    else high = middle;
  }
  return low === timeline.ends.length || timeline.starts[low]! >= endMs;
}
