import { describe, expect, it } from 'vitest';
import { parseIcs } from '../test/parseIcs.ts';
import { buildIcsCalendar, type IcsEvent } from './buildIcsCalendar.ts';

const event: IcsEvent = {
  uid: 'appointment-abc123@relais',
  sequence: 3,
  status: 'CONFIRMED',
  startsAt: new Date('2024-03-12T07:00:00Z'),
  endsAt: new Date('2024-03-12T09:00:00Z'),
  summary: 'Dépannage',
  location: '12 rue Oberkampf, 75011 Paris',
  description: 'Arrivée du technicien entre 8 h et 10 h\nTechnicien : Gaëtan Martin',
  organizer: { email: 'contact@duret-electricite.fr', name: 'Duret Électricité' },
  attendees: [{ email: 'marie.dupont@example.fr', name: 'Marie Dupont' }],
};

function physicalLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  return text.slice(0, -2).split('\r\n');
}

function unfolded(text: string): string[] {
  return text.replace(/\r\n /g, '').split('\r\n');
}

describe('iCalendar generation', () => {
  it('writes an event that a calendar parser reads back field by field', () => {
    const before = Date.now();
    const text = buildIcsCalendar({ name: 'Duret Électricité', method: 'REQUEST', events: [event] });
    const calendar = parseIcs(text);
    expect(calendar.method).toBe('REQUEST');
    expect(calendar.name).toBe('Duret Électricité');
    expect(calendar.events).toHaveLength(1);
    const parsed = calendar.events[0]!;
    expect(parsed).toMatchObject({
      uid: 'appointment-abc123@relais',
      sequence: 3,
      status: 'CONFIRMED',
      summary: 'Dépannage',
      location: '12 rue Oberkampf, 75011 Paris',
      description: 'Arrivée du technicien entre 8 h et 10 h\nTechnicien : Gaëtan Martin',
      startsAt: new Date('2024-03-12T07:00:00Z'),
      endsAt: new Date('2024-03-12T09:00:00Z'),
      startsAtIsUtc: true,
      organizer: 'mailto:contact@duret-electricite.fr',
      organizerName: 'Duret Électricité',
      attendees: ['mailto:marie.dupont@example.fr'],
    });
    expect(parsed.stampedAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    const lines = unfolded(text);
    expect(lines).toContain('DTSTART:20240312T070000Z');
    expect(lines).toContain('DTEND:20240312T090000Z');
    expect(lines.find((line) => line.startsWith('DTSTAMP:'))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(lines).toContain('ATTENDEE;CN="Marie Dupont";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:marie.dupont@example.fr');
  });

  it('ends every line with CRLF and folds at 75 octets without cutting an accented character or an emoji', () => {
    const description = `${'Accès par la cour, côté rue. Prévoir l’échelle ; clé chez la gardienne. '.repeat(6)}🔌⚡ fin`;
    const text = buildIcsCalendar({ name: 'Planning', events: [{ ...event, description }] });
    const lines = physicalLines(text);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const descriptionLines = lines.slice(lines.findIndex((line) => line.startsWith('DESCRIPTION:')));
    expect(descriptionLines.length).toBeGreaterThan(5);
    // Every continuation starts with one space, and each physical line is whole UTF-8 on its own.
    for (const line of descriptionLines.slice(1, 5)) expect(line).toMatch(/^ \S/);
    for (const line of lines) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    expect(parseIcs(text).events[0]!.description).toBe(description);
  });

  it('folds a line of exactly 75 octets not at all and one of 76 once', () => {
    const prefix = 'SUMMARY:';
    const fits = buildIcsCalendar({ name: 'x', events: [{ ...event, summary: 'a'.repeat(75 - prefix.length) }] });
    expect(physicalLines(fits)).toContain(`${prefix}${'a'.repeat(67)}`);
    const overflows = buildIcsCalendar({ name: 'x', events: [{ ...event, summary: `${'a'.repeat(66)}é` }] });
    // "é" is two octets: it moves whole to the continuation line.
    expect(physicalLines(overflows)).toEqual(expect.arrayContaining([`${prefix}${'a'.repeat(66)}`, ' é']));
  });

  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    const summary = 'Dépannage; tableau, disjoncteur \\ prise';
    const description = 'Ligne 1\r\nLigne 2\nLigne 3';
    const text = buildIcsCalendar({ name: 'Planning, équipe; nord', events: [{ ...event, summary, description }] });
    const lines = unfolded(text);
    expect(lines).toContain('SUMMARY:Dépannage\\; tableau\\, disjoncteur \\\\ prise');
    expect(lines).toContain('DESCRIPTION:Ligne 1\\nLigne 2\\nLigne 3');
    expect(lines).toContain('X-WR-CALNAME:Planning\\, équipe\\; nord');
    // ical.js reads X- properties raw (the RFC says TEXT), so only the event's fields are compared parsed.
    expect(parseIcs(text).events[0]).toMatchObject({
      summary,
      description: 'Ligne 1\nLigne 2\nLigne 3',
      location: '12 rue Oberkampf, 75011 Paris',
    });
  });

  it('keeps control characters and stray quotes out of values and parameters', () => {
    const text = buildIcsCalendar({
      name: 'Planning',
      events: [
        {
          ...event,
          summary: 'Dépannage\u0000\u0007 urgent',
          organizer: { email: 'contact@duret-electricite.fr', name: 'Duret "Élec"\nParis' },
        },
      ],
    });
    const lines = unfolded(text);
    expect(lines).toContain('SUMMARY:Dépannage urgent');
    expect(lines).toContain('ORGANIZER;CN="Duret  Élec  Paris":mailto:contact@duret-electricite.fr');
    expect(parseIcs(text).events[0]!.organizerName).toBe('Duret  Élec  Paris');
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED, and publishes by default', () => {
    const cancelled = parseIcs(buildIcsCalendar({ name: 'x', method: 'CANCEL', events: [{ ...event, status: 'CANCELLED', sequence: 4 }] }));
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.events[0]).toMatchObject({ status: 'CANCELLED', sequence: 4 });
    const feed = parseIcs(buildIcsCalendar({ name: 'x', events: [] }));
    expect(feed).toEqual({ method: 'PUBLISH', name: 'x', events: [] });
  });
});
