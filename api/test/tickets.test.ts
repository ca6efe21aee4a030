// The office's inbox through GraphQL against the real database: creating tickets with
// their SLA, changing and merging them, the timeline, search, saved views, counters and
// the live ticketChanged feed over graphql-ws.
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../app/httpServer.ts';
import { computeSlaDueAt, slaRiskHorizon } from '../resolvers/computeSlaDueAt.ts';
import { nextEvent, webSocketWithHeaders } from './graphqlWs.ts';
import { createTestApp, createTestCustomer, createTestUser, TestClient, testPassword, type TestApp } from './testApp.ts';

const SLA_POLICIES = [
  { priority: 'URGENT', firstResponseMinutes: 60, resolutionMinutes: 480 },
  { priority: 'HIGH', firstResponseMinutes: 240, resolutionMinutes: 1440 },
  { priority: 'NORMAL', firstResponseMinutes: 480, resolutionMinutes: 2880 },
  { priority: 'LOW', firstResponseMinutes: 1440, resolutionMinutes: 7200 },
] as const;
const policyOf = (priority: (typeof SLA_POLICIES)[number]['priority']) => SLA_POLICIES.find((policy) => policy.priority === priority)!;

const ticketFields = `id number subject description source category priority status createdAt
  firstResponseDueAt resolutionDueAt firstRespondedAt resolvedAt closedAt slaAtRisk slaBreached
  customer { id name } site { id } assignee { id name } mergedInto { id } calls { id }
  events { kind body author { name } call { id } change { field from to } assignee { name } mergeSource { id } mergeTarget { id } }`;
const errorFields = `... on Error { code messageFr messageEn } ... on ValidationError { issues { path messageFr messageEn } }`;

const createTicketMutation = `mutation($input: CreateTicketInput!) {
  createTicket(input: $input) { __typename ... on MutationCreateTicketSuccess { data { ${ticketFields} } } ${errorFields} }
}`;
const updateTicketMutation = `mutation($input: UpdateTicketInput!) {
  updateTicket(input: $input) { __typename ... on MutationUpdateTicketSuccess { data { ${ticketFields} } } ${errorFields} }
}`;
const addNoteMutation = `mutation($ticketId: ID!, $body: String!, $idempotencyKey: String) {
  addTicketNote(ticketId: $ticketId, body: $body, idempotencyKey: $idempotencyKey) {
    __typename ... on MutationAddTicketNoteSuccess { data { ${ticketFields} } } ${errorFields}
  }
}`;
const mergeMutation = `mutation($sourceId: ID!, $targetId: ID!) {
  mergeTickets(sourceId: $sourceId, targetId: $targetId) { __typename ... on MutationMergeTicketsSuccess { data { ${ticketFields} } } ${errorFields} }
}`;

interface TicketEventResult {
  kind: string;
  body: string | null;
  author: { name: string } | null;
  call: { id: string } | null;
  change: { field: string; from: string | null; to: string | null } | null;
  assignee: { name: string } | null;
  mergeSource: { id: string } | null;
  mergeTarget: { id: string } | null;
}
interface TicketResult {
  id: string;
  number: number;
  status: string;
  priority: string;
  createdAt: string;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  customer: { id: string; name: string } | null;
  mergedInto: { id: string } | null;
  calls: { id: string }[];
  events: TicketEventResult[];
  [field: string]: unknown;
}
type Payload = {
  __typename: string;
  data?: TicketResult;
  code?: string;
  messageFr?: string;
  messageEn?: string;
  issues?: { path: string }[];
};

const noEvent = { body: null, author: null, call: null, change: null, assignee: null, mergeSource: null, mergeTarget: null };

describe('tickets: create, change, note, merge', () => {
  let app: TestApp;
  let assistant: TestClient;
  let claireId: string;
  let gaetanId: string;
  let clientUserId: string;
  let heleneId: string;
  let heleneSiteId: string;
  let paulSiteId: string;

  async function counts() {
    const prisma = app.db.prisma;
    const [tickets, events, replays, linkedCalls] = await Promise.all([
      prisma.ticket.count(),
      prisma.ticketEvent.count(),
      prisma.idempotentMutation.count(),
      prisma.call.count({ where: { ticketId: { not: null } } }),
    ]);
    return { tickets, events, replays, linkedCalls };
  }

  async function send(mutation: string, variables: Record<string, unknown>): Promise<Payload> {
    const result = await assistant.request(mutation, variables);
    expect(result.errors).toBeUndefined();
    return Object.values(result.data!)[0] as Payload;
  }

  async function created(input: Record<string, unknown>): Promise<TicketResult> {
    const payload = await send(createTicketMutation, { input: { source: 'PHONE', ...input } });
    expect(payload.__typename).toBe('MutationCreateTicketSuccess');
    return payload.data!;
  }

  async function callOf(customerId: string | null) {
    return app.db.prisma.call.create({
      data: {
        provider: 'test',
        providerCallId: randomUUID(),
        direction: 'INBOUND',
        fromNumber: '+33612345678',
        toNumber: '+33145000012',
        startedAt: new Date('2026-11-23T09:12:00Z'),
        customerId,
      },
      select: { id: true },
    });
  }

  beforeAll(async () => {
    app = await createTestApp();
    await app.db.prisma.slaPolicy.createMany({ data: [...SLA_POLICIES] });
    ({ userId: claireId } = await createTestUser(app.db.prisma, { role: 'ASSISTANT', email: 'claire@duret.test', name: 'Claire Martin' }));
    ({ userId: gaetanId } = await createTestUser(app.db.prisma, { role: 'TECHNICIAN', email: 'gaetan@duret.test', name: 'Gaëtan Leroy' }));
    heleneId = await createTestCustomer(app.db.prisma, { name: 'Lefèvre Hélène', phones: ['+33612345678'] });
    const paulId = await createTestCustomer(app.db.prisma, { name: 'Garnier Paul' });
    ({ userId: clientUserId } = await createTestUser(app.db.prisma, { role: 'CLIENT', email: 'paul@example.fr', customerId: paulId }));
    const siteOf = async (customerId: string) => (await app.db.prisma.site.findFirstOrThrow({ where: { customerId } })).id;
    [heleneSiteId, paulSiteId] = await Promise.all([siteOf(heleneId), siteOf(paulId)]);
    assistant = app.client();
    await assistant.login('claire@duret.test', testPassword);
  });
  afterAll(() => app.close());

  it('opens a ticket whose SLA due times count office hours under its priority’s policy', async () => {
    const ticket = await created({
      subject: 'Plus de courant au tableau',
      description: 'Le disjoncteur général saute dès qu’on le réarme.',
      category: 'BREAKDOWN',
      priority: 'URGENT',
      siteId: heleneSiteId,
      assigneeId: claireId,
    });
    expect(ticket).toMatchObject({
      source: 'PHONE',
      category: 'BREAKDOWN',
      status: 'NEW',
      customer: { id: heleneId, name: 'Lefèvre Hélène' },
      site: { id: heleneSiteId },
      assignee: { id: claireId, name: 'Claire Martin' },
      firstRespondedAt: null,
      slaBreached: false,
      events: [{ ...noEvent, kind: 'ASSIGNMENT', author: { name: 'Claire Martin' }, assignee: { name: 'Claire Martin' } }],
    });
    const due = computeSlaDueAt(new Date(ticket.createdAt), policyOf('URGENT'));
    expect([ticket.firstResponseDueAt, ticket.resolutionDueAt]).toEqual([
      due.firstResponseDueAt!.toISOString(),
      due.resolutionDueAt!.toISOString(),
    ]);
  });

  it('refuses bad input with typed French and English errors, and writes nothing', async () => {
    const before = await counts();
    const invalid = await send(createTicketMutation, {
      input: { source: 'EMAIL', subject: '  ', description: 'x'.repeat(10_001), idempotencyKey: 'short' },
    });
    expect(invalid.__typename).toBe('ValidationError');
    expect(invalid.issues!.map((issue) => issue.path).sort()).toEqual(['description', 'idempotencyKey', 'subject']);
    expect(invalid.issues).toContainEqual({
      path: 'subject',
      messageFr: 'Ce champ est obligatoire.',
      messageEn: 'This field is required.',
    });

    const unknownCustomer = await send(createTicketMutation, { input: { source: 'EMAIL', subject: 'Devis', customerId: 'nope' } });
    expect(unknownCustomer).toEqual({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
      messageFr: 'Client introuvable.',
      messageEn: 'Customer not found.',
    });
    const foreignSite = await send(createTicketMutation, {
      input: { source: 'EMAIL', subject: 'Devis', customerId: heleneId, siteId: paulSiteId },
    });
    expect(foreignSite).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: 'siteId', messageEn: 'This site does not belong to this customer.' }],
    });
    const customerAsAssignee = await send(createTicketMutation, { input: { source: 'EMAIL', subject: 'Devis', assigneeId: clientUserId } });
    expect(customerAsAssignee).toMatchObject({ __typename: 'NotFoundError', messageFr: 'Personne assignée introuvable.' });
    const unknownCall = await send(createTicketMutation, { input: { source: 'PHONE', subject: 'Appel', callId: 'nope' } });
    expect(unknownCall).toMatchObject({ __typename: 'NotFoundError', messageEn: 'Call not found.' });
    expect(await counts()).toEqual(before);
  });

  it('returns the same ticket for a replayed creation, even when the replays race', async () => {
    const before = await counts();
    const input = { subject: 'Rappeler pour le devis', idempotencyKey: randomUUID() };
    const raced = await Promise.all([created(input), created(input), created(input)]);
    const again = await created(input);
    expect(new Set([...raced, again].map((ticket) => ticket.id)).size).toBe(1);
    expect(await counts()).toEqual({ ...before, tickets: before.tickets + 1, replays: before.replays + 1 });
  });

  it('links a call: the call gets the ticket, the timeline a CALL event, the ticket the caller', async () => {
    const call = await callOf(heleneId);
    const ticket = await created({ subject: 'Appel entrant – Lefèvre Hélène', callId: call.id });
    expect(ticket).toMatchObject({
      customer: { id: heleneId },
      calls: [{ id: call.id }],
      events: [{ ...noEvent, kind: 'CALL', call: { id: call.id } }],
    });
    expect(await app.db.prisma.call.findUniqueOrThrow({ where: { id: call.id }, select: { ticketId: true } })).toEqual({
      ticketId: ticket.id,
    });

    const before = await counts();
    const second = await send(createTicketMutation, { input: { source: 'PHONE', subject: 'Encore', callId: call.id } });
    expect(second).toEqual({
      __typename: 'ConflictError',
      code: 'CONFLICT',
      messageFr: 'Cet appel est déjà rattaché à un ticket.',
      messageEn: 'This call is already linked to a ticket.',
    });
    expect(await counts()).toEqual(before);
  });

  it('writes each change to the timeline, stamps status times and recomputes due times with the priority', async () => {
    const ticket = await created({ subject: 'Prise qui chauffe', priority: 'URGENT' });
    const update = (input: Record<string, unknown>) => send(updateTicketMutation, { input: { id: ticket.id, ...input } });

    const opened = (await update({ status: 'OPEN', priority: 'LOW', category: 'COMPLAINT', assigneeId: gaetanId })).data!;
    const due = computeSlaDueAt(new Date(ticket.createdAt), policyOf('LOW'));
    expect(opened).toMatchObject({
      status: 'OPEN',
      priority: 'LOW',
      category: 'COMPLAINT',
      assignee: { id: gaetanId, name: 'Gaëtan Leroy' },
      firstResponseDueAt: due.firstResponseDueAt!.toISOString(),
      resolutionDueAt: due.resolutionDueAt!.toISOString(),
      resolvedAt: null,
    });
    expect(opened.firstRespondedAt).not.toBeNull();
    const claire = { author: { name: 'Claire Martin' } };
    expect(opened.events).toEqual([
      { ...noEvent, ...claire, kind: 'STATUS_CHANGE', change: { field: 'status', from: 'NEW', to: 'OPEN' } },
      { ...noEvent, ...claire, kind: 'PRIORITY_CHANGE', change: { field: 'priority', from: 'URGENT', to: 'LOW' } },
      { ...noEvent, ...claire, kind: 'SYSTEM', change: { field: 'category', from: 'OTHER', to: 'COMPLAINT' } },
      { ...noEvent, ...claire, kind: 'ASSIGNMENT', assignee: { name: 'Gaëtan Leroy' } },
    ]);

    const resolved = (await update({ status: 'RESOLVED' })).data!;
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.closedAt).toBeNull();
    const closed = (await update({ status: 'CLOSED' })).data!;
    expect([closed.resolvedAt, closed.closedAt !== null]).toEqual([resolved.resolvedAt, true]);
    const reopened = (await update({ status: 'OPEN', assigneeId: null })).data!;
    expect(reopened).toMatchObject({
      status: 'OPEN',
      resolvedAt: null,
      closedAt: null,
      firstRespondedAt: opened.firstRespondedAt,
      assignee: null,
    });
    expect(reopened.events.slice(-2)).toEqual([
      { ...noEvent, ...claire, kind: 'STATUS_CHANGE', change: { field: 'status', from: 'CLOSED', to: 'OPEN' } },
      { ...noEvent, ...claire, kind: 'ASSIGNMENT' },
    ]);

    const unchanged = (await update({ status: 'OPEN', priority: 'LOW', assigneeId: null })).data!;
    expect(unchanged.events).toHaveLength(reopened.events.length);
  });

  it('links a ticket opened for an unknown caller to its customer and site later, in readable words, and its call too', async () => {
    const call = await callOf(null);
    const ticket = await created({ subject: 'Appel entrant – 06 12 34 56 78', callId: call.id });
    expect(ticket.customer).toBeNull();

    const mismatch = await send(updateTicketMutation, { input: { id: ticket.id, customerId: heleneId, siteId: paulSiteId } });
    expect(mismatch).toMatchObject({ __typename: 'ValidationError', messageFr: expect.stringContaining('n’appartient pas à ce client') });

    const linked = await send(updateTicketMutation, { input: { id: ticket.id, siteId: heleneSiteId } });
    expect(linked).toMatchObject({ __typename: 'MutationUpdateTicketSuccess', data: { customer: { id: heleneId } } });
    const changes = await app.db.prisma.ticketEvent.findMany({
      where: { ticketId: ticket.id, kind: 'SYSTEM' },
      orderBy: { createdAt: 'asc' },
      select: { data: true },
    });
    expect(changes.map((event) => event.data)).toEqual([
      { field: 'customer', from: null, to: 'Lefèvre Hélène' },
      { field: 'site', from: null, to: '12 rue Oberkampf, 75011 Paris' },
    ]);
    expect(await app.db.prisma.call.findUniqueOrThrow({ where: { id: call.id }, select: { customerId: true } })).toEqual({
      customerId: heleneId,
    });

    // Another customer drops the site that was the first one's.
    await send(updateTicketMutation, {
      input: { id: ticket.id, customerId: (await app.db.prisma.site.findUniqueOrThrow({ where: { id: paulSiteId } })).customerId },
    });
    expect(await app.db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { siteId: true } })).toEqual({ siteId: null });
  });

  it('lists the colleagues a ticket can be given to', async () => {
    const result = await assistant.request('{ assignableUsers { name role } }');
    expect(result.data?.assignableUsers).toEqual([
      { name: 'Claire Martin', role: 'ASSISTANT' },
      { name: 'Gaëtan Leroy', role: 'TECHNICIAN' },
    ]);
  });

  it('refuses an unknown ticket or assignee and changes nothing', async () => {
    const ticket = await created({ subject: 'Volet roulant bloqué' });
    const before = await counts();
    expect(await send(updateTicketMutation, { input: { id: 'nope', status: 'OPEN' } })).toEqual({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
      messageFr: 'Ticket introuvable.',
      messageEn: 'Ticket not found.',
    });
    expect(await send(updateTicketMutation, { input: { id: ticket.id, status: 'OPEN', assigneeId: clientUserId } })).toMatchObject({
      __typename: 'NotFoundError',
      messageEn: 'Assignee not found.',
    });
    expect(await counts()).toEqual(before);
    expect(await app.db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { status: true } })).toEqual({ status: 'NEW' });
  });

  it('loses no event when changes and notes race: each status change starts where the previous one ended', async () => {
    const ticket = await created({ subject: 'Tableau électrique à remplacer' });
    const statuses = ['OPEN', 'PENDING', 'RESOLVED', 'OPEN', 'PENDING', 'CLOSED'];
    await Promise.all([
      ...statuses.map((status) => send(updateTicketMutation, { input: { id: ticket.id, status } })),
      ...[1, 2, 3, 4].map((note) => send(addNoteMutation, { ticketId: ticket.id, body: `Note ${note}` })),
    ]);
    const events = await app.db.prisma.ticketEvent.findMany({
      where: { ticketId: ticket.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { kind: true, data: true },
    });
    const changes = events.filter((event) => event.kind === 'STATUS_CHANGE').map((event) => event.data as { from: string; to: string });
    expect(changes.length).toBeGreaterThan(0);
    changes.forEach((change, index) => expect(change.from).toBe(index === 0 ? 'NEW' : changes[index - 1]!.to));
    const { status } = await app.db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { status: true } });
    expect(changes.at(-1)!.to).toBe(status);
    expect(events.filter((event) => event.kind === 'NOTE')).toHaveLength(4);
  });

  it('adds notes once per idempotency key, and refuses an empty one', async () => {
    const ticket = await created({ subject: 'Devis cuisine' });
    const idempotencyKey = randomUUID();
    const first = await send(addNoteMutation, { ticketId: ticket.id, body: 'Client rappelé, devis envoyé.', idempotencyKey });
    const replay = await send(addNoteMutation, { ticketId: ticket.id, body: 'Client rappelé, devis envoyé.', idempotencyKey });
    expect(replay).toEqual(first);
    expect(first.data!.events).toEqual([
      { ...noEvent, kind: 'NOTE', body: 'Client rappelé, devis envoyé.', author: { name: 'Claire Martin' } },
    ]);
    const before = await counts();
    expect(await send(addNoteMutation, { ticketId: ticket.id, body: ' ' })).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: 'body' }],
    });
    expect(await send(addNoteMutation, { ticketId: 'nope', body: 'x' })).toMatchObject({ __typename: 'NotFoundError' });
    expect(await counts()).toEqual(before);
  });

  describe('merging a duplicate', () => {
    let source: TicketResult;
    let target: TicketResult;
    let callId: string;

    beforeAll(async () => {
      ({ id: callId } = await callOf(heleneId));
      source = await created({ subject: 'Panne chauffe-eau (doublon)', callId });
      await send(addNoteMutation, { ticketId: source.id, body: 'Même demande que le ticket principal.' });
      target = await created({ subject: 'Panne chauffe-eau', source: 'EMAIL' });
    });

    it('moves the timeline and calls to the target and closes the source, in one go', async () => {
      const merged = await send(mergeMutation, { sourceId: source.id, targetId: target.id });
      expect(merged.__typename).toBe('MutationMergeTicketsSuccess');
      const link = { mergeSource: { id: source.id }, mergeTarget: { id: target.id } };
      expect(merged.data).toMatchObject({
        id: target.id,
        customer: { id: heleneId },
        calls: [{ id: callId }],
        events: [
          { ...noEvent, kind: 'CALL', call: { id: callId } },
          { ...noEvent, kind: 'NOTE', body: 'Même demande que le ticket principal.', author: { name: 'Claire Martin' } },
          { ...noEvent, ...link, kind: 'MERGE', author: { name: 'Claire Martin' } },
        ],
      });
      const closed = (await assistant.request(`query($id: ID!) { ticket(id: $id) { ${ticketFields} } }`, { id: source.id })).data!
        .ticket as TicketResult;
      expect(closed).toMatchObject({
        status: 'CLOSED',
        mergedInto: { id: target.id },
        calls: [],
        events: [
          { kind: 'STATUS_CHANGE', change: { field: 'status', from: 'NEW', to: 'CLOSED' } },
          { ...link, kind: 'MERGE' },
        ],
      });
      expect(closed.closedAt).not.toBeNull();
    });

    it('takes a replayed merge as done, and refuses impossible merges with a typed error', async () => {
      const before = await counts();
      expect(await send(mergeMutation, { sourceId: source.id, targetId: target.id })).toMatchObject({
        __typename: 'MutationMergeTicketsSuccess',
        data: { id: target.id },
      });
      const other = await created({ subject: 'Autre demande' });
      const afterOther = await counts();
      expect(await send(mergeMutation, { sourceId: target.id, targetId: target.id })).toEqual({
        __typename: 'InvalidMergeError',
        code: 'INVALID_MERGE',
        messageFr: 'Un ticket ne peut pas être fusionné avec lui-même.',
        messageEn: 'A ticket cannot be merged into itself.',
      });
      expect(await send(mergeMutation, { sourceId: other.id, targetId: source.id })).toMatchObject({
        __typename: 'InvalidMergeError',
        messageFr: `Le ticket n° ${source.number} a été fusionné dans le ticket n° ${target.number} : fusionnez plutôt dans celui-ci.`,
      });
      expect(await send(mergeMutation, { sourceId: source.id, targetId: other.id })).toMatchObject({
        __typename: 'InvalidMergeError',
        messageEn: `Ticket #${source.number} was already merged into ticket #${target.number}.`,
      });
      expect(await send(mergeMutation, { sourceId: 'nope', targetId: other.id })).toMatchObject({ __typename: 'NotFoundError' });
      expect(await send(updateTicketMutation, { input: { id: source.id, status: 'OPEN' } })).toMatchObject({
        __typename: 'ConflictError',
        messageFr: `Ce ticket a été fusionné dans le ticket n° ${target.number} : travaillez sur celui-ci.`,
      });
      expect(await send(addNoteMutation, { ticketId: source.id, body: 'Trop tard' })).toMatchObject({ __typename: 'ConflictError' });
      expect(afterOther).toEqual({ ...before, tickets: before.tickets + 1 });
      expect(await counts()).toEqual(afterOther);
    });
  });
});

describe('the inbox: search, saved views and counters', () => {
  let app: TestApp;
  let assistant: TestClient;
  const ids: Record<'boiler' | 'quote' | 'invoice' | 'lighting' | 'contract', string> = {} as never;
  let numbers: Record<keyof typeof ids, number>;
  let claireId: string;
  let philippeId: string;
  let paulId: string;

  const pageQuery = `query($view: TicketView, $filter: TicketFilter, $first: Int, $after: ID) {
    tickets(view: $view, filter: $filter, first: $first, after: $after) { totalCount hasNextPage items { id slaAtRisk slaBreached assignee { name } } }
  }`;
  interface Page {
    totalCount: number;
    hasNextPage: boolean;
    items: { id: string; slaAtRisk: boolean; slaBreached: boolean; assignee: { name: string } | null }[];
  }

  async function page(variables: Record<string, unknown>, client = assistant): Promise<Page> {
    const result = await client.request(pageQuery, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.tickets as Page;
  }
  const namesOf = (result: Page) => result.items.map((item) => Object.entries(ids).find(([, id]) => id === item.id)![0]);

  beforeAll(async () => {
    app = await createTestApp();
    const { prisma } = app.db;
    ({ userId: claireId } = await createTestUser(prisma, { role: 'ASSISTANT', email: 'claire@duret.test', name: 'Claire Martin' }));
    ({ userId: philippeId } = await createTestUser(prisma, { role: 'MANAGER', email: 'philippe@duret.test', name: 'Philippe Duret' }));
    await createTestUser(prisma, { role: 'TECHNICIAN', email: 'gaetan@duret.test' });
    const heleneId = await createTestCustomer(prisma, { name: 'Lefèvre Hélène', phones: ['+33612345678'] });
    paulId = await createTestCustomer(prisma, { name: 'Garnier Paul', emails: ['paul.garnier@example.fr'] });
    await createTestUser(prisma, { role: 'CLIENT', email: 'paul@example.fr', customerId: paulId });

    const now = Date.now();
    const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000);
    const farAhead = new Date(now + 30 * 86_400_000);
    // Created in this order, one minute apart: newest first is contract, lighting, invoice, quote, boiler.
    const rows = {
      boiler: {
        subject: 'Chaudière en panne',
        description: 'Plus d’eau chaude depuis hier soir.',
        source: 'PHONE',
        category: 'BREAKDOWN',
        priority: 'URGENT',
        status: 'NEW',
        customerId: heleneId,
        firstResponseDueAt: minutesAgo(10),
        resolutionDueAt: farAhead,
      },
      quote: {
        subject: 'Demande de devis borne IRVE',
        source: 'EMAIL',
        category: 'QUOTE_REQUEST',
        status: 'OPEN',
        customerId: paulId,
        assigneeId: claireId,
        firstRespondedAt: minutesAgo(1),
        firstResponseDueAt: minutesAgo(2),
        resolutionDueAt: farAhead,
      },
      invoice: {
        subject: 'Facture contestée',
        source: 'PORTAL',
        category: 'BILLING',
        priority: 'HIGH',
        status: 'PENDING',
        customerId: heleneId,
        assigneeId: philippeId,
        firstResponseDueAt: slaRiskHorizon(new Date(now)),
        resolutionDueAt: farAhead,
      },
      lighting: {
        subject: 'Panne éclairage parking',
        source: 'TECHNICIAN',
        category: 'BREAKDOWN',
        priority: 'LOW',
        status: 'CLOSED',
        resolutionDueAt: minutesAgo(60),
      },
      contract: {
        subject: 'Question sur le contrat',
        source: 'CHATBOT',
        category: 'INFORMATION',
        priority: 'LOW',
        status: 'OPEN',
        customerId: paulId,
        firstRespondedAt: minutesAgo(1),
        resolutionDueAt: farAhead,
      },
    } as const;
    numbers = {} as typeof numbers;
    for (const [index, [name, row]] of Object.entries(rows).entries()) {
      const ticket = await prisma.ticket.create({
        data: { ...row, createdAt: minutesAgo(100 - index) },
        select: { id: true, number: true },
      });
      ids[name as keyof typeof ids] = ticket.id;
      numbers[name as keyof typeof ids] = ticket.number;
    }
    assistant = app.client();
    await assistant.login('claire@duret.test', testPassword);
  });
  afterAll(() => app.close());

  it.each([
    ['OPEN', ['contract', 'invoice', 'quote', 'boiler']],
    ['MINE', ['quote']],
    ['UNASSIGNED', ['contract', 'boiler']],
    ['SLA_AT_RISK', ['boiler', 'invoice']],
  ])('the %s view', async (view, expected) => {
    expect(namesOf(await page({ view }))).toEqual(expected);
  });

  it('flags missed and at-risk SLA targets, and counts each view for the badges', async () => {
    const flags = (await page({ view: 'SLA_AT_RISK' })).items.map(({ slaAtRisk, slaBreached }) => ({ slaAtRisk, slaBreached }));
    expect(flags).toEqual([
      { slaAtRisk: false, slaBreached: true },
      { slaAtRisk: true, slaBreached: false },
    ]);
    const counters = await assistant.request(`{ ticketCounters { open mine unassigned slaAtRisk } }`);
    expect(counters.data).toEqual({ ticketCounters: { open: 4, mine: 1, unassigned: 2, slaAtRisk: 2 } });
  });

  it.each([
    ['a subject word without its accent', 'chaudiere', ['boiler']],
    ['description words in capitals', 'EAU CHAUDE', ['boiler']],
    ['the customer’s name', 'hélène', ['invoice', 'boiler']],
    ['the customer’s phone number in national form', '06 12 34', ['invoice', 'boiler']],
    ['the customer’s e-mail', 'paul.garnier@', ['contract', 'quote']],
    ['several words across fields', 'devis irve garnier', ['quote']],
    ['nothing that matches', 'zzz', []],
  ])('searches by %s', async (_label, search, expected) => {
    expect(namesOf(await page({ filter: { search } }))).toEqual(expected);
  });

  it('finds a ticket by its number, alone with "#"', async () => {
    expect(namesOf(await page({ filter: { search: `#${numbers.lighting}` } }))).toEqual(['lighting']);
    expect(namesOf(await page({ filter: { search: String(numbers.lighting) } }))).toContain('lighting');
  });

  // Filters are built when the test runs: the ids exist only then.
  it.each([
    ['status', () => ({ status: ['OPEN'] }), ['contract', 'quote']],
    ['priority', () => ({ priority: ['URGENT', 'HIGH'] }), ['invoice', 'boiler']],
    ['category', () => ({ category: ['BREAKDOWN'] }), ['lighting', 'boiler']],
    ['source', () => ({ source: ['EMAIL', 'CHATBOT'] }), ['contract', 'quote']],
    ['assignee', () => ({ assigneeId: philippeId }), ['invoice']],
    ['nobody assigned', () => ({ unassigned: true }), ['contract', 'lighting', 'boiler']],
    ['customer', () => ({ customerId: paulId }), ['contract', 'quote']],
  ])('filters by %s', async (_label, filter, expected) => {
    expect(namesOf(await page({ filter: filter() }))).toEqual(expected);
  });

  it('combines a view with a search', async () => {
    expect(namesOf(await page({ filter: { search: 'panne' } }))).toEqual(['lighting', 'boiler']);
    expect(namesOf(await page({ view: 'OPEN', filter: { search: 'panne' } }))).toEqual(['boiler']);
  });

  it('pages with a cursor', async () => {
    const first = await page({ first: 2 });
    expect([namesOf(first), first.totalCount, first.hasNextPage]).toEqual([['contract', 'lighting'], 5, true]);
    const second = await page({ first: 2, after: ids.lighting });
    expect([namesOf(second), second.hasNextPage]).toEqual([['invoice', 'quote'], true]);
    const last = await page({ first: 2, after: ids.quote });
    expect([namesOf(last), last.hasNextPage]).toEqual([['boiler'], false]);
  });

  it('rejects a bad page size or search with a typed error', async () => {
    const tooMany = await assistant.request(pageQuery, { first: 101 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      messageFr: expect.stringContaining('Au plus 100 résultats.'),
    });
    const tooLong = await assistant.request(pageQuery, { filter: { search: 'x'.repeat(201) } });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      messageEn: expect.stringContaining('Search text too long.'),
    });
  });

  it('shows a technician the inbox with assignees, and refuses a customer', async () => {
    const technician = app.client();
    await technician.login('gaetan@duret.test', testPassword);
    expect((await page({ view: 'MINE' }, technician)).items).toEqual([]);
    expect((await page({ filter: { assigneeId: philippeId } }, technician)).items).toMatchObject([
      { assignee: { name: 'Philippe Duret' } },
    ]);
    const customer = app.client();
    await customer.login('paul@example.fr', testPassword);
    const refused = await customer.request(pageQuery, {});
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('ticketChanged over graphql-ws on a real port', () => {
  let app: TestApp;
  let server: RunningHttpServer;
  let assistant: TestClient;

  beforeAll(async () => {
    app = await createTestApp();
    server = await startHttpServer(app, app.config, 0);
    await createTestUser(app.db.prisma, { role: 'ASSISTANT', email: 'claire@duret.test' });
    await createTestUser(app.db.prisma, { role: 'CLIENT', email: 'paul@example.fr' });
    assistant = new TestClient(fetch, `${server.url}/graphql`);
    await assistant.login('claire@duret.test', testPassword);
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  const wsClient = (cookie: string | undefined) =>
    createClient({
      url: `${server.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: webSocketWithHeaders(cookie ? { cookie } : {}),
      retryAttempts: 0,
      lazy: true,
    });
  // Gives the server a moment to register a subscription before the change happens.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
  const create = async (subject: string) => {
    const result = await assistant.request(
      `mutation($subject: String!) { createTicket(input: { source: EMAIL, subject: $subject }) { ... on MutationCreateTicketSuccess { data { id } } } }`,
      { subject },
    );
    return (result.data!.createTicket as { data: { id: string } }).data.id;
  };

  it('pushes a created ticket, then only the changes of the ticket asked for', async () => {
    const client = wsClient(assistant.cookie);
    const all = nextEvent<{ ticketChanged: { change: string; ticket: { subject: string; status: string } } }>(
      client,
      `subscription { ticketChanged { change ticket { subject status } } }`,
    );
    await settle();
    const watchedId = await create('Disjoncteur qui saute');
    await expect(all.result).resolves.toEqual({
      ticketChanged: { change: 'CREATED', ticket: { subject: 'Disjoncteur qui saute', status: 'NEW' } },
    });
    all.dispose();

    const otherId = await create('Prise arrachée');
    const one = nextEvent<{ ticketChanged: { change: string; ticket: { id: string; status: string } } }>(
      client,
      `subscription { ticketChanged(ticketId: "${watchedId}") { change ticket { id status } } }`,
    );
    await settle();
    const update = `mutation($id: ID!) { updateTicket(input: { id: $id, status: OPEN }) { __typename } }`;
    await assistant.request(update, { id: otherId });
    await assistant.request(update, { id: watchedId });
    await expect(one.result).resolves.toEqual({ ticketChanged: { change: 'UPDATED', ticket: { id: watchedId, status: 'OPEN' } } });
    one.dispose();
    await client.dispose();
  });

  it('refuses the feed to a customer', async () => {
    const customer = new TestClient(fetch, `${server.url}/graphql`);
    await customer.login('paul@example.fr', testPassword);
    const client = wsClient(customer.cookie);
    const subscription = nextEvent(client, `subscription { ticketChanged { change } }`);
    await expect(subscription.result).rejects.toThrow(/FORBIDDEN|Not allowed/);
    await client.dispose();
  });
});
