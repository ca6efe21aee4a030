// iCalendar (RFC 5545) text for appointment invites and technicians' calendar feeds.
// Written by hand: the subset used here is small, and what clients are strict about
// (CRLF, folding at 75 octets, TEXT escaping, UTC times) is easy to get right and to test.

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export interface IcsPerson {
  email: string;
  name?: string;
}

export interface IcsEvent {
  /** Stable across versions of the event, so calendars update it instead of adding a copy. */
  uid: string;
  /** Grows with every change; calendars ignore an update whose sequence is not higher. */
  sequence: number;
  status: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location?: string;
  description?: string;
  organizer?: IcsPerson;
  attendees?: IcsPerson[];
}

const maxLineOctets = 75;

/** A whole VCALENDAR with CRLF line endings, ready to serve or attach. */
export function buildIcsCalendar(calendar: { name: string; events: IcsEvent[]; method?: IcsMethod }): string {
  const stamp = icsUtcTime(new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Relais//Relais//FR',
    'CALSCALE:GREGORIAN',
    `METHOD:${calendar.method ?? 'PUBLISH'}`,
    `NAME:${escapeText(calendar.name)}`,
    // Outlook and Apple Calendar still read the pre-RFC 7986 name.
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...calendar.events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${icsUtcTime(event.startsAt)}`,
    `DTEND:${icsUtcTime(event.endsAt)}`,
    `STATUS:${event.status}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.organizer ? [`ORGANIZER${nameParameter(event.organizer)}:${mailtoUri(event.organizer)}`] : []),
    // RSVP=FALSE: the customer booked it themselves, their mail client must not send replies.
    ...(event.attendees ?? []).map(
      (attendee) => `ATTENDEE${nameParameter(attendee)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:${mailtoUri(attendee)}`,
    ),
    'END:VEVENT',
  ];
}

/** 20240312T070000Z */
function icsUtcTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '');
}

/** RFC 5545 §3.3.11: backslash, semicolon and comma are escaped, line breaks become \n. */
function escapeText(value: string): string {
  return withoutControlCharacters(value.replace(/\r\n?/g, '\n'))
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\n/g, '\\n');
}

/** Parameter values cannot be escaped, only quoted, and may not hold a double quote. */
function nameParameter(person: IcsPerson): string {
  const name = withoutControlCharacters(person.name ?? '')
    .replace(/[\n"]/g, ' ')
    .trim();
  return name ? `;CN="${name}"` : '';
}

function mailtoUri(person: IcsPerson): string {
  return `mailto:${withoutControlCharacters(person.email).replace(/\s/g, '')}`;
}

/** Keeps tabs and line feeds; TEXT values may not carry any other control character. */
function withoutControlCharacters(value: string): string {
  return [...value]
    .filter((character) => {
      const code = character.codePointAt(0)!;
      return code === 0x09 || code === 0x0a || (code >= 0x20 && code !== 0x7f);
    })
    .join('');
}

/**
 * Folds a content line so that no physical line exceeds 75 octets of UTF-8 (the leading
 * space of a continuation counts), never cutting inside a character.
 */
function foldLine(line: string): string {
  let folded = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > maxLineOctets) {
      folded += '\r\n ';
      octets = 1;
    }
    folded += character;
    octets += size;
  }
  return folded;
}
