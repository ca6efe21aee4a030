import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSlots, type Slot, type SlotInput, type SlotService, type SlotTechnician } from './computeSlots.ts';
import { isFrenchPublicHoliday } from './frenchHolidays.ts';
import { addParisDays, parisInstant, parisOffsetMinutes, parisWallClock, startOfParisDay } from './parisTime.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** The instant of a Paris wall-clock time written 'YYYY-MM-DD HH:mm'. */
function paris(dateTime: string): Date {
  const [year, month, day, hour, minute] = dateTime.split(/[- :]/).map(Number);
  return parisInstant(year!, month!, day!, hour ?? 0, minute ?? 0);
}

function parisDate(instant: Date): string {
  const wall = parisWallClock(instant);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

function parisTime(instant: Date): string {
  const wall = parisWallClock(instant);
  return `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
}

/** Paris start times of the slots on one day. */
function startTimesOn(slots: Slot[], date: string): string[] {
  return slots.filter((slot) => parisDate(slot.startsAt) === date).map((slot) => parisTime(slot.startsAt));
}

function daysWithSlots(slots: Slot[]): string[] {
  return [...new Set(slots.map((slot) => parisDate(slot.startsAt)))];
}

const SERVICE: SlotService = {
  id: 'diagnostic',
  durationMinutes: 60,
  bufferMinutes: 0,
  minNoticeHours: 0,
  horizonDays: 365,
  arrivalWindowMinutes: null,
  requiredSkill: 'electricite',
};

// Monday to Friday, 8h–12h and 13h30–17h30.
const OFFICE_HOURS = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, startMinute: 8 * 60, endMinute: 12 * 60 },
  { weekday, startMinute: 13 * 60 + 30, endMinute: 17 * 60 + 30 },
]);

function technician(id: string, overrides: Partial<SlotTechnician> = {}): SlotTechnician {
  return { id, skills: ['electricite'], zones: ['75'], workingHours: OFFICE_HOURS, timeOff: [], appointments: [], ...overrides };
}

function input(overrides: Omit<Partial<SlotInput>, 'service'> & { service?: Partial<SlotService> } = {}): SlotInput {
  const { service, ...rest } = overrides;
  return {
    site: { postalCode: '75011' },
    technicians: [technician('t1')],
    range: { from: paris('2026-06-08 00:00'), to: paris('2026-06-13 00:00') },
    now: paris('2026-06-01 08:00'),
    ...rest,
    service: { ...SERVICE, ...service },
  };
}

const FULL_DAY = [
  '08:00',
  '08:30',
  '09:00',
  '09:30',
  '10:00',
  '10:30',
  '11:00',
  '13:30',
  '14:00',
  '14:30',
  '15:00',
  '15:30',
  '16:00',
  '16:30',
];

describe('computeSlots, examples', () => {
  it('offers every half hour of an ordinary week where an hour-long job fits', () => {
    const slots = computeSlots(
      input({ service: { minNoticeHours: 24 }, range: { from: paris('2026-06-06 00:00'), to: paris('2026-06-15 00:00') } }),
    );

    expect(daysWithSlots(slots)).toEqual(['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12']);
    for (const date of daysWithSlots(slots)) expect(startTimesOn(slots, date)).toEqual(FULL_DAY);
    expect(slots).toHaveLength(70);
    // 8h in Paris is 6h UTC in June.
    expect(slots[0]).toEqual({
      startsAt: new Date('2026-06-08T06:00:00.000Z'),
      endsAt: new Date('2026-06-08T07:00:00.000Z'),
      arrivalWindowStart: null,
      arrivalWindowEnd: null,
      technicianIds: ['t1'],
    });
  });

  it('keeps to the wall clock across the March change: 8h is 7h UTC on Friday and 6h UTC on Monday', () => {
    const slots = computeSlots(
      input({ range: { from: paris('2026-03-27 00:00'), to: paris('2026-03-31 00:00') }, now: paris('2026-03-20 00:00') }),
    );
    expect(daysWithSlots(slots)).toEqual(['2026-03-27', '2026-03-30']);
    expect(startTimesOn(slots, '2026-03-27')).toEqual(FULL_DAY);
    expect(startTimesOn(slots, '2026-03-30')).toEqual(FULL_DAY);
    expect(slots.filter((slot) => parisTime(slot.startsAt) === '08:00').map((slot) => slot.startsAt.toISOString())).toEqual([
      '2026-03-27T07:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
    ]);
  });

  it('starts no sooner than the minimum notice, a start exactly at the limit included', () => {
    const range = { from: paris('2026-06-08 00:00'), to: paris('2026-06-09 00:00') };
    const laterToday = computeSlots(input({ service: { minNoticeHours: 1 }, range, now: paris('2026-06-08 09:10') }));
    expect(startTimesOn(laterToday, '2026-06-08')).toEqual([
      '10:30',
      '11:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
    ]);

    const exactly = computeSlots(input({ service: { minNoticeHours: 1 }, range, now: paris('2026-06-08 09:00') }));
    expect(startTimesOn(exactly, '2026-06-08')[0]).toBe('10:00');

    const nextDay = computeSlots(
      input({
        service: { minNoticeHours: 24 },
        range: { from: range.from, to: paris('2026-06-10 00:00') },
        now: paris('2026-06-08 09:10'),
      }),
    );
    expect(daysWithSlots(nextDay)).toEqual(['2026-06-09']);
    expect(startTimesOn(nextDay, '2026-06-09')[0]).toBe('09:30');
  });

  it('counts the horizon in whole Paris days from the start of today', () => {
    const slots = computeSlots(
      input({
        service: { horizonDays: 2 },
        now: paris('2026-06-08 07:00'),
        range: { from: paris('2026-06-01 00:00'), to: paris('2026-06-30 00:00') },
      }),
    );
    expect(daysWithSlots(slots)).toEqual(['2026-06-08', '2026-06-09']);
    expect(startTimesOn(slots, '2026-06-09')).toEqual(FULL_DAY);
  });

  it('offers nothing on a public holiday (Ascension, Thursday 14 May 2026)', () => {
    const slots = computeSlots(
      input({ range: { from: paris('2026-05-11 00:00'), to: paris('2026-05-17 00:00') }, now: paris('2026-05-01 00:00') }),
    );
    expect(daysWithSlots(slots)).toEqual(['2026-05-11', '2026-05-12', '2026-05-13', '2026-05-15']);
  });

  it('avoids time off, without widening it by the service buffer', () => {
    const timeOff = [{ startsAt: paris('2026-06-09 10:00'), endsAt: paris('2026-06-09 15:00') }];
    const afternoonAfterTimeOff = ['15:00', '15:30', '16:00', '16:30'];

    const slots = computeSlots(input({ technicians: [technician('t1', { timeOff })] }));
    expect(startTimesOn(slots, '2026-06-09')).toEqual(['08:00', '08:30', '09:00', ...afternoonAfterTimeOff]);
    expect(startTimesOn(slots, '2026-06-10')).toEqual(FULL_DAY);

    const withBuffer = computeSlots(input({ service: { bufferMinutes: 30 }, technicians: [technician('t1', { timeOff })] }));
    expect(startTimesOn(withBuffer, '2026-06-09')).toEqual(['08:00', '08:30', '09:00', ...afternoonAfterTimeOff]);
  });

  it('keeps the new buffer plus the existing appointment’s own buffer free before and after it', () => {
    const appointments = [
      // Blocks [10:00 − 15 − 30, 11:00 + 15 + 30) = [9:15, 11:45) for an hour-long job.
      { startsAt: paris('2026-06-09 10:00'), endsAt: paris('2026-06-09 11:00'), bufferMinutes: 15 },
      // No own buffer: blocks [13:00, 14:30).
      { startsAt: paris('2026-06-09 13:30'), endsAt: paris('2026-06-09 14:00') },
    ];
    const slots = computeSlots(input({ service: { bufferMinutes: 30 }, technicians: [technician('t1', { appointments })] }));
    // 8:00–9:00 ends 15 minutes before the blocked time; 8:30–9:30 would run into it.
    // 14:30 starts exactly when the 13:30 appointment's end plus the new buffer is over.
    expect(startTimesOn(slots, '2026-06-09')).toEqual(['08:00', '14:30', '15:00', '15:30', '16:00', '16:30']);

    const withoutBuffers = computeSlots(
      input({ technicians: [technician('t1', { appointments: [{ ...appointments[0]!, bufferMinutes: 0 }] })] }),
    );
    expect(startTimesOn(withoutBuffers, '2026-06-09')).toEqual(['08:00', '08:30', '09:00', '11:00', ...FULL_DAY.slice(7)]);
  });

  it('lists only technicians with the skill whose zones hold a prefix of the postal code, sorted by id', () => {
    const technicians = [
      technician('d', { zones: ['92130'] }),
      technician('a', { zones: ['75'] }),
      technician('b', { skills: ['climatisation'], zones: ['92'] }),
      technician('c', { skills: ['climatisation', 'electricite'], zones: ['69', '921'] }),
      technician('e', { zones: ['', '93'] }),
    ];
    const slots = computeSlots(input({ site: { postalCode: '92130' }, technicians }));
    expect(new Set(slots.map((slot) => slot.technicianIds.join(',')))).toEqual(new Set(['c,d']));

    technicians[0] = technician('d', {
      zones: ['92130'],
      appointments: [{ startsAt: paris('2026-06-08 08:00'), endsAt: paris('2026-06-08 09:00') }],
    });
    const busyD = computeSlots(input({ site: { postalCode: '92130' }, technicians }));
    expect(busyD.slice(0, 3).map((slot) => [parisTime(slot.startsAt), slot.technicianIds])).toEqual([
      ['08:00', ['c']],
      ['08:30', ['c']],
      ['09:00', ['c', 'd']],
    ]);

    expect(computeSlots(input({ site: { postalCode: '13001' }, technicians }))).toEqual([]);
  });

  describe('arrival windows (hours 8h–12h and 13h30–17h30, windows of 2 h)', () => {
    const range = { from: paris('2026-06-08 00:00'), to: paris('2026-06-09 00:00') };
    const windows = (slots: Slot[]) =>
      slots.map(
        (slot) => `${parisTime(slot.arrivalWindowStart!)}–${parisTime(slot.arrivalWindowEnd!)} booked until ${parisTime(slot.endsAt)}`,
      );

    it('offers back-to-back windows from the start of each working interval, ignoring stepMinutes', () => {
      const slots = computeSlots(input({ service: { arrivalWindowMinutes: 120, durationMinutes: 90 }, range, stepMinutes: 15 }));
      expect(windows(slots)).toEqual([
        '08:00–10:00 booked until 09:30',
        '10:00–12:00 booked until 11:30',
        '13:30–15:30 booked until 15:00',
        '15:30–17:30 booked until 17:00',
      ]);
      expect(slots.every((slot) => slot.startsAt.getTime() === slot.arrivalWindowStart!.getTime())).toBe(true);
    });

    it('drops a window when the job booked from its start would run past the working interval', () => {
      const slots = computeSlots(input({ service: { arrivalWindowMinutes: 120, durationMinutes: 150 }, range }));
      expect(windows(slots)).toEqual(['08:00–10:00 booked until 10:30', '13:30–15:30 booked until 16:00']);
    });

    it('drops a window that would itself end after the working interval', () => {
      const hours = [
        { weekday: 1, startMinute: 8 * 60, endMinute: 12 * 60 },
        { weekday: 1, startMinute: 13 * 60 + 30, endMinute: 17 * 60 },
      ];
      const slots = computeSlots(
        input({
          service: { arrivalWindowMinutes: 120, durationMinutes: 60 },
          range,
          technicians: [technician('t1', { workingHours: hours })],
        }),
      );
      expect(windows(slots)).toEqual([
        '08:00–10:00 booked until 09:00',
        '10:00–12:00 booked until 11:00',
        '13:30–15:30 booked until 14:30',
      ]);
    });

    it('checks appointments against the booked time, not the whole window', () => {
      const firstWindowWith = (startsAt: string, endsAt: string) =>
        windows(
          computeSlots(
            input({
              service: { arrivalWindowMinutes: 120, durationMinutes: 90 },
              range,
              technicians: [technician('t1', { appointments: [{ startsAt: paris(startsAt), endsAt: paris(endsAt) }] })],
            }),
          ),
        )[0];
      // Inside the 8h–10h window but after the 8h–9h30 booking: the window stays on offer.
      expect(firstWindowWith('2026-06-08 09:30', '2026-06-08 10:00')).toBe('08:00–10:00 booked until 09:30');
      expect(firstWindowWith('2026-06-08 09:15', '2026-06-08 09:45')).toBe('10:00–12:00 booked until 11:30');
    });
  });

  describe('night hours on the DST change days', () => {
    const sundayNight = [technician('t1', { workingHours: [{ weekday: 7, startMinute: 60, endMinute: 4 * 60 }] })];

    it('folds the skipped hour of 29 March 2026: 1h–4h is two real hours', () => {
      const slots = computeSlots(
        input({
          technicians: sundayNight,
          now: paris('2026-03-01 00:00'),
          range: { from: paris('2026-03-29 00:00'), to: paris('2026-03-30 00:00') },
        }),
      );
      expect(slots.map((slot) => [slot.startsAt.toISOString(), parisTime(slot.startsAt)])).toEqual([
        ['2026-03-29T00:00:00.000Z', '01:00'],
        ['2026-03-29T00:30:00.000Z', '01:30'],
        // Wall-clock 2:00 does not exist; it moves forward to 3:00 CEST, and 3:00 itself is the same instant.
        ['2026-03-29T01:00:00.000Z', '03:00'],
      ]);
    });

    it('keeps looking after a shifted start of the skipped hour does not fit', () => {
      const hours = [{ weekday: 7, startMinute: 75, endMinute: 4 * 60 }];
      const slots = computeSlots(
        input({
          service: { durationMinutes: 30 },
          stepMinutes: 45,
          technicians: [technician('t1', { workingHours: hours })],
          now: paris('2026-03-01 00:00'),
          range: { from: paris('2026-03-29 00:00'), to: paris('2026-03-30 00:00') },
        }),
      );
      // Grid 1:15, 2:00, 2:45, 3:30: 2:00 moves to 3:00, 2:45 moves to 3:45 and would end
      // after 4:00, yet 3:30 fits.
      expect(slots.map((slot) => parisTime(slot.startsAt))).toEqual(['01:15', '03:00', '03:30']);
    });

    it('starts the repeated hour of 25 October 2026 once, in winter time: 1h–4h is four real hours', () => {
      const slots = computeSlots(
        input({
          technicians: sundayNight,
          now: paris('2026-10-01 00:00'),
          range: { from: paris('2026-10-25 00:00'), to: paris('2026-10-26 00:00') },
        }),
      );
      expect(slots.map((slot) => [slot.startsAt.toISOString(), parisTime(slot.startsAt)])).toEqual([
        ['2026-10-24T23:00:00.000Z', '01:00'],
        ['2026-10-24T23:30:00.000Z', '01:30'],
        ['2026-10-25T01:00:00.000Z', '02:00'],
        ['2026-10-25T01:30:00.000Z', '02:30'],
        ['2026-10-25T02:00:00.000Z', '03:00'],
      ]);
      expect(slots.map((slot) => parisOffsetMinutes(slot.startsAt))).toEqual([120, 120, 60, 60, 60]);
    });
  });

  it('returns nothing for an empty or past range', () => {
    expect(computeSlots(input({ range: { from: paris('2026-06-08 00:00'), to: paris('2026-06-08 00:00') } }))).toEqual([]);
    expect(computeSlots(input({ now: paris('2026-06-20 00:00') }))).toEqual([]);
  });

  it('rejects a step or duration that is not a positive whole number of minutes', () => {
    expect(() => computeSlots(input({ stepMinutes: 0 }))).toThrow(RangeError);
    expect(() => computeSlots(input({ service: { durationMinutes: 0 } }))).toThrow(RangeError);
    expect(() => computeSlots(input({ service: { arrivalWindowMinutes: 7.5 } }))).toThrow(RangeError);
  });
});

// Property tests. Random data is generated around the DST changes and a holiday, with
// Sundays and night-time hours common enough that the 2h–3h hours of both change days
// (both Sundays) get exercised, and most technicians eligible so that about half of the
// inputs produce slots (the other half try empty windows, notice and horizon edges).

const ANCHOR_DAYS = ['2026-03-29', '2026-10-25', '2026-05-14', '2026-12-24', '2027-03-28'];
const SKILLS = ['electricite', 'climatisation', 'borne'];
const ZONES = ['75', '750', '92', '921', '92130', '69', '13001'];
const POSTAL_CODES = ['75011', '92130', '92100', '69003', '13001'];

const minutesAfter = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * MINUTE);

const workingHoursArb = fc
  .record({
    weekday: fc.oneof(fc.integer({ min: 1, max: 7 }), fc.constant(7)),
    // Quarter hours between 6h and 14h line the technicians' grids up; any minute and the
    // night hours test the rest.
    startMinute: fc.oneof(
      { weight: 2, arbitrary: fc.integer({ min: 24, max: 56 }).map((quarter) => quarter * 15) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 1439 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 5 * 60 }) },
    ),
    // Mostly half-days; sometimes empty, inverted or too short for the job.
    lengthMinutes: fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 3 * 60, max: 10 * 60 }) },
      { weight: 1, arbitrary: fc.integer({ min: -30, max: 12 * 60 }) },
    ),
  })
  .map(({ weekday, startMinute, lengthMinutes }) => ({ weekday, startMinute, endMinute: Math.min(1440, startMinute + lengthMinutes) }));

// Minutes, often whole quarter hours, so that busy periods (and their buffers) end
// exactly where candidate slots begin and the boundaries get tested.
const minuteArb = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min: Math.ceil(min / 15), max: Math.floor(max / 15) }).map((quarter) => quarter * 15),
    fc.integer({ min, max }),
  );

const technicianArb = (anchorStart: Date) =>
  fc.record({
    id: fc.constantFrom('t1', 't2', 't3', 'T4', 'tech-10', 'zoé'),
    skills: fc.oneof({ weight: 3, arbitrary: fc.constant(SKILLS) }, { weight: 1, arbitrary: fc.subarray(SKILLS, { minLength: 1 }) }),
    zones: fc.oneof(
      { weight: 3, arbitrary: fc.constant(['75', '92', '69', '13']) },
      { weight: 1, arbitrary: fc.subarray(ZONES, { minLength: 1 }) },
    ),
    workingHours: fc.array(workingHoursArb, { minLength: 1, maxLength: 10 }),
    timeOff: fc.array(
      fc
        .record({ startMinute: minuteArb(-6 * 1440, 30 * 1440), lengthMinutes: minuteArb(1, 3 * 1440) })
        .map(({ startMinute, lengthMinutes }) => ({
          startsAt: minutesAfter(anchorStart, startMinute),
          endsAt: minutesAfter(anchorStart, startMinute + lengthMinutes),
        })),
      { maxLength: 3 },
    ),
    appointments: fc.array(
      fc
        .record({
          startMinute: minuteArb(-6 * 1440, 30 * 1440),
          lengthMinutes: minuteArb(15, 300),
          bufferMinutes: fc.option(minuteArb(0, 60), { nil: undefined }),
        })
        .map(({ startMinute, lengthMinutes, bufferMinutes }) => ({
          startsAt: minutesAfter(anchorStart, startMinute),
          endsAt: minutesAfter(anchorStart, startMinute + lengthMinutes),
          ...(bufferMinutes === undefined ? {} : { bufferMinutes }),
        })),
      { maxLength: 40 },
    ),
  });

const slotInputArb: fc.Arbitrary<SlotInput> = fc
  .record({ anchor: fc.constantFrom(...ANCHOR_DAYS), nowOffsetMinutes: minuteArb(-4 * 1440, 2 * 1440) })
  .map(({ anchor, nowOffsetMinutes }) => {
    const anchorStart = paris(`${anchor} 00:00`);
    return { anchorStart, now: minutesAfter(anchorStart, nowOffsetMinutes) };
  })
  .chain(({ anchorStart, now }) =>
    fc.record({
      service: fc.record({
        id: fc.constant('service'),
        durationMinutes: minuteArb(15, 300),
        bufferMinutes: minuteArb(0, 60),
        minNoticeHours: fc.integer({ min: 0, max: 72 }),
        horizonDays: fc.oneof(
          { weight: 9, arbitrary: fc.integer({ min: 3, max: 30 }) },
          { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 }) },
        ),
        arrivalWindowMinutes: fc.oneof(fc.constant(null), minuteArb(30, 240)),
        requiredSkill: fc.constantFrom(...SKILLS),
      }),
      site: fc.record({ postalCode: fc.constantFrom(...POSTAL_CODES) }),
      technicians: fc.uniqueArray(technicianArb(anchorStart), { selector: (candidate) => candidate.id, minLength: 1, maxLength: 4 }),
      range: fc
        .record({
          fromMinute: minuteArb(-2 * 1440, 6 * 1440),
          lengthMinutes: fc.oneof(
            { weight: 4, arbitrary: fc.integer({ min: 1440, max: 12 * 1440 }) },
            { weight: 1, arbitrary: fc.integer({ min: 0, max: 1440 }) },
          ),
        })
        .map(({ fromMinute, lengthMinutes }) => ({
          from: minutesAfter(now, fromMinute),
          to: minutesAfter(now, fromMinute + lengthMinutes),
        })),
      now: fc.constant(now),
      stepMinutes: fc.option(fc.constantFrom(15, 20, 30, 45, 60), { nil: undefined }),
    }),
  );

const overlaps = (startA: number, endA: number, startB: number, endB: number) => startA < endB && startB < endA;

function isoWeekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

function canServe(candidate: SlotTechnician, { service, site }: SlotInput): boolean {
  return (
    candidate.skills.includes(service.requiredSkill) && candidate.zones.some((zone) => zone !== '' && site.postalCode.startsWith(zone))
  );
}

/** The booking rules (DESIGN.md §4) the slot breaks for that technician, checked one at a time. */
function brokenRules(slot: Slot, candidate: SlotTechnician, slotInput: SlotInput): string[] {
  const { service, now, range } = slotInput;
  const start = slot.startsAt.getTime();
  const end = slot.endsAt.getTime();
  const windowMinutes = service.arrivalWindowMinutes;
  const mustFitMinutes = Math.max(service.durationMinutes, windowMinutes ?? 0);
  const buffer = service.bufferMinutes * MINUTE;

  const wall = parisWallClock(slot.startsAt);
  const startMinute = wall.hour * 60 + wall.minute;
  const fitEnd = start + mustFitMinutes * MINUTE;
  const dayStart = parisInstant(wall.year, wall.month, wall.day);
  const ordinaryDay = addParisDays(dayStart, 1).getTime() - dayStart.getTime() === 24 * HOUR;
  const insideWorkingHours = candidate.workingHours.some(
    (hours) =>
      hours.weekday === isoWeekday(wall.year, wall.month, wall.day) &&
      startMinute >= hours.startMinute &&
      // On a 24-hour day wall-clock minutes simply add up. On a change day the interval
      // is the real time between the instants its wall-clock bounds happen.
      (ordinaryDay
        ? startMinute + mustFitMinutes <= hours.endMinute
        : fitEnd <= parisInstant(wall.year, wall.month, wall.day, 0, hours.endMinute).getTime()),
  );

  const rules: [string, boolean][] = [
    ['lasts the service duration', end - start === service.durationMinutes * MINUTE],
    [
      'shows the arrival window of field services only',
      windowMinutes === null
        ? slot.arrivalWindowStart === null && slot.arrivalWindowEnd === null
        : slot.arrivalWindowStart?.getTime() === start && slot.arrivalWindowEnd?.getTime() === start + windowMinutes * MINUTE,
    ],
    ['technician has the skill and covers the zone', canServe(candidate, slotInput)],
    ['starts within the range', start >= range.from.getTime() && start < range.to.getTime()],
    ['respects the minimum notice', start >= now.getTime() + service.minNoticeHours * HOUR],
    ['starts before the horizon', start < addParisDays(startOfParisDay(now), service.horizonDays).getTime()],
    ['is not on a public holiday', !isFrenchPublicHoliday(parisDate(slot.startsAt))],
    ['lies within working hours', insideWorkingHours],
    ['misses time off', candidate.timeOff.every((off) => !overlaps(start, end, off.startsAt.getTime(), off.endsAt.getTime()))],
    [
      'keeps the buffers free around appointments',
      candidate.appointments.every((appointment) => {
        const own = (appointment.bufferMinutes ?? 0) * MINUTE;
        return !overlaps(start - buffer, end + buffer, appointment.startsAt.getTime() - own, appointment.endsAt.getTime() + own);
      }),
    ],
  ];
  return rules.filter(([, kept]) => !kept).map(([rule]) => `${slot.startsAt.toISOString()} ${candidate.id}: ${rule}`);
}

/**
 * A deliberately naive engine: every candidate through parisInstant, every conflict by
 * a linear scan. The real engine must find exactly the same slots.
 */
function naiveSlots(slotInput: SlotInput): [string, string[]][] {
  const { service, now, range } = slotInput;
  const step = service.arrivalWindowMinutes ?? slotInput.stepMinutes ?? 30;
  const mustFitMinutes = Math.max(service.durationMinutes, service.arrivalWindowMinutes ?? 0);
  const earliest = Math.max(range.from.getTime(), now.getTime() + service.minNoticeHours * HOUR);
  const horizonEnd = addParisDays(startOfParisDay(now), service.horizonDays).getTime();
  const buffer = service.bufferMinutes * MINUTE;
  const idsByStart = new Map<number, Set<string>>();
  const firstDay = parisWallClock(new Date(range.from.getTime() - 24 * HOUR));
  for (let offset = 0; offset <= 16; offset += 1) {
    const date = new Date(Date.UTC(firstDay.year, firstDay.month - 1, firstDay.day + offset));
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (isFrenchPublicHoliday(date.toISOString().slice(0, 10))) continue;
    for (const candidate of slotInput.technicians) {
      if (!canServe(candidate, slotInput)) continue;
      for (const hours of candidate.workingHours) {
        if (hours.weekday !== isoWeekday(year, month, day) || hours.startMinute < 0 || hours.endMinute > 1440) continue;
        const intervalEnd = parisInstant(year, month, day, 0, hours.endMinute).getTime();
        for (let minute = hours.startMinute; minute < hours.endMinute; minute += step) {
          const start = parisInstant(year, month, day, 0, minute).getTime();
          const end = start + service.durationMinutes * MINUTE;
          const free =
            start + mustFitMinutes * MINUTE <= intervalEnd &&
            start >= earliest &&
            start < range.to.getTime() &&
            start < horizonEnd &&
            candidate.timeOff.every((off) => !overlaps(start, end, off.startsAt.getTime(), off.endsAt.getTime())) &&
            candidate.appointments.every((appointment) => {
              const own = (appointment.bufferMinutes ?? 0) * MINUTE;
              return !overlaps(start - buffer, end + buffer, appointment.startsAt.getTime() - own, appointment.endsAt.getTime() + own);
            });
          if (free) idsByStart.set(start, (idsByStart.get(start) ?? new Set()).add(candidate.id));
        }
      }
    }
  }
  return [...idsByStart.entries()]
    .sort(([left], [right]) => left - right)
    .map(([start, ids]) => [new Date(start).toISOString(), [...ids].sort((left, right) => (left < right ? -1 : 1))]);
}

describe('computeSlots, properties', () => {
  it('offers only slots that break no booking rule, for each listed technician', () => {
    fc.assert(
      fc.property(slotInputArb, (slotInput) => {
        const byId = new Map(slotInput.technicians.map((candidate) => [candidate.id, candidate]));
        const broken = computeSlots(slotInput).flatMap((slot) =>
          slot.technicianIds.flatMap((id) => brokenRules(slot, byId.get(id)!, slotInput)),
        );
        expect(broken).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('sorts by start then technician id, with no duplicates and no empty slot', () => {
    fc.assert(
      fc.property(slotInputArb, (slotInput) => {
        const slots = computeSlots(slotInput);
        for (const [index, slot] of slots.entries()) {
          expect(slot.technicianIds.length).toBeGreaterThan(0);
          expect([...slot.technicianIds].sort()).toEqual(slot.technicianIds);
          expect(new Set(slot.technicianIds).size).toBe(slot.technicianIds.length);
          if (index > 0) expect(slot.startsAt.getTime()).toBeGreaterThan(slots[index - 1]!.startsAt.getTime());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: equal inputs in any technician order give equal outputs, and the input is left untouched', () => {
    fc.assert(
      fc.property(slotInputArb, (slotInput) => {
        const before = structuredClone(slotInput);
        const slots = computeSlots(slotInput);
        expect(slotInput).toEqual(before);
        expect(computeSlots(before)).toEqual(slots);
        expect(computeSlots({ ...slotInput, technicians: [...slotInput.technicians].reverse() })).toEqual(slots);
      }),
      { numRuns: 200 },
    );
  });

  it('finds exactly the slots a naive engine finds', () => {
    fc.assert(
      fc.property(slotInputArb, (slotInput) => {
        const actual = computeSlots(slotInput).map((slot): [string, string[]] => [slot.startsAt.toISOString(), slot.technicianIds]);
        expect(actual).toEqual(naiveSlots(slotInput));
      }),
      { numRuns: 200 },
    );
  });
});
