import { describe, expect, it } from 'vitest';
import { reminderRunAt } from './scheduleAppointmentReminder.ts';

const quietNights = { startMinute: 20 * 60, endMinute: 8 * 60 };

describe('when the appointment reminder goes out', () => {
  it('goes at 18:00 Paris time the day before', () => {
    // Tuesday 12 March 2024, 10:00 in Paris (UTC+1): Monday 18:00 is 17:00 UTC.
    expect(reminderRunAt(new Date('2024-03-12T09:00:00Z'), new Date('2024-03-01T12:00:00Z'), null)).toEqual(
      new Date('2024-03-11T17:00:00Z'),
    );
  });

  it('follows the clock change between the reminder and the appointment', () => {
    // Monday 1 April 2024 at 10:00 (UTC+2); the evening before is already summer time.
    expect(reminderRunAt(new Date('2024-04-01T08:00:00Z'), new Date('2024-03-20T12:00:00Z'), null)).toEqual(
      new Date('2024-03-31T16:00:00Z'),
    );
    // Sunday 31 March 2024 at 10:00 (UTC+2); Saturday 18:00 is still winter time.
    expect(reminderRunAt(new Date('2024-03-31T08:00:00Z'), new Date('2024-03-20T12:00:00Z'), null)).toEqual(
      new Date('2024-03-30T17:00:00Z'),
    );
  });

  it('goes at once when 18:00 the day before is past but the appointment is more than 2 hours away', () => {
    const now = new Date('2024-03-11T19:30:00Z');
    expect(reminderRunAt(new Date('2024-03-12T09:00:00Z'), now, null)).toEqual(now);
    expect(reminderRunAt(new Date('2024-03-11T21:31:00Z'), now, null)).toEqual(now);
  });

  it('is not sent at all 2 hours or less before the appointment', () => {
    const now = new Date('2024-03-12T07:00:00Z');
    expect(reminderRunAt(new Date('2024-03-12T09:00:00Z'), now, null)).toBeNull();
    expect(reminderRunAt(new Date('2024-03-12T08:00:00Z'), now, null)).toBeNull();
    expect(reminderRunAt(new Date('2024-03-12T06:00:00Z'), now, null)).toBeNull();
  });

  it('waits for the end of the quiet hours, unless that is too late', () => {
    // Booked at 22:00 Paris for 14:00 the next day: the reminder waits until 8:00.
    expect(reminderRunAt(new Date('2024-03-12T13:00:00Z'), new Date('2024-03-11T21:00:00Z'), quietNights)).toEqual(
      new Date('2024-03-12T07:00:00Z'),
    );
    // Booked at 2:00 Paris for 14:00 the same day: 8:00 that morning.
    expect(reminderRunAt(new Date('2024-03-12T13:00:00Z'), new Date('2024-03-12T01:00:00Z'), quietNights)).toEqual(
      new Date('2024-03-12T07:00:00Z'),
    );
    // Booked at 22:00 for 9:00: 8:00 would be an hour before, so no reminder.
    expect(reminderRunAt(new Date('2024-03-12T08:00:00Z'), new Date('2024-03-11T21:00:00Z'), quietNights)).toBeNull();
    // Quiet hours within a day (12:00–14:00) move 18:00 nowhere, and a 12:30 send to 14:00.
    const lunch = { startMinute: 12 * 60, endMinute: 14 * 60 };
    expect(reminderRunAt(new Date('2024-03-12T09:00:00Z'), new Date('2024-03-01T12:00:00Z'), lunch)).toEqual(
      new Date('2024-03-11T17:00:00Z'),
    );
    expect(reminderRunAt(new Date('2024-03-12T17:00:00Z'), new Date('2024-03-12T11:30:00Z'), lunch)).toEqual(
      new Date('2024-03-12T13:00:00Z'),
    );
  });
});
