// Reads iCalendar text back with a real parser (ical.js), as a calendar app would.
import ICAL from 'ical.js';

export interface ParsedIcsEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  location: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  /** True when DTSTART is a UTC time (…Z). */
  startsAtIsUtc: boolean;
  organizer: string | null;
  organizerName: string | null;
  attendees: string[];
  stampedAt: Date;
}

export function parseIcs(text: string): { method: string | null; name: string | null; events: ParsedIcsEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const organizer = component.getFirstProperty('organizer');
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(component.getFirstPropertyValue('status')),
      summary: event.summary,
      location: event.location,
      description: event.description,
      startsAt: event.startDate.toJSDate(),
      endsAt: event.endDate.toJSDate(),
      startsAtIsUtc: event.startDate.zone === ICAL.Timezone.utcTimezone,
      organizer: organizer ? String(organizer.getFirstValue()) : null,
      organizerName: organizer ? ((organizer.getParameter('cn') as string | undefined) ?? null) : null,
      attendees: event.attendees.map((attendee) => String(attendee.getFirstValue())),
      stampedAt: (component.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate(),
    };
  });
  const method = calendar.getFirstPropertyValue('method');
  const name = calendar.getFirstPropertyValue('x-wr-calname');
  return { method: method ? String(method) : null, name: name ? String(name) : null, events };
}
