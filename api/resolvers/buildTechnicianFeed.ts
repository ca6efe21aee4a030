import type { PrismaClient } from '../generated/prisma/client.ts';
import { appointmentCalendarEvent, appointmentDetailsSelect } from './appointmentDetails.ts';
import { buildIcsCalendar } from './buildIcsCalendar.ts';
import { readCompanyProfile } from './readCompanyProfile.ts';

const dayMs = 24 * 3_600_000;
const daysBack = 30;
const daysAhead = 90;

/**
 * The technician's calendar feed (Outlook subscribes to it): their appointments from 30
 * days ago to 90 days ahead, cancelled ones left out so that they vanish from the
 * calendar. Null for a token that is unknown or belongs to someone no longer active.
 */
export async function buildTechnicianFeed(prisma: PrismaClient, icsToken: string, now = new Date()): Promise<string | null> {
  const technician = await prisma.technician.findUnique({
    where: { icsToken },
    select: { id: true, active: true, user: { select: { name: true, active: true } } },
  });
  if (!technician?.active || !technician.user.active) return null;
  const [appointments, company] = await Promise.all([
    prisma.appointment.findMany({
      where: {
        technicianId: technician.id,
        status: { not: 'CANCELLED' },
        startsAt: { gte: new Date(now.getTime() - daysBack * dayMs), lt: new Date(now.getTime() + daysAhead * dayMs) },
      },
      orderBy: { startsAt: 'asc' },
      select: appointmentDetailsSelect,
    }),
    readCompanyProfile(prisma),
  ]);
  const organizer = company?.email ? { email: company.email, name: company.name } : null;
  return buildIcsCalendar({
    name: `${company?.name ?? 'Relais'} – ${technician.user.name}`,
    method: 'PUBLISH',
    events: appointments.map((appointment) => appointmentCalendarEvent(appointment, { kind: 'technician' }, organizer)),
  });
}
