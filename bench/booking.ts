// Booking benchmarks (issue 3): slot computation, live push latency to many WebSocket
// subscribers, and booking throughput, on PGlite and (with DATABASE_URL) PostgreSQL.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configFromEnv } from '../api/app/config.ts';
import { startHttpServer } from '../api/app/httpServer.ts';
import { createServices, type RelaisServices } from '../api/app/system.ts';
import { hashPassword } from '../api/auth/password.ts';
import type { Database } from '../api/db/database.ts';
import { computeSlots, type SlotInput } from '../api/resolvers/computeSlots.ts';
import { findAvailableSlots } from '../api/resolvers/findAvailableSlots.ts';
import { isFrenchPublicHoliday } from '../api/resolvers/frenchHolidays.ts';
import { addParisDays, parisInstant, parisWallClock, startOfParisDay } from '../api/resolvers/parisTime.ts';
import { logIn, onEachDatabase, ms, quantile, startSubscribers, timeRuns } from './measure.ts';

const technicianCount = 6;
const appointmentCount = 2000;
const viewDays = 30;
const subscriberCount = 200;
const pushedBookings = 20;
const concurrentBookers = 20;
const bookingsPerBooker = 8;
const password = 'bench password';

interface Fixture {
  serviceId: string;
  siteIds: string[];
  clientEmails: string[];
  slotInput: SlotInput;
  view: { from: Date; to: Date };
}

/** Working days from tomorrow on, in Paris. */
function workingDays(count: number): { year: number; month: number; day: number }[] {
  const days = [];
  let cursor = addParisDays(startOfParisDay(new Date()), 1);
  while (days.length < count) {
    const wall = parisWallClock(cursor);
    const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
    const date = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
    if (weekday >= 1 && weekday <= 5 && !isFrenchPublicHoliday(date)) days.push(wall);
    cursor = addParisDays(cursor, 1);
  }
  return days;
}

/** 6 technicians, their hours, 2,000 half-hour appointments over the next 45 working days, and 20 customer accounts. */
async function createFixture(db: Database): Promise<Fixture> {
  const { prisma } = db;
  const service = await prisma.service.create({
    data: {
      code: 'DEVIS',
      name: 'Devis sur place',
      nameEn: 'On-site quote',
      durationMinutes: 45,
      bufferMinutes: 15,
      minNoticeHours: 2,
      horizonDays: 90,
      requiredSkill: 'devis',
    },
  });
  const hash = await hashPassword(password);
  const hours = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, startMinute: 480, endMinute: 720 },
    { weekday, startMinute: 810, endMinute: 1050 },
  ]);
  const technicians = [];
  for (let index = 0; index < technicianCount; index += 1) {
    const user = await prisma.user.create({
      data: {
        email: `tech${index}@bench.test`,
        name: `Technicien ${index}`,
        role: 'TECHNICIAN',
        technician: { create: { skills: ['devis'], zones: ['75'], workingHours: { create: hours } } },
      },
      select: { technician: { select: { id: true } } },
    });
    technicians.push(user.technician!.id);
  }
  const customer = await prisma.customer.create({
    data: { kind: 'COMPANY', name: 'Bench', sites: { create: { street: '1 rue du Test', postalCode: '75011', city: 'Paris' } } },
    select: { id: true, sites: { select: { id: true } } },
  });
  const siteId = customer.sites[0]!.id;
  // Two half-hour visits per technician and working day (8 h and 14 h) until 2,000: about 167
  // working days, so the 30-day view holds a busy season's worth and the rest lies beyond it.
  const appointments = [];
  const days = workingDays(Math.ceil(appointmentCount / (technicianCount * 2)));
  for (const day of days) {
    for (const technicianId of technicians) {
      for (const minute of [480, 840]) {
        if (appointments.length === appointmentCount) break;
        const startsAt = parisInstant(day.year, day.month, day.day, 0, minute);
        appointments.push({
          serviceId: service.id,
          technicianId,
          siteId,
          customerId: customer.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 30 * 60_000),
          source: 'STAFF' as const,
        });
      }
    }
  }
  await prisma.appointment.createMany({ data: appointments });
  const clientEmails = [];
  const siteIds = [];
  // One more customer than bookers: the last one books during the push measurement.
  for (let index = 0; index <= concurrentBookers; index += 1) {
    const email = `client${index}@bench.test`;
    const created = await prisma.customer.create({
      data: {
        kind: 'INDIVIDUAL',
        name: `Client ${index}`,
        users: { create: { email, name: `Client ${index}`, role: 'CLIENT', credential: { create: { hash } } } },
        sites: { create: { street: `${index} rue du Banc`, postalCode: '75011', city: 'Paris' } },
      },
      select: { sites: { select: { id: true } } },
    });
    clientEmails.push(email);
    siteIds.push(created.sites[0]!.id);
  }
  const first = days[0]!;
  const from = parisInstant(first.year, first.month, first.day);
  const view = { from, to: addParisDays(from, viewDays) };
  const loaded = await prisma.technician.findMany({
    select: {
      id: true,
      skills: true,
      zones: true,
      workingHours: true,
      timeOff: true,
      appointments: { select: { startsAt: true, endsAt: true, service: { select: { bufferMinutes: true } } } },
    },
  });
  return {
    serviceId: service.id,
    siteIds,
    clientEmails,
    view,
    slotInput: {
      service,
      site: { postalCode: '75011' },
      technicians: loaded.map((technician) => ({
        ...technician,
        appointments: technician.appointments.map((appointment) => ({ ...appointment, bufferMinutes: appointment.service.bufferMinutes })),
      })),
      range: view,
      now: new Date(),
    },
  };
}

const bookMutation = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { __typename } }`;

async function book(services: RelaisServices, cookie: string, input: Record<string, unknown>): Promise<string> {
  const response = await services.yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query: bookMutation, variables: { input: { ...input, idempotencyKey: randomUUID() } } }),
  });
  const body = (await response.json()) as { data?: { bookAppointment: { __typename: string } }; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.bookAppointment.__typename;
}

interface DatabaseFigures {
  database: string;
  engine: number[];
  loadAndCompute: number[];
  graphql: number[];
  slotCount: number;
  throughput: { bookings: number; succeeded: number; seconds: number };
  push?: { latencies: number[]; deliveries: number };
}

async function measureOn(database: string, db: Database, withPush: boolean): Promise<DatabaseFigures> {
  const fixture = await createFixture(db);
  const config = {
    ...configFromEnv({}),
    dataDir: mkdtempSync(path.join(tmpdir(), 'relais-bench-')),
    redisUrl: undefined,
    smtpUrl: undefined,
    pwaDistDir: undefined,
  };
  const services = createServices(db, config);
  const query = { serviceId: fixture.serviceId, postalCode: '75011', ...fixture.view };
  const slotCount = computeSlots(fixture.slotInput).length;
  await timeRuns(20, () => computeSlots(fixture.slotInput));
  const engine = await timeRuns(200, () => computeSlots(fixture.slotInput));
  await timeRuns(10, () => findAvailableSlots(db.prisma, query, { staff: false }));
  const loadAndCompute = await timeRuns(100, () => findAvailableSlots(db.prisma, query, { staff: false }));
  const graphqlBody = JSON.stringify({
    query:
      'query($serviceId: ID!, $postalCode: String!, $from: DateTime!, $to: DateTime!) { availableSlots(serviceId: $serviceId, postalCode: $postalCode, from: $from, to: $to) { slots { startsAt endsAt } } }',
    variables: { ...query, from: query.from.toISOString(), to: query.to.toISOString() },
  });
  const cookie = await logIn(services.yoga, fixture.clientEmails[concurrentBookers]!, password);
  const graphql = await timeRuns(100, async () => {
    const response = await services.yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: graphqlBody,
    });
    await response.text();
  });

  const push = withPush ? await measurePush(services, db, fixture, cookie) : undefined;

  // Throughput: 20 customers book distinct free slots at the same time.
  const free = (await findAvailableSlots(db.prisma, query, { staff: false })).slots;
  const queue = [...free];
  const cookies = await Promise.all(fixture.clientEmails.slice(0, concurrentBookers).map((email) => logIn(services.yoga, email, password)));
  let succeeded = 0;
  const startedAt = performance.now();
  await Promise.all(
    cookies.map(async (bookerCookie, booker) => {
      // A customer online holds one appointment at a time: each takes slots apart from their own.
      const own: { startsAt: Date; endsAt: Date }[] = [];
      for (let attempt = 0; attempt < bookingsPerBooker; attempt += 1) {
        const index = queue.findIndex((slot) => own.every((taken) => slot.endsAt <= taken.startsAt || slot.startsAt >= taken.endsAt));
        if (index < 0) return;
        const [slot] = queue.splice(index, 1);
        own.push(slot!);
        const outcome = await book(services, bookerCookie, {
          serviceId: fixture.serviceId,
          siteId: fixture.siteIds[booker],
          startsAt: slot!.startsAt.toISOString(),
        });
        if (outcome === 'MutationBookAppointmentSuccess') succeeded += 1;
      }
    }),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  await services.hub.close();
  return {
    database,
    engine,
    loadAndCompute,
    graphql,
    slotCount,
    throughput: { bookings: concurrentBookers * bookingsPerBooker, succeeded, seconds },
    push,
  };
}

/**
 * From a booking's commit (the hub event, seen in-process) to each of 200 WebSocket
 * subscribers, in another process, receiving the new slots. Both processes read the same
 * system clock, so absolute times compare.
 */
async function measurePush(services: RelaisServices, db: Database, fixture: Fixture, cookie: string) {
  const server = await startHttpServer(services, { ...configFromEnv({}), pwaDistDir: undefined }, 0);
  const subscribers = await startSubscribers({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    count: subscriberCount,
    query:
      'subscription($serviceId: ID!, $postalCode: String!, $from: DateTime!, $to: DateTime!) { availabilityChanged(serviceId: $serviceId, postalCode: $postalCode, from: $from, to: $to) { slots { startsAt } } }',
    variables: {
      serviceId: fixture.serviceId,
      postalCode: '75011',
      from: fixture.view.from.toISOString(),
      to: fixture.view.to.toISOString(),
    },
  });
  const events = services.hub.subscribe('availabilityChanged');
  const iterator = events[Symbol.asyncIterator]();
  const free = (
    await findAvailableSlots(db.prisma, { serviceId: fixture.serviceId, postalCode: '75011', ...fixture.view }, { staff: false })
  ).slots;
  const latencies: number[] = [];
  for (let index = 0; index < pushedBookings; index += 1) {
    let committedAt = 0;
    const commit = iterator.next().then(() => {
      committedAt = performance.timeOrigin + performance.now();
    });
    await book(services, cookie, {
      serviceId: fixture.serviceId,
      siteId: fixture.siteIds[concurrentBookers],
      startsAt: free[index * 5]!.startsAt.toISOString(),
    });
    await commit;
    latencies.push(...(await subscribers.round(index)).map((receivedAt) => receivedAt - committedAt));
  }
  await iterator.return?.();
  subscribers.stop();
  await server.close();
  return { latencies, deliveries: latencies.length };
}

export async function bookingSection(): Promise<string[]> {
  const results: DatabaseFigures[] = [];
  results.push(...(await onEachDatabase((database, db, first) => measureOn(database, db, first))));
  const push = results[0]!.push!;
  return [
    '## Booking (issue 3)',
    '',
    `Fixture: ${technicianCount} technicians (Mon–Fri 8 h–12 h, 13 h 30–17 h 30), ${appointmentCount} existing appointments, a 45-minute service`,
    `with a 15-minute buffer, viewed over ${viewDays} days (${results[0]!.slotCount} free start times).`,
    '',
    '| database | measure | p50 | p95 |',
    '|---|---|---|---|',
    ...results.flatMap((result) => [
      `| — | slot engine alone (computeSlots, in-process, 200 runs) | ${ms(quantile(result.engine, 0.5))} | ${ms(quantile(result.engine, 0.95))} |`,
      `| ${result.database} | load from the database + compute (findAvailableSlots, 100 runs) | ${ms(quantile(result.loadAndCompute, 0.5))} | ${ms(quantile(result.loadAndCompute, 0.95))} |`,
      `| ${result.database} | \`availableSlots\` through GraphQL (yoga.fetch, 100 runs) | ${ms(quantile(result.graphql, 0.5))} | ${ms(quantile(result.graphql, 0.95))} |`,
    ]),
    '',
    `Push latency, one instance on PGlite: from a booking's commit to each of ${subscriberCount} graphql-ws subscribers (same view)`,
    `receiving \`availabilityChanged\`, over ${pushedBookings} bookings (${push.deliveries} deliveries; the clients run in a separate process):`,
    `p50 ${ms(quantile(push.latencies, 0.5))}, p99 ${ms(quantile(push.latencies, 0.99))}, max ${ms(Math.max(...push.latencies))}.`,
    '',
    '| database | booking throughput, 20 concurrent customers on distinct slots |',
    '|---|---|',
    ...results.map(
      (result) =>
        `| ${result.database} | ${(result.throughput.succeeded / result.throughput.seconds).toFixed(1)} bookings/s (${result.throughput.succeeded}/${result.throughput.bookings} confirmed in ${result.throughput.seconds.toFixed(1)} s) |`,
    ),
    '',
  ];
}
