// Dates, times, amounts and phone numbers as the office writes them:
// "mardi 12 mars, 8 h – 10 h", "1 234,50 € TTC", "06 12 34 56 78".
import { intlLocale, locale, t } from './index';
import { companyTimeZone, parisParts } from './parisTime';

/** A DateTime as the API sends it (an ISO-8601 string), or a Date. */
export type DateTimeValue = string | Date;

const toDate = (value: DateTimeValue): Date => (typeof value === 'string' ? new Date(value) : value);

/** "mardi 12 mars" (with the year when it is not the current one). */
export function formatDay(value: DateTimeValue): string {
  const date = toDate(value);
  const sameYear = parisParts(date).year === parisParts(new Date()).year;
  return new Intl.DateTimeFormat(intlLocale(), {
    timeZone: companyTimeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
}

/** "mar." (weekday) and "12" (day of the month): the two lines of a day in a week strip. */
export function formatDayShort(value: DateTimeValue): { weekday: string; day: string } {
  const date = toDate(value);
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(intlLocale(), { timeZone: companyTimeZone, ...options }).format(date);
  return { weekday: format({ weekday: 'short' }), day: format({ day: 'numeric' }) };
}

/** "23 – 28 novembre", "30 nov. – 5 déc.": a span of days such as a week. */
export function formatDayRange(first: DateTimeValue, last: DateTimeValue): string {
  return new Intl.DateTimeFormat(intlLocale(), { timeZone: companyTimeZone, day: 'numeric', month: 'long' }).formatRange(
    toDate(first),
    toDate(last),
  );
}

/** "12 mars 2026". */
export function formatDate(value: DateTimeValue): string {
  return new Intl.DateTimeFormat(intlLocale(), { timeZone: companyTimeZone, dateStyle: 'long' }).format(toDate(value));
}

/** "8 h", "8 h 30" in French; "08:30" in English. */
export function formatTime(value: DateTimeValue): string {
  const date = toDate(value);
  if (locale() === 'en') {
    return new Intl.DateTimeFormat('en-GB', { timeZone: companyTimeZone, hour: '2-digit', minute: '2-digit' }).format(date);
  }
  const { hour, minute } = parisParts(date);
  return minute === 0 ? `${hour}\u00a0h` : `${hour}\u00a0h\u00a0${String(minute).padStart(2, '0')}`;
}

/** "8 h – 10 h". */
export function formatTimeRange(start: DateTimeValue, end: DateTimeValue): string {
  return `${formatTime(start)}\u00a0– ${formatTime(end)}`;
}

/** "12 mars, 9 h 15": for events such as calls. */
export function formatDateTime(value: DateTimeValue): string {
  const date = toDate(value);
  const day = new Intl.DateTimeFormat(intlLocale(), { timeZone: companyTimeZone, day: 'numeric', month: 'short' }).format(date);
  return `${day}, ${formatTime(date)}`;
}

export interface AppointmentTiming {
  startsAt: DateTimeValue;
  endsAt: DateTimeValue;
  arrivalWindowStart?: DateTimeValue | null;
  arrivalWindowEnd?: DateTimeValue | null;
}

/** The hours a customer should expect: the arrival window when there is one, else the booked time. */
export function formatAppointmentHours(appointment: AppointmentTiming): string {
  const { arrivalWindowStart, arrivalWindowEnd } = appointment;
  return arrivalWindowStart && arrivalWindowEnd
    ? formatTimeRange(arrivalWindowStart, arrivalWindowEnd)
    : formatTimeRange(appointment.startsAt, appointment.endsAt);
}

/** "mardi 12 mars, 8 h – 10 h". */
export function formatAppointmentWhen(appointment: AppointmentTiming): string {
  return `${formatDay(appointment.startsAt)}, ${formatAppointmentHours(appointment)}`;
}

/** "1 234,50 € TTC" (tax included) or "1 234,50 €". */
export function formatMoney(cents: number, options: { taxIncluded?: boolean } = {}): string {
  const amount = new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: 'EUR' }).format(cents / 100);
  return options.taxIncluded ? `${amount}\u00a0${t('money.taxIncluded')}` : amount;
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(intlLocale()).format(value);
}

/** French numbers in the national form "06 12 34 56 78"; other countries stay international. */
export function formatPhone(e164: string): string {
  const french = /^\+33(\d{9})$/.exec(e164);
  if (!french?.[1]) return e164;
  return `0${french[1]}`.replace(/(\d{2})(?=\d)/g, '$1\u00a0');
}

/** "45 min", "1 h 30", "2 h": how long a job takes. */
export function formatMinutes(totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes}\u00a0min`;
  if (locale() === 'en') return minutes === 0 ? `${hours}\u00a0h` : `${hours}\u00a0h\u00a0${minutes}\u00a0min`;
  return minutes === 0 ? `${hours}\u00a0h` : `${hours}\u00a0h\u00a0${String(minutes).padStart(2, '0')}`;
}

/** "3 min 05 s". */
export function formatDuration(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return minutes === 0 ? `${seconds}\u00a0s` : `${minutes}\u00a0min\u00a0${String(seconds).padStart(2, '0')}\u00a0s`;
}

export interface PostalAddress {
  street: string;
  postalCode: string;
  city: string;
}

/** "12 rue des Lilas, 69003 Lyon". */
export function formatAddress(address: PostalAddress): string {
  return `${address.street}, ${address.postalCode}\u00a0${address.city}`;
}
