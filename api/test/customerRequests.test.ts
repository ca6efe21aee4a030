// Requests from the customer portal: a ticket in the office's inbox at once, followed by
// the customer in their own words, never anyone else's.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestCustomer, createTestUser, testPassword, type TestApp, type TestClient } from './testApp.ts';

const submitMutation = `mutation($input: SubmitCustomerRequestInput!) {
  submitCustomerRequest(input: $input) {
    __typename
    ... on MutationSubmitCustomerRequestSuccess { data { id number subject status } }
    ... on Error { code messageFr messageEn }
  }
}`;

describe('customer requests from the portal', () => {
  let app: TestApp;
  let marie: TestClient;
  let paul: TestClient;
  let marieId: string;
  let paulSiteId: string;

  beforeAll(async () => {
    app = await createTestApp();
    const { prisma } = app.db;
    marieId = await createTestCustomer(prisma, { name: 'Dupont Marie' });
    const paulId = await createTestCustomer(prisma, { name: 'Garnier Paul' });
    paulSiteId = (await prisma.site.findFirstOrThrow({ where: { customerId: paulId } })).id;
    await createTestUser(prisma, { role: 'CLIENT', email: 'marie@example.fr', customerId: marieId });
    await createTestUser(prisma, { role: 'CLIENT', email: 'paul@example.fr', customerId: paulId });
    marie = app.client();
    await marie.login('marie@example.fr', testPassword);
    paul = app.client();
    await paul.login('paul@example.fr', testPassword);
  });
  afterAll(() => app.close());

  it('opens a portal ticket for the office, once per key, and shows it to its customer only', async () => {
    const input = {
      subject: 'Prise de la cuisine qui grésille',
      description: 'Depuis hier soir, une odeur de chaud.',
      category: 'BREAKDOWN',
      idempotencyKey: randomUUID(),
    };
    const [first, replay] = await Promise.all([marie.request(submitMutation, { input }), marie.request(submitMutation, { input })]);
    expect(first.data?.submitCustomerRequest).toMatchObject({
      __typename: 'MutationSubmitCustomerRequestSuccess',
      data: { subject: 'Prise de la cuisine qui grésille', status: 'RECEIVED' },
    });
    expect(replay.data?.submitCustomerRequest).toEqual(first.data?.submitCustomerRequest);
    const ticket = await app.db.prisma.ticket.findFirstOrThrow({
      where: { customerId: marieId },
      select: { source: true, priority: true, category: true },
    });
    expect(ticket).toEqual({ source: 'PORTAL', priority: 'HIGH', category: 'BREAKDOWN' });
    expect(await app.db.prisma.ticket.count({ where: { customerId: marieId } })).toBe(1);

    const mine = await marie.request('{ myRequests { subject status } }');
    expect(mine.data?.myRequests).toEqual([{ subject: 'Prise de la cuisine qui grésille', status: 'RECEIVED' }]);
    expect((await paul.request('{ myRequests { subject } }')).data?.myRequests).toEqual([]);
  });

  it('refuses an empty subject and another customer’s address in French and English, writing nothing', async () => {
    const before = await app.db.prisma.ticket.count();
    const empty = await marie.request(submitMutation, { input: { subject: ' ', category: 'OTHER', idempotencyKey: randomUUID() } });
    expect(empty.data?.submitCustomerRequest).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED' });
    const foreign = await marie.request(submitMutation, {
      input: { subject: 'Chez Paul', category: 'OTHER', siteId: paulSiteId, idempotencyKey: randomUUID() },
    });
    expect(foreign.data?.submitCustomerRequest).toMatchObject({ __typename: 'NotFoundError', messageEn: expect.stringContaining('Site') });
    expect(await app.db.prisma.ticket.count()).toBe(before);
  });
});
