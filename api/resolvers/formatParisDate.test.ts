import { describe, expect, it } from 'vitest';
import { formatParisDayAndHours, formatParisHour } from './formatParisDate.ts';

describe('appointment dates as people read them', () => {
  it('writes French days and hours with French typography, in Paris time', () => {
    expect(formatParisDayAndHours(new Date('2024-03-12T07:00:00Z'), new Date('2024-03-12T09:00:00Z'), 'fr')).toBe(
      'mardi 12 mars, 8 h – 10 h',
    );
    // Summer time: 12:30 UTC is 14:30 in Paris.
    expect(formatParisHour(new Date('2024-07-04T12:30:00Z'), 'fr')).toBe('14 h 30');
    expect(formatParisHour(new Date('2024-07-03T22:05:00Z'), 'fr')).toBe('0 h 05');
  });

  it('writes English days and hours on the 12-hour clock', () => {
    expect(formatParisDayAndHours(new Date('2024-03-12T07:00:00Z'), new Date('2024-03-12T09:00:00Z'), 'en')).toBe(
      'Tuesday 12 March, 8 am – 10 am',
    );
    expect(formatParisHour(new Date('2024-07-04T12:30:00Z'), 'en')).toBe('2:30 pm');
    expect(formatParisHour(new Date('2024-07-04T10:00:00Z'), 'en')).toBe('12 pm');
  });
});
