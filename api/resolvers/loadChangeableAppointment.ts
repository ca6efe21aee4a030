import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { TooLateError } from './bookingErrors.ts';
import { NotFoundError } from './errors.ts';

export type ChangeableAppointment = Awaited<ReturnType<typeof loadChangeableAppointment>>;

/** True while a customer may still move or cancel the appointment online. */
export function customerMayChange(
  appointment: { status: string; startsAt: Date; service: { cancelCutoffHours: number } },
  now = new Date(),
): boolean {
  return (
    (appointment.status === 'CONFIRMED' || appointment.status === 'REQUESTED') &&
    appointment.startsAt.getTime() - now.getTime() >= appointment.service.cancelCutoffHours * 3_600_000
  );
}

/**
 * The appointment a viewer wants to change: customers only their own, only while it is
 * still ahead of the service's cutoff; staff any that is not finished.
 */
export async function loadChangeableAppointment(prisma: PrismaClient, viewer: Viewer, appointmentId: string, now = new Date()) {
  const appointment = await prisma.appointment.findUnique({
    where: { id: appointmentId },
    select: {
      id: true,
      status: true,
      version: true,
      customerId: true,
      technicianId: true,
      startsAt: true,
      endsAt: true,
      site: { select: { postalCode: true } },
      service: { select: { id: true, cancelCutoffHours: true } },
    },
  });
  const isClient = viewer.kind === 'user' && viewer.role === 'CLIENT';
  if (!appointment || (isClient && appointment.customerId !== viewer.customerId)) throw new NotFoundError('Rendez-vous', 'Appointment');
  if (isClient && !customerMayChange(appointment, now) && appointment.status !== 'CANCELLED') {
    throw new TooLateError(appointment.service.cancelCutoffHours);
  }
  return appointment;
}
