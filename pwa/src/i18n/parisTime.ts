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

/** The instant of midnight in Paris on this calendar day (DST-safe: checked twice). */
function parisMidnight(year: number, month: number, day: number): Date {
  const wallClock = Date.UTC(year, month - 1, day);
  const firstGuess = wallClock - parisOffsetMs(new Date(wallClock));
  return new Date(wallClock - parisOffsetMs(new Date(firstGuess)));
}

/** Start (inclusive) and end (exclusive) of a Paris calendar day, `dayOffset` days from today. */
export function parisDayRange(dayOffset: number, now: Date = new Date()): { from: Date; to: Date } {
  const today = parisParts(now);
  return {
    from: parisMidnight(today.year, today.month, today.day + dayOffset),
    to: parisMidnight(today.year, today.month, today.day + dayOffset + 1),
  };
}
