// Appointment e-mails through a real SMTP server (and the local outbox): French and
// English wording, the calendar invite read back with a real parser, the consent rule,
// and the EmailMessage record of each attempt.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../app/mailer.ts';
import { sendAppointmentEmail } from '../resolvers/sendAppointmentEmail.ts';
import { createAppointmentWorld, createCustomerWithSite, createTestAppointment, type AppointmentWorld } from './appointmentFixtures.ts';
import { parseIcs } from './parseIcs.ts';
import { createTestApp, createTestUser, type TestApp } from './testApp.ts';
import { startTestSmtpServer, type TestSmtpServer } from './testSmtpServer.ts';

// Tuesday 12 March 2024, 8:00–10:00 in Paris.
const startsAt = new Date('2024-03-12T07:00:00Z');

describe('appointment e-mails', () => {
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

  const deps = () => ({ prisma: app.db.prisma, mailer: app.mailer, config: app.config });

  async function lastMail(): Promise<ParsedMail> {
    return simpleParser(smtp.received.at(-1)!);
  }

  function invite(mail: ParsedMail) {
    const attachment = mail.attachments.find((candidate) => candidate.filename === 'invite.ics');
    expect(attachment).toBeDefined();
    return { contentType: attachment!.contentType, calendar: parseIcs(attachment!.content.toString('utf8')) };
  }

  it('confirms in French with the time in Paris, the address, how to change it, and an invite', async () => {
    const appointmentId = await createTestAppointment(app.db.prisma, world, { startsAt });
    const received = smtp.received.length;
    const outcome = await sendAppointmentEmail(deps(), appointmentId, 'confirmation');
    expect(outcome.status).toBe('SENT');
    expect(smtp.received).toHaveLength(received + 1);

    const mail = await lastMail();
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('marie.dupont@example.fr');
    expect(mail.subject).toBe('Rendez-vous confirmé : Dépannage le mardi 12 mars, 8 h – 10 h');
    expect(mail.text).toContain('Bonjour Marie Dupont,');
    expect(mail.text).toContain('Date : mardi 12 mars, 8 h – 10 h');
    expect(mail.text).toContain('Arrivée du technicien entre 8 h et 10 h.');
    expect(mail.text).toContain('Adresse : 12 rue Oberkampf, 75011 Paris');
    expect(mail.text).toContain('Technicien : Gaëtan Martin');
    expect(mail.text).toContain('Pour préparer la visite');
    expect(mail.text).toContain('http://localhost:4000/client');
    expect(mail.text).toContain('Ou appelez-nous au 01 45 00 00 00.');

    const { contentType, calendar } = invite(mail);
    expect(contentType).toBe('text/calendar');
    expect(mail.attachments[0]!.headers.get('content-type')).toMatchObject({ params: { method: 'REQUEST' } });
    expect(calendar.method).toBe('REQUEST');
    expect(calendar.events[0]).toMatchObject({
      uid: `appointment-${appointmentId}@relais`,
      sequence: 1,
      status: 'CONFIRMED',
      summary: 'Dépannage',
      location: '12 rue Oberkampf, 75011 Paris',
      startsAt,
      endsAt: new Date('2024-03-12T09:00:00Z'),
      organizer: 'mailto:contact@duret-electricite.fr',
      attendees: ['mailto:marie.dupont@example.fr'],
    });
    expect(calendar.events[0]!.description).toContain('Arrivée du technicien entre 8 h et 10 h');

    const record = await app.db.prisma.emailMessage.findUniqueOrThrow({
      where: { id: outcome.status === 'SENT' ? outcome.emailMessageId : '' },
    });
    expect(record).toMatchObject({
      direction: 'OUTBOUND',
      status: 'SENT',
      messageId: mail.messageId,
      customerId: world.customerId,
      subject: mail.subject,
      toAddresses: ['marie.dupont@example.fr'],
      fromAddress: 'test@relais.test',
      error: null,
    });
    expect(record.textBody).toBe(mail.text?.trimEnd());
    expect(record.sentAt).toBeInstanceOf(Date);
  });

  it('tells of a move with a newer invite, and of a cancellation with a CANCEL one', async () => {
    const appointmentId = await createTestAppointment(app.db.prisma, world, { startsAt: new Date('2024-03-13T07:00:00Z') });
    await app.db.prisma.appointment.update({
      where: { id: appointmentId },
      data: {
        startsAt: new Date('2024-03-14T13:00:00Z'),
        endsAt: new Date('2024-03-14T15:00:00Z'),
        arrivalWindowStart: new Date('2024-03-14T13:00:00Z'),
        arrivalWindowEnd: new Date('2024-03-14T15:00:00Z'),
        version: 2,
      },
    });
    expect((await sendAppointmentEmail(deps(), appointmentId, 'rescheduled')).status).toBe('SENT');
    const moved = await lastMail();
    expect(moved.subject).toBe('Rendez-vous déplacé : Dépannage le jeudi 14 mars, 14 h – 16 h');
    expect(moved.text).toContain('Votre rendez-vous a été déplacé.');
    expect(invite(moved).calendar).toMatchObject({ method: 'REQUEST', events: [{ sequence: 2, status: 'CONFIRMED' }] });

    await app.db.prisma.appointment.update({ where: { id: appointmentId }, data: { status: 'CANCELLED', version: 3 } });
    expect((await sendAppointmentEmail(deps(), appointmentId, 'cancelled')).status).toBe('SENT');
    const cancelled = await lastMail();
    expect(cancelled.subject).toBe('Rendez-vous annulé : Dépannage du jeudi 14 mars, 14 h – 16 h');
    expect(cancelled.text).toContain('Pour reprendre rendez-vous');
    expect(cancelled.text).not.toContain('Pour préparer la visite');
    expect(cancelled.text).not.toContain('Arrivée du technicien');
    expect(cancelled.attachments[0]!.headers.get('content-type')).toMatchObject({ params: { method: 'CANCEL' } });
    expect(invite(cancelled).calendar).toMatchObject({
      method: 'CANCEL',
      events: [{ uid: `appointment-${appointmentId}@relais`, sequence: 3, status: 'CANCELLED' }],
    });
  });

  it('writes in English to a customer whose account is in English, and reminds without an invite', async () => {
    const { customerId, siteId } = await createCustomerWithSite(app.db.prisma, {
      firstName: 'John',
      lastName: 'Smith',
      email: 'john.smith@example.com',
      site: { street: '3 rue de la Paix', postalCode: '75002', city: 'Paris' },
    });
    const user = await createTestUser(app.db.prisma, { role: 'CLIENT', email: 'john.smith@example.com', customerId });
    await app.db.prisma.user.update({ where: { id: user.userId }, data: { locale: 'en' } });
    const appointmentId = await createTestAppointment(app.db.prisma, world, {
      startsAt: new Date('2024-03-15T13:30:00Z'),
      customerId,
      siteId,
    });

    await sendAppointmentEmail(deps(), appointmentId, 'confirmation');
    const confirmation = await lastMail();
    expect(confirmation.subject).toBe('Appointment confirmed: Breakdown repair on Friday 15 March, 2:30 pm – 4:30 pm');
    expect(confirmation.text).toContain('Hello John Smith,');
    expect(confirmation.text).toContain('The technician arrives between 2:30 pm and 4:30 pm.');
    expect(confirmation.text).toContain('Or call us on 01 45 00 00 00.');
    expect(invite(confirmation).calendar.events[0]).toMatchObject({ summary: 'Breakdown repair' });

    await sendAppointmentEmail(deps(), appointmentId, 'reminder');
    const reminder = await lastMail();
    expect(reminder.subject).toBe('Reminder: Breakdown repair on Friday 15 March, 2:30 pm – 4:30 pm');
    expect(reminder.attachments).toEqual([]);
  });

  it('sends confirmations whatever the consent to e-mails, but no reminder without it, and nothing without an address', async () => {
    await app.db.prisma.customer.update({ where: { id: world.customerId }, data: { consentEmail: false } });
    const appointmentId = await createTestAppointment(app.db.prisma, world, { startsAt: new Date('2024-03-18T07:00:00Z') });
    const received = smtp.received.length;
    expect(await sendAppointmentEmail(deps(), appointmentId, 'reminder')).toEqual({ status: 'SKIPPED', reason: 'NO_EMAIL_CONSENT' });
    expect(smtp.received).toHaveLength(received);
    expect((await sendAppointmentEmail(deps(), appointmentId, 'confirmation')).status).toBe('SENT');
    expect(smtp.received).toHaveLength(received + 1);

    await app.db.prisma.customer.update({ where: { id: world.customerId }, data: { emails: [], consentEmail: true } });
    expect(await sendAppointmentEmail(deps(), appointmentId, 'confirmation')).toEqual({ status: 'SKIPPED', reason: 'NO_EMAIL_ADDRESS' });
    expect(await sendAppointmentEmail(deps(), 'no-such-appointment', 'confirmation')).toEqual({
      status: 'SKIPPED',
      reason: 'APPOINTMENT_NOT_FOUND',
    });
    await app.db.prisma.customer.update({ where: { id: world.customerId }, data: { emails: ['marie.dupont@example.fr'] } });
  });

  it('records a message the mail server did not take as FAILED with the error, without throwing', async () => {
    const appointmentId = await createTestAppointment(app.db.prisma, world, { startsAt: new Date('2024-03-19T07:00:00Z') });
    // Nothing listens on port 9 of the loopback: the connection is refused.
    const unreachable = createMailer({ smtpUrl: 'smtp://127.0.0.1:9', from: app.config.mailFrom, outboxDir: app.config.dataDir });
    const outcome = await sendAppointmentEmail({ ...deps(), mailer: unreachable }, appointmentId, 'confirmation');
    expect(outcome).toMatchObject({ status: 'FAILED', error: expect.stringContaining('ECONNREFUSED') });
    const record = await app.db.prisma.emailMessage.findUniqueOrThrow({
      where: { id: outcome.status === 'FAILED' ? outcome.emailMessageId : '' },
    });
    expect(record).toMatchObject({
      status: 'FAILED',
      customerId: world.customerId,
      sentAt: null,
      error: expect.stringContaining('ECONNREFUSED'),
    });
    expect(record.messageId).toMatch(/^<[\w-]+@relais\.test>$/);
  });

  it('puts the invite in the outbox .eml when no SMTP server is configured', async () => {
    const appointmentId = await createTestAppointment(app.db.prisma, world, { startsAt: new Date('2024-03-20T07:00:00Z') });
    const outboxDir = path.join(app.config.dataDir, 'outbox');
    const outbox = createMailer({ smtpUrl: undefined, from: app.config.mailFrom, outboxDir });
    expect((await sendAppointmentEmail({ ...deps(), mailer: outbox }, appointmentId, 'confirmation')).status).toBe('SENT');
    const [file] = readdirSync(outboxDir);
    const mail = await simpleParser(readFileSync(path.join(outboxDir, file!)));
    expect(mail.subject).toBe('Rendez-vous confirmé : Dépannage le mercredi 20 mars, 8 h – 10 h');
    expect(invite(mail).calendar.events[0]).toMatchObject({ uid: `appointment-${appointmentId}@relais` });
  });
});
