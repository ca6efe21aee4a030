// Scheduled actions: the reminder's planning rules in the database, runners of several
// instances racing on the same due rows, retries with backoff, abandoned runs, and the
// reminder e-mail reaching a real SMTP server.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { builtInJobHandlers, createJobRunner, maxAttempts, type ClaimedAction } from '../app/jobRunner.ts';
import { createMailer } from '../app/mailer.ts';
import { startSystem } from '../app/system.ts';
import { cancelAppointmentReminder, scheduleAppointmentReminder } from '../resolvers/scheduleAppointmentReminder.ts';
import { createAppointmentWorld, createTestAppointment, type AppointmentWorld } from './appointmentFixtures.ts';
import { createTestApp, testConfig, type TestApp } from './testApp.ts';
import { openTestDatabase } from './testDatabase.ts';
import { startTestSmtpServer, type TestSmtpServer } from './testSmtpServer.ts';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

let app: TestApp;
let smtp: TestSmtpServer;
let world: AppointmentWorld;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  app = await createTestApp({ smtpUrl: smtp.url });
  world = await createAppointmentWorld(app.db.prisma);
});
afterAll(async () => {
  await app.close();
  await smtp.close();
});
// With no rule, reminders are on; a test that needs one creates it.
beforeEach(() => app.db.prisma.automationRule.deleteMany());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function dueActions(kind: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, index) => `${kind}-${index}`);
  await app.db.prisma.scheduledAction.createMany({ data: ids.map((id) => ({ id, kind, runAt: new Date(Date.now() - 1000) })) });
  return ids;
}

describe('planning the appointment reminder', () => {
  it('keeps one reminder per appointment, moved and re-armed by a reschedule, cancelled by a cancellation', async () => {
    const startsAt = new Date('2030-03-12T07:00:00Z');
    const appointmentId = await createTestAppointment(app.db.prisma, world, { startsAt });
    const now = new Date('2030-03-01T10:00:00Z');
    expect(await scheduleAppointmentReminder(app.db.prisma, { id: appointmentId, startsAt }, now)).toEqual(
      new Date('2030-03-11T17:00:00Z'),
    );
    expect(await scheduleAppointmentReminder(app.db.prisma, { id: appointmentId, startsAt }, now)).toEqual(
      new Date('2030-03-11T17:00:00Z'),
    );
    const where = { dedupeKey: `appointment.reminder:${appointmentId}` };
    expect(await app.db.prisma.scheduledAction.findMany({ where })).toEqual([
      expect.objectContaining({
        kind: 'appointment.reminder',
        status: 'PENDING',
        payload: { appointmentId },
        runAt: new Date('2030-03-11T17:00:00Z'),
      }),
    ]);

    // Already sent, then the appointment moves: the reminder is due again for the new day.
    await app.db.prisma.scheduledAction.update({ where, data: { status: 'DONE', doneAt: new Date(), attempts: 2, lastError: 'earlier' } });
    const movedTo = new Date('2030-03-20T12:00:00Z');
    await scheduleAppointmentReminder(app.db.prisma, { id: appointmentId, startsAt: movedTo }, now);
    expect(await app.db.prisma.scheduledAction.findUniqueOrThrow({ where })).toMatchObject({
      status: 'PENDING',
      runAt: new Date('2030-03-19T17:00:00Z'),
      attempts: 0,
      lastError: null,
      doneAt: null,
    });

    await cancelAppointmentReminder(app.db.prisma, appointmentId);
    expect(await app.db.prisma.scheduledAction.findUniqueOrThrow({ where })).toMatchObject({ status: 'CANCELLED' });
  });

  it('plans nothing, and cancels what was planned, when the appointment is too close', async () => {
    const appointmentId = await createTestAppointment(app.db.prisma, world, { startsAt: new Date('2030-04-02T07:00:00Z') });
    const where = { dedupeKey: `appointment.reminder:${appointmentId}` };
    await scheduleAppointmentReminder(
      app.db.prisma,
      { id: appointmentId, startsAt: new Date('2030-04-02T07:00:00Z') },
      new Date('2030-03-01T00:00:00Z'),
    );
    const soon = new Date('2030-03-01T01:30:00Z');
    expect(
      await scheduleAppointmentReminder(app.db.prisma, { id: appointmentId, startsAt: soon }, new Date('2030-03-01T00:00:00Z')),
    ).toBeNull();
    expect(await app.db.prisma.scheduledAction.findUniqueOrThrow({ where })).toMatchObject({ status: 'CANCELLED' });
  });

  it('follows the manager’s reminder rule: its quiet hours, and nothing at all once disabled, in the booking’s transaction', async () => {
    const rule = await app.db.prisma.automationRule.create({
      data: { key: 'appointment-reminder', name: 'Rappel', trigger: 'APPOINTMENT_REMINDER', quietStartMinute: 1200, quietEndMinute: 480 },
    });
    const startsAt = new Date('2030-05-07T12:00:00Z');
    const appointmentId = await createTestAppointment(app.db.prisma, world, { startsAt });
    // Booked at 23:00 Paris the evening before: the reminder waits for 8:00.
    const runAt = await app.db.prisma.$transaction((tx) =>
      scheduleAppointmentReminder(tx, { id: appointmentId, startsAt }, new Date('2030-05-06T21:00:00Z')),
    );
    expect(runAt).toEqual(new Date('2030-05-07T06:00:00Z'));
    expect(
      await app.db.prisma.scheduledAction.findUniqueOrThrow({ where: { dedupeKey: `appointment.reminder:${appointmentId}` } }),
    ).toMatchObject({
      ruleId: rule.id,
    });

    await app.db.prisma.automationRule.update({ where: { id: rule.id }, data: { enabled: false } });
    const other = await createTestAppointment(app.db.prisma, world, { startsAt: new Date('2030-05-14T12:00:00Z') });
    expect(await scheduleAppointmentReminder(app.db.prisma, { id: other, startsAt: new Date('2030-05-14T12:00:00Z') })).toBeNull();
    expect(await app.db.prisma.scheduledAction.count({ where: { dedupeKey: `appointment.reminder:${other}` } })).toBe(0);
  });
});

describe('the job runner', () => {
  it('runs each due action exactly once when two instances race for the same rows', async () => {
    const ids = await dueActions('test.race', 40);
    const runs: { id: string; by: string }[] = [];
    const runner = (instanceId: string) =>
      createJobRunner({
        prisma: app.db.prisma,
        instanceId,
        batchSize: 4,
        handlers: {
          'test.race': async (action) => {
            runs.push({ id: action.id, by: instanceId });
            await sleep(5);
          },
        },
      });
    const [first, second] = [runner('instance-a'), runner('instance-b')];
    const drain = async (jobRunner: ReturnType<typeof runner>) => {
      while ((await jobRunner.runOnce()) > 0);
    };
    await Promise.all([drain(first), drain(second), drain(first), drain(second)]);

    expect(runs.map((run) => run.id).sort()).toEqual([...ids].sort());
    const rows = await app.db.prisma.scheduledAction.findMany({ where: { kind: 'test.race' } });
    expect(rows.every((row) => row.status === 'DONE' && row.doneAt !== null && row.lockedBy === null)).toBe(true);
    if (app.db.kind === 'postgres') expect(new Set(runs.map((run) => run.by))).toEqual(new Set(['instance-a', 'instance-b']));
  });

  it('retries a failed action with a growing delay, and gives up after the last attempt', async () => {
    const [id] = await dueActions('test.failing', 1);
    let calls = 0;
    const runner = createJobRunner({
      prisma: app.db.prisma,
      handlers: {
        'test.failing': () => {
          calls += 1;
          return Promise.reject(new Error(`boom ${calls}`));
        },
      },
    });
    const before = Date.now();
    expect(await runner.runOnce()).toBe(1);
    let row = await app.db.prisma.scheduledAction.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'boom 1', lockedAt: null, lockedBy: null });
    expect(row.runAt.getTime() - before).toBeGreaterThanOrEqual(60_000);
    expect(row.runAt.getTime() - before).toBeLessThan(70_000);
    // Not due yet: nothing runs.
    expect(await runner.runOnce()).toBe(0);

    await app.db.prisma.scheduledAction.update({ where: { id }, data: { runAt: new Date(Date.now() - 1000) } });
    const secondTry = Date.now();
    await runner.runOnce();
    row = await app.db.prisma.scheduledAction.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 2, lastError: 'boom 2' });
    expect(row.runAt.getTime() - secondTry).toBeGreaterThanOrEqual(120_000);

    await app.db.prisma.scheduledAction.update({ where: { id }, data: { attempts: maxAttempts - 1, runAt: new Date(Date.now() - 1000) } });
    await runner.runOnce();
    expect(await app.db.prisma.scheduledAction.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'FAILED',
      attempts: maxAttempts,
    });
    expect(await runner.runOnce()).toBe(0);
    expect(calls).toBe(3);
  });

  it('takes back an action whose instance died while running it, but not one still within its lock', async () => {
    const [abandoned, live] = await dueActions('test.abandoned', 2);
    await app.db.prisma.scheduledAction.update({
      where: { id: abandoned },
      data: { status: 'RUNNING', lockedBy: 'dead-instance', lockedAt: new Date(Date.now() - 11 * 60_000) },
    });
    await app.db.prisma.scheduledAction.update({
      where: { id: live },
      data: { status: 'RUNNING', lockedBy: 'busy-instance', lockedAt: new Date(Date.now() - 5 * 60_000) },
    });
    const ran: string[] = [];
    const runner = createJobRunner({
      prisma: app.db.prisma,
      handlers: { 'test.abandoned': (action) => Promise.resolve(void ran.push(action.id)) },
    });
    expect(await runner.runOnce()).toBe(1);
    expect(ran).toEqual([abandoned]);
    expect(await app.db.prisma.scheduledAction.findUniqueOrThrow({ where: { id: abandoned } })).toMatchObject({
      status: 'DONE',
      attempts: 1,
      lastError: expect.stringContaining('lock expired'),
    });
    expect(await app.db.prisma.scheduledAction.findUniqueOrThrow({ where: { id: live } })).toMatchObject({
      status: 'RUNNING',
      lockedBy: 'busy-instance',
    });
  });

  it('leaves the outcome alone when the action was cancelled while it ran, and kinds it does not know to others', async () => {
    const [id] = await dueActions('test.cancelled-meanwhile', 1);
    const [unknown] = await dueActions('test.not-mine', 1);
    const runner = createJobRunner({
      prisma: app.db.prisma,
      handlers: {
        'test.cancelled-meanwhile': async (action: ClaimedAction) => {
          await app.db.prisma.scheduledAction.update({
            where: { id: action.id },
            data: { status: 'CANCELLED', lockedAt: null, lockedBy: null },
          });
        },
      },
    });
    expect(await runner.runOnce()).toBe(1);
    expect(await app.db.prisma.scheduledAction.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'CANCELLED', doneAt: null });
    expect(await app.db.prisma.scheduledAction.findUniqueOrThrow({ where: { id: unknown } })).toMatchObject({
      status: 'PENDING',
      attempts: 0,
    });
  });
});

describe('the appointment reminder, run by the job runner', () => {
  async function dueReminderFor(startsAt: Date, status: 'CONFIRMED' | 'CANCELLED' = 'CONFIRMED'): Promise<string> {
    const appointmentId = await createTestAppointment(app.db.prisma, world, { startsAt, status });
    await scheduleAppointmentReminder(app.db.prisma, { id: appointmentId, startsAt }, new Date(startsAt.getTime() - 30 * dayMs));
    // As if the evening before had come.
    await app.db.prisma.scheduledAction.update({
      where: { dedupeKey: `appointment.reminder:${appointmentId}` },
      data: { runAt: new Date(Date.now() - 1000) },
    });
    return appointmentId;
  }

  const reminderRunner = (mailer = app.mailer) =>
    createJobRunner({
      prisma: app.db.prisma,
      handlers: builtInJobHandlers({ prisma: app.db.prisma, mailer, files: app.files, config: app.config }),
    });

  it('e-mails the customer through the SMTP server and marks the action done', async () => {
    // Three days ahead at 8:00 UTC, whatever today is.
    const startsAt = new Date(Math.ceil((Date.now() + 3 * dayMs) / dayMs) * dayMs + 8 * hourMs);
    const appointmentId = await dueReminderFor(startsAt);
    const received = smtp.received.length;
    expect(await reminderRunner().runOnce()).toBe(1);
    expect(smtp.received).toHaveLength(received + 1);
    const mail = await simpleParser(smtp.received.at(-1)!);
    expect(mail.subject).toMatch(/^Rappel : Dépannage le \S+ \d+ \S+, \d+ h – \d+ h$/);
    expect(mail.text).toContain('Nous vous rappelons votre prochain rendez-vous.');
    expect(
      await app.db.prisma.scheduledAction.findUniqueOrThrow({ where: { dedupeKey: `appointment.reminder:${appointmentId}` } }),
    ).toMatchObject({
      status: 'DONE',
    });
  });

  it('sends nothing for an appointment cancelled or already past', async () => {
    const cancelled = await dueReminderFor(new Date(Date.now() + 5 * dayMs), 'CANCELLED');
    const past = await createTestAppointment(app.db.prisma, world, { startsAt: new Date(Date.now() - 20 * dayMs) });
    await app.db.prisma.scheduledAction.create({
      data: {
        kind: 'appointment.reminder',
        runAt: new Date(Date.now() - 1000),
        payload: { appointmentId: past },
        dedupeKey: `appointment.reminder:${past}`,
      },
    });
    const received = smtp.received.length;
    expect(await reminderRunner().runOnce()).toBe(2);
    expect(smtp.received).toHaveLength(received);
    const statuses = await app.db.prisma.scheduledAction.findMany({
      where: { dedupeKey: { in: [`appointment.reminder:${cancelled}`, `appointment.reminder:${past}`] } },
      select: { status: true },
    });
    expect(statuses).toEqual([{ status: 'DONE' }, { status: 'DONE' }]);
  });

  it('retries later when the mail server cannot be reached', async () => {
    const appointmentId = await dueReminderFor(new Date(Date.now() + 6 * dayMs));
    const unreachable = createMailer({ smtpUrl: 'smtp://127.0.0.1:9', from: app.config.mailFrom, outboxDir: app.config.dataDir });
    expect(await reminderRunner(unreachable).runOnce()).toBe(1);
    expect(
      await app.db.prisma.scheduledAction.findUniqueOrThrow({ where: { dedupeKey: `appointment.reminder:${appointmentId}` } }),
    ).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastError: expect.stringContaining('ECONNREFUSED'),
    });
  });
});

describe('the running system', () => {
  it('starts the job runner with the server and stops it on close', async () => {
    const db = await openTestDatabase();
    await db.prisma.scheduledAction.create({
      data: { id: 'orphan-reminder', kind: 'appointment.reminder', runAt: new Date(Date.now() - 1000), payload: { appointmentId: 'gone' } },
    });
    const system = await startSystem(testConfig({ port: 0, redisUrl: undefined }), db);
    try {
      // The first poll happens at start: the reminder of a deleted appointment completes with nothing to send.
      await expect
        .poll(async () => (await db.prisma.scheduledAction.findUniqueOrThrow({ where: { id: 'orphan-reminder' } })).status, {
          timeout: 10_000,
        })
        .toBe('DONE');
    } finally {
      await system.close();
    }
  });
});
