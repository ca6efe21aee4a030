/** Lower-case, accent-free text: what customer search compares against. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The searchable text of a customer: names, e-mails, SAGE code, and each phone both in
 * E.164 and in its French national form, so "06 12", "0612" and "+336 12" all match.
 */
export function customerSearchText(customer: {
  name: string;
  companyName?: string | null;
  sageAccount?: string | null;
  emails: string[];
  phones: string[];
  postalCodes?: string[];
}): string {
  const phoneForms = customer.phones.flatMap((phone) => (phone.startsWith('+33') ? [phone, `0${phone.slice(3)}`] : [phone]));
  return foldForSearch(
    [
      customer.name,
      customer.companyName ?? '',
      customer.sageAccount ?? '',
      ...customer.emails,
      ...phoneForms,
      ...(customer.postalCodes ?? []),
    ]
      .filter(Boolean)
      .join(' '),
  );
}
