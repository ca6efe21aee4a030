// Everything the company does happens in Paris time, whatever the device's zone.
export const companyTimeZone = 'Europe/Paris';

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: companyTimeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

export interface ParisDateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Calendar date and wall-clock time of an instant, as seen in Paris. */
export function parisParts(instant: Date): ParisDateParts {
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    Number(partsFormatter.formatToParts(instant).find((part) => part.type === type)?.value);
  return { year: value('year'), month: value('month'), day: value('day'), hour: value('hour'), minute: value('minute') };
}

/** Milliseconds Paris is ahead of UTC at this instant (+1 h in winter, +2 h in summer). */
function parisOffsetMs(instant: Date): number {
  const parts = parisParts(instant);
  const seconds = instant.getUTCSeconds();
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, seconds);
  return asUtc - (instant.getTime() - instant.getUTCMilliseconds());
}

/**
 * The instant Paris clocks show this wall-clock time (DST-safe: checked twice). Days and
 * minutes may overflow (day 32, minute 1500): they carry over as in Date.UTC.
 */
export function parisInstant(year: number, month: number, day: number, minuteOfDay = 0): Date {
  const wallClock = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  const firstGuess = wallClock - parisOffsetMs(new Date(wallClock));
  return new Date(wallClock - parisOffsetMs(new Date(firstGuess)));
}

/** Paris midnight starting the day of `instant`, moved by `dayOffset` calendar days. */
export function startOfParisDay(instant: Date, dayOffset = 0): Date {
  const { year, month, day } = parisParts(instant);
  return parisInstant(year, month, day + dayOffset);
}

/** ISO weekday of an instant in Paris: 1 = Monday … 7 = Sunday. */
export function parisWeekday(instant: Date): number {
  const { year, month, day } = parisParts(instant);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** Paris midnight starting the Monday of the week of `instant`, moved by `weekOffset` weeks. */
export function startOfParisWeek(instant: Date, weekOffset = 0): Date {
  return startOfParisDay(instant, 1 - parisWeekday(instant) + 7 * weekOffset);
}

/** Minutes since Paris midnight on the wall clock ("9 h 30" → 570). */
export function parisMinuteOfDay(instant: Date): number {
  const { hour, minute } = parisParts(instant);
  return hour * 60 + minute;
}

/** "2026-03-12": the Paris calendar day of an instant, as a key or an address parameter. */
export function parisDateKey(instant: Date): string {
  const { year, month, day } = parisParts(instant);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Paris midnight of a "2026-03-12" key, or undefined when the text is not such a date. */
export function parisDateFromKey(key: string | undefined): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key ?? '');
  if (!match) return undefined;
  const date = parisInstant(Number(match[1]), Number(match[2]), Number(match[3]));
  return parisDateKey(date) === key ? date : undefined;
}

/** Start (inclusive) and end (exclusive) of a Paris calendar day, `dayOffset` days from today. */
export function parisDayRange(dayOffset: number, now: Date = new Date()): { from: Date; to: Date } {
  return { from: startOfParisDay(now, dayOffset), to: startOfParisDay(now, dayOffset + 1) };
}
