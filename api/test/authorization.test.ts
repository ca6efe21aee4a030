// Every field of the schema is behind an explicit auth scope, and neither an anonymous
// visitor nor a customer can reach staff-only fields or another customer's data.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession } from '../auth/sessions.ts';
import { sessionCookieName } from '../auth/viewer.ts';
import { schema } from '../schema/schema.ts';
import { createTestApp, createTestCustomer, createTestUser, type TestApp } from './testApp.ts';

type PothosExtensions = { pothosOptions?: { authScopes?: unknown } };
const scopesOf = (holder: { extensions?: unknown }) => (holder.extensions as PothosExtensions | undefined)?.pothosOptions?.authScopes;

const rootTypes = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
  (type): type is GraphQLObjectType => Boolean(type),
);

// Root fields anyone may call, and what a customer may call besides. Adding a field to
// the schema without adding it here makes the behavioural tests below check it is refused.
const publicFields = new Set([
  'me',
  'company',
  'bookableServices',
  'availableSlots',
  'login',
  'logout',
  'signUp',
  'requestPasswordReset',
  'resetPassword',
]);
const clientFields = new Set([
  ...publicFields,
  'customer',
  'updateMyLocale',
  'myAppointments',
  'bookAppointment',
  'rescheduleAppointment',
  'cancelAppointment',
  'myRequests',
  'submitCustomerRequest',
]);

describe('every field declares who may read it', () => {
  it('root fields each carry their own authScopes', () => {
    const missing = rootTypes.flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => !scopesOf(field))
        .map((field) => `${type.name}.${field.name}`),
    );
    expect(missing).toEqual([]);
  });

  it('fields of every other object type are covered by a type or field scope', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || rootTypes.includes(type)) continue;
      // The errors plugin's generated `…Success { data }` wrappers hold a type that has its own scopes.
      if (/^(Query|Mutation)\w+Success$/.test(type.name)) continue;
      for (const field of Object.values(type.getFields())) {
        if (!scopesOf(type) && !scopesOf(field)) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

/** A syntactically valid value for an argument, pointing at `foreignId` wherever an ID is expected. */
function sampleValue(type: GraphQLInputType, foreignId: string): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, foreignId);
  if (isListType(type)) return [sampleValue(type.ofType, foreignId)];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, sampleValue(field.type, foreignId)]));
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return foreignId;
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'DateTime':
        return new Date().toISOString();
      default:
        return 'sample';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const variables = Object.fromEntries(field.args.map((arg) => [arg.name, arg.type]));
  const declarations = Object.entries(variables).map(([name, type]) => `$${name}: ${String(type)}`);
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`);
  const selection = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? '' : '{ __typename }';
  return `${kind}${declarations.length ? `(${declarations.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection} }`;
}

describe('what anonymous visitors and customers can reach', () => {
  let app: TestApp;
  let ownCustomerId: string;
  let otherCustomerId: string;
  let clientUserId: string;

  beforeAll(async () => {
    app = await createTestApp();
    ownCustomerId = await createTestCustomer(app.db.prisma, { name: 'Petit Anne', phones: ['+33611111111'] });
    otherCustomerId = await createTestCustomer(app.db.prisma, { name: 'Grand Paul', phones: ['+33622222222'] });
    await app.db.prisma.customer.update({ where: { id: otherCustomerId }, data: { notes: 'Paie en retard' } });
    ({ userId: clientUserId } = await createTestUser(app.db.prisma, {
      role: 'CLIENT',
      email: 'anne@example.fr',
      customerId: ownCustomerId,
    }));
  });
  afterAll(() => app.close());

  async function clientSession() {
    const session = await openSession(app.db.prisma, clientUserId, { ip: '127.0.0.1', userAgent: 'test' });
    const client = app.client();
    client.cookie = `${sessionCookieName}=${session.token}`;
    return client;
  }

  const rootFields = (['query', 'mutation'] as const).flatMap((kind) => {
    const type = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(type?.getFields() ?? {}).map((field) => ({ kind, field }));
  });

  it.each(
    rootFields
      .filter(({ field }) => !publicFields.has(field.name))
      .map(({ kind, field }) => [`${kind} ${field.name}`, kind, field] as const),
  )('anonymous: %s is refused as unauthenticated', async (_label, kind, field) => {
    const result = await app
      .client()
      .request(operationFor(kind, field), Object.fromEntries(field.args.map((arg) => [arg.name, sampleValue(arg.type, otherCustomerId)])));
    expect(result.errors?.map((error) => error.extensions?.code)).toContain('UNAUTHENTICATED');
  });

  it.each(
    rootFields
      .filter(({ field }) => !clientFields.has(field.name))
      .map(({ kind, field }) => [`${kind} ${field.name}`, kind, field] as const),
  )('customer: %s is refused as forbidden', async (_label, kind, field) => {
    const client = await clientSession();
    const result = await client.request(
      operationFor(kind, field),
      Object.fromEntries(field.args.map((arg) => [arg.name, sampleValue(arg.type, otherCustomerId)])),
    );
    expect(result.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
  });

  it('anonymous `me` is null', async () => {
    expect((await app.client().request(`{ me { id } }`)).data).toEqual({ me: null });
  });

  it('a customer reads their own record but learns nothing about another customer', async () => {
    const client = await clientSession();
    const own = await client.request(`query($id: ID!) { customer(id: $id) { name phones notes sites { city } } }`, { id: ownCustomerId });
    expect(own.data).toEqual({ customer: { name: 'Petit Anne', phones: ['+33611111111'], notes: null, sites: [{ city: 'Paris' }] } });
    const other = await client.request(`query($id: ID!) { customer(id: $id) { name } }`, { id: otherCustomerId });
    expect(other).toEqual({ data: { customer: null } });
    const viaMe = await client.request(`{ me { customer { id } } }`);
    expect(viaMe.data).toEqual({ me: { customer: { id: ownCustomerId } } });
  });

  it('a customer cannot open staff-only parts of their own record', async () => {
    const client = await clientSession();
    for (const field of ['openTickets { id }', 'recentCalls { id }']) {
      const result = await client.request(`query($id: ID!) { customer(id: $id) { ${field} } }`, { id: ownCustomerId });
      expect(result.errors?.[0]?.extensions?.code, field).toBe('FORBIDDEN');
    }
  });

  it('staff see internal notes that customers do not', async () => {
    await createTestUser(app.db.prisma, { role: 'ASSISTANT', email: 'claire@duret.test' });
    const assistant = app.client();
    const { testPassword } = await import('./testApp.ts');
    await assistant.login('claire@duret.test', testPassword);
    const result = await assistant.request(`query($id: ID!) { customer(id: $id) { notes } }`, { id: otherCustomerId });
    expect(result.data).toEqual({ customer: { notes: 'Paie en retard' } });
  });

  it('a subscription field is refused to a customer', () => {
    // Subscriptions run over WebSocket (see subscriptions.test.ts); here: its scope excludes customers.
    const subscription = schema.getSubscriptionType()?.getFields().customerChanged;
    expect(scopesOf(subscription!)).toEqual({ staff: true });
  });
});
