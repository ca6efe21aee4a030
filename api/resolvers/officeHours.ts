// The office's opening hours: the time SLA targets are counted in. Europe/Paris
// wall-clock minutes per ISO weekday (1 = Monday); public holidays are closed whatever
// the weekday (frenchHolidays.ts).

export interface OfficeInterval {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

/** Monday to Friday, 08:00–12:00 and 13:30–18:00. */
export const OFFICE_HOURS: readonly OfficeInterval[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, startMinute: 8 * 60, endMinute: 12 * 60 },
  { weekday, startMinute: 13 * 60 + 30, endMinute: 18 * 60 },
]);

/** An SLA target is at risk once fewer office minutes than this remain before it is due. */
export const SLA_RISK_BUSINESS_MINUTES = 60;
