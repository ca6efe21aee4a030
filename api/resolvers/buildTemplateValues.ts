// The values of the template variables for one message: what it is about (a ticket,
// an appointment, a quote or just a customer), who sends it, and the company.
import type { AppConfig } from '../app/config.ts';
import type { Locale, PrismaClient } from '../generated/prisma/client.ts';
import { appointmentDetailsSelect, promisedHours, serviceName, siteAddress } from './appointmentDetails.ts';
import { formatParisDay, formatParisHour } from './formatParisDate.ts';
import { formatPhoneForDisplay } from './formatPhone.ts';
import { readCompanyProfile } from './readCompanyProfile.ts';
import { formatEuros, type TemplateValues } from './renderTemplate.ts';

export interface TemplateSubject {
  ticketId?: string | null;
  appointmentId?: string | null;
  quoteId?: string | null;
  customerId?: string | null;
}

const validityFormats: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
};

/**
 * Without an explicit appointment or quote, a message about a customer speaks of their
 * next visit and their latest quote sent: what a reply to "when do you come?" needs.
 */
export async function buildTemplateValues(
  deps: { prisma: PrismaClient; config: Pick<AppConfig, 'publicUrl'> },
  subject: TemplateSubject,
  locale: Locale,
  senderName: string | null,
): Promise<TemplateValues> {
  const { prisma, config } = deps;
  const ticket = subject.ticketId
    ? await prisma.ticket.findUnique({ where: { id: subject.ticketId }, select: { number: true, subject: true, customerId: true } })
    : null;
  const customerId = subject.customerId ?? ticket?.customerId ?? null;
  const appointment = subject.appointmentId
    ? await prisma.appointment.findUnique({ where: { id: subject.appointmentId }, select: appointmentDetailsSelect })
    : customerId
      ? await prisma.appointment.findFirst({
          where: { customerId, status: { notIn: ['CANCELLED', 'DONE', 'NO_SHOW'] }, startsAt: { gt: new Date() } },
          orderBy: { startsAt: 'asc' },
          select: appointmentDetailsSelect,
        })
      : null;
  const quote = subject.quoteId
    ? await prisma.quote.findUnique({ where: { id: subject.quoteId }, select: quoteSelect })
    : customerId
      ? await prisma.quote.findFirst({ where: { customerId, status: 'SENT' }, orderBy: { sentAt: 'desc' }, select: quoteSelect })
      : null;
  const customer = customerId
    ? await prisma.customer.findUnique({ where: { id: customerId }, select: { name: true, firstName: true, lastName: true } })
    : (appointment?.customer ?? null);
  const company = await readCompanyProfile(prisma);
  const hours = appointment ? promisedHours(appointment) : null;
  return {
    'customer.name': customer
      ? customer.firstName && customer.lastName
        ? `${customer.firstName} ${customer.lastName}`
        : customer.name
      : undefined,
    'site.address': appointment ? siteAddress(appointment.site) : undefined,
    'appointment.date': appointment ? formatParisDay(appointment.startsAt, locale) : undefined,
    'appointment.time': hours ? `${formatParisHour(hours.start, locale)} – ${formatParisHour(hours.end, locale)}` : undefined,
    'appointment.service': appointment ? serviceName(appointment, locale) : undefined,
    'technician.name': appointment?.technician?.user.name,
    'ticket.number': ticket ? String(ticket.number) : undefined,
    'ticket.subject': ticket?.subject,
    'quote.number': quote?.number,
    'quote.totalIncludingTax': quote ? formatEuros(quote.totalTtcCents, locale) : undefined,
    'quote.validUntil': quote ? validityFormats[locale].format(quote.validUntil) : undefined,
    'portal.link': `${config.publicUrl}/client`,
    'user.name': senderName ?? undefined,
    'company.name': company?.name,
    'company.phone': company?.phone ? formatPhoneForDisplay(company.phone) : undefined,
  };
}

const quoteSelect = { number: true, totalTtcCents: true, validUntil: true } as const;
