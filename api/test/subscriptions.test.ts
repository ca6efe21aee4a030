// Subscriptions over a real port: graphql-ws on the same path as HTTP, SSE, and (with
// REDIS_URL in the PostgreSQL project) events crossing from one API instance to another.
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHttpServer, type RunningHttpServer } from '../app/httpServer.ts';
import { createServices, type RelaisServices } from '../app/system.ts';
import { nextEvent, webSocketWithHeaders } from './graphqlWs.ts';
import { createTestApp, createTestCustomer, createTestUser, TestClient, testPassword, type TestApp } from './testApp.ts';

describe('subscriptions on a real port', () => {
  let app: TestApp;
  let server: RunningHttpServer;
  let assistant: TestClient;
  let customerId: string;

  beforeAll(async () => {
    app = await createTestApp();
    server = await startHttpServer(app, app.config, 0);
    await createTestUser(app.db.prisma, { role: 'ASSISTANT', email: 'claire@duret.test' });
    customerId = await createTestCustomer(app.db.prisma, { name: 'Roux Camille' });
    assistant = new TestClient(fetch, `${server.url}/graphql`);
    await assistant.login('claire@duret.test', testPassword);
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  function wsClient(headers: Record<string, string>): Client {
    return createClient({
      url: `${server.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: webSocketWithHeaders(headers),
      retryAttempts: 0,
      lazy: true,
    });
  }

  it('answers /health once the database is ready', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('pushes customerChanged over graphql-ws to a logged-in assistant', async () => {
    const client = wsClient({ cookie: assistant.cookie! });
    const subscription = nextEvent<{ customerChanged: { id: string; name: string } }>(
      client,
      `subscription { customerChanged { id name } }`,
    );
    // Give the server a moment to register the subscription before the change happens.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const update = await assistant.request(
      `mutation($id: ID!) { updateCustomer(input: { id: $id, firstName: "Camille", lastName: "Roux" }) { __typename } }`,
      { id: customerId },
    );
    expect(update.data?.updateCustomer).toEqual({ __typename: 'MutationUpdateCustomerSuccess' });
    await expect(subscription.result).resolves.toEqual({ customerChanged: { id: customerId, name: 'Roux Camille' } });
    subscription.dispose();
    await client.dispose();
  });

  it('refuses the subscription without a session', async () => {
    const client = wsClient({});
    const subscription = nextEvent(client, `subscription { customerChanged { id } }`);
    await expect(subscription.result).rejects.toThrow(/UNAUTHENTICATED|Authentication required/);
    await client.dispose();
  });

  it('refuses a WebSocket upgrade from another site’s page', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', {
      headers: { cookie: assistant.cookie!, origin: 'https://evil.example' },
    });
    const outcome = await new Promise<string>((resolve) => {
      socket.on('open', () => resolve('open'));
      socket.on('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
      socket.on('error', () => resolve('error'));
    });
    expect(outcome).toBe('403');
  });

  it('also streams over server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', cookie: assistant.cookie! },
      body: JSON.stringify({ query: 'subscription { customerChanged { name } }' }),
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await assistant.request(
      `mutation($id: ID!) { updateCustomer(input: { id: $id, firstName: "Camille", lastName: "Roux-Petit" }) { __typename } }`,
      { id: customerId },
    );
    let text = '';
    while (!text.includes('Roux-Petit')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain('"customerChanged":{"name":"Roux-Petit Camille"}');
  });

  it('refuses a GraphQL GET without the CSRF header (a cross-site form or image could send it)', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { cookie: assistant.cookie! },
    });
    expect(response.status).toBe(403);
    const allowed = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { email } }')}`, {
      headers: { cookie: assistant.cookie!, 'x-graphql-csrf': '1' },
    });
    expect(await allowed.json()).toEqual({ data: { me: { email: 'claire@duret.test' } } });
  });

  it('refuses over-deep and over-aliased queries', async () => {
    const nested = (depth: number): string => (depth === 0 ? 'id' : `customer { upcomingAppointments { ${nested(depth - 1)} } }`);
    const fine = await assistant.request(`{ customers { items { upcomingAppointments { ${nested(3)} } } } }`);
    expect(fine.errors).toBeUndefined();
    const tooDeep = await assistant.request(`{ customers { items { upcomingAppointments { ${nested(6)} } } } }`);
    expect(tooDeep.errors?.[0]?.message).toMatch(/depth/i);
    const aliases = Array.from({ length: 20 }, (_, index) => `a${index}: me { id }`).join(' ');
    const tooMany = await assistant.request(`{ ${aliases} }`);
    expect(tooMany.errors?.[0]?.message).toMatch(/alias/i);
  });
});

describe.runIf(process.env.RELAIS_TEST_DB === 'postgres' && process.env.REDIS_URL)('two API instances sharing PostgreSQL and Redis', () => {
  let app: TestApp;
  let second: RelaisServices;
  let servers: RunningHttpServer[];

  beforeAll(async () => {
    app = await createTestApp();
    second = createServices(app.db, app.config);
    servers = [await startHttpServer(app, app.config, 0), await startHttpServer(second, app.config, 0)];
    await createTestUser(app.db.prisma, { role: 'ASSISTANT', email: 'claire@duret.test' });
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await second.hub.close();
    await app.close();
  });

  it('delivers an event published on one instance to a subscriber on the other', async () => {
    const [first, other] = servers as [RunningHttpServer, RunningHttpServer];
    const viaFirst = new TestClient(fetch, `${first.url}/graphql`);
    await viaFirst.login('claire@duret.test', testPassword);
    const client = createClient({
      url: `${other.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: webSocketWithHeaders({ cookie: viaFirst.cookie! }),
      retryAttempts: 0,
    });
    const subscription = nextEvent<{ customerChanged: { name: string } }>(client, `subscription { customerChanged { name } }`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const created = await viaFirst.request(
      `mutation { createCustomer(input: { kind: COMPANY, companyName: "Syndic Haussmann" }) { __typename } }`,
    );
    expect(created.data?.createCustomer).toEqual({ __typename: 'MutationCreateCustomerSuccess' });
    await expect(subscription.result).resolves.toEqual({ customerChanged: { name: 'Syndic Haussmann' } });
    subscription.dispose();
    await client.dispose();
  });
});
