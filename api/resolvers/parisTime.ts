// Europe/Paris wall-clock arithmetic without a date library: Intl knows the DST rules.
const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function parisWallClock(instant: Date): WallClock {
  const parts = Object.fromEntries(parisParts.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** Minutes Paris is ahead of UTC at that instant (60 in winter, 120 in summer). */
export function parisOffsetMinutes(instant: Date): number {
  const wall = parisWallClock(instant);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a Paris wall-clock time happens (a time skipped by DST moves forward by the gap). */
export function parisInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const firstGuess = naive - parisOffsetMinutes(new Date(naive)) * 60_000;
  return new Date(naive - parisOffsetMinutes(new Date(firstGuess)) * 60_000);
}

export function startOfParisDay(instant: Date): Date {
  const wall = parisWallClock(instant);
  return parisInstant(wall.year, wall.month, wall.day);
}

/** Monday 00:00 in Paris of the week containing the instant. */
export function startOfParisWeek(instant: Date): Date {
  const wall = parisWallClock(instant);
  const weekday = (new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day - weekday));
  return parisInstant(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
}

/** The same Paris wall-clock time `days` later (23 or 25 hours across a DST change). */
export function addParisDays(instant: Date, days: number): Date {
  const wall = parisWallClock(instant);
  const target = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return parisInstant(target.getUTCFullYear(), target.getUTCMonth() + 1, target.getUTCDate(), wall.hour, wall.minute);
}

/** The Paris calendar date of an instant, "2026-03-12". */
export function parisDateKey(instant: Date): string {
  const wall = parisWallClock(instant);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}
