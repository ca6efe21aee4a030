// A bookable world for appointment tests: the company, one field service, one
// technician, one customer with a site, and appointments written straight to the table.
import type { AppointmentStatus, PrismaClient } from '../generated/prisma/client.ts';
import { createTestUser } from './testApp.ts';

export interface AppointmentWorld {
  serviceId: string;
  technicianId: string;
  icsToken: string;
  customerId: string;
  siteId: string;
}

export const companyEmail = 'contact@duret-electricite.fr';

export async function createAppointmentWorld(prisma: PrismaClient): Promise<AppointmentWorld> {
  await prisma.setting.upsert({
    where: { key: 'company' },
    create: { key: 'company', value: { name: 'Duret Électricité', phone: '+33145000000', email: companyEmail } },
    update: {},
  });
  const service = await prisma.service.create({
    data: {
      code: 'DEPANNAGE',
      name: 'Dépannage',
      nameEn: 'Breakdown repair',
      durationMinutes: 120,
      requiredSkill: 'depannage',
      arrivalWindowMinutes: 120,
    },
    select: { id: true },
  });
  const { userId } = await createTestUser(prisma, { role: 'TECHNICIAN', email: 'gaetan@duret.test', name: 'Gaëtan Martin' });
  const technician = await prisma.technician.findUniqueOrThrow({ where: { userId }, select: { id: true, icsToken: true } });
  const customer = await createCustomerWithSite(prisma, {
    firstName: 'Marie',
    lastName: 'Dupont',
    email: 'marie.dupont@example.fr',
    phone: '+33612345678',
    site: { street: '12 rue Oberkampf', postalCode: '75011', city: 'Paris', accessNotes: 'Digicode 4521B, 3e étage, porte gauche' },
  });
  return { serviceId: service.id, technicianId: technician.id, icsToken: technician.icsToken, ...customer };
}

export async function createCustomerWithSite(
  prisma: PrismaClient,
  options: {
    firstName: string;
    lastName: string;
    email: string;
    phone?: string;
    site: { street: string; postalCode: string; city: string; accessNotes?: string };
  },
): Promise<{ customerId: string; siteId: string }> {
  const customer = await prisma.customer.create({
    data: {
      kind: 'INDIVIDUAL',
      name: `${options.lastName} ${options.firstName}`,
      firstName: options.firstName,
      lastName: options.lastName,
      phones: options.phone ? [options.phone] : [],
      emails: [options.email],
      sites: { create: options.site },
    },
    select: { id: true, sites: { select: { id: true } } },
  });
  return { customerId: customer.id, siteId: customer.sites[0]!.id };
}

/** A two-hour field appointment whose arrival window is its booked time. */
export async function createTestAppointment(
  prisma: PrismaClient,
  world: AppointmentWorld,
  options: { startsAt: Date; status?: AppointmentStatus; customerId?: string; siteId?: string },
): Promise<string> {
  const endsAt = new Date(options.startsAt.getTime() + 2 * 3_600_000);
  const appointment = await prisma.appointment.create({
    data: {
      serviceId: world.serviceId,
      technicianId: world.technicianId,
      siteId: options.siteId ?? world.siteId,
      customerId: options.customerId ?? world.customerId,
      startsAt: options.startsAt,
      endsAt,
      arrivalWindowStart: options.startsAt,
      arrivalWindowEnd: endsAt,
      status: options.status ?? 'CONFIRMED',
      source: 'STAFF',
    },
    select: { id: true },
  });
  return appointment.id;
}
