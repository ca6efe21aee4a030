import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.ts';
import { openDatabase } from '../db/database.ts';
import { seedDemoData } from './seedDemoData.ts';

const NOW = new Date('2026-03-10T09:00:00Z');

const DEMO_ACCOUNTS = [
  { email: 'manager@demo.relais.fr', role: 'MANAGER', name: 'Philippe Duret' },
  { email: 'assistant@demo.relais.fr', role: 'ASSISTANT', name: 'Claire Martin' },
  { email: 'technicien@demo.relais.fr', role: 'TECHNICIAN', name: 'Gaëtan Leroy' },
  { email: 'client@demo.relais.fr', role: 'CLIENT' },
] as const;

describe('seedDemoData', () => {
  it('fills an empty database with consistent French demo data, once', { timeout: 120_000 }, async () => {
    const db = await openDatabase({ kind: 'pglite' });
    try {
      const prisma = db.prisma;
      const summary = await seedDemoData(prisma, { now: NOW, seed: 1 });

      expect(summary.skipped).toBe(false);
      expect(summary.customers).toBeGreaterThanOrEqual(550);
      expect(summary.customers).toBeLessThanOrEqual(650);
      expect(summary.contracts).toBeGreaterThanOrEqual(250);
      expect(summary.contracts).toBeLessThanOrEqual(300);
      expect(summary.appointments).toBeGreaterThanOrEqual(800);
      expect(summary.appointments).toBeLessThanOrEqual(1500);
      expect(summary.tickets).toBeGreaterThanOrEqual(1300);
      expect(summary.tickets).toBeLessThanOrEqual(1700);
      expect(summary.calls).toBeGreaterThanOrEqual(2200);
      expect(summary.calls).toBeLessThanOrEqual(2800);
      expect(summary.quotes).toBeGreaterThanOrEqual(250);
      expect(summary.quotes).toBeLessThanOrEqual(350);
      expect(summary.invoices).toBeGreaterThanOrEqual(200);
      expect(summary.invoices).toBeLessThanOrEqual(300);
      expect(summary.technicians).toBe(5);
      expect(summary.services).toBe(5);
      expect(summary.catalogItems).toBeGreaterThanOrEqual(20);

      // The summary reports what is really in the database.
      expect(await prisma.customer.count()).toBe(summary.customers);
      expect(await prisma.appointment.count()).toBe(summary.appointments);
      expect(await prisma.ticket.count()).toBe(summary.tickets);
      expect(await prisma.call.count()).toBe(summary.calls);
      expect(await prisma.ticketEvent.count()).toBe(summary.ticketEvents);

      const customers = await prisma.customer.findMany({ select: { phones: true, kind: true, sageAccount: true, searchText: true } });
      for (const customer of customers) {
        expect(customer.phones.length).toBeGreaterThanOrEqual(1);
        for (const phone of customer.phones) expect(phone).toMatch(/^\+33\d{9}$/);
        expect(customer.sageAccount).toMatch(/^CL\d{5}$/);
        expect(customer.searchText).not.toBe('');
      }
      const individuals = customers.filter((customer) => customer.kind === 'INDIVIDUAL').length;
      expect(individuals / customers.length).toBeGreaterThan(0.75);

      const clients = await prisma.user.findMany({
        where: { role: 'CLIENT' },
        select: { customerId: true, customer: { select: { id: true } } },
      });
      expect(clients.length).toBeGreaterThan(1);
      for (const client of clients) {
        expect(client.customerId).not.toBeNull();
        expect(client.customer?.id).toBe(client.customerId);
      }

      // Checked here as well as by the database's exclusion constraint.
      const appointments = await prisma.appointment.findMany({
        where: { status: { not: 'CANCELLED' } },
        select: { technicianId: true, startsAt: true, endsAt: true },
        orderBy: [{ technicianId: 'asc' }, { startsAt: 'asc' }],
      });
      for (let index = 1; index < appointments.length; index++) {
        const previous = appointments[index - 1]!;
        const current = appointments[index]!;
        if (previous.technicianId !== current.technicianId) continue;
        expect(current.startsAt.getTime()).toBeGreaterThanOrEqual(previous.endsAt.getTime());
      }

      for (const account of DEMO_ACCOUNTS) {
        const user = await prisma.user.findUnique({ where: { email: account.email }, include: { credential: true } });
        expect(user?.role).toBe(account.role);
        if ('name' in account) expect(user?.name).toBe(account.name);
        expect(await verifyPassword(user?.credential?.hash ?? '', 'demo1234')).toBe(true);
      }

      const gaetan = await prisma.technician.findFirstOrThrow({ where: { user: { email: 'technicien@demo.relais.fr' } } });
      expect(gaetan.skills.sort()).toEqual(['conformite', 'depannage', 'devis', 'entretien', 'irve']);
      const todayStart = new Date('2026-03-09T23:00:00Z');
      const todayEnd = new Date('2026-03-10T23:00:00Z');
      expect(
        await prisma.appointment.count({ where: { technicianId: gaetan.id, startsAt: { gte: todayStart, lt: todayEnd } } }),
      ).toBeGreaterThan(0);
      expect(
        await prisma.appointment.count({ where: { technicianId: gaetan.id, startsAt: { gte: todayEnd }, status: 'CONFIRMED' } }),
      ).toBeGreaterThan(3);

      const demoClient = await prisma.user.findUniqueOrThrow({ where: { email: 'client@demo.relais.fr' } });
      const demoCustomerId = demoClient.customerId ?? '';
      expect(await prisma.contract.count({ where: { customerId: demoCustomerId } })).toBe(1);
      expect(await prisma.appointment.count({ where: { customerId: demoCustomerId, status: 'DONE' } })).toBeGreaterThan(0);
      expect(await prisma.appointment.count({ where: { customerId: demoCustomerId, startsAt: { gt: NOW }, status: 'CONFIRMED' } })).toBe(1);
      expect(await prisma.quote.count({ where: { customerId: demoCustomerId } })).toBeGreaterThan(0);
      expect(await prisma.invoice.count({ where: { customerId: demoCustomerId } })).toBeGreaterThan(0);

      // Quote totals are the sums of their lines, VAT rounded per line.
      const quotes = await prisma.quote.findMany({ include: { lines: true } });
      for (const quote of quotes) {
        const ht = quote.lines.reduce((sum, line) => sum + line.totalHtCents, 0);
        const vat = quote.lines.reduce((sum, line) => sum + Math.round((line.totalHtCents * line.vatRateBp) / 10000), 0);
        expect(quote.totalHtCents).toBe(ht);
        expect(quote.totalVatCents).toBe(vat);
        expect(quote.totalTtcCents).toBe(ht + vat);
        for (const line of quote.lines) expect(line.totalHtCents).toBe(Math.round(Number(line.quantity) * line.unitPriceCents));
      }

      // Invoice numbers are gapless per year and follow the issue dates.
      const invoices = await prisma.invoice.findMany({ orderBy: { number: 'asc' } });
      const byYear = new Map<string, typeof invoices>();
      for (const invoice of invoices) {
        const year = invoice.number.slice(2, 6);
        byYear.set(year, [...(byYear.get(year) ?? []), invoice]);
      }
      for (const [year, ofYear] of byYear) {
        ofYear.forEach((invoice, index) => {
          expect(invoice.number).toBe(`F-${year}-${String(index + 1).padStart(5, '0')}`);
          if (index > 0) expect(invoice.issuedAt.getTime()).toBeGreaterThanOrEqual(ofYear[index - 1]!.issuedAt.getTime());
        });
        const sequence = await prisma.numberSequence.findUnique({ where: { name_year: { name: 'invoice', year: Number(year) } } });
        expect(sequence?.value).toBe(ofYear.length);
      }

      const openTickets = await prisma.ticket.count({ where: { status: { in: ['NEW', 'OPEN', 'PENDING'] } } });
      expect(openTickets).toBeGreaterThanOrEqual(30);
      expect(openTickets).toBeLessThanOrEqual(50);
      expect(await prisma.ticket.count({ where: { createdAt: { gt: NOW } } })).toBe(0);
      expect(await prisma.call.count({ where: { startedAt: { gt: NOW } } })).toBe(0);

      const second = await seedDemoData(prisma, { now: NOW, seed: 1 });
      expect(second.skipped).toBe(true);
      expect(second.customers).toBe(0);
      expect(await prisma.customer.count()).toBe(summary.customers);
      expect(await prisma.user.count()).toBe(summary.users);
    } finally {
      await db.close();
    }
  });
});
