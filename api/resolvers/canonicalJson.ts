// Canonical JSON and SHA-256 for signature evidence. Shared with the PWA, which hashes
// what it shows the customer exactly as the server hashes what it stored: this file and
// the content files built on it import nothing but each other (no Node built-ins).

export type CanonicalValue = null | boolean | number | string | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue };

/**
 * One text per value: object keys sorted by UTF-16 code units, no whitespace, strings
 * escaped as JSON.stringify does, and integers only, since float formatting is where two
 * implementations would drift apart.
 */
export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`Canonical JSON holds integers only, not ${value}.`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map((item: CanonicalValue) => canonicalJson(item)).join(',')}]`;
  const object = value as { readonly [key: string]: CanonicalValue };
  return `{${Object.keys(object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key]!)}`)
    .join(',')}}`;
}

/** Items in the order of their canonical text: for lists whose order carries no meaning. */
export function sortCanonically<Item extends CanonicalValue>(items: readonly Item[]): Item[] {
  return items
    .map((item) => ({ item, text: canonicalJson(item) }))
    .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .map(({ item }) => item);
}

/** Lower-case hex SHA-256 of the text's UTF-8 bytes (Web Crypto, present in browsers and Node alike). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Free text as the API stores it: NFC, trimmed, and null when empty. */
export function canonicalText(value: string | null | undefined): string | null {
  const text = value?.normalize('NFC').trim() ?? '';
  return text === '' ? null : text;
}

/** A quantity (at most three decimals, as the database keeps it) in thousandths: 1.5 → 1500. */
export function quantityInThousandths(quantity: number | string): number {
  return Math.round(Number(quantity) * 1000);
}

/** An instant as an ISO-8601 UTC string with milliseconds, whatever form it came in. */
export function canonicalInstant(instant: Date | string): string {
  return new Date(instant).toISOString();
}
