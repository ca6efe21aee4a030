import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addBusinessMinutes, computeSlaDueAt, slaFlags, type SlaClock } from './computeSlaDueAt.ts';
import { frenchPublicHolidays, isFrenchPublicHoliday } from './frenchHolidays.ts';
import { OFFICE_HOURS } from './officeHours.ts';
import { parisInstant, parisWallClock } from './parisTime.ts';

const MINUTE = 60_000;

/** The instant of a Paris wall-clock time written 'YYYY-MM-DD HH:mm'. */
function paris(dateTime: string): Date {
  const [year, month, day, hour, minute] = dateTime.split(/[- :]/).map(Number);
  return parisInstant(year!, month!, day!, hour!, minute!);
}

/** 'YYYY-MM-DD HH:mm' in Paris. */
function inParis(instant: Date): string {
  const wall = parisWallClock(instant);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}`;
}

const addInParis = (start: string, minutes: number) => inParis(addBusinessMinutes(paris(start), minutes));

/** Whether the minute starting at this instant is office time: the definition, one minute at a time. */
function isOfficeMinute(instant: Date): boolean {
  const wall = parisWallClock(instant);
  const date = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() || 7;
  const minute = wall.hour * 60 + wall.minute;
  return (
    !isFrenchPublicHoliday(date) &&
    OFFICE_HOURS.some((interval) => interval.weekday === weekday && minute >= interval.startMinute && minute < interval.endMinute)
  );
}

function countingOracle(from: Date, minutes: number): Date {
  let cursor = from.getTime();
  for (let left = minutes; left > 0; cursor += MINUTE) {
    if (isOfficeMinute(new Date(cursor))) left -= 1;
  }
  return new Date(cursor);
}

// Whole minutes from 2025 to 2028: every DST change and holiday of four years.
const wholeMinute = fc
  .integer({ min: Date.parse('2025-01-01T00:00:00Z') / MINUTE, max: Date.parse('2028-12-31T00:00:00Z') / MINUTE })
  .map((minute) => new Date(minute * MINUTE));

/** Paris midnight of the last Sunday of a month: the DST changes happen that night. */
function lastSunday(year: number, month: number): Date {
  const last = new Date(Date.UTC(year, month, 0));
  return parisInstant(year, month, last.getUTCDate() - last.getUTCDay());
}

// The days where mistakes hide: both DST changes and the movable and fixed holidays, a few days either side.
const trickyDays = [2025, 2026, 2027, 2028].flatMap((year) => [
  lastSunday(year, 3),
  lastSunday(year, 10),
  ...frenchPublicHolidays(year).map((holiday) => paris(`${holiday.date} 00:00`)),
]);
const nearTrickyDay = fc
  .tuple(fc.constantFrom(...trickyDays), fc.integer({ min: -4 * 1440, max: 2 * 1440 }))
  .map(([day, minutes]) => new Date(day.getTime() + minutes * MINUTE));

describe('adding office minutes (Mon–Fri 8:00–12:00, 13:30–18:00, Europe/Paris)', () => {
  it.each([
    ['within a morning', '2026-03-09 09:00', 60, '2026-03-09 10:00'],
    ['over the lunch break', '2026-03-09 11:30', 60, '2026-03-09 14:00'],
    ['up to closing time exactly', '2026-03-09 11:00', 60, '2026-03-09 12:00'],
    ['from inside the lunch break', '2026-03-09 12:45', 30, '2026-03-09 14:00'],
    ['over a night', '2026-03-09 17:30', 60, '2026-03-10 08:30'],
    ['from before opening', '2026-03-10 06:00', 30, '2026-03-10 08:30'],
    ['a whole working day', '2026-03-09 08:00', 510, '2026-03-09 18:00'],
    ['over a weekend', '2026-03-13 17:00', 120, '2026-03-16 09:00'],
    ['from a Saturday', '2026-03-14 10:00', 60, '2026-03-16 09:00'],
    ['over Labour Day (Friday 1 May) and the weekend', '2026-04-30 17:00', 120, '2026-05-04 09:00'],
    ['over Easter Monday', '2026-04-03 17:30', 60, '2026-04-07 08:30'],
    ['over Ascension Thursday', '2026-05-13 17:00', 120, '2026-05-15 09:00'],
    ['over Whit Monday', '2026-05-22 17:00', 90, '2026-05-26 08:30'],
    ['over Christmas and New Year', '2026-12-24 17:00', 600, '2026-12-29 08:30'],
    ['over the last Sunday of March (clocks go forward)', '2026-03-27 17:00', 120, '2026-03-30 09:00'],
    ['over the last Sunday of October (clocks go back)', '2026-10-23 17:00', 120, '2026-10-26 09:00'],
  ])('%s', (_label, start, minutes, due) => {
    expect(addInParis(start, minutes)).toBe(due);
  });

  it('counts real time across a DST weekend: an hour of office time is an hour', () => {
    const friday = paris('2026-03-27 17:00');
    expect(friday.toISOString()).toBe('2026-03-27T16:00:00.000Z');
    expect(addBusinessMinutes(friday, 120).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(addBusinessMinutes(paris('2026-10-23 17:00'), 120).toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('keeps seconds of the start within office hours', () => {
    const start = new Date(paris('2026-03-09 09:00').getTime() + 42_500);
    expect(addBusinessMinutes(start, 90).getTime() - start.getTime()).toBe(90 * MINUTE);
  });

  it('adds nothing for zero minutes, and refuses negative or fractional minutes', () => {
    const saturday = paris('2026-03-14 10:00');
    expect(addBusinessMinutes(saturday, 0)).toBe(saturday);
    expect(() => addBusinessMinutes(saturday, -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(saturday, 1.5)).toThrow(RangeError);
    expect(() => addBusinessMinutes(saturday, 10, [])).toThrow(RangeError);
  });

  it('agrees with counting office minutes one by one', () => {
    fc.assert(
      fc.property(fc.oneof(wholeMinute, nearTrickyDay), fc.integer({ min: 1, max: 1_200 }), (from, minutes) => {
        expect(addBusinessMinutes(from, minutes).toISOString()).toBe(countingOracle(from, minutes).toISOString());
      }),
      { numRuns: 150 },
    );
  });

  it('lands inside office hours (closing time included), never earlier than the start', () => {
    fc.assert(
      fc.property(fc.oneof(wholeMinute, nearTrickyDay), fc.integer({ min: 1, max: 20_000 }), (from, minutes) => {
        const due = addBusinessMinutes(from, minutes);
        expect(due.getTime()).toBeGreaterThan(from.getTime());
        expect(isOfficeMinute(new Date(due.getTime() - MINUTE))).toBe(true);
      }),
    );
  });

  it('adds in steps the same as at once, and more minutes always end later', () => {
    fc.assert(
      fc.property(
        fc.oneof(wholeMinute, nearTrickyDay),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (from, a, b) => {
          expect(addBusinessMinutes(addBusinessMinutes(from, a), b).toISOString()).toBe(addBusinessMinutes(from, a + b).toISOString());
          if (b > 0) expect(addBusinessMinutes(from, a + b).getTime()).toBeGreaterThan(addBusinessMinutes(from, a).getTime());
        },
      ),
    );
  });

  describe('whatever the process time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });

    it.each(['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo'])('gives the same instants with TZ=%s', (zone) => {
      process.env.TZ = zone;
      expect(addBusinessMinutes(new Date('2026-03-27T16:00:00Z'), 120).toISOString()).toBe('2026-03-30T07:00:00.000Z');
      expect(addBusinessMinutes(new Date('2026-10-23T15:00:00Z'), 120).toISOString()).toBe('2026-10-26T08:00:00.000Z');
      expect(addBusinessMinutes(new Date('2026-04-30T15:00:00Z'), 120).toISOString()).toBe('2026-05-04T07:00:00.000Z');
    });
  });
});

describe('SLA due times and flags', () => {
  it('counts both targets in office time from the opening, and sets none without a policy', () => {
    const opened = paris('2026-03-13 17:00');
    expect(computeSlaDueAt(opened, { firstResponseMinutes: 60, resolutionMinutes: 510 })).toEqual({
      firstResponseDueAt: paris('2026-03-13 18:00'),
      resolutionDueAt: paris('2026-03-16 17:00'),
    });
    expect(computeSlaDueAt(opened, null)).toEqual({ firstResponseDueAt: null, resolutionDueAt: null });
  });

  const ticket = (overrides: Partial<SlaClock> = {}): SlaClock => ({
    status: 'NEW',
    firstRespondedAt: null,
    firstResponseDueAt: paris('2026-03-10 10:00'),
    resolvedAt: null,
    resolutionDueAt: paris('2026-03-12 10:00'),
    ...overrides,
  });

  it.each([
    ['on track', ticket(), '2026-03-10 08:30', { atRisk: false, breached: false }],
    ['at risk: first response due within an office hour', ticket(), '2026-03-10 09:15', { atRisk: true, breached: false }],
    [
      'at risk overnight: due first thing tomorrow',
      ticket({ firstResponseDueAt: paris('2026-03-10 08:30') }),
      '2026-03-09 19:00',
      { atRisk: true, breached: false },
    ],
    ['breached: first response late', ticket(), '2026-03-10 10:01', { atRisk: false, breached: true }],
    [
      'on track once the first response was given in time',
      ticket({ status: 'OPEN', firstRespondedAt: paris('2026-03-10 09:00') }),
      '2026-03-10 11:00',
      { atRisk: false, breached: false },
    ],
    [
      'breached: resolution late',
      ticket({ status: 'PENDING', firstRespondedAt: paris('2026-03-10 09:00') }),
      '2026-03-12 10:30',
      { atRisk: false, breached: true },
    ],
    [
      'nothing once resolved',
      ticket({ status: 'RESOLVED', firstRespondedAt: paris('2026-03-10 09:00'), resolvedAt: paris('2026-03-12 11:00') }),
      '2026-03-20 10:00',
      { atRisk: false, breached: false },
    ],
    ['nothing for a closed (merged) ticket', ticket({ status: 'CLOSED' }), '2026-03-20 10:00', { atRisk: false, breached: false }],
    [
      'nothing without due times',
      ticket({ firstResponseDueAt: null, resolutionDueAt: null }),
      '2026-03-20 10:00',
      { atRisk: false, breached: false },
    ],
  ])('%s', (_label, clock, now, flags) => {
    expect(slaFlags(clock, paris(now))).toEqual(flags);
  });
});
