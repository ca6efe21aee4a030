// French public holidays (jours fériés) in metropolitan France. Alsace-Moselle's extra
// days (Vendredi saint, 26 décembre) are not included: the company works outside it.
// Dates are calendar days (YYYY-MM-DD), so nothing here depends on a time zone.

export interface FrenchPublicHoliday {
  /** Calendar day, YYYY-MM-DD. */
  date: string;
  /** French name, as shown to customers and staff. */
  name: string;
}

const DAY_MS = 86_400_000;

function calendarDay(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function daysAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Easter Sunday in the Gregorian calendar (anonymous algorithm, a.k.a. Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return calendarDay(year, month, day);
}

/** The 11 metropolitan public holidays of the year, in calendar order. */
export function frenchPublicHolidays(year: number): FrenchPublicHoliday[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`No Gregorian public holidays for year ${year}`);
  }
  const easter = easterSunday(year);
  const holidays: FrenchPublicHoliday[] = [
    { date: calendarDay(year, 1, 1), name: "Jour de l'an" },
    { date: daysAfter(easter, 1), name: 'Lundi de Pâques' },
    { date: calendarDay(year, 5, 1), name: 'Fête du Travail' },
    { date: calendarDay(year, 5, 8), name: 'Victoire 1945' },
    { date: daysAfter(easter, 39), name: 'Ascension' },
    { date: daysAfter(easter, 50), name: 'Lundi de Pentecôte' },
    { date: calendarDay(year, 7, 14), name: 'Fête nationale' },
    { date: calendarDay(year, 8, 15), name: 'Assomption' },
    { date: calendarDay(year, 11, 1), name: 'Toussaint' },
    { date: calendarDay(year, 11, 11), name: 'Armistice 1918' },
    { date: calendarDay(year, 12, 25), name: 'Noël' },
  ];
  // Ascension can fall on 1 or 8 May; the list stays in calendar order either way.
  return holidays.sort((left, right) => (left.date < right.date ? -1 : left.date > right.date ? 1 : 0));
}

// The slot engine asks once per candidate day; the holidays of a year never change.
const holidayDatesByYear = new Map<number, ReadonlySet<string>>();

/** Whether the calendar day (YYYY-MM-DD) is a public holiday in metropolitan France. */
export function isFrenchPublicHoliday(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const year = Number(date.slice(0, 4));
  let dates = holidayDatesByYear.get(year);
  if (!dates) {
    dates = new Set(frenchPublicHolidays(year).map((holiday) => holiday.date));
    holidayDatesByYear.set(year, dates);
  }
  return dates.has(date);
}
