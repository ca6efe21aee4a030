// Why a period does not fit in a technician's row of the board, in words for the office.
import type { PlanningRowFragment } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatTimeRange } from '../../i18n/format';
import { parisMinuteOfDay, parisWeekday, startOfParisDay } from '../../i18n/parisTime';
import { overlaps } from './timeline';

export interface Period {
  startsAt: Date;
  endsAt: Date;
}

/** The appointment or time off of the row that the period overlaps (the appointment being moved aside). */
export function rowConflict(row: PlanningRowFragment, period: Period, ignoredAppointmentId?: string): string | undefined {
  const clash = row.appointments.find(
    (other) =>
      other.id !== ignoredAppointmentId &&
      other.status !== 'CANCELLED' &&
      overlaps(period, { startsAt: new Date(other.startsAt), endsAt: new Date(other.endsAt) }),
  );
  if (clash)
    return t('planning.overlapsAppointment', { customer: clash.customer.name, hours: formatTimeRange(clash.startsAt, clash.endsAt) });
  const absence = row.timeOff.find((off) => overlaps(period, { startsAt: new Date(off.startsAt), endsAt: new Date(off.endsAt) }));
  return absence ? t('planning.overlapsTimeOff', { name: row.technician.name }) : undefined;
}

/** Whether the period lies within one of the technician's working intervals that day. */
export function withinWorkingHours(row: PlanningRowFragment, period: Period): boolean {
  const weekday = parisWeekday(period.startsAt);
  const start = parisMinuteOfDay(period.startsAt);
  const sameDay = period.endsAt <= startOfParisDay(period.startsAt, 1);
  const end = sameDay ? parisMinuteOfDay(period.endsAt) || 24 * 60 : Number.POSITIVE_INFINITY;
  return row.workingHours.some((hours) => hours.weekday === weekday && hours.startMinute <= start && end <= hours.endMinute);
}
