// The technician's calendar feed on a real port, read back with a real iCalendar parser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../app/httpServer.ts';
import { createAppointmentWorld, createTestAppointment, type AppointmentWorld } from './appointmentFixtures.ts';
import { parseIcs } from './parseIcs.ts';
import { createTestApp, type TestApp } from './testApp.ts';

const dayMs = 24 * 3_600_000;

describe('technician calendar feed', () => {
  let app: TestApp;
  let server: RunningHttpServer;
  let world: AppointmentWorld;
  let appointments: { upcoming: string; lastWeek: string };

  beforeAll(async () => {
    app = await createTestApp();
    server = await startHttpServer(app, app.config, 0);
    world = await createAppointmentWorld(app.db.prisma);
    // Whole hours, so that no two of them overlap for the technician.
    const at = (days: number) => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + days * dayMs);
    appointments = {
      upcoming: await createTestAppointment(app.db.prisma, world, { startsAt: at(2) }),
      lastWeek: await createTestAppointment(app.db.prisma, world, { startsAt: at(-7), status: 'DONE' }),
    };
    // Left out: cancelled, older than 30 days, further than 90 days.
    await createTestAppointment(app.db.prisma, world, { startsAt: at(3), status: 'CANCELLED' });
    await createTestAppointment(app.db.prisma, world, { startsAt: at(-45), status: 'DONE' });
    await createTestAppointment(app.db.prisma, world, { startsAt: at(120) });
    await app.db.prisma.appointment.update({
      where: { id: appointments.upcoming },
      data: { notes: 'Disjoncteur qui saute, chien dans le jardin' },
    });
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  it('serves the technician’s appointments from 30 days ago to 90 days ahead, cancelled ones left out', async () => {
    const response = await fetch(`${server.url}/ics/technician/${world.icsToken}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    const calendar = parseIcs(await response.text());
    expect(calendar.method).toBe('PUBLISH');
    expect(calendar.name).toBe('Duret Électricité – Gaëtan Martin');
    expect(calendar.events.map((event) => event.uid)).toEqual([
      `appointment-${appointments.lastWeek}@relais`,
      `appointment-${appointments.upcoming}@relais`,
    ]);
    const upcoming = calendar.events[1]!;
    expect(upcoming).toMatchObject({
      status: 'CONFIRMED',
      summary: 'Dépannage – Dupont Marie',
      location: '12 rue Oberkampf, 75011 Paris',
      organizer: 'mailto:contact@duret-electricite.fr',
      attendees: [],
      startsAtIsUtc: true,
    });
    expect(upcoming.description.split('\n')).toEqual([
      expect.stringMatching(/^Arrivée du technicien entre \d+ h et \d+ h$/),
      'Client : Dupont Marie',
      'Téléphone : 06 12 34 56 78',
      'Adresse : 12 rue Oberkampf, 75011 Paris',
      'Accès : Digicode 4521B, 3e étage, porte gauche',
      'Notes : Disjoncteur qui saute, chien dans le jardin',
    ]);
  });

  it('answers a wrong token, or a technician no longer active, with a bare 404', async () => {
    const wrong = await fetch(`${server.url}/ics/technician/${world.icsToken}x.ics`);
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toBe('Not found');
    expect((await fetch(`${server.url}/ics/technician/${world.icsToken}.ics/extra`)).status).toBe(404);

    await app.db.prisma.technician.update({ where: { id: world.technicianId }, data: { active: false } });
    try {
      expect((await fetch(`${server.url}/ics/technician/${world.icsToken}.ics`)).status).toBe(404);
    } finally {
      await app.db.prisma.technician.update({ where: { id: world.technicianId }, data: { active: true } });
    }
  });
});
