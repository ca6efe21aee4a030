// Message templates: the shipped set, previews filled from a ticket's customer and next
// visit, the manager's edits (kept across upgrades) and the refusal of unknown variables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTemplates } from '../resolvers/defaultTemplates.ts';
import { installDefaultTemplates } from '../resolvers/installDefaultTemplates.ts';
import { parisInstant } from '../resolvers/parisTime.ts';
import { sendAppointmentEmail } from '../resolvers/sendAppointmentEmail.ts';
import { sendAppointmentReminder } from '../resolvers/sendAppointmentReminder.ts';
import { renderTemplate, templateVariables, unknownTemplateVariables } from '../resolvers/renderTemplate.ts';
import { createTestApp, createTestCustomer, createTestUser, testPassword, type TestApp, type TestClient } from './testApp.ts';

const previewQuery = `query($templateId: ID!, $ticketId: ID) {
  previewTemplate(templateId: $templateId, ticketId: $ticketId) {
    __typename
    ... on QueryPreviewTemplateSuccess { data { subject body missing } }
  }
}`;

const saveMutation = `mutation($input: SaveTemplateInput!) {
  saveTemplate(input: $input) {
    __typename
    ... on MutationSaveTemplateSuccess { data { id body } }
    ... on ValidationError { issues { path messageFr messageEn } }
  }
}`;

describe('shipped templates', () => {
  it('cover at least ten French e-mails, each with its English twin, using known variables only', () => {
    const frenchEmails = defaultTemplates.filter((template) => template.channel === 'EMAIL' && template.locale === 'fr');
    expect(frenchEmails.length).toBeGreaterThanOrEqual(10);
    for (const template of frenchEmails) {
      expect(defaultTemplates.some((twin) => twin.key === template.key && twin.channel === 'EMAIL' && twin.locale === 'en')).toBe(true);
    }
    const keys = new Set(frenchEmails.map((template) => template.key));
    for (const needed of [
      'appointment.confirmation',
      'appointment.reminder',
      'quote.sent',
      'quote.follow-up',
      'intervention.report',
      'survey.request',
      'call.missed-callback',
    ]) {
      expect(keys).toContain(needed);
    }
    for (const template of defaultTemplates) {
      expect(unknownTemplateVariables(`${template.subject ?? ''} ${template.body}`), `${template.key}/${template.locale}`).toEqual([]);
    }
  });

  it('renders values and leaves what has none visible, listed as missing', () => {
    const rendered = renderTemplate(
      { subject: 'Devis {{quote.number}}', body: 'Bonjour {{ customer.name }}, à {{appointment.date}}.' },
      { 'customer.name': 'Marie Dupont', 'quote.number': 'DEV-2026-0042' },
    );
    expect(rendered).toEqual({
      subject: 'Devis DEV-2026-0042',
      body: 'Bonjour Marie Dupont, à {{appointment.date}}.',
      missing: ['appointment.date'],
    });
    expect(templateVariables.map((variable) => variable.name)).toContain('customer.name');
  });
});

describe('templates through GraphQL', () => {
  let app: TestApp;
  let assistant: TestClient;
  let manager: TestClient;
  let ticketId: string;
  let appointmentId: string;

  beforeAll(async () => {
    app = await createTestApp();
    const { prisma } = app.db;
    expect(await installDefaultTemplates(prisma)).toBe(defaultTemplates.length);
    await prisma.setting.create({ data: { key: 'company', value: { name: 'Duret Électricité', phone: '+33145000000' } } });
    const customerId = await createTestCustomer(prisma, { name: 'Dupont Marie', emails: ['marie@example.fr'] });
    const site = await prisma.site.findFirstOrThrow({ where: { customerId }, select: { id: true } });
    const service = await prisma.service.create({
      data: { code: 'ENTRETIEN', name: 'Entretien annuel', nameEn: 'Annual maintenance', durationMinutes: 60, requiredSkill: 'entretien' },
    });
    const { userId } = await createTestUser(prisma, { role: 'TECHNICIAN', email: 'gaetan@duret.test', name: 'Gaëtan Leroy' });
    const technician = await prisma.technician.findUniqueOrThrow({ where: { userId }, select: { id: true } });
    // The Monday after the switch to summer time: the hours must read as Paris wall-clock hours.
    const startsAt = parisInstant(2031, 3, 31, 8);
    await prisma.appointment.create({
      data: {
        serviceId: service.id,
        technicianId: technician.id,
        siteId: site.id,
        customerId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        arrivalWindowStart: startsAt,
        arrivalWindowEnd: new Date(startsAt.getTime() + 2 * 3_600_000),
        status: 'CONFIRMED',
        source: 'STAFF',
      },
    });
    appointmentId = (await prisma.appointment.findFirstOrThrow({ where: { customerId }, select: { id: true } })).id;
    ticketId = (
      await prisma.ticket.create({ data: { subject: 'Question sur ma visite', source: 'EMAIL', customerId }, select: { id: true } })
    ).id;
    await createTestUser(prisma, { role: 'ASSISTANT', email: 'claire@duret.test', name: 'Claire Bernard' });
    await createTestUser(prisma, { role: 'MANAGER', email: 'duret@duret.test', name: 'Paul Duret' });
    assistant = app.client();
    await assistant.login('claire@duret.test', testPassword);
    manager = app.client();
    await manager.login('duret@duret.test', testPassword);
  });
  afterAll(() => app.close());

  async function templateId(key: string, locale: 'fr' | 'en') {
    const template = await app.db.prisma.template.findUniqueOrThrow({
      where: { key_channel_locale: { key, channel: 'EMAIL', locale } },
      select: { id: true },
    });
    return template.id;
  }

  it('previews a template for a ticket: the customer, their next visit, the company and the sender, in the template’s language', async () => {
    const french = await assistant.request(previewQuery, { templateId: await templateId('appointment.reminder', 'fr'), ticketId });
    const { data } = french.data?.previewTemplate as { data: { subject: string; body: string; missing: string[] } };
    expect(data.missing).toEqual([]);
    expect(data.subject).toMatch(/^Rappel : votre rendez-vous lundi 31 mars$/);
    expect(data.body).toContain('Bonjour Dupont Marie,');
    expect(data.body).toContain('« Entretien annuel » lundi 31 mars, 8 h – 10 h, au 12 rue Oberkampf, 75011 Paris');
    expect(data.body).toContain('01 45 00 00 00');

    const english = await assistant.request(previewQuery, { templateId: await templateId('ticket.acknowledgement', 'en'), ticketId });
    expect((english.data?.previewTemplate as { data: { body: string } }).data.body).toContain('"Question sur ma visite"');
    expect((english.data?.previewTemplate as { data: { body: string } }).data.body).toContain('Claire Bernard');

    const quote = await assistant.request(previewQuery, { templateId: await templateId('quote.sent', 'fr'), ticketId });
    expect((quote.data?.previewTemplate as { data: { missing: string[] } }).data.missing).toEqual([
      'quote.number',
      'quote.totalIncludingTax',
      'quote.validUntil',
    ]);
  });

  it('lets the manager edit a template, refuses unknown variables in both languages, and keeps edits across installs', async () => {
    const id = await templateId('appointment.reminder', 'fr');
    const base = {
      id,
      key: 'appointment.reminder',
      channel: 'EMAIL',
      locale: 'fr',
      name: 'Rappel',
      subject: 'Rappel',
      body: 'Bonjour {{customer.name}}',
    };

    const byAssistant = await assistant.request(saveMutation, { input: base });
    expect(byAssistant.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const typo = await manager.request(saveMutation, { input: { ...base, body: 'Bonjour {{client.nom}}' } });
    expect(typo.data?.saveTemplate).toEqual({
      __typename: 'ValidationError',
      issues: [{ path: 'body', messageFr: 'Variable inconnue : {{client.nom}}.', messageEn: 'Unknown variable: {{client.nom}}.' }],
    });
    const duplicate = await manager.request(saveMutation, { input: { ...base, id: null } });
    expect(duplicate.data?.saveTemplate).toMatchObject({ __typename: 'ValidationError', issues: [{ path: 'key' }] });

    const saved = await manager.request(saveMutation, { input: base });
    expect(saved.data?.saveTemplate).toMatchObject({
      __typename: 'MutationSaveTemplateSuccess',
      data: { id, body: 'Bonjour {{customer.name}}' },
    });
    expect(await installDefaultTemplates(app.db.prisma)).toBe(0);
    const kept = await app.db.prisma.template.findUniqueOrThrow({ where: { id }, select: { body: true } });
    expect(kept.body).toBe('Bonjour {{customer.name}}');
  });

  it('writes the reminder automation with the office’s template, and falls back to the built-in wording when it cannot be filled in', async () => {
    const { prisma } = app.db;
    const id = await templateId('appointment.reminder', 'fr');
    await manager.request(saveMutation, {
      input: {
        id,
        key: 'appointment.reminder',
        channel: 'EMAIL',
        locale: 'fr',
        name: 'Rappel',
        subject: 'À demain, {{customer.name}} !',
        body: '{{technician.name}} passe {{appointment.date}} entre {{appointment.time}}.',
      },
    });
    const deps = { prisma, mailer: app.mailer, config: app.config };
    await sendAppointmentReminder(deps, { appointmentId }, new Date('2031-03-30T16:00:00Z'));
    const sent = await prisma.emailMessage.findFirstOrThrow({
      orderBy: { createdAt: 'desc' },
      select: { subject: true, textBody: true, templateId: true },
    });
    expect(sent).toEqual({
      subject: 'À demain, Dupont Marie !',
      textBody: 'Gaëtan Leroy passe lundi 31 mars entre 8 h – 10 h.',
      templateId: id,
    });

    await manager.request(saveMutation, {
      input: {
        id,
        key: 'appointment.reminder',
        channel: 'EMAIL',
        locale: 'fr',
        name: 'Rappel',
        subject: 'Rappel',
        body: 'Devis {{quote.number}}',
      },
    });
    await sendAppointmentReminder(deps, { appointmentId }, new Date('2031-03-30T16:00:00Z'));
    const fallback = await prisma.emailMessage.findFirstOrThrow({
      orderBy: { createdAt: 'desc' },
      select: { subject: true, textBody: true, templateId: true },
    });
    expect(fallback.templateId).toBeNull();
    expect(fallback.textBody).not.toContain('{{');
    expect(fallback.subject).toBe('Rappel : Entretien annuel le lundi 31 mars, 8 h – 10 h');
  });

  it('writes the booking e-mails with the shipped templates when they are installed, invite still attached', async () => {
    const { prisma } = app.db;
    const deps = { prisma, mailer: app.mailer, config: app.config };
    await sendAppointmentEmail(deps, appointmentId, 'confirmation');
    const sent = await prisma.emailMessage.findFirstOrThrow({
      orderBy: { createdAt: 'desc' },
      select: { subject: true, textBody: true, templateId: true },
    });
    expect(sent).toMatchObject({
      subject: 'Votre rendez-vous du lundi 31 mars est confirmé',
      templateId: await templateId('appointment.confirmation', 'fr'),
    });
    expect(sent.textBody).toContain('- date : lundi 31 mars, 8 h – 10 h');
  });
});
