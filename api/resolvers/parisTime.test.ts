import { describe, expect, it } from 'vitest';
import { addParisDays, parisInstant, parisOffsetMinutes, startOfParisDay, startOfParisWeek } from './parisTime.ts';

describe('Europe/Paris time arithmetic', () => {
  it('knows winter and summer offsets', () => {
    expect(parisOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(parisOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(120);
  });

  it('starts the day at Paris midnight on both sides of the March change', () => {
    expect(startOfParisDay(new Date('2026-03-29T10:00:00Z')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfParisDay(new Date('2026-03-30T10:00:00Z')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // 00:30 UTC on 29 March is 01:30 in Paris, still the 29th.
    expect(startOfParisDay(new Date('2026-03-29T00:30:00Z')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('makes the last Sunday of March 23 hours long and of October 25 hours long', () => {
    const march = parisInstant(2026, 3, 29);
    expect((addParisDays(march, 1).getTime() - march.getTime()) / 3_600_000).toBe(23);
    const october = parisInstant(2026, 10, 25);
    expect((addParisDays(october, 1).getTime() - october.getTime()) / 3_600_000).toBe(25);
  });

  it('keeps 8 h as 8 h across a change', () => {
    const friday = parisInstant(2026, 10, 23, 8);
    expect(friday.toISOString()).toBe('2026-10-23T06:00:00.000Z');
    expect(addParisDays(friday, 3).toISOString()).toBe('2026-10-26T07:00:00.000Z');
  });

  it('moves a time skipped by the March change forward by the gap', () => {
    expect(parisInstant(2026, 3, 29, 2, 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('starts the week on Monday', () => {
    expect(startOfParisWeek(new Date('2026-11-22T23:30:00Z')).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(startOfParisWeek(new Date('2026-11-22T12:00:00Z')).toISOString()).toBe('2026-11-15T23:00:00.000Z');
  });
});
