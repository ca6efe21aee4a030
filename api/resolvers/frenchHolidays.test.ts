import { describe, expect, it } from 'vitest';
import { easterSunday, frenchPublicHolidays, isFrenchPublicHoliday } from './frenchHolidays.ts';

describe('easterSunday', () => {
  it.each([
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    // The extremes of the Gregorian range: 22 March and 25 April.
    [2285, '2285-03-22'],
    [2038, '2038-04-25'],
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('frenchPublicHolidays', () => {
  it('lists the 11 metropolitan holidays of 2026 in calendar order with their French names', () => {
    expect(frenchPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: "Jour de l'an" },
      { date: '2026-04-06', name: 'Lundi de Pâques' },
      { date: '2026-05-01', name: 'Fête du Travail' },
      { date: '2026-05-08', name: 'Victoire 1945' },
      { date: '2026-05-14', name: 'Ascension' },
      { date: '2026-05-25', name: 'Lundi de Pentecôte' },
      { date: '2026-07-14', name: 'Fête nationale' },
      { date: '2026-08-15', name: 'Assomption' },
      { date: '2026-11-01', name: 'Toussaint' },
      { date: '2026-11-11', name: 'Armistice 1918' },
      { date: '2026-12-25', name: 'Noël' },
    ]);
  });

  it('moves the Easter-based holidays with Easter', () => {
    const movable = (year: number) =>
      frenchPublicHolidays(year)
        .filter((holiday) => ['Lundi de Pâques', 'Ascension', 'Lundi de Pentecôte'].includes(holiday.name))
        .map((holiday) => holiday.date);
    expect(movable(2025)).toEqual(['2025-04-21', '2025-05-29', '2025-06-09']);
    expect(movable(2027)).toEqual(['2027-03-29', '2027-05-06', '2027-05-17']);
  });

  it('keeps both holidays when Ascension falls on 1 May', () => {
    const firstOfMay = frenchPublicHolidays(2008).filter((holiday) => holiday.date === '2008-05-01');
    expect(firstOfMay.map((holiday) => holiday.name)).toEqual(['Fête du Travail', 'Ascension']);
    expect(frenchPublicHolidays(2008)).toHaveLength(11);
  });

  it('rejects years outside the Gregorian calendar', () => {
    expect(() => frenchPublicHolidays(1500)).toThrow(RangeError);
    expect(() => frenchPublicHolidays(2026.5)).toThrow(RangeError);
  });
});

describe('isFrenchPublicHoliday', () => {
  it.each(['2026-04-06', '2026-05-14', '2026-05-25', '2027-03-29', '2026-12-25', '2027-01-01'])('%s is a holiday', (date) => {
    expect(isFrenchPublicHoliday(date)).toBe(true);
  });

  it.each(['2026-04-05', '2026-05-13', '2026-05-26', '2026-12-26', '2027-03-28'])('%s is not a holiday', (date) => {
    expect(isFrenchPublicHoliday(date)).toBe(false);
  });

  it('rejects anything but a YYYY-MM-DD day', () => {
    expect(() => isFrenchPublicHoliday('14/05/2026')).toThrow(RangeError);
  });
});
