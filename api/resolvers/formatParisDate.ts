// Appointment dates and hours as customers and technicians read them, always in
// Europe/Paris time, with French typography ("mardi 12 mars, 8 h – 10 h").
import type { Locale } from '../generated/prisma/client.ts';
import { parisWallClock } from './parisTime.ts';

const dayFormats: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long' }),
};

/** "mardi 12 mars" / "Tuesday 12 March". */
export function formatParisDay(instant: Date, locale: Locale): string {
  return dayFormats[locale].format(instant);
}

/** "8 h", "14 h 30" / "8 am", "2:30 pm". */
export function formatParisHour(instant: Date, locale: Locale): string {
  const { hour, minute } = parisWallClock(instant);
  const minutes = String(minute).padStart(2, '0');
  if (locale === 'fr') return minute === 0 ? `${hour} h` : `${hour} h ${minutes}`;
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const suffix = hour < 12 ? 'am' : 'pm';
  return minute === 0 ? `${hour12} ${suffix}` : `${hour12}:${minutes} ${suffix}`;
}

/** "mardi 12 mars, 8 h – 10 h" / "Tuesday 12 March, 8 am – 10 am". */
export function formatParisDayAndHours(start: Date, end: Date, locale: Locale): string {
  return `${formatParisDay(start, locale)}, ${formatParisHour(start, locale)} – ${formatParisHour(end, locale)}`;
}
