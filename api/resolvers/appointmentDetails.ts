// What the appointment e-mails and calendar entries say about one appointment, in one
// place so that the customer's invite, their e-mail and the technician's feed agree.
import type { Locale, Prisma } from '../generated/prisma/client.ts';
import type { IcsEvent, IcsPerson } from './buildIcsCalendar.ts';
import { formatParisHour } from './formatParisDate.ts';
import { formatPhoneForDisplay } from './formatPhone.ts';

export const appointmentDetailsSelect = {
  id: true,
  version: true,
  status: true,
  startsAt: true,
  endsAt: true,
  arrivalWindowStart: true,
  arrivalWindowEnd: true,
  notes: true,
  service: { select: { name: true, nameEn: true, cancelCutoffHours: true } },
  site: { select: { street: true, postalCode: true, city: true, accessNotes: true } },
  customer: {
    select: {
      id: true,
      name: true,
      firstName: true,
      lastName: true,
      phones: true,
      emails: true,
      consentEmail: true,
      erasedAt: true,
      users: { where: { role: 'CLIENT' }, orderBy: { createdAt: 'asc' }, take: 1, select: { locale: true } },
    },
  },
  technician: { select: { user: { select: { name: true } } } },
} satisfies Prisma.AppointmentSelect;

export type AppointmentDetails = Prisma.AppointmentGetPayload<{ select: typeof appointmentDetailsSelect }>;

/** Who the calendar entry is for: the customer gets how to change it, the technician how to reach the customer. */
export type CalendarAudience =
  { kind: 'customer'; locale: Locale; attendee: IcsPerson; manageUrl: string; companyPhone: string | null } | { kind: 'technician' };

export function serviceName(appointment: AppointmentDetails, locale: Locale): string {
  return locale === 'en' ? appointment.service.nameEn : appointment.service.name;
}

/** "12 rue Oberkampf, 75011 Paris" (a site, or any postal address) */
export function siteAddress(site: { street: string; postalCode: string; city: string }): string {
  return `${site.street}, ${site.postalCode} ${site.city}`;
}

/** The hours promised to the customer: the arrival window of field services, else the booked time. */
export function promisedHours(appointment: AppointmentDetails): { start: Date; end: Date } {
  return appointment.arrivalWindowStart && appointment.arrivalWindowEnd
    ? { start: appointment.arrivalWindowStart, end: appointment.arrivalWindowEnd }
    : { start: appointment.startsAt, end: appointment.endsAt };
}

/** "Arrivée du technicien entre 8 h et 10 h" / "Rendez-vous à 14 h". */
export function arrivalSentence(appointment: AppointmentDetails, locale: Locale): string {
  const hour = (instant: Date) => formatParisHour(instant, locale);
  if (appointment.arrivalWindowStart && appointment.arrivalWindowEnd) {
    const [from, to] = [hour(appointment.arrivalWindowStart), hour(appointment.arrivalWindowEnd)];
    return locale === 'en' ? `The technician arrives between ${from} and ${to}` : `Arrivée du technicien entre ${from} et ${to}`;
  }
  return locale === 'en' ? `Appointment at ${hour(appointment.startsAt)}` : `Rendez-vous à ${hour(appointment.startsAt)}`;
}

export function appointmentCalendarEvent(
  appointment: AppointmentDetails,
  audience: CalendarAudience,
  organizer: IcsPerson | null,
): IcsEvent {
  const locale = audience.kind === 'customer' ? audience.locale : 'fr';
  const technicianName = appointment.technician?.user.name;
  const description =
    audience.kind === 'customer'
      ? [
          arrivalSentence(appointment, locale),
          technicianName && (locale === 'en' ? `Technician: ${technicianName}` : `Technicien : ${technicianName}`),
          locale === 'en' ? `Reschedule or cancel: ${audience.manageUrl}` : `Déplacer ou annuler : ${audience.manageUrl}`,
          audience.companyPhone && (locale === 'en' ? `Phone: ${audience.companyPhone}` : `Téléphone : ${audience.companyPhone}`),
        ]
      : [
          arrivalSentence(appointment, 'fr'),
          `Client : ${appointment.customer.name}`,
          ...appointment.customer.phones.map((phone) => `Téléphone : ${formatPhoneForDisplay(phone)}`),
          `Adresse : ${siteAddress(appointment.site)}`,
          appointment.site.accessNotes && `Accès : ${appointment.site.accessNotes}`,
          appointment.notes && `Notes : ${appointment.notes}`,
        ];
  return {
    uid: `appointment-${appointment.id}@relais`,
    sequence: appointment.version,
    status: appointment.status === 'CANCELLED' ? 'CANCELLED' : appointment.status === 'REQUESTED' ? 'TENTATIVE' : 'CONFIRMED',
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    // A technician's week view must tell the jobs apart at a glance.
    summary:
      audience.kind === 'customer' ? serviceName(appointment, locale) : `${serviceName(appointment, 'fr')} – ${appointment.customer.name}`,
    location: siteAddress(appointment.site),
    description: description.filter((line): line is string => Boolean(line)).join('\n'),
    ...(organizer ? { organizer } : {}),
    ...(audience.kind === 'customer' ? { attendees: [audience.attendee] } : {}),
  };
}
