import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** E.164 form of a phone number typed in any usual way ("06 12 34 56 78", "+33 6…", "0033…"); null if it is not a valid number. French by default. */
export function normalizePhone(input: string): string | null {
  const cleaned = input.trim().replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(cleaned, 'FR');
  return parsed?.isValid() ? parsed.number : null;
}
