// Online booking end to end through GraphQL: live slots, booking, replays, races,
// cancelling, rescheduling, the planning board's moves, and live availability.
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHttpServer, type RunningHttpServer } from '../app/httpServer.ts';
import { builtInJobHandlers, createJobRunner, type JobRunner } from '../app/jobRunner.ts';
import { isFrenchPublicHoliday } from '../resolvers/frenchHolidays.ts';
import { addParisDays, parisInstant, parisWallClock, startOfParisDay } from '../resolvers/parisTime.ts';
import { parseIcs } from './parseIcs.ts';
import { createTestApp, createTestCustomer, createTestUser, TestClient, testPassword, type TestApp } from './testApp.ts';
import { startTestSmtpServer, type TestSmtpServer } from './testSmtpServer.ts';

/** The first working day at least `daysAhead` days after `from` (so minimum notice never interferes). */
function bookableDay(daysAhead: number, from = new Date()): { year: number; month: number; day: number } {
  let candidate = addParisDays(startOfParisDay(from), daysAhead);
  for (;;) {
    const wall = parisWallClock(candidate);
    const date = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
    const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
    if (weekday >= 1 && weekday <= 5 && !isFrenchPublicHoliday(date)) return wall;
    candidate = addParisDays(candidate, 1);
  }
}

const slotsQuery = `query($serviceId: ID!, $postalCode: String!, $from: DateTime!, $to: DateTime!) {
  availableSlots(serviceId: $serviceId, postalCode: $postalCode, from: $from, to: $to) {
    slots { startsAt endsAt arrivalWindowStart arrivalWindowEnd technicians { name } }
  }
}`;

const bookMutation = `mutation($input: BookAppointmentInput!) {
  bookAppointment(input: $input) {
    __typename
    ... on MutationBookAppointmentSuccess { data { id status startsAt arrivalWindowStart arrivalWindowEnd version technician { name } } }
    ... on Error { code messageFr }
    ... on SlotTakenError { alternatives { startsAt } }
    ... on ValidationError { issues { path } }
  }
}`;

/** An annual-visit service (2-hour arrival windows) done by one technician weekday mornings, and a customer account there. */
async function createMorningVisits(
  app: TestApp,
  options: { postalCode: string; clientEmail: string; customerEmail?: string },
): Promise<{ serviceId: string; siteId: string }> {
  const { prisma } = app.db;
  const { id: serviceId } = await prisma.service.create({
    data: {
      code: 'ENTRETIEN',
      name: 'Entretien annuel',
      nameEn: 'Annual service',
      durationMinutes: 90,
      requiredSkill: 'entretien',
      arrivalWindowMinutes: 120,
      minNoticeHours: 2,
    },
    select: { id: true },
  });
  const { userId } = await createTestUser(prisma, { role: 'TECHNICIAN', email: `tech-${options.postalCode}@duret.test` });
  const { id: technicianId } = await prisma.technician.update({
    where: { userId },
    data: { zones: [options.postalCode.slice(0, 2)], skills: ['entretien'] },
    select: { id: true },
  });
  await prisma.workingHours.createMany({
    data: [1, 2, 3, 4, 5].map((weekday) => ({ technicianId, weekday, startMinute: 480, endMinute: 720 })),
  });
  const customerId = await createTestCustomer(prisma, {
    name: 'Garnier Paul',
    postalCode: options.postalCode,
    emails: options.customerEmail ? [options.customerEmail] : [],
  });
  const siteId = (await prisma.site.findFirstOrThrow({ where: { customerId } })).id;
  await createTestUser(prisma, { role: 'CLIENT', email: options.clientEmail, customerId });
  return { serviceId, siteId };
}

describe('booking', () => {
  let app: TestApp;
  let serviceId: string;
  let technicianId: string;
  let siteId: string;
  let client: TestClient;
  let assistant: TestClient;
  const day = bookableDay(4);
  const dayStart = parisInstant(day.year, day.month, day.day);
  const dayEnd = addParisDays(dayStart, 1);
  const at = (hour: number, minute = 0) => parisInstant(day.year, day.month, day.day, hour, minute);

  async function slotStarts(viewer: TestClient = app.client()) {
    const result = await viewer.request(slotsQuery, {
      serviceId,
      postalCode: '75011',
      from: dayStart.toISOString(),
      to: dayEnd.toISOString(),
    });
    return (result.data?.availableSlots as { slots: { startsAt: string }[] }).slots.map((slot) => slot.startsAt);
  }

  function book(startsAt: Date, idempotencyKey: string = randomUUID(), as: TestClient = client) {
    return as.request(bookMutation, { input: { serviceId, siteId, startsAt: startsAt.toISOString(), idempotencyKey } });
  }

  beforeAll(async () => {
    app = await createTestApp();
    const { prisma } = app.db;
    serviceId = (
      await prisma.service.create({
        data: {
          code: 'DEPANNAGE',
          name: 'Dépannage électrique',
          nameEn: 'Electrical repair',
          durationMinutes: 60,
          bufferMinutes: 30,
          minNoticeHours: 2,
          horizonDays: 60,
          arrivalWindowMinutes: 120,
          requiredSkill: 'depannage',
          cancelCutoffHours: 24,
        },
      })
    ).id;
    const { userId } = await createTestUser(prisma, { role: 'TECHNICIAN', email: 'gaetan@duret.test', name: 'Gaëtan Leroy' });
    technicianId = (await prisma.technician.update({ where: { userId }, data: { zones: ['75'] }, select: { id: true } })).id;
    await prisma.workingHours.createMany({
      data: [1, 2, 3, 4, 5].flatMap((weekday) => [
        { technicianId, weekday, startMinute: 480, endMinute: 720 },
        { technicianId, weekday, startMinute: 810, endMinute: 1050 },
      ]),
    });
    const customerId = await createTestCustomer(prisma, { name: 'Dupont Marie', postalCode: '75011' });
    siteId = (await prisma.site.findFirstOrThrow({ where: { customerId } })).id;
    await createTestUser(prisma, { role: 'CLIENT', email: 'marie@example.fr', customerId });
    await createTestUser(prisma, { role: 'ASSISTANT', email: 'claire@duret.test' });
    client = app.client();
    await client.login('marie@example.fr', testPassword);
    assistant = app.client();
    await assistant.login('claire@duret.test', testPassword);
  });
  afterAll(() => app.close());

  it('offers 2-hour arrival windows inside working hours, technicians named for staff only', async () => {
    expect(await slotStarts()).toEqual([at(8), at(10), at(13, 30), at(15, 30)].map((instant) => instant.toISOString()));
    const forStaff = await assistant.request(slotsQuery, {
      serviceId,
      postalCode: '75011',
      from: dayStart.toISOString(),
      to: dayEnd.toISOString(),
    });
    expect((forStaff.data?.availableSlots as { slots: { technicians: { name: string }[] }[] }).slots[0]?.technicians).toEqual([
      { name: 'Gaëtan Leroy' },
    ]);
    const anonymous = await app
      .client()
      .request(slotsQuery, { serviceId, postalCode: '75011', from: dayStart.toISOString(), to: dayEnd.toISOString() });
    expect((anonymous.data?.availableSlots as { slots: { technicians: unknown[] }[] }).slots[0]?.technicians).toEqual([]);
    expect(await slotStarts(app.client().withHeaders({}))).toHaveLength(4);
    const outOfZone = await app
      .client()
      .request(slotsQuery, { serviceId, postalCode: '13001', from: dayStart.toISOString(), to: dayEnd.toISOString() });
    expect(outOfZone.data).toEqual({ availableSlots: { slots: [] } });
  });

  it('books at once: the slot is gone, and the one before stays (buffers do not reach it)', async () => {
    const result = await book(at(10));
    expect(result.data?.bookAppointment).toMatchObject({
      __typename: 'MutationBookAppointmentSuccess',
      data: {
        status: 'CONFIRMED',
        startsAt: at(10).toISOString(),
        arrivalWindowStart: at(10).toISOString(),
        arrivalWindowEnd: at(12).toISOString(),
        technician: { name: 'Gaëtan Leroy' },
      },
    });
    // Booked time is 10 h – 11 h, kept free ±30 min: the 8 h visit (8 h – 9 h, ±30 min) still fits.
    expect(await slotStarts()).toEqual([at(8), at(13, 30), at(15, 30)].map((instant) => instant.toISOString()));
  });

  it('returns the same appointment when one booking is replayed, sequentially or at once', async () => {
    const key = randomUUID();
    const first = await book(at(13, 30), key);
    const replays = await Promise.all([1, 2, 3, 4].map(() => book(at(13, 30), key)));
    const ids = [first, ...replays].map((result) => (result.data?.bookAppointment as { data: { id: string } }).data.id);
    expect(new Set(ids).size).toBe(1);
    expect(await app.db.prisma.appointment.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it('lets exactly one of 50 simultaneous bookings of one slot win; the others get alternatives', async () => {
    const before = await app.db.prisma.appointment.count();
    const results = await Promise.all(Array.from({ length: 50 }, () => book(at(15, 30))));
    const outcomes = results.map((result) => (result.data?.bookAppointment as { __typename: string }).__typename);
    expect(outcomes.filter((name) => name === 'MutationBookAppointmentSuccess')).toHaveLength(1);
    expect(outcomes.filter((name) => name === 'SlotTakenError')).toHaveLength(49);
    const taken = results.find((result) => (result.data?.bookAppointment as { __typename: string }).__typename === 'SlotTakenError');
    expect(taken?.data?.bookAppointment).toMatchObject({
      code: 'SLOT_TAKEN',
      messageFr: 'Ce créneau n’est plus disponible. Choisissez-en un autre.',
    });
    expect((taken?.data?.bookAppointment as { alternatives: unknown[] }).alternatives.length).toBeGreaterThan(0);
    expect(await app.db.prisma.appointment.count()).toBe(before + 1);
  });

  it('refuses a start that is not a slot, a foreign address and bad input, writing nothing', async () => {
    const before = await app.db.prisma.appointment.count();
    const offGrid = await book(at(9, 17));
    expect(offGrid.data?.bookAppointment).toMatchObject({ __typename: 'SlotTakenError' });
    const otherCustomer = await createTestCustomer(app.db.prisma, { name: 'Autre Client' });
    const foreignSite = (await app.db.prisma.site.findFirstOrThrow({ where: { customerId: otherCustomer } })).id;
    const foreign = await client.request(bookMutation, {
      input: { serviceId, siteId: foreignSite, startsAt: at(8).toISOString(), idempotencyKey: randomUUID() },
    });
    expect(foreign.data?.bookAppointment).toMatchObject({ __typename: 'NotFoundError' });
    const badKey = await book(at(8), 'short');
    expect(badKey.data?.bookAppointment).toMatchObject({ __typename: 'ValidationError', issues: [{ path: 'idempotencyKey' }] });
    const anonymous = await app
      .client()
      .request(bookMutation, { input: { serviceId, siteId, startsAt: at(8).toISOString(), idempotencyKey: randomUUID() } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await app.db.prisma.appointment.count()).toBe(before);
  });

  it('cancels (twice is harmless) and gives the time back; reschedules to another free slot', async () => {
    const booked = await book(at(8));
    const { id } = (booked.data?.bookAppointment as { data: { id: string } }).data;
    const cancelMutation = `mutation($id: ID!) { cancelAppointment(id: $id, reason: "Empêchement") { __typename ... on MutationCancelAppointmentSuccess { data { status } } } }`;
    expect((await client.request(cancelMutation, { id })).data?.cancelAppointment).toEqual({
      __typename: 'MutationCancelAppointmentSuccess',
      data: { status: 'CANCELLED' },
    });
    expect((await client.request(cancelMutation, { id })).data?.cancelAppointment).toEqual({
      __typename: 'MutationCancelAppointmentSuccess',
      data: { status: 'CANCELLED' },
    });
    expect(await slotStarts()).toContain(at(8).toISOString());

    const again = await book(at(8));
    const movedId = (again.data?.bookAppointment as { data: { id: string } }).data.id;
    const nextDay = bookableDay(1, dayStart);
    const target = parisInstant(nextDay.year, nextDay.month, nextDay.day, 10);
    const reschedule = `mutation($id: ID!, $startsAt: DateTime!, $key: String!) { rescheduleAppointment(id: $id, startsAt: $startsAt, idempotencyKey: $key) { __typename ... on MutationRescheduleAppointmentSuccess { data { startsAt version } } } }`;
    const key = randomUUID();
    const moved = await client.request(reschedule, { id: movedId, startsAt: target.toISOString(), key });
    expect(moved.data?.rescheduleAppointment).toEqual({
      __typename: 'MutationRescheduleAppointmentSuccess',
      data: { startsAt: target.toISOString(), version: 2 },
    });
    const replay = await client.request(reschedule, { id: movedId, startsAt: target.toISOString(), key });
    expect(replay.data?.rescheduleAppointment).toEqual({
      __typename: 'MutationRescheduleAppointmentSuccess',
      data: { startsAt: target.toISOString(), version: 2 },
    });
    expect(await slotStarts()).toContain(at(8).toISOString());
  });

  it('refuses a customer’s change inside the cutoff, and tells them why', async () => {
    const { id } = await app.db.prisma.appointment.create({
      data: {
        serviceId,
        technicianId,
        siteId,
        customerId: (await app.db.prisma.site.findUniqueOrThrow({ where: { id: siteId } })).customerId,
        startsAt: new Date(Date.now() + 3 * 3_600_000),
        endsAt: new Date(Date.now() + 4 * 3_600_000),
        source: 'PHONE',
      },
      select: { id: true },
    });
    const result = await client.request(
      `mutation($id: ID!) { cancelAppointment(id: $id) { __typename ... on Error { code messageFr } } }`,
      { id },
    );
    expect(result.data?.cancelAppointment).toMatchObject({ __typename: 'TooLateError', code: 'TOO_LATE' });
    expect((await app.db.prisma.appointment.findUniqueOrThrow({ where: { id } })).status).toBe('CONFIRMED');
    const mine = await client.request(`{ myAppointments { id canChange } }`);
    expect(
      (mine.data?.myAppointments as { id: string; canChange: boolean }[]).find((appointment) => appointment.id === id)?.canChange,
    ).toBe(false);
  });

  it('lets the office move an appointment on the planning board, refusing stale boards and overlaps', async () => {
    const planning = await assistant.request(
      `query($from: DateTime!, $to: DateTime!) { planning(from: $from, to: $to) { technician { id name } workingHours { weekday } appointments { id version startsAt } } }`,
      { from: dayStart.toISOString(), to: dayEnd.toISOString() },
    );
    const [row] = planning.data?.planning as {
      technician: { id: string; name: string };
      workingHours: unknown[];
      appointments: { id: string; version: number; startsAt: string }[];
    }[];
    expect(row?.technician.name).toBe('Gaëtan Leroy');
    expect(row?.workingHours).toHaveLength(10);
    const [first, second] = row!.appointments;
    const move = `mutation($id: ID!, $technicianId: ID!, $startsAt: DateTime!, $version: Int!) { moveAppointment(id: $id, technicianId: $technicianId, startsAt: $startsAt, expectedVersion: $version) { __typename ... on MutationMoveAppointmentSuccess { data { startsAt version } } ... on Error { code } } }`;
    const overlap = await assistant.request(move, { id: first!.id, technicianId, startsAt: second!.startsAt, version: first!.version });
    expect(overlap.data?.moveAppointment).toMatchObject({ __typename: 'SlotTakenError' });
    const stale = await assistant.request(move, {
      id: first!.id,
      technicianId,
      startsAt: at(18).toISOString(),
      version: first!.version + 5,
    });
    expect(stale.data?.moveAppointment).toMatchObject({ __typename: 'StaleVersionError', code: 'STALE_VERSION' });
    const ok = await assistant.request(move, { id: first!.id, technicianId, startsAt: at(18).toISOString(), version: first!.version });
    expect(ok.data?.moveAppointment).toEqual({
      __typename: 'MutationMoveAppointmentSuccess',
      data: { startsAt: at(18).toISOString(), version: first!.version + 1 },
    });
  });

  it('takes time off and working hours into account at once', async () => {
    const day2 = bookableDay(7, dayStart);
    const from = parisInstant(day2.year, day2.month, day2.day);
    const to = addParisDays(from, 1);
    const starts = async () =>
      (
        (await app.client().request(slotsQuery, { serviceId, postalCode: '75011', from: from.toISOString(), to: to.toISOString() })).data
          ?.availableSlots as { slots: unknown[] }
      ).slots.length;
    expect(await starts()).toBe(4);
    const timeOff = await assistant.request(
      `mutation($technicianId: ID!, $startsAt: DateTime!, $endsAt: DateTime!) { addTimeOff(technicianId: $technicianId, startsAt: $startsAt, endsAt: $endsAt, reason: "Formation") { __typename } }`,
      { technicianId, startsAt: from.toISOString(), endsAt: parisInstant(day2.year, day2.month, day2.day, 12).toISOString() },
    );
    expect(timeOff.data?.addTimeOff).toEqual({ __typename: 'MutationAddTimeOffSuccess' });
    expect(await starts()).toBe(2);
    const hours = await assistant.request(
      `mutation($technicianId: ID!) { setWorkingHours(technicianId: $technicianId, intervals: [{ weekday: 6, startMinute: 480, endMinute: 720 }]) { __typename } }`,
      { technicianId },
    );
    expect(hours.data?.setWorkingHours).toEqual({ __typename: 'MutationSetWorkingHoursSuccess' });
    expect(await starts()).toBe(0);
    const overlapping = await assistant.request(
      `mutation($technicianId: ID!) { setWorkingHours(technicianId: $technicianId, intervals: [{ weekday: 1, startMinute: 480, endMinute: 720 }, { weekday: 1, startMinute: 600, endMinute: 900 }]) { __typename ... on ValidationError { issues { path } } } }`,
      { technicianId },
    );
    expect(overlapping.data?.setWorkingHours).toEqual({ __typename: 'ValidationError', issues: [{ path: 'intervals' }] });
  });
});

describe('live availability over graphql-ws', () => {
  let app: TestApp;
  let server: RunningHttpServer;

  beforeAll(async () => {
    app = await createTestApp();
    server = await startHttpServer(app, app.config, 0);
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  it('pushes fresh slots to a page watching the day when someone books', async () => {
    const { serviceId, siteId } = await createMorningVisits(app, { postalCode: '92130', clientEmail: 'luc@example.fr' });
    const booker = new TestClient(fetch, `${server.url}/graphql`);
    await booker.login('luc@example.fr', testPassword);

    const day = bookableDay(3);
    const from = parisInstant(day.year, day.month, day.day);
    const to = addParisDays(from, 1);
    const watcher = createClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    const pushed = new Promise<{ slots: { startsAt: string }[] }>((resolve, reject) => {
      watcher.subscribe<{ availabilityChanged: { slots: { startsAt: string }[] } }>(
        {
          query: `subscription($serviceId: ID!, $from: DateTime!, $to: DateTime!) { availabilityChanged(serviceId: $serviceId, postalCode: "92130", from: $from, to: $to) { slots { startsAt } } }`,
          variables: { serviceId, from: from.toISOString(), to: to.toISOString() },
        },
        {
          next: (value) => (value.data ? resolve(value.data.availabilityChanged) : reject(new Error(JSON.stringify(value.errors)))),
          error: reject,
          complete: () => {},
        },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const eight = parisInstant(day.year, day.month, day.day, 8);
    const booked = await booker.request(bookMutation, {
      input: { serviceId, siteId, startsAt: eight.toISOString(), idempotencyKey: randomUUID() },
    });
    expect(booked.data?.bookAppointment).toMatchObject({ __typename: 'MutationBookAppointmentSuccess' });
    const startedWaiting = Date.now();
    const update = await pushed;
    expect(Date.now() - startedWaiting).toBeLessThan(1000);
    expect(update.slots.map((slot) => slot.startsAt)).toEqual([parisInstant(day.year, day.month, day.day, 10).toISOString()]);
    await watcher.dispose();
  });
});

describe('confirmation and cancellation e-mails, through a real SMTP server', () => {
  let app: TestApp;
  let smtp: TestSmtpServer;

  let jobs: JobRunner;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await createTestApp({ smtpUrl: smtp.url });
    // Polls rarely: only the hub's wake-up after each change can send the e-mails in time.
    jobs = createJobRunner({
      prisma: app.db.prisma,
      handlers: builtInJobHandlers({ prisma: app.db.prisma, mailer: app.mailer, files: app.files, config: app.config }),
      pollIntervalMs: 60_000,
      wakeUps: app.hub.subscribe('jobsDue'),
    });
    jobs.start();
  });
  afterAll(async () => {
    await jobs.stop();
    await app.close();
    await smtp.close();
  });

  it('sends the confirmation with an .ics that parses as the booked event, and a CANCEL on cancellation', async () => {
    const { prisma } = app.db;
    const { serviceId, siteId } = await createMorningVisits(app, {
      postalCode: '75011',
      clientEmail: 'paul@example.fr',
      customerEmail: 'paul.garnier@example.fr',
    });
    const client = app.client();
    await client.login('paul@example.fr', testPassword);

    const day = bookableDay(3);
    const eight = parisInstant(day.year, day.month, day.day, 8);
    const booked = await client.request(bookMutation, {
      input: { serviceId, siteId, startsAt: eight.toISOString(), idempotencyKey: randomUUID() },
    });
    const { id } = (booked.data?.bookAppointment as { data: { id: string } }).data;
    await expect.poll(() => smtp.received.length, { timeout: 5000 }).toBe(1);
    const confirmation = await simpleParser(smtp.received[0]!);
    expect(confirmation.to && 'text' in confirmation.to ? confirmation.to.text : '').toBe('paul.garnier@example.fr');
    expect(confirmation.text).toContain('8 h – 10 h');
    const invite = confirmation.attachments.find((attachment) => attachment.filename === 'invite.ics');
    const calendar = parseIcs(invite!.content.toString('utf8'));
    expect(calendar.method).toBe('REQUEST');
    expect(calendar.events).toHaveLength(1);
    expect(calendar.events[0]).toMatchObject({ summary: 'Entretien annuel', status: 'CONFIRMED', uid: `appointment-${id}@relais` });
    expect(calendar.events[0]!.startsAt.toISOString()).toBe(eight.toISOString());
    expect(await prisma.scheduledAction.count({ where: { kind: 'appointment.reminder', status: 'PENDING' } })).toBe(1);
    await expect.poll(() => prisma.scheduledAction.count({ where: { kind: 'appointment.email', status: 'DONE' } })).toBe(1);

    await client.request(`mutation($id: ID!) { cancelAppointment(id: $id) { __typename } }`, { id });
    await expect.poll(() => smtp.received.length, { timeout: 5000 }).toBe(2);
    const cancellation = await simpleParser(smtp.received[1]!);
    const cancelInvite = cancellation.attachments.find((attachment) => attachment.filename === 'invite.ics');
    expect(parseIcs(cancelInvite!.content.toString('utf8'))).toMatchObject({
      method: 'CANCEL',
      events: [{ status: 'CANCELLED', uid: `appointment-${id}@relais` }],
    });
    expect(await prisma.scheduledAction.count({ where: { kind: 'appointment.reminder', status: 'PENDING' } })).toBe(0);
  });
});

describe('many bookings of overlapping times at once, two technicians', () => {
  let app: TestApp;
  let serviceId: string;
  let siteId: string;
  let assistant: TestClient;
  beforeAll(async () => {
    app = await createTestApp();
    const { prisma } = app.db;
    ({ id: serviceId } = await prisma.service.create({
      data: {
        code: 'DEVIS',
        name: 'Devis sur place',
        nameEn: 'On-site quote',
        durationMinutes: 45,
        requiredSkill: 'devis',
        minNoticeHours: 2,
      },
      select: { id: true },
    }));
    for (const email of ['a@duret.test', 'b@duret.test']) {
      const { userId } = await createTestUser(prisma, { role: 'TECHNICIAN', email });
      const { id: technicianId } = await prisma.technician.update({
        where: { userId },
        data: { zones: ['75'], skills: ['devis'] },
        select: { id: true },
      });
      await prisma.workingHours.createMany({
        data: [1, 2, 3, 4, 5].map((weekday) => ({ technicianId, weekday, startMinute: 480, endMinute: 720 })),
      });
    }
    const customerId = await createTestCustomer(prisma, { name: 'Foule Paul' });
    siteId = (await prisma.site.findFirstOrThrow({ where: { customerId } })).id;
    await createTestUser(prisma, { role: 'ASSISTANT', email: 'claire@duret.test' });
    assistant = app.client();
    await assistant.login('claire@duret.test', testPassword);
  });
  afterAll(() => app.close());

  it('answers every request with a booking or SlotTakenError, never an error, even when PostgreSQL reports deadlocks', async () => {
    const { prisma } = app.db;
    const day = bookableDay(3);
    // Starts 30 minutes apart for 45-minute visits: neighbours overlap on the same technician.
    const starts = Array.from({ length: 7 }, (_, index) => parisInstant(day.year, day.month, day.day, 8, index * 30));
    const results = await Promise.all(
      [...starts, ...starts, ...starts].map((startsAt) =>
        assistant.request(bookMutation, { input: { serviceId, siteId, startsAt: startsAt.toISOString(), idempotencyKey: randomUUID() } }),
      ),
    );
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    const outcomes = results.map((result) => (result.data?.bookAppointment as { __typename: string }).__typename);
    expect(outcomes.every((name) => name === 'MutationBookAppointmentSuccess' || name === 'SlotTakenError')).toBe(true);
    const booked = outcomes.filter((name) => name === 'MutationBookAppointmentSuccess').length;
    expect(booked).toBeGreaterThanOrEqual(4);
    expect(await prisma.appointment.count({ where: { serviceId } })).toBe(booked);
  });

  it('lets a customer online hold one appointment at a time, even from two tabs at once; the office may plan parallel visits', async () => {
    const { prisma } = app.db;
    const customerId = await createTestCustomer(prisma, { name: 'Double Jeanne' });
    const ownSiteId = (await prisma.site.findFirstOrThrow({ where: { customerId } })).id;
    await createTestUser(prisma, { role: 'CLIENT', email: 'jeanne@example.fr', customerId });
    const customer = app.client();
    await customer.login('jeanne@example.fr', testPassword);
    const day = bookableDay(5);
    const nine = parisInstant(day.year, day.month, day.day, 9);
    const bookAt = (as: TestClient, startsAt: Date) =>
      as.request(bookMutation, { input: { serviceId, siteId: ownSiteId, startsAt: startsAt.toISOString(), idempotencyKey: randomUUID() } });

    // Both technicians are free at 9 h, so without the rule both tabs would get a visit.
    const twoTabs = await Promise.all([bookAt(customer, nine), bookAt(customer, nine)]);
    const outcomes = twoTabs.map((result) => result.data?.bookAppointment as { __typename: string; code?: string; messageFr?: string });
    expect(outcomes.map((outcome) => outcome.__typename).sort()).toEqual(['ConflictError', 'MutationBookAppointmentSuccess']);
    expect(outcomes.find((outcome) => outcome.code === 'CONFLICT')?.messageFr).toMatch(/^Vous avez déjà un rendez-vous à ce moment-là \(/);
    const overlapping = await bookAt(customer, parisInstant(day.year, day.month, day.day, 9, 30));
    expect(overlapping.data?.bookAppointment).toMatchObject({ __typename: 'ConflictError' });
    expect(await prisma.appointment.count({ where: { customerId } })).toBe(1);

    const byOffice = await bookAt(assistant, nine);
    expect(byOffice.data?.bookAppointment).toMatchObject({ __typename: 'MutationBookAppointmentSuccess' });
    expect(await prisma.appointment.count({ where: { customerId } })).toBe(2);
  });
});
