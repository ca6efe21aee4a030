// The technician's jobs as stored on the device, each joined with its customer, site,
// service and what was done on site, so screens read one object whatever the network.
import type { AppointmentStatus } from '../gql/graphql';
import type { LocalAppointment, LocalCustomer, LocalIntervention, LocalService, LocalSite, OfflineDatabase } from './db';

export interface LocalJob extends Omit<LocalAppointment, 'serviceId' | 'siteId' | 'customerId'> {
  /** The office's status, moved on by what the technician did on the device since. */
  status: AppointmentStatus;
  service: LocalService;
  site: LocalSite;
  customer: LocalCustomer;
  intervention: LocalIntervention | undefined;
}

const progressOrder: AppointmentStatus[] = ['CONFIRMED', 'EN_ROUTE', 'ON_SITE', 'DONE'];

function statusWithProgress(status: AppointmentStatus, intervention: LocalIntervention | undefined): AppointmentStatus {
  const done: AppointmentStatus | undefined = intervention?.clockOut
    ? 'DONE'
    : intervention?.clockIn
      ? 'ON_SITE'
      : intervention?.enRouteAt
        ? 'EN_ROUTE'
        : undefined;
  const rank = (value: AppointmentStatus) => progressOrder.indexOf(value);
  // A cancelled or missed appointment keeps the office's word; progress only moves forward.
  return done && rank(status) >= 0 && rank(done) > rank(status) ? done : status;
}

async function joinJobs(db: OfflineDatabase, appointments: LocalAppointment[]): Promise<LocalJob[]> {
  const ids = (pick: (appointment: LocalAppointment) => string) => [...new Set(appointments.map(pick))];
  const [customers, sites, services, interventions] = await Promise.all([
    db.customers.bulkGet(ids((appointment) => appointment.customerId)),
    db.sites.bulkGet(ids((appointment) => appointment.siteId)),
    db.services.bulkGet(ids((appointment) => appointment.serviceId)),
    db.interventions.bulkGet(appointments.map((appointment) => appointment.id)),
  ]);
  const byId = <Row extends { id: string }>(rows: (Row | undefined)[]) =>
    new Map(rows.filter((row): row is Row => row !== undefined).map((row) => [row.id, row]));
  const customerById = byId(customers);
  const siteById = byId(sites);
  const serviceById = byId(services);
  return appointments.flatMap((appointment, index) => {
    const customer = customerById.get(appointment.customerId);
    const site = siteById.get(appointment.siteId);
    const service = serviceById.get(appointment.serviceId);
    if (!customer || !site || !service) return [];
    const intervention = interventions[index];
    const { serviceId: _service, siteId: _site, customerId: _customer, ...schedule } = appointment;
    return [{ ...schedule, status: statusWithProgress(appointment.status, intervention), service, site, customer, intervention }];
  });
}

/** The jobs that start in [from, to), in order; a cancelled one only while the device holds work done on it. */
export async function readJobs(db: OfflineDatabase, from: Date, to: Date): Promise<LocalJob[]> {
  const appointments = await db.appointments.where('startsAt').between(from.toISOString(), to.toISOString(), true, false).toArray();
  return (await joinJobs(db, appointments)).filter((job) => job.status !== 'CANCELLED' || job.intervention !== undefined);
}

export async function readJob(db: OfflineDatabase, appointmentId: string): Promise<LocalJob | undefined> {
  const appointment = await db.appointments.get(appointmentId);
  return appointment ? (await joinJobs(db, [appointment]))[0] : undefined;
}
