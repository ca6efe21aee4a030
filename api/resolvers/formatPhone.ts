import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A stored E.164 number as people dial it: "01 45 00 00 00" in France, international form otherwise. */
export function formatPhoneForDisplay(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === 'FR' ? parsed.formatNational() : parsed.formatInternational();
}
