// The assistant's live inbox in Chromium against the real API and demo data: a signed
// telephony webhook pops the caller's card within a second and one click opens the
// call's ticket; a ticket created by someone else appears in an open inbox with its
// counters; a reply written from a template is sent and shows in the ticket's history.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { webhookSignature } from '../../api/resolvers/verifyWebhookSignature.ts';
import { desktop, phone, screenshot, useE2eApp } from './harness.ts';

const app = useE2eApp();

const telephonySecret = 'relais-dev-telephony-generic';
let webhookEvents = 0;

/** Tells Relais, as the telephony system would, that a call from `from` is ringing. */
async function ring(from: string): Promise<string> {
  webhookEvents += 1;
  const callId = `e2e-call-${webhookEvents}-${Date.now()}`;
  const body = JSON.stringify({
    eventId: `e2e-event-${webhookEvents}-${Date.now()}`,
    type: 'ringing',
    callId,
    direction: 'inbound',
    from,
    to: '01 45 00 00 00',
    timestamp: new Date().toISOString(),
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(`${app.system.http.url}/webhooks/telephony/generic`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-relais-timestamp': timestamp,
      'x-relais-signature': webhookSignature(telephonySecret, timestamp, body),
    },
    body,
  });
  expect(response.status).toBe(200);
  return callId;
}

/** Another member of staff, signed in to the API on their own (no browser). */
async function apiSession(email: string) {
  const call = async (cookie: string, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${app.system.http.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    return { response, body: (await response.json()) as { data?: Record<string, any>; errors?: unknown[] } };
  };
  const login = await call(
    '',
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }',
    {
      email,
      password: 'demo1234',
    },
  );
  const cookie = (login.response.headers.get('set-cookie') ?? '').split(';')[0]!;
  expect(cookie).toContain('=');
  return async (query: string, variables?: Record<string, unknown>) => {
    const { body } = await call(cookie, query, variables);
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
}

async function openInbox(page: Page): Promise<void> {
  await app.openAs(page, 'assistant@demo.relais.fr', '/assistant/inbox');
  await page.locator('.inbox-table tbody tr').first().waitFor({ timeout: 15_000 });
  await expect.poll(() => page.getByTestId('count-open').textContent(), { timeout: 10_000 }).toMatch(/\d/);
}

const counter = async (page: Page, view: string) => Number((await page.getByTestId(`count-${view}`).textContent())?.replace(/\D/g, ''));

describe('incoming calls', () => {
  it('pops the known caller’s card within a second, and one click opens the call’s ticket', async () => {
    const { prisma } = app.system.db;
    const customer = await prisma.customer.findFirstOrThrow({
      where: { emails: { has: 'client@demo.relais.fr' } },
      select: { id: true, name: true, phones: true },
    });
    const nationalNumber = `0${customer.phones[0]!.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ');

    const context = await app.browser.newContext({ viewport: desktop, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await openInbox(page);

    const started = Date.now();
    const callId = await ring(nationalNumber);
    const card = page.getByTestId('incoming-call').filter({ hasText: customer.name });
    await card.waitFor({ timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await card.textContent()).toContain(nationalNumber.replace(/ /g, '\u00a0'));
    await expect.poll(() => card.getByRole('heading', { name: 'Prochaine visite' }).isVisible()).toBe(true);

    // An unknown number still gets its card, stacked above the first one.
    await ring('07 00 00 00 01');
    const unknown = page.getByTestId('incoming-call').filter({ hasText: 'Client inconnu' });
    await unknown.waitFor({ timeout: 1000 });
    expect(await page.getByTestId('incoming-call').count()).toBe(2);
    await page.waitForTimeout(300);
    await screenshot(page, 'incoming-call-1440.png', false);

    // Dismissed with its button; the known caller's card stays.
    await unknown.getByRole('button', { name: /Fermer l’appel/ }).click();
    expect(await page.getByTestId('incoming-call').count()).toBe(1);

    await card.getByRole('button', { name: 'Créer un ticket' }).click();
    await page.waitForURL(/\/assistant\/tickets\//, { timeout: 10_000 });
    await page
      .getByTestId('ticket-page')
      .getByRole('heading', { level: 1, name: new RegExp(customer.name) })
      .waitFor({ timeout: 10_000 });
    const call = await prisma.call.findFirstOrThrow({ where: { providerCallId: callId }, select: { ticketId: true, customerId: true } });
    expect(call.customerId).toBe(customer.id);
    expect(page.url()).toContain(`/assistant/tickets/${call.ticketId}`);
    expect(await page.getByTestId('incoming-call').count()).toBe(0);
    await page.getByTestId('ticket-customer').getByRole('link', { name: customer.name, exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'ticket-from-call-1440.png');

    // From the ticket, the customer's 360° record.
    await page.getByTestId('ticket-customer').getByRole('link', { name: 'Ouvrir la fiche' }).click();
    await page.waitForURL(/\/assistant\/customers\//);
    await expect.poll(() => page.getByTestId('customer-360').textContent(), { timeout: 10_000 }).toContain(customer.name);
    await context.close();
  });

  it('links the ticket of an unknown caller to the customer found by search, and the call with it', async () => {
    const { prisma } = app.system.db;
    const customer = await prisma.customer.findFirstOrThrow({
      where: { emails: { has: 'client@demo.relais.fr' } },
      select: { id: true, name: true },
    });
    const context = await app.browser.newContext({ viewport: desktop, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await openInbox(page);

    const callId = await ring('07 00 00 00 02');
    const unknown = page.getByTestId('incoming-call').filter({ hasText: 'Client inconnu' });
    await unknown.waitFor({ timeout: 1000 });
    await unknown.getByRole('button', { name: 'Créer un ticket' }).click();
    await page.waitForURL(/\/assistant\/tickets\//, { timeout: 10_000 });

    const panel = page.getByTestId('ticket-customer');
    await panel.getByRole('button', { name: 'Lier à un client' }).click();
    await panel.getByRole('searchbox').fill(customer.name);
    await panel
      .getByRole('button', { name: new RegExp(customer.name) })
      .first()
      .click();
    await panel.getByRole('link', { name: customer.name, exact: true }).waitFor({ timeout: 10_000 });
    const call = await prisma.call.findFirstOrThrow({
      where: { providerCallId: callId },
      select: { customerId: true, ticket: { select: { customerId: true } } },
    });
    expect(call).toEqual({ customerId: customer.id, ticket: { customerId: customer.id } });
    await page.getByTestId('ticket-page').getByText(`Client\u00a0:`).first().waitFor({ timeout: 10_000 });
    await context.close();
  });

  it('shows the card on a phone-sized screen too', async () => {
    const context = await app.browser.newContext({ viewport: phone, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await app.openAs(page, 'assistant@demo.relais.fr', '/assistant/inbox');
    await page.locator('.inbox-table tbody tr').first().waitFor({ timeout: 15_000 });
    const customer = await app.system.db.prisma.customer.findFirstOrThrow({
      where: { emails: { has: 'client@demo.relais.fr' } },
      select: { name: true, phones: true },
    });
    await ring(customer.phones[0]!);
    await page.getByTestId('incoming-call').filter({ hasText: customer.name }).waitFor({ timeout: 1000 });
    await page.waitForTimeout(300);
    await screenshot(page, 'incoming-call-390.png', false);
    await context.close();
  });
});

describe('call log', () => {
  it('lists the calls of the period with their figures, missed ones set apart', async () => {
    const context = await app.browser.newContext({ viewport: desktop, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await app.openAs(page, 'assistant@demo.relais.fr', '/assistant/calls?period=month');
    const rows = page.locator('.call-table tbody tr');
    await rows.first().waitFor({ timeout: 15_000 });
    await page.getByRole('figure', { name: 'Appels par jour' }).waitFor();
    expect(await page.locator('.overview-tile').filter({ hasText: 'Taux d’appels manqués' }).textContent()).toMatch(/\d\s?%/);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'calls-1440.png');

    await page.getByLabel('Manqués seulement').check();
    await expect.poll(() => page.locator('.call-table tbody tr:not(.call-row-missed)').count(), { timeout: 10_000 }).toBe(0);
    expect(await rows.count()).toBeGreaterThan(0);

    await page.setViewportSize(phone);
    await screenshot(page, 'calls-390.png');
    await context.close();
  });
});

describe('live inbox', () => {
  it('shows a ticket created in another session, and its counters change, without a reload', async () => {
    const context = await app.browser.newContext({ viewport: desktop, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await openInbox(page);
    const openBefore = await counter(page, 'open');
    const unassignedBefore = await counter(page, 'unassigned');
    const navBefore = Number(await page.getByTestId('nav-open-count').textContent());
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'inbox-1440.png');

    const manager = await apiSession('manager@demo.relais.fr');
    const subject = `Disjoncteur qui saute – e2e ${Date.now()}`;
    const created = await manager(
      `mutation ($input: CreateTicketInput!) {
        createTicket(input: $input) { __typename ... on MutationCreateTicketSuccess { data { id number } } }
      }`,
      { input: { source: 'EMAIL', subject, category: 'BREAKDOWN', priority: 'HIGH' } },
    );
    expect(created['createTicket'].__typename).toBe('MutationCreateTicketSuccess');

    const row = page.locator('.inbox-table tbody tr').filter({ hasText: subject });
    await row.waitFor({ timeout: 5000 });
    await expect.poll(() => counter(page, 'open'), { timeout: 5000 }).toBe(openBefore + 1);
    await expect.poll(() => counter(page, 'unassigned'), { timeout: 5000 }).toBe(unassignedBefore + 1);
    await expect.poll(async () => Number(await page.getByTestId('nav-open-count').textContent()), { timeout: 5000 }).toBe(navBefore + 1);
    expect(await row.textContent()).toContain('Haute');

    // The assistant takes it from the list with the keyboard: j to the first row, Enter to open.
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(subject);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/assistant\/tickets\//);
    await page.getByRole('heading', { level: 1, name: subject }).waitFor();
    await page.keyboard.press('a');
    await page.locator('.timeline [data-event-kind="ASSIGNMENT"]').waitFor({ timeout: 5000 });
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/assistant\/inbox/);
    await expect.poll(() => counter(page, 'unassigned'), { timeout: 5000 }).toBe(unassignedBefore);
    await context.close();
  });

  it('lays the inbox out for a phone', async () => {
    const context = await app.browser.newContext({ viewport: phone, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await openInbox(page);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'inbox-390.png');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await page.getByRole('tab', { name: /Unassigned/ }).click();
    await expect.poll(() => page.locator('.inbox-table tbody tr').first().textContent()).toContain('Unassigned');
    await screenshot(page, 'inbox-en-390.png', false);
    // The choice is saved to the account: the next tests expect French again.
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Boîte de réception' }).waitFor();
    await page.waitForLoadState('networkidle');
    await context.close();
  });
});

describe('ticket', () => {
  it('replies by e-mail from a template and shows the sent reply in the history', async () => {
    const { prisma } = app.system.db;
    // A customer with an e-mail address and no quote: the quote template cannot be filled in for them.
    const ticket = await prisma.ticket.findFirstOrThrow({
      where: {
        status: { in: ['NEW', 'OPEN', 'PENDING'] },
        mergedIntoId: null,
        customer: { is: { emails: { isEmpty: false }, quotes: { none: {} } } },
      },
      select: { id: true, number: true, subject: true, customer: { select: { name: true, emails: true } } },
      orderBy: { createdAt: 'desc' },
    });

    const context = await app.browser.newContext({ viewport: desktop, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await app.openAs(page, 'assistant@demo.relais.fr', `/assistant/tickets/${ticket.id}`);
    await page.getByRole('heading', { level: 1, name: ticket.subject }).waitFor({ timeout: 15_000 });
    const form = page.getByTestId('reply-form');
    const template = form.getByLabel('Modèle');
    await expect.poll(() => template.locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(5);

    // A template whose variables have no value here: they are listed and sending waits for them.
    await template.selectOption({ label: 'Envoi de devis' });
    await form.getByTestId('reply-placeholders').waitFor({ timeout: 5000 });
    expect(await form.getByTestId('reply-placeholders').textContent()).toContain('{{quote.number}}');
    await form.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('accolades');
    await screenshot(page, 'ticket-reply-missing-1440.png');

    // Another template over that text asks first, then fills everything in.
    await template.selectOption({ label: 'Accusé de réception d’une demande' });
    await page.getByRole('dialog').getByRole('button', { name: 'Utiliser le modèle' }).click();
    const body = form.getByRole('textbox', { name: 'Message', exact: true });
    await expect.poll(() => body.inputValue(), { timeout: 5000 }).toContain(`« ${ticket.subject} »`);
    expect(await form.getByTestId('reply-placeholders').count()).toBe(0);
    await body.press('ControlOrMeta+End');
    await body.pressSequentially('\nP.-S. Le technicien vous appellera demain matin.');
    await form.getByRole('button', { name: 'Envoyer la réponse' }).click();

    const reply = page.locator('.timeline [data-event-kind="EMAIL_OUT"]').last();
    await reply.waitFor({ timeout: 10_000 });
    await expect.poll(() => reply.textContent(), { timeout: 5000 }).toContain('Envoyé');
    expect(await reply.textContent()).toContain('Le technicien vous appellera demain matin');
    expect(await reply.textContent()).toContain(ticket.customer!.emails[0]!);
    expect(await body.inputValue()).toBe('');
    const sent = await prisma.emailMessage.findFirstOrThrow({
      where: { ticketId: ticket.id, direction: 'OUTBOUND' },
      orderBy: { createdAt: 'desc' },
      select: { status: true, templateId: true, subject: true },
    });
    expect(sent.status).toBe('SENT');
    expect(sent.templateId).not.toBeNull();
    expect(sent.subject).toContain(`[#${ticket.number}]`);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'ticket-1440.png');

    await page.setViewportSize(phone);
    await page.waitForTimeout(300);
    await screenshot(page, 'ticket-390.png');
    await context.close();
  });
});
