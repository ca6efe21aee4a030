// New requests and tickets in Chromium against the real API and demo data: a customer
// sends a request from the portal and finds it under "Mes demandes" while the office's
// open inbox shows the new ticket live; the assistant creates a ticket from the inbox's
// dialog and lands on it.
import { describe, expect, it } from 'vitest';
import { desktop, phone, screenshot, useE2eApp } from './harness.ts';

const app = useE2eApp();

describe('customer requests', () => {
  it('sends a request from the portal, lists it under "Mes demandes" and shows it live in the office’s inbox', async () => {
    const office = await app.browser.newContext({ viewport: desktop, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const inbox = await office.newPage();
    await app.openAs(inbox, 'assistant@demo.relais.fr', '/assistant/inbox');
    await inbox.locator('.inbox-table tbody tr').first().waitFor({ timeout: 15_000 });

    const portal = await app.browser.newContext({ viewport: phone, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const client = await portal.newPage();
    await app.logIn(client, 'client@demo.relais.fr');
    await client.getByTestId('home-client').getByRole('link', { name: 'Nouvelle demande' }).click();
    await client.waitForURL(/\/client\/requests$/);

    const form = client.getByTestId('request-form');
    await form.getByRole('button', { name: 'Envoyer la demande' }).click();
    await form.getByText('Indiquez l’objet de votre demande.').waitFor();

    const subject = `Prise du salon sans courant ${Date.now()}`;
    await form.getByLabel('Type de demande').selectOption('BREAKDOWN');
    await form.getByLabel('Objet').fill(subject);
    await form.getByLabel('Détails').fill('Depuis ce matin, la prise près de la fenêtre ne fonctionne plus.');
    const site = form.getByLabel('Adresse concernée');
    const firstSite = await site.locator('option').nth(1).getAttribute('value');
    await site.selectOption(firstSite ?? '');
    await screenshot(client, 'client-request-form-390.png');

    await form.getByRole('button', { name: 'Envoyer la demande' }).click();
    const sent = client.getByTestId('request-sent');
    await sent.waitFor({ timeout: 10_000 });
    const ticket = await app.system.db.prisma.ticket.findFirstOrThrow({
      where: { subject },
      select: { id: true, number: true, source: true, priority: true, siteId: true },
    });
    expect(ticket).toMatchObject({ source: 'PORTAL', priority: 'HIGH', siteId: firstSite });
    expect(await sent.textContent()).toContain(`Demande n°\u00a0${ticket.number} envoyée`);

    const mine = client.getByTestId('my-requests').locator(`li[data-request-number="${ticket.number}"]`);
    await expect.poll(() => mine.textContent(), { timeout: 10_000 }).toContain(subject);
    expect(await mine.textContent()).toContain('Reçue');
    await screenshot(client, 'client-request-sent-390.png');

    // The office's inbox, open all along, shows the new ticket without a reload.
    await inbox.locator(`.inbox-table tr[data-ticket-id="${ticket.id}"]`).waitFor({ timeout: 10_000 });
    await portal.close();
    await office.close();
  });
});

describe('new ticket from the inbox', () => {
  it('creates a ticket for a customer from the dialog (n key) and opens it', async () => {
    const customer = await app.system.db.prisma.customer.findFirstOrThrow({
      where: { emails: { has: 'client@demo.relais.fr' } },
      select: { id: true, name: true },
    });
    const context = await app.browser.newContext({ viewport: desktop, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await app.openAs(page, 'assistant@demo.relais.fr', '/assistant/inbox');
    await page.locator('.inbox-table tbody tr').first().waitFor({ timeout: 15_000 });

    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'Nouveau ticket' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Canal').inputValue()).toBe('PHONE');

    const subject = `Devis borne de recharge ${Date.now()}`;
    await dialog.getByLabel('Objet').fill(subject);
    await dialog.getByLabel('Description').fill('Appel de la cliente : devis pour une borne de 7 kW au garage.');
    await dialog.getByLabel('Catégorie').selectOption('QUOTE_REQUEST');
    await dialog.getByLabel('Priorité').selectOption('HIGH');
    await dialog.getByRole('button', { name: 'Choisir un client' }).click();
    await dialog.getByRole('searchbox').fill(customer.name);
    await dialog
      .getByRole('button', { name: new RegExp(customer.name) })
      .first()
      .click();
    await expect.poll(() => dialog.getByTestId('new-ticket-customer').textContent(), { timeout: 10_000 }).toBe(customer.name);
    await screenshot(page, 'new-ticket-dialog-1440.png', false);

    await dialog.getByRole('button', { name: 'Créer le ticket' }).click();
    await page.waitForURL(/\/assistant\/tickets\//, { timeout: 10_000 });
    await page.getByTestId('ticket-page').getByRole('heading', { level: 1, name: subject }).waitFor({ timeout: 10_000 });
    const ticket = await app.system.db.prisma.ticket.findFirstOrThrow({
      where: { subject },
      select: { id: true, source: true, category: true, priority: true, customerId: true },
    });
    expect(ticket).toMatchObject({ source: 'PHONE', category: 'QUOTE_REQUEST', priority: 'HIGH', customerId: customer.id });
    expect(page.url()).toContain(`/assistant/tickets/${ticket.id}`);
    await page.getByTestId('ticket-customer').getByRole('link', { name: customer.name, exact: true }).waitFor();
    await context.close();
  });
});
