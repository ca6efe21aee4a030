// Inbox benchmarks (issue 4): the saved views, counters and search over 20,000 tickets,
// and a ringing call's customer card reaching 20 open assistant screens, on PGlite and
// (with DATABASE_URL) PostgreSQL.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configFromEnv, developmentTelephonySecrets } from '../api/app/config.ts';
import { startHttpServer } from '../api/app/httpServer.ts';
import { createServices, type RelaisServices } from '../api/app/system.ts';
import type { Database } from '../api/db/database.ts';
import type { Prisma, TicketCategory, TicketPriority, TicketSource, TicketStatus } from '../api/generated/prisma/client.ts';
import { seedDemoData } from '../api/resolvers/seedDemoData.ts';
import { webhookSignature } from '../api/resolvers/verifyWebhookSignature.ts';
import { logIn, onEachDatabase, ms, quantile, startSubscribers, timeRuns } from './measure.ts';

const ticketTarget = 20_000;
const assistantScreens = 20;
const rings = 30;
const runsPerQuery = 100;
const demoPassword = 'demo1234';

const subjects = [
  'Disjoncteur qui saute',
  'Demande de devis tableau électrique',
  'Prise qui ne fonctionne plus',
  'Panne d’éclairage parties communes',
  'Question sur la facture',
  'Installation borne de recharge',
  'Entretien annuel à programmer',
  'Odeur de brûlé près du compteur',
  'Ajout de prises dans la cuisine',
  'Interphone en panne',
];
const categories: TicketCategory[] = ['BREAKDOWN', 'QUOTE_REQUEST', 'APPOINTMENT', 'BILLING', 'INFORMATION', 'OTHER'];
const sources: TicketSource[] = ['PHONE', 'EMAIL', 'PORTAL', 'TECHNICIAN'];
const priorities: TicketPriority[] = ['LOW', 'NORMAL', 'NORMAL', 'NORMAL', 'HIGH', 'URGENT'];

/** A small deterministic generator, so every run measures the same inbox. */
function dice(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** The demo data, then generated tickets up to 20,000: a year of history with about 1,200 still open. */
async function fillInbox(db: Database): Promise<void> {
  await seedDemoData(db.prisma);
  const { prisma } = db;
  const customers = (await prisma.customer.findMany({ select: { id: true } })).map((customer) => customer.id);
  const staff = (await prisma.user.findMany({ where: { role: { in: ['ASSISTANT', 'MANAGER'] } }, select: { id: true } })).map(
    (user) => user.id,
  );
  const missing = ticketTarget - (await prisma.ticket.count());
  const random = dice(42);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const now = Date.now();
  for (let offset = 0; offset < missing; offset += 1000) {
    const rows: Prisma.TicketCreateManyInput[] = Array.from({ length: Math.min(1000, missing - offset) }, () => {
      const createdAt = new Date(now - random() * 365 * 86_400_000);
      const open = random() < 0.06;
      const status: TicketStatus = open ? pick(['NEW', 'OPEN', 'PENDING'] as const) : pick(['RESOLVED', 'CLOSED'] as const);
      return {
        subject: pick(subjects),
        description: `${pick(subjects)}. Rappeler le client en fin de journée.`,
        source: pick(sources),
        category: pick(categories),
        priority: pick(priorities),
        status,
        customerId: random() < 0.9 ? pick(customers) : null,
        assigneeId: random() < 0.7 ? pick(staff) : null,
        createdAt,
        firstResponseDueAt: new Date(createdAt.getTime() + 4 * 3_600_000),
        resolutionDueAt: new Date(createdAt.getTime() + 48 * 3_600_000),
        resolvedAt: open ? null : new Date(createdAt.getTime() + 20 * 3_600_000),
      };
    });
    await prisma.ticket.createMany({ data: rows });
  }
}

const inboxQuery = `query($view: TicketView, $filter: TicketFilter) {
  tickets(view: $view, filter: $filter, first: 25) {
    totalCount hasNextPage
    items { id number subject status priority source slaAtRisk slaBreached resolutionDueAt createdAt customer { id name } assignee { id name } }
  }
}`;

const cardSubscription = `subscription { incomingCall {
  id fromNumber startedAt
  customer {
    id name phones balanceDueCents
    openTickets { number subject status }
    contracts { number status renewalDate }
    upcomingAppointments(limit: 1) { startsAt }
    recentAppointments(limit: 1) { startsAt }
    quotes(limit: 5) { number status totalTtcCents }
    invoices(limit: 5) { number status totalTtcCents paidCents }
  }
} }`;

interface InboxFigures {
  database: string;
  queries: { label: string; durations: number[]; totalCount: number | null }[];
  card?: number[];
}

async function graphql(services: RelaisServices, cookie: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await services.yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: { tickets?: { totalCount: number } }; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function measureOn(database: string, db: Database, withCard: boolean): Promise<InboxFigures> {
  await fillInbox(db);
  const config = {
    ...configFromEnv({}),
    dataDir: mkdtempSync(path.join(tmpdir(), 'relais-bench-')),
    redisUrl: undefined,
    smtpUrl: undefined,
    pwaDistDir: undefined,
  };
  const services = createServices(db, config);
  const cookie = await logIn(services.yoga, 'assistant@demo.relais.fr', demoPassword);
  const cases: { label: string; query: string; variables?: Record<string, unknown> }[] = [
    { label: 'view OPEN (the default), first 25', query: inboxQuery, variables: { view: 'OPEN' } },
    { label: 'view MINE', query: inboxQuery, variables: { view: 'MINE' } },
    { label: 'view UNASSIGNED', query: inboxQuery, variables: { view: 'UNASSIGNED' } },
    { label: 'view SLA_AT_RISK', query: inboxQuery, variables: { view: 'SLA_AT_RISK' } },
    { label: 'counters of the four views', query: '{ ticketCounters { open mine unassigned slaAtRisk } }' },
    { label: 'search "tableau électrique" (all statuses)', query: inboxQuery, variables: { filter: { search: 'tableau électrique' } } },
    { label: 'search a customer name "martin"', query: inboxQuery, variables: { filter: { search: 'martin' } } },
    { label: 'filter URGENT + HIGH, open', query: inboxQuery, variables: { view: 'OPEN', filter: { priority: ['URGENT', 'HIGH'] } } },
  ];
  const queries = [];
  for (const { label, query, variables } of cases) {
    const first = await graphql(services, cookie, query, variables);
    await timeRuns(10, () => graphql(services, cookie, query, variables));
    const durations = await timeRuns(runsPerQuery, () => graphql(services, cookie, query, variables));
    queries.push({ label, durations, totalCount: first?.tickets?.totalCount ?? null });
  }
  const card = withCard
    ? await measureCard(services, db, config.telephonyWebhookSecrets.generic ?? developmentTelephonySecrets.generic, cookie)
    : undefined;
  await services.hub.close();
  return { database, queries, card };
}

/** From sending a signed "ringing" webhook to each of 20 assistant screens (another process) receiving the card. */
async function measureCard(services: RelaisServices, db: Database, secret: string, cookie: string): Promise<number[]> {
  const server = await startHttpServer(services, { ...configFromEnv({}), pwaDistDir: undefined }, 0);
  const caller = await db.prisma.customer.findFirstOrThrow({
    where: { phones: { isEmpty: false }, tickets: { some: { status: 'OPEN' } }, contracts: { some: {} } },
    select: { phones: true },
  });
  const screens = await startSubscribers({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    count: assistantScreens,
    query: cardSubscription,
    variables: {},
    headers: { cookie },
  });
  const latencies: number[] = [];
  for (let index = 0; index < rings; index += 1) {
    const body = JSON.stringify({
      eventId: randomUUID(),
      type: 'ringing',
      callId: `bench-${randomUUID()}`,
      direction: 'inbound',
      from: caller.phones[0],
      to: '+33145000000',
      timestamp: new Date().toISOString(),
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const sentAt = performance.timeOrigin + performance.now();
    const response = await fetch(`${server.url}/webhooks/telephony/generic`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-relais-timestamp': timestamp,
        'x-relais-signature': webhookSignature(secret, timestamp, body),
      },
      body,
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
    latencies.push(...(await screens.round(index)).map((receivedAt) => receivedAt - sentAt));
  }
  screens.stop();
  await server.close();
  return latencies;
}

export async function inboxSection(): Promise<string[]> {
  const results: InboxFigures[] = [];
  results.push(...(await onEachDatabase((database, db) => measureOn(database, db, true))));
  return [
    '## Inbox (issue 4)',
    '',
    `${ticketTarget} tickets (the demo's 1,500 plus generated ones over a year, about 6 % still open), 600 customers;`,
    `the assistant's GraphQL requests in-process (yoga.fetch), ${runsPerQuery} runs each after 10 warm-up runs. Target: p95 under 100 ms on PostgreSQL.`,
    '',
    '| database | request | matching tickets | p50 | p95 |',
    '|---|---|---|---|---|',
    ...results.flatMap((result) =>
      result.queries.map(
        (query) =>
          `| ${result.database} | ${query.label} | ${query.totalCount ?? '—'} | ${ms(quantile(query.durations, 0.5))} | ${ms(quantile(query.durations, 0.95))} |`,
      ),
    ),
    '',
    `Incoming call: from sending a signed \`ringing\` webhook to each of ${assistantScreens} assistant screens (graphql-ws, in another process)`,
    `receiving the customer card (open tickets, contracts, next and last visit, quotes, invoices, balance), over ${rings} rings. Target: p95 under 300 ms.`,
    '',
    '| database | p50 | p95 | max |',
    '|---|---|---|---|',
    ...results.flatMap((result) =>
      result.card
        ? [
            `| ${result.database} | ${ms(quantile(result.card, 0.5))} | ${ms(quantile(result.card, 0.95))} | ${ms(Math.max(...result.card))} |`,
          ]
        : [],
    ),
    '',
  ];
}
