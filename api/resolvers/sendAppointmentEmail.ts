// The e-mails a customer gets about an appointment: confirmation, change, cancellation
// and the reminder, with the calendar invite attached, each recorded as an EmailMessage.
import type { AppConfig } from '../app/config.ts';
import type { MailAttachment, Mailer } from '../app/mailer.ts';
import type { Locale, PrismaClient } from '../generated/prisma/client.ts';
import {
  appointmentCalendarEvent,
  appointmentDetailsSelect,
  arrivalSentence,
  promisedHours,
  serviceName,
  siteAddress,
  type AppointmentDetails,
} from './appointmentDetails.ts';
import { buildIcsCalendar, type IcsPerson } from './buildIcsCalendar.ts';
import { buildTemplateValues } from './buildTemplateValues.ts';
import { formatParisDayAndHours } from './formatParisDate.ts';
import { formatPhoneForDisplay } from './formatPhone.ts';
import { readCompanyProfile } from './readCompanyProfile.ts';
import { renderTemplate } from './renderTemplate.ts';
import { parseMailbox, sendRecordedEmail, type RecordedEmailOutcome } from './sendRecordedEmail.ts';

export type AppointmentEmailKind = 'confirmation' | 'rescheduled' | 'cancelled' | 'reminder';

export type AppointmentEmailOutcome =
  | RecordedEmailOutcome
  | { status: 'SKIPPED'; reason: 'APPOINTMENT_NOT_FOUND' | 'CUSTOMER_ERASED' | 'NO_EMAIL_ADDRESS' | 'NO_EMAIL_CONSENT' };

/**
 * Messages about a booking the customer made or that was changed for them are
 * transactional: they go out whatever the customer's consent to e-mails. The reminder is
 * a courtesy the customer can refuse, so it needs `consentEmail`.
 */
const transactionalKinds: ReadonlySet<AppointmentEmailKind> = new Set(['confirmation', 'rescheduled', 'cancelled']);

interface EmailContext {
  customerName: string;
  companyName: string;
  companyPhone: string | null;
  manageUrl: string;
}

/**
 * Sends one appointment e-mail to the customer's first address, in their account's
 * language. A mail server failure does not throw: it is recorded (FAILED) and returned,
 * so the caller's own change stands; database errors do throw.
 */
export async function sendAppointmentEmail(
  deps: { prisma: PrismaClient; mailer: Mailer; config: Pick<AppConfig, 'publicUrl' | 'mailFrom'> },
  appointmentId: string,
  kind: AppointmentEmailKind,
  options: { templateKey?: string | null } = {},
): Promise<AppointmentEmailOutcome> {
  const { prisma, config } = deps;
  const appointment = await prisma.appointment.findUnique({ where: { id: appointmentId }, select: appointmentDetailsSelect });
  if (!appointment) return { status: 'SKIPPED', reason: 'APPOINTMENT_NOT_FOUND' };
  const { customer } = appointment;
  if (customer.erasedAt) return { status: 'SKIPPED', reason: 'CUSTOMER_ERASED' };
  const to = customer.emails[0];
  if (!to) return { status: 'SKIPPED', reason: 'NO_EMAIL_ADDRESS' };
  if (!customer.consentEmail && !transactionalKinds.has(kind)) return { status: 'SKIPPED', reason: 'NO_EMAIL_CONSENT' };

  const locale: Locale = customer.users[0]?.locale ?? 'fr';
  const sender = parseMailbox(config.mailFrom);
  const company = await readCompanyProfile(prisma);
  const companyPhone = company?.phone ? formatPhoneForDisplay(company.phone) : null;
  const context: EmailContext = {
    customerName: customer.firstName && customer.lastName ? `${customer.firstName} ${customer.lastName}` : customer.name,
    companyName: company?.name ?? sender.name ?? sender.email,
    companyPhone,
    manageUrl: `${config.publicUrl}/client`,
  };
  // Every kind has its shipped template (appointment.confirmation…); an automation rule may name another.
  const fromTemplate = await renderStoredTemplate(deps, options.templateKey ?? `appointment.${kind}`, locale, appointmentId);
  const { subject, text } = fromTemplate ?? composeAppointmentEmail(appointment, kind, locale, context);
  const organizer: IcsPerson = { email: company?.email ?? sender.email, name: context.companyName };
  const attendee: IcsPerson = { email: to, name: context.customerName };
  const event = appointmentCalendarEvent(
    appointment,
    { kind: 'customer', locale, attendee, manageUrl: context.manageUrl, companyPhone },
    organizer,
  );
  const method = kind === 'cancelled' ? 'CANCEL' : 'REQUEST';
  // The reminder carries no invite: the calendar already has the event from the confirmation.
  const attachments: MailAttachment[] =
    kind === 'reminder'
      ? []
      : [
          {
            filename: 'invite.ics',
            contentType: `text/calendar; charset=utf-8; method=${method}`,
            content: buildIcsCalendar({
              name: context.companyName,
              method,
              // Calendar apps only remove the event when the CANCEL itself says CANCELLED.
              events: [method === 'CANCEL' ? { ...event, status: 'CANCELLED' } : event],
            }),
          },
        ];

  return sendRecordedEmail(deps, { to, subject, text, attachments, customerId: customer.id, templateId: fromTemplate?.templateId ?? null });
}

/**
 * The office's own wording for an automated message, when it has an active template in
 * the customer's language that can be filled in entirely; null falls back to the built-in
 * wording, so a customer never receives a {{placeholder}}.
 */
async function renderStoredTemplate(
  deps: { prisma: PrismaClient; config: Pick<AppConfig, 'publicUrl'> },
  key: string,
  locale: Locale,
  appointmentId: string,
): Promise<{ subject: string; text: string; templateId: string } | null> {
  const template = await deps.prisma.template.findUnique({
    where: { key_channel_locale: { key, channel: 'EMAIL', locale } },
    select: { id: true, subject: true, body: true, active: true },
  });
  if (!template?.active || !template.subject) return null;
  const rendered = renderTemplate(template, await buildTemplateValues(deps, { appointmentId }, locale, null));
  if (rendered.missing.length > 0) return null;
  return { subject: rendered.subject ?? template.subject, text: rendered.body, templateId: template.id };
}

interface Wording {
  subject: Record<AppointmentEmailKind, (service: string, when: string) => string>;
  intro: Record<AppointmentEmailKind, string>;
  greeting: (name: string) => string;
  /** French puts a space before the colon. */
  field: (label: 'service' | 'date' | 'address' | 'technician', value: string) => string;
  whenSuffix: string;
  prepare: string;
  manage: (cutoffHours: number) => string;
  rebook: string;
  callUs: (phone: string) => string;
  invite: (removes: boolean) => string;
  closing: string;
}

const wordings: Record<Locale, Wording> = {
  fr: {
    subject: {
      confirmation: (service, when) => `Rendez-vous confirmé : ${service} le ${when}`,
      rescheduled: (service, when) => `Rendez-vous déplacé : ${service} le ${when}`,
      cancelled: (service, when) => `Rendez-vous annulé : ${service} du ${when}`,
      reminder: (service, when) => `Rappel : ${service} le ${when}`,
    },
    intro: {
      confirmation: 'Votre rendez-vous est confirmé.',
      rescheduled: 'Votre rendez-vous a été déplacé. Voici le nouvel horaire.',
      cancelled: 'Votre rendez-vous est annulé.',
      reminder: 'Nous vous rappelons votre prochain rendez-vous.',
    },
    greeting: (name) => `Bonjour ${name},`,
    field: (label, value) => `${{ service: 'Prestation', date: 'Date', address: 'Adresse', technician: 'Technicien' }[label]} : ${value}`,
    whenSuffix: '',
    prepare:
      'Pour préparer la visite : merci de dégager l’accès au tableau électrique et aux équipements concernés, et de vous assurer qu’une personne majeure sera présente pendant l’intervention.',
    manage: (cutoffHours) =>
      `Pour déplacer ou annuler ce rendez-vous (jusqu’à ${cutoffHours} h avant), connectez-vous à votre espace client :`,
    rebook: 'Pour reprendre rendez-vous, connectez-vous à votre espace client :',
    callUs: (phone) => `Ou appelez-nous au ${phone}.`,
    invite: (removes) => `Le fichier joint (invite.ics) ${removes ? 'retire ce rendez-vous de' : 'ajoute ce rendez-vous à'} votre agenda.`,
    closing: 'À bientôt,',
  },
  en: {
    subject: {
      confirmation: (service, when) => `Appointment confirmed: ${service} on ${when}`,
      rescheduled: (service, when) => `Appointment moved: ${service} on ${when}`,
      cancelled: (service, when) => `Appointment cancelled: ${service} on ${when}`,
      reminder: (service, when) => `Reminder: ${service} on ${when}`,
    },
    intro: {
      confirmation: 'Your appointment is confirmed.',
      rescheduled: 'Your appointment has been moved. Here is the new time.',
      cancelled: 'Your appointment is cancelled.',
      reminder: 'This is a reminder of your upcoming appointment.',
    },
    greeting: (name) => `Hello ${name},`,
    field: (label, value) => `${{ service: 'Service', date: 'Date', address: 'Address', technician: 'Technician' }[label]}: ${value}`,
    whenSuffix: ' (Paris time)',
    prepare:
      'To prepare the visit: please clear the way to the electrical panel and the equipment concerned, and make sure an adult is present during the work.',
    manage: (cutoffHours) => `To reschedule or cancel (up to ${cutoffHours} hours before), sign in to your customer area:`,
    rebook: 'To book again, sign in to your customer area:',
    callUs: (phone) => `Or call us on ${phone}.`,
    invite: (removes) =>
      `The attached file (invite.ics) ${removes ? 'removes this appointment from' : 'adds this appointment to'} your calendar.`,
    closing: 'Kind regards,',
  },
};

function composeAppointmentEmail(appointment: AppointmentDetails, kind: AppointmentEmailKind, locale: Locale, context: EmailContext) {
  const wording = wordings[locale];
  const service = serviceName(appointment, locale);
  const { start, end } = promisedHours(appointment);
  const when = formatParisDayAndHours(start, end, locale);
  const technician = appointment.technician?.user.name;
  const lines = [
    wording.greeting(context.customerName),
    '',
    wording.intro[kind],
    '',
    wording.field('service', service),
    wording.field('date', when + wording.whenSuffix),
    ...(kind === 'cancelled' ? [] : [`${arrivalSentence(appointment, locale)}.`]),
    wording.field('address', siteAddress(appointment.site)),
    ...(technician && kind !== 'cancelled' ? [wording.field('technician', technician)] : []),
    '',
    ...(kind === 'cancelled' ? [wording.rebook] : [wording.prepare, '', wording.manage(appointment.service.cancelCutoffHours)]),
    // The link alone on its line: no punctuation stuck to it for mail clients to swallow.
    context.manageUrl,
    ...(context.companyPhone ? [wording.callUs(context.companyPhone)] : []),
    ...(kind === 'reminder' ? [] : ['', wording.invite(kind === 'cancelled')]),
    '',
    wording.closing,
    context.companyName,
    ...(context.companyPhone ? [context.companyPhone] : []),
  ];
  return { subject: wording.subject[kind](service, when), text: lines.join('\n') };
}
