import type { Hub } from '../app/hub.ts';

export interface AppointmentTimes {
  technicianId: string | null;
  startsAt: Date;
  endsAt: Date;
}

/** Tells open booking pages that these technicians' free time changed in [from, to). */
export function publishAvailabilityChange(hub: Hub, technicianIds: (string | null)[], from: Date, to: Date): void {
  hub.publish('availabilityChanged', {
    technicianIds: [...new Set(technicianIds.filter((id): id is string => id !== null))],
    from: from.toISOString(),
    to: to.toISOString(),
  });
}

/**
 * Tells live views that an appointment changed: the planning board (appointmentChanged)
 * and the booking pages whose free slots depend on the times it held or now holds.
 */
export function publishAppointmentChange(hub: Hub, appointmentId: string, ...times: AppointmentTimes[]): void {
  hub.publish('appointmentChanged', {
    appointmentId,
    ranges: times.map((time) => ({ from: time.startsAt.toISOString(), to: time.endsAt.toISOString() })),
  });
  publishAvailabilityChange(
    hub,
    times.map((time) => time.technicianId),
    new Date(Math.min(...times.map((time) => time.startsAt.getTime()))),
    new Date(Math.max(...times.map((time) => time.endsAt.getTime()))),
  );
}
