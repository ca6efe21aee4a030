import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, testPassword, type TestApp, type TestClient } from './testApp.ts';

const createCustomerMutation = `mutation($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    __typename
    ... on MutationCreateCustomerSuccess { data { id name phones emails sageAccount sites { street postalCode city } } }
    ... on Error { code messageFr messageEn }
    ... on ValidationError { issues { path messageFr } }
  }
}`;

describe('customers: create, update, search, 360°', () => {
  let app: TestApp;
  let assistant: TestClient;

  async function counts() {
    const [customers, sites, contracts, contacts] = await Promise.all([
      app.db.prisma.customer.count(),
      app.db.prisma.site.count(),
      app.db.prisma.contract.count(),
      app.db.prisma.contact.count(),
    ]);
    return { customers, sites, contracts, contacts };
  }

  beforeAll(async () => {
    app = await createTestApp();
    await createTestUser(app.db.prisma, { role: 'ASSISTANT', email: 'claire@duret.test' });
    assistant = app.client();
    await assistant.login('claire@duret.test', testPassword);
  });
  afterAll(() => app.close());

  it('creates a customer with a first site, phones normalised to E.164', async () => {
    const result = await assistant.request(createCustomerMutation, {
      input: {
        kind: 'INDIVIDUAL',
        firstName: 'Hélène',
        lastName: 'Lefèvre',
        phones: ['06 12 34 56 78', '+33 1 45 00 00 01'],
        emails: ['Helene.Lefevre@Example.fr'],
        sageAccount: 'cl00042',
        site: { street: '3 rue de la Roquette', postalCode: '75011', city: 'Paris' },
      },
    });
    expect(result.data?.createCustomer).toMatchObject({
      __typename: 'MutationCreateCustomerSuccess',
      data: {
        name: 'Lefèvre Hélène',
        phones: ['+33612345678', '+33145000001'],
        emails: ['helene.lefevre@example.fr'],
        sageAccount: 'CL00042',
        sites: [{ street: '3 rue de la Roquette', postalCode: '75011', city: 'Paris' }],
      },
    });
    expect(await app.db.prisma.auditLog.count({ where: { action: 'customer.create' } })).toBe(1);
  });

  it.each([
    ['a name without accents', 'helene lefevre'],
    ['a national phone number with spaces', '06 12 34'],
    ['an international phone number', '+33 6 12 34 56 78'],
    ['part of an e-mail', 'lefevre@example'],
    ['a postal code', '75011'],
    ['the SAGE code', 'cl00042'],
  ])('finds the customer by %s', async (_label, search) => {
    const result = await assistant.request(`query($search: String) { customers(search: $search) { total items { name } } }`, { search });
    expect(result.data).toEqual({ customers: { total: 1, items: [{ name: 'Lefèvre Hélène' }] } });
  });

  it('finds nothing for a non-matching search, and pages results', async () => {
    const none = await assistant.request(`{ customers(search: "zzzz") { total items { id } } }`);
    expect(none.data).toEqual({ customers: { total: 0, items: [] } });
    const page = await assistant.request(`{ customers(limit: 1, offset: 1) { total items { id } } }`);
    expect(page.data?.customers).toMatchObject({ total: 1, items: [] });
  });

  it('refuses invalid input field by field and writes nothing', async () => {
    const before = await counts();
    const result = await assistant.request(createCustomerMutation, {
      input: {
        kind: 'COMPANY',
        companyName: 'x'.repeat(161),
        siret: '123',
        phones: ['123'],
        emails: ['pas-un-email'],
        site: { street: 'Rue', postalCode: '7501', city: 'Paris' },
      },
    });
    const payload = result.data?.createCustomer as { __typename: string; issues: { path: string }[] };
    expect(payload.__typename).toBe('ValidationError');
    expect(payload.issues.map((issue) => issue.path).sort()).toEqual(['companyName', 'emails.0', 'phones.0', 'siret', 'site.postalCode']);
    expect(await counts()).toEqual(before);
  });

  it('requires a name', async () => {
    const result = await assistant.request(createCustomerMutation, { input: { kind: 'INDIVIDUAL', phones: ['0612345679'] } });
    expect(result.data?.createCustomer).toMatchObject({ __typename: 'ValidationError', issues: [{ path: 'lastName' }] });
  });

  it('gives a SAGE code to one customer only, even when two requests race', async () => {
    const before = await counts();
    const attempt = (name: string) =>
      assistant.request(createCustomerMutation, { input: { kind: 'COMPANY', companyName: name, sageAccount: 'CL09999' } });
    const results = await Promise.all([attempt('Boulangerie Ravel'), attempt('Pharmacie Ravel')]);
    const typenames = results.map((result) => (result.data?.createCustomer as { __typename: string }).__typename).sort();
    expect(typenames).toEqual(['ConflictError', 'MutationCreateCustomerSuccess']);
    expect((await counts()).customers).toBe(before.customers + 1);
  });

  it('updates only the given fields and keeps search in step', async () => {
    const { id } = await app.db.prisma.customer.findFirstOrThrow({ where: { sageAccount: 'CL00042' }, select: { id: true } });
    const result = await assistant.request(
      `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { __typename ... on MutationUpdateCustomerSuccess { data { name phones emails } } } }`,
      { input: { id, lastName: 'Lefèvre-Moreau', phones: ['07 98 76 54 32'] } },
    );
    expect(result.data?.updateCustomer).toEqual({
      __typename: 'MutationUpdateCustomerSuccess',
      data: { name: 'Lefèvre-Moreau Hélène', phones: ['+33798765432'], emails: ['helene.lefevre@example.fr'] },
    });
    const found = await assistant.request(`{ customers(search: "0798") { items { id } } }`);
    expect(found.data).toEqual({ customers: { items: [{ id }] } });
    expect((await assistant.request(`{ customers(search: "0612") { total } }`)).data).toEqual({ customers: { total: 0 } });
  });

  it('answers an unknown id with NotFoundError and changes nothing', async () => {
    const before = await counts();
    const update = await assistant.request(
      `mutation { updateCustomer(input: { id: "does-not-exist", notes: "x" }) { __typename ... on Error { code messageFr } } }`,
    );
    expect(update.data?.updateCustomer).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', messageFr: 'Client introuvable.' });
    const site = await assistant.request(
      `mutation { saveSite(customerId: "does-not-exist", site: { street: "1 rue A", postalCode: "75001", city: "Paris" }) { __typename } }`,
    );
    expect(site.data?.saveSite).toEqual({ __typename: 'NotFoundError' });
    expect(await counts()).toEqual(before);
  });

  it('adds a site, a contact and a numbered contract, and shows them all in the 360° view', async () => {
    const { id } = await app.db.prisma.customer.findFirstOrThrow({ where: { sageAccount: 'CL00042' }, select: { id: true } });
    const site = await assistant.request(
      `mutation($id: ID!) { saveSite(customerId: $id, site: { label: "Maison de campagne", street: "8 chemin des Vignes", postalCode: "78120", city: "Rambouillet", accessNotes: "Clé chez le voisin" }) { __typename ... on MutationSaveSiteSuccess { data { id } } } }`,
      { id },
    );
    const siteId = (site.data?.saveSite as { data: { id: string } }).data.id;
    await assistant.request(
      `mutation($id: ID!) { saveContact(customerId: $id, name: "Paul Lefèvre", role: "Conjoint", phone: "0611223344", isPrimary: true) { __typename } }`,
      { id },
    );
    const contract = await assistant.request(
      `mutation($id: ID!, $siteId: ID) { saveContract(customerId: $id, siteId: $siteId, startDate: "2026-01-15T00:00:00Z", renewalDate: "2027-01-15T00:00:00Z", priceCents: 18900) { __typename ... on MutationSaveContractSuccess { data { number status site { city } } } } }`,
      { id, siteId },
    );
    expect(contract.data?.saveContract).toEqual({
      __typename: 'MutationSaveContractSuccess',
      data: { number: 'CTR-2026-0001', status: 'ACTIVE', site: { city: 'Rambouillet' } },
    });

    const view = await assistant.request(
      `query($id: ID!) { customer(id: $id) { name contacts { name phone isPrimary } sites { city accessNotes } contracts { number } upcomingAppointments { id } openTickets { id } recentCalls { id } quotes { id } invoices { id } balanceDueCents } }`,
      { id },
    );
    expect(view.data).toEqual({
      customer: {
        name: 'Lefèvre-Moreau Hélène',
        contacts: [{ name: 'Paul Lefèvre', phone: '+33611223344', isPrimary: true }],
        sites: [
          { city: 'Paris', accessNotes: null },
          { city: 'Rambouillet', accessNotes: 'Clé chez le voisin' },
        ],
        contracts: [{ number: 'CTR-2026-0001' }],
        upcomingAppointments: [],
        openTickets: [],
        recentCalls: [],
        quotes: [],
        invoices: [],
        balanceDueCents: 0,
      },
    });
    const byNewPostalCode = await assistant.request(`{ customers(search: "78120") { total } }`);
    expect(byNewPostalCode.data).toEqual({ customers: { total: 1 } });
  });

  it('refuses a contract that renews before it starts', async () => {
    const { id } = await app.db.prisma.customer.findFirstOrThrow({ where: { sageAccount: 'CL00042' }, select: { id: true } });
    const before = await counts();
    const result = await assistant.request(
      `mutation($id: ID!) { saveContract(customerId: $id, startDate: "2026-05-01T00:00:00Z", renewalDate: "2026-04-01T00:00:00Z", priceCents: 100) { __typename ... on ValidationError { issues { path } } } }`,
      { id },
    );
    expect(result.data?.saveContract).toEqual({ __typename: 'ValidationError', issues: [{ path: 'renewalDate' }] });
    expect(await counts()).toEqual(before);
  });

  it('rejects a search text that is too long with a typed error', async () => {
    const result = await assistant.request(`query($search: String) { customers(search: $search) { total } }`, { search: 'x'.repeat(201) });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      messageFr: expect.stringContaining('Recherche trop longue'),
    });
  });
});
