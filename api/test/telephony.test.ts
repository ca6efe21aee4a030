// Telephony (CTI) on a real port: signed webhooks (generic and Aircall formats), caller
// matching, the incoming-call pop-up over graphql-ws, tickets from calls, the call log
// and its statistics.
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../app/config.ts';
import { startHttpServer, type RunningHttpServer } from '../app/httpServer.ts';
import { parisInstant } from '../resolvers/parisTime.ts';
import { webhookSignature } from '../resolvers/verifyWebhookSignature.ts';
import { nextEvent, webSocketWithHeaders } from './graphqlWs.ts';
import { createTestApp, createTestCustomer, createTestUser, TestClient, testPassword, type TestApp } from './testApp.ts';

const officeLine = '+33145000000';

interface PostOptions {
  /** How long ago the sender signed (negative: in the future). */
  secondsAgo?: number;
  secret?: string;
  /** Changes one byte of the body after signing it. */
  tamper?: boolean;
  headers?: Record<string, string | undefined>;
}

describe('telephony webhooks', () => {
  let app: TestApp;
  let server: RunningHttpServer;
  let assistant: TestClient;
  let dupontId: string;
  let syndicId: string;

  beforeAll(async () => {
    app = await createTestApp();
    server = await startHttpServer(app, app.config, 0);
    await createTestUser(app.db.prisma, { role: 'ASSISTANT', email: 'claire@duret.test', name: 'Claire Bernard' });
    dupontId = await createTestCustomer(app.db.prisma, { name: 'Dupont Marie', phones: ['+33612345678'] });
    syndicId = await createTestCustomer(app.db.prisma, { name: 'Syndic Haussmann', phones: ['+33140000000'] });
    await app.db.prisma.contact.create({ data: { customerId: syndicId, name: 'Gardien', phone: '+33698765432' } });
    assistant = new TestClient(fetch, `${server.url}/graphql`);
    await assistant.login('claire@duret.test', testPassword);
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  async function post(provider: string, body: object | string, options: PostOptions = {}) {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000) - (options.secondsAgo ?? 0));
    const secret = options.secret ?? app.config.telephonyWebhookSecrets[provider as 'generic' | 'aircall'] ?? 'none';
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-relais-timestamp': timestamp,
      'x-relais-signature': webhookSignature(secret, timestamp, raw),
    };
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (value === undefined) delete headers[name];
      else headers[name] = value;
    }
    const sent = options.tamper ? raw.replace('inbound', 'inbounc') : raw;
    const response = await fetch(`${server.url}/webhooks/telephony/${provider}`, { method: 'POST', headers, body: sent });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  function genericEvent(overrides: Record<string, unknown> = {}) {
    return {
      eventId: randomUUID(),
      type: 'ringing',
      callId: randomUUID(),
      direction: 'inbound',
      from: '06 12 34 56 78',
      to: officeLine,
      timestamp: new Date().toISOString(),
      ...overrides,
    };
  }

  /** An Aircall webhook as Aircall posts it (call times in Unix seconds). */
  function aircallEvent(event: string, call: Record<string, unknown>, timestamp = Math.floor(Date.now() / 1000)) {
    return {
      resource: 'call',
      event,
      timestamp,
      token: 'aircall-webhook-token',
      data: {
        id: 812345,
        direct_link: 'https://api.aircall.io/v1/calls/812345',
        sid: 'CA0f1c',
        status: 'initial',
        direction: 'inbound',
        started_at: timestamp,
        answered_at: null,
        ended_at: null,
        duration: 0,
        raw_digits: '+33 6 12 34 56 78',
        missed_call_reason: null,
        user: null,
        number: { id: 1234, name: 'Accueil', digits: '+33 1 45 00 00 00', country: 'FR' },
        tags: [],
        comments: [],
        ...call,
      },
    };
  }

  async function writes() {
    const { prisma } = app.db;
    const [calls, deliveries, tickets, events] = await Promise.all([
      prisma.call.count(),
      prisma.webhookDelivery.count(),
      prisma.ticket.count(),
      prisma.ticketEvent.count(),
    ]);
    return { calls, deliveries, tickets, events };
  }

  function findCall(provider: string, providerCallId: string) {
    return app.db.prisma.call.findUniqueOrThrow({
      where: { provider_providerCallId: { provider, providerCallId } },
      include: { ticket: true, events: true },
    });
  }

  describe('signature, replay and request checks', () => {
    it('records a correctly signed event', async () => {
      const event = genericEvent();
      const response = await post('generic', event);
      expect(response).toEqual({ status: 200, body: { status: 'recorded', callId: expect.any(String), ticketId: null } });
      const call = await findCall('generic', event.callId);
      expect(call).toMatchObject({ direction: 'INBOUND', fromNumber: '+33612345678', toNumber: officeLine, customerId: dupontId });
    });

    it.each([
      ['a changed byte', { tamper: true }, 401, 'SIGNATURE_MISMATCH'],
      ['another secret', { secret: 'not-the-secret' }, 401, 'SIGNATURE_MISMATCH'],
      ['a timestamp older than 5 minutes', { secondsAgo: 301 }, 401, 'TIMESTAMP_OUT_OF_TOLERANCE'],
      ['a timestamp over 5 minutes ahead', { secondsAgo: -301 }, 401, 'TIMESTAMP_OUT_OF_TOLERANCE'],
      ['no signature', { headers: { 'x-relais-signature': undefined } }, 401, 'SIGNATURE_MISSING'],
      ['no timestamp', { headers: { 'x-relais-timestamp': undefined } }, 401, 'SIGNATURE_MISSING'],
      ['another content type', { headers: { 'content-type': 'text/plain' } }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ] as const)('refuses %s and writes nothing', async (_label, options, status, code) => {
      const event = genericEvent();
      const before = await writes();
      const response = await post('generic', event, options);
      expect(response).toEqual({ status, body: { error: { code, message: expect.any(String) } } });
      expect(await writes()).toEqual(before);
    });

    it('refuses a replayed event id with 409 and writes nothing', async () => {
      const event = genericEvent();
      expect((await post('generic', event)).status).toBe(200);
      const before = await writes();
      const replay = await post('generic', event);
      expect(replay).toEqual({ status: 409, body: { error: { code: 'REPLAYED', message: expect.stringContaining(event.eventId) } } });
      // Replayed with a fresh signature and timestamp: still the same event.
      expect((await post('generic', event, { secondsAgo: 60 })).status).toBe(409);
      expect(await writes()).toEqual(before);
    });

    it('refuses a body over the size limit, invalid JSON and an invalid event, writing nothing', async () => {
      const before = await writes();
      const huge = await post('generic', { ...genericEvent(), padding: 'x'.repeat(70_000) });
      expect(huge).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
      const notJson = await post('generic', '{"eventId": ');
      expect(notJson).toMatchObject({ status: 400, body: { error: { code: 'INVALID_JSON' } } });
      const invalid = await post('generic', genericEvent({ type: 'transferred', timestamp: 'yesterday' }));
      expect(invalid).toMatchObject({ status: 400, body: { error: { code: 'INVALID_EVENT' } } });
      expect(invalid.body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['timestamp', 'type']);
      expect(await writes()).toEqual(before);
    });

    it('answers 404 for an unknown provider and 405 for another method', async () => {
      const unknown = await post('twilio', genericEvent());
      expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'UNKNOWN_PROVIDER' } } });
      const get = await fetch(`${server.url}/webhooks/telephony/generic`);
      expect(get.status).toBe(405);
    });

    it('has no default secret in production: the route stays closed until one is set', async () => {
      expect(configFromEnv({ NODE_ENV: 'production' }).telephonyWebhookSecrets).toEqual({ generic: undefined, aircall: undefined });
      expect(configFromEnv({ NODE_ENV: 'production', TELEPHONY_AIRCALL_SECRET: 's3cret' }).telephonyWebhookSecrets.aircall).toBe('s3cret');
      const production = await startHttpServer(
        app,
        { ...app.config, production: true, telephonyWebhookSecrets: { generic: undefined, aircall: undefined } },
        0,
      );
      try {
        const before = await writes();
        const response = await fetch(`${production.url}/webhooks/telephony/generic`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(genericEvent()),
        });
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({ error: { code: 'WEBHOOK_NOT_CONFIGURED' } });
        expect(await writes()).toEqual(before);
      } finally {
        await production.close();
      }
    });
  });

  describe('caller matching', () => {
    it.each([
      ['06 12 34 56 78', 'Dupont Marie'],
      ['+33612345678', 'Dupont Marie'],
      ['0033 6 12 34 56 78', 'Dupont Marie'],
      ['06.12.34.56.78', 'Dupont Marie'],
      ['+33 1 40 00 00 00', 'Syndic Haussmann'],
      ['06 98 76 54 32', 'Syndic Haussmann'],
    ])('matches %s to %s', async (from, name) => {
      const event = genericEvent({ from });
      expect((await post('generic', event)).status).toBe(200);
      const call = await app.db.prisma.call.findUniqueOrThrow({
        where: { provider_providerCallId: { provider: 'generic', providerCallId: event.callId } },
        select: { fromNumber: true, customer: { select: { name: true } } },
      });
      expect(call.customer?.name).toBe(name);
      expect(call.fromNumber).toMatch(/^\+33\d{9}$/);
    });

    it('leaves unknown and hidden numbers unmatched, and matches the called number of an outbound call', async () => {
      const unknown = genericEvent({ from: '07 00 00 00 01' });
      const hidden = genericEvent({ from: 'anonymous' });
      const outbound = genericEvent({ direction: 'outbound', from: officeLine, to: '0612345678' });
      for (const event of [unknown, hidden, outbound]) expect((await post('generic', event)).status).toBe(200);
      expect((await findCall('generic', unknown.callId)).customerId).toBeNull();
      expect(await findCall('generic', hidden.callId)).toMatchObject({ fromNumber: 'anonymous', customerId: null });
      expect(await findCall('generic', outbound.callId)).toMatchObject({ direction: 'OUTBOUND', customerId: dupontId });
    });
  });

  it('pops the caller’s card over graphql-ws when a signed ringing event arrives', async () => {
    await app.db.prisma.ticket.create({ data: { subject: 'Disjoncteur qui saute', source: 'PORTAL', customerId: dupontId } });
    const client = createClient({
      url: `${server.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: webSocketWithHeaders({ cookie: assistant.cookie! }),
      retryAttempts: 0,
      lazy: true,
    });
    const subscription = nextEvent<{ incomingCall: Record<string, any> }>(
      client,
      `subscription { incomingCall {
        id fromNumber answeredAt
        customer {
          name phones balanceDueCents
          openTickets { subject }
          contracts { status }
          upcomingAppointments(limit: 1) { startsAt }
          recentAppointments(limit: 1) { startsAt }
          quotes { status }
          invoices { status }
        }
      } }`,
    );
    // Give the server a moment to register the subscription before the phone rings.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const ringing = await post('generic', genericEvent({ from: '0033612345678' }));
    expect(ringing.status).toBe(200);
    await expect(subscription.result).resolves.toEqual({
      incomingCall: {
        id: ringing.body.callId,
        fromNumber: '+33612345678',
        answeredAt: null,
        customer: {
          name: 'Dupont Marie',
          phones: ['+33612345678'],
          balanceDueCents: 0,
          openTickets: [{ subject: 'Disjoncteur qui saute' }],
          contracts: [],
          upcomingAppointments: [],
          recentAppointments: [],
          quotes: [],
          invoices: [],
        },
      },
    });
    subscription.dispose();
    await client.dispose();
  });

  describe('tickets from calls', () => {
    it('opens exactly one PHONE ticket when the ended event is delivered twice at once', async () => {
      const callId = randomUUID();
      const started = Date.now() - 120_000;
      const at = (offsetMs: number) => new Date(started + offsetMs).toISOString();
      await post('generic', genericEvent({ callId, timestamp: at(0) }));
      await post('generic', genericEvent({ callId, type: 'answered', timestamp: at(8_000), agentEmail: 'Claire@duret.test' }));
      const ended = genericEvent({ callId, type: 'ended', timestamp: at(98_000) });
      const before = await app.db.prisma.ticket.count();
      const responses = await Promise.all([post('generic', ended), post('generic', ended)]);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
      expect(await app.db.prisma.ticket.count()).toBe(before + 1);
      const call = await findCall('generic', callId);
      expect(call).toMatchObject({ missed: false, durationSeconds: 90, customerId: dupontId });
      expect(call.ticket).toMatchObject({
        source: 'PHONE',
        subject: 'Appel entrant – Dupont Marie',
        priority: 'NORMAL',
        customerId: dupontId,
      });
      expect(call.events).toEqual([expect.objectContaining({ kind: 'CALL', ticketId: call.ticketId })]);
      const recorded = responses.find((response) => response.status === 200);
      expect(recorded?.body).toEqual({ status: 'recorded', callId: call.id, ticketId: call.ticketId });

      const answeredBy = await assistant.request(
        `query($from: DateTime!, $to: DateTime!) {
        calls(from: $from, to: $to, filter: { customerId: "${dupontId}", withTicket: true }) { items { id answeredByName ticket { id } } }
      }`,
        { from: at(-1_000), to: at(1_000) },
      );
      expect(answeredBy.data?.calls.items).toEqual([{ id: call.id, answeredByName: 'Claire Bernard', ticket: { id: call.ticketId } }]);
    });

    it('also opens one ticket when two different end events of one call race', async () => {
      const callId = randomUUID();
      await post('generic', genericEvent({ callId, type: 'answered' }));
      const responses = await Promise.all([
        post('generic', genericEvent({ callId, type: 'ended' })),
        post('generic', genericEvent({ callId, type: 'ended' })),
      ]);
      expect(responses.map((response) => response.status)).toEqual([200, 200]);
      expect(responses[0]!.body.ticketId).toBe(responses[1]!.body.ticketId);
      expect(await app.db.prisma.ticket.count({ where: { calls: { some: { providerCallId: callId } } } })).toBe(1);
    });

    it('merges events that arrive out of order: ended, then answered, then ringing', async () => {
      const callId = randomUUID();
      const started = Date.now() - 300_000;
      const at = (offsetMs: number) => new Date(started + offsetMs).toISOString();
      await post('generic', genericEvent({ callId, type: 'ended', timestamp: at(200_000) }));
      await post('generic', genericEvent({ callId, type: 'answered', timestamp: at(15_000) }));
      await post('generic', genericEvent({ callId, type: 'ringing', timestamp: at(0) }));
      const call = await findCall('generic', callId);
      expect(call).toMatchObject({
        startedAt: new Date(started),
        answeredAt: new Date(started + 15_000),
        endedAt: new Date(started + 200_000),
        durationSeconds: 185,
        missed: false,
      });
      expect(call.ticket?.subject).toBe('Appel entrant – Dupont Marie');
      expect(call.events).toHaveLength(1);
    });

    it('turns a missed call into a high-priority callback ticket', async () => {
      const callId = randomUUID();
      await post('generic', genericEvent({ callId, from: '07 00 00 00 02' }));
      const missed = await post('generic', genericEvent({ callId, type: 'missed', from: '07 00 00 00 02' }));
      expect(missed.status).toBe(200);
      const call = await findCall('generic', callId);
      expect(call).toMatchObject({ missed: true, durationSeconds: null, customerId: null });
      expect(call.ticket).toMatchObject({ subject: 'Rappeler 07 00 00 00 02', priority: 'HIGH', source: 'PHONE' });
      expect(call.ticket?.description).toMatch(/^Appel manqué du 07 00 00 00 02, .+ à \d+ h/);
    });

    it('opens a ticket from a call in one click; the second click returns the same ticket', async () => {
      const event = genericEvent();
      const { body } = await post('generic', event);
      const mutation = `mutation($callId: ID!) {
        createTicketFromCall(callId: $callId) {
          __typename
          ... on MutationCreateTicketFromCallSuccess { data { id subject source } }
          ... on Error { code }
        }
      }`;
      const clicks = await Promise.all([
        assistant.request(mutation, { callId: body.callId }),
        assistant.request(mutation, { callId: body.callId }),
      ]);
      const again = await assistant.request(mutation, { callId: body.callId });
      const ticket = clicks[0]!.data?.createTicketFromCall.data;
      expect(ticket).toMatchObject({ subject: 'Appel entrant – Dupont Marie', source: 'PHONE' });
      expect([clicks[1]!.data?.createTicketFromCall.data, again.data?.createTicketFromCall.data]).toEqual([ticket, ticket]);
      // The call ends later: it already has its ticket, so none is added.
      const before = await app.db.prisma.ticket.count();
      const ended = await post('generic', genericEvent({ callId: event.callId, type: 'ended' }));
      expect(ended.body.ticketId).toBe(ticket.id);
      expect(await app.db.prisma.ticket.count()).toBe(before);
      const unknown = await assistant.request(mutation, { callId: 'no-such-call' });
      expect(unknown.data?.createTicketFromCall).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    });
  });

  describe('Aircall', () => {
    it('follows a call from call.created to call.ended, popping the card while it rings', async () => {
      const client = createClient({
        url: `${server.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: webSocketWithHeaders({ cookie: assistant.cookie! }),
        retryAttempts: 0,
        lazy: true,
      });
      const subscription = nextEvent<{ incomingCall: { customer: { name: string } } }>(
        client,
        'subscription { incomingCall { customer { name } } }',
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const startedAt = Math.floor(Date.now() / 1000) - 200;
      const created = await post('aircall', aircallEvent('call.created', { id: 900001, started_at: startedAt }, startedAt));
      expect(created.status).toBe(200);
      await expect(subscription.result).resolves.toEqual({ incomingCall: { customer: { name: 'Dupont Marie' } } });
      subscription.dispose();
      await client.dispose();

      const answered = {
        id: 900001,
        status: 'answered',
        started_at: startedAt,
        answered_at: startedAt + 12,
        user: { id: 42, name: 'Claire Bernard', email: 'claire@duret.test', available: false },
      };
      expect((await post('aircall', aircallEvent('call.answered', answered, startedAt + 12))).status).toBe(200);
      // call.hungup is acknowledged but left to call.ended, which carries the final data.
      const hungup = await post('aircall', aircallEvent('call.hungup', { ...answered, ended_at: startedAt + 150 }, startedAt + 150));
      expect(hungup).toEqual({ status: 202, body: { status: 'ignored' } });
      const ended = await post(
        'aircall',
        aircallEvent('call.ended', { ...answered, status: 'done', ended_at: startedAt + 150, duration: 150 }, startedAt + 180),
      );
      expect(ended.status).toBe(200);
      const call = await findCall('aircall', '900001');
      expect(call).toMatchObject({
        direction: 'INBOUND',
        fromNumber: '+33612345678',
        toNumber: officeLine,
        startedAt: new Date(startedAt * 1000),
        answeredAt: new Date((startedAt + 12) * 1000),
        endedAt: new Date((startedAt + 150) * 1000),
        durationSeconds: 138,
        missed: false,
        customerId: dupontId,
      });
      expect(call.answeredById).not.toBeNull();
      expect(call.ticket).toMatchObject({ subject: 'Appel entrant – Dupont Marie', source: 'PHONE' });
      // Aircall retries a delivery with the same body.
      const replay = await post(
        'aircall',
        aircallEvent('call.ended', { ...answered, status: 'done', ended_at: startedAt + 150 }, startedAt + 180),
      );
      expect(replay.status).toBe(409);
    });

    it('turns a missed Aircall call into a callback ticket', async () => {
      const startedAt = Math.floor(Date.now() / 1000) - 100;
      const ended = await post(
        'aircall',
        aircallEvent(
          'call.ended',
          {
            id: 900002,
            status: 'done',
            started_at: startedAt,
            ended_at: startedAt + 25,
            missed_call_reason: 'agents_did_not_answer',
            raw_digits: '+33 6 98 76 54 32',
          },
          startedAt + 55,
        ),
      );
      expect(ended.status).toBe(200);
      const call = await findCall('aircall', '900002');
      expect(call).toMatchObject({ missed: true, customerId: syndicId, startedAt: new Date(startedAt * 1000) });
      expect(call.ticket).toMatchObject({ subject: 'Rappeler Syndic Haussmann', priority: 'HIGH' });
    });

    it('records outbound calls with the Aircall line as the caller, and ignores other resources', async () => {
      const startedAt = Math.floor(Date.now() / 1000) - 50;
      const outbound = await post(
        'aircall',
        aircallEvent('call.created', { id: 900003, direction: 'outbound', started_at: startedAt }, startedAt),
      );
      expect(outbound.status).toBe(200);
      expect(await findCall('aircall', '900003')).toMatchObject({
        direction: 'OUTBOUND',
        fromNumber: officeLine,
        toNumber: '+33612345678',
        customerId: dupontId,
      });
      const before = await writes();
      const contact = await post('aircall', {
        resource: 'contact',
        event: 'contact.created',
        timestamp: startedAt,
        token: 't',
        data: { id: 5 },
      });
      expect(contact).toEqual({ status: 202, body: { status: 'ignored' } });
      const broken = await post('aircall', aircallEvent('call.answered', { id: 900004, direction: 'sideways' }));
      expect(broken).toMatchObject({ status: 400, body: { error: { code: 'INVALID_EVENT' } } });
      expect(await writes()).toEqual(before);
    });
  });

  describe('call log and statistics', () => {
    // A DST weekend: Saturday 28 March 2026 (UTC+1) to Monday 30 March (UTC+2).
    const from = parisInstant(2026, 3, 28);
    const to = parisInstant(2026, 3, 31);

    beforeAll(async () => {
      const call = (direction: 'INBOUND' | 'OUTBOUND', startedAt: Date, answerDelaySeconds: number | null) => ({
        provider: 'generic',
        providerCallId: randomUUID(),
        direction,
        fromNumber: direction === 'INBOUND' ? '+33612345678' : officeLine,
        toNumber: direction === 'INBOUND' ? officeLine : '+33612345678',
        startedAt,
        answeredAt: answerDelaySeconds === null ? null : new Date(startedAt.getTime() + answerDelaySeconds * 1000),
        missed: answerDelaySeconds === null,
        customerId: dupontId,
      });
      await app.db.prisma.call.createMany({
        data: [
          call('INBOUND', parisInstant(2026, 3, 28, 9, 15), 10),
          call('INBOUND', parisInstant(2026, 3, 28, 9, 40), 20),
          call('INBOUND', parisInstant(2026, 3, 30, 14, 5), 40),
          call('INBOUND', parisInstant(2026, 3, 30, 14, 30), null),
          call('OUTBOUND', parisInstant(2026, 3, 30, 16, 0), 5),
          // Outside the period: 31 March at 00:00 Paris.
          call('INBOUND', to, 3),
        ],
      });
    });

    it('computes volumes per Paris day and hour, answer delays and the missed rate', async () => {
      const result = await assistant.request(
        `query($from: DateTime!, $to: DateTime!) {
          callStatistics(from: $from, to: $to) {
            total inbound outbound missed answered missedRate averageAnswerDelaySeconds medianAnswerDelaySeconds
            perDay { date total inbound outbound missed }
            perHour { hour total inbound outbound missed }
          }
        }`,
        { from: from.toISOString(), to: to.toISOString() },
      );
      expect(result.errors).toBeUndefined();
      const statistics = result.data?.callStatistics;
      expect(statistics).toMatchObject({
        total: 5,
        inbound: 4,
        outbound: 1,
        missed: 1,
        answered: 3,
        missedRate: 0.25,
        medianAnswerDelaySeconds: 20,
      });
      expect(statistics.averageAnswerDelaySeconds).toBeCloseTo(70 / 3);
      expect(statistics.perDay).toEqual([
        { date: '2026-03-28', total: 2, inbound: 2, outbound: 0, missed: 0 },
        { date: '2026-03-29', total: 0, inbound: 0, outbound: 0, missed: 0 },
        { date: '2026-03-30', total: 3, inbound: 2, outbound: 1, missed: 1 },
      ]);
      expect(statistics.perHour).toHaveLength(24);
      expect(statistics.perHour.filter((hour: { total: number }) => hour.total > 0)).toEqual([
        { hour: 9, total: 2, inbound: 2, outbound: 0, missed: 0 },
        { hour: 14, total: 2, inbound: 2, outbound: 0, missed: 1 },
        { hour: 16, total: 1, inbound: 0, outbound: 1, missed: 0 },
      ]);
    });

    it('lists the call log latest first, filtered', async () => {
      const log = await assistant.request(
        `query($from: DateTime!, $to: DateTime!) {
          all: calls(from: $from, to: $to, limit: 2) { total items { startedAt } }
          missed: calls(from: $from, to: $to, filter: { missed: true }) { total items { startedAt missed customer { name } } }
          outbound: calls(from: $from, to: $to, filter: { direction: OUTBOUND }) { total }
          untracked: calls(from: $from, to: $to, filter: { withTicket: false }) { total }
        }`,
        { from: from.toISOString(), to: to.toISOString() },
      );
      expect(log.errors).toBeUndefined();
      expect(log.data).toEqual({
        all: {
          total: 5,
          items: [
            { startedAt: parisInstant(2026, 3, 30, 16, 0).toISOString() },
            { startedAt: parisInstant(2026, 3, 30, 14, 30).toISOString() },
          ],
        },
        missed: {
          total: 1,
          items: [{ startedAt: parisInstant(2026, 3, 30, 14, 30).toISOString(), missed: true, customer: { name: 'Dupont Marie' } }],
        },
        outbound: { total: 1 },
        untracked: { total: 5 },
      });
    });

    it('refuses a period that is too long or reversed', async () => {
      const reversed = await assistant.request(
        `query($from: DateTime!, $to: DateTime!) { callStatistics(from: $from, to: $to) { total } }`,
        {
          from: to.toISOString(),
          to: from.toISOString(),
        },
      );
      expect(reversed.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      const tooLong = await assistant.request(`query($from: DateTime!, $to: DateTime!) { calls(from: $from, to: $to) { total } }`, {
        from: '2024-01-01T00:00:00Z',
        to: '2026-01-01T00:00:00Z',
      });
      expect(tooLong.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    });
  });
});
