import { z } from 'zod';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { createCustomer } from '../resolvers/createCustomer.ts';
import { ConflictError, NotFoundError, ValidationError } from '../resolvers/errors.ts';
import { saveContact } from '../resolvers/saveContact.ts';
import { saveContract } from '../resolvers/saveContract.ts';
import { saveSite } from '../resolvers/saveSite.ts';
import { customerSearchQuery } from '../resolvers/searchCustomers.ts';
import { updateCustomer } from '../resolvers/updateCustomer.ts';
import { viewerCanReadCustomer, viewerSeesOfficeSide } from '../resolvers/viewerAccess.ts';
import { builder } from './builder.ts';
import { nonEmptyQuery } from './prismaQuery.ts';

export const CustomerKindEnum = builder.enumType('CustomerKind', { values: ['INDIVIDUAL', 'COMPANY', 'PROPERTY_MANAGER'] as const });
const ContractStatusEnum = builder.enumType('ContractStatus', { values: ['ACTIVE', 'PENDING_RENEWAL', 'EXPIRED', 'CANCELLED'] as const });

/** Everything hanging off a customer is readable by whoever may read that customer. */
export const readableThroughCustomer = (
  row: { customerId: string | null },
  context: { viewer: Parameters<typeof viewerCanReadCustomer>[0] },
) => viewerCanReadCustomer(context.viewer, row.customerId);

const pageSize = z.number().int().min(1, 'Au moins 1.|At least 1.').max(100, 'Au plus 100.|At most 100.');

const staffOnly = { staff: true, token: 'customers:read' } as const;

builder.prismaObject('Customer', {
  description: 'A customer: household, company or property manager (customer 360°).',
  authScopes: (customer, context) => viewerCanReadCustomer(context.viewer, customer.id),
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: CustomerKindEnum }),
    name: t.exposeString('name'),
    firstName: t.exposeString('firstName', { nullable: true }),
    lastName: t.exposeString('lastName', { nullable: true }),
    companyName: t.exposeString('companyName', { nullable: true }),
    siret: t.exposeString('siret', { nullable: true }),
    sageAccount: t.exposeString('sageAccount', { nullable: true, description: 'SAGE 100 account code (CT_Num).' }),
    phones: t.exposeStringList('phones', { description: 'E.164 numbers.' }),
    emails: t.exposeStringList('emails'),
    notes: t.exposeString('notes', {
      nullable: true,
      description: 'Internal notes (staff only: null for the customer).',
      authScopes: staffOnly,
      unauthorizedResolver: () => null,
    }),
    consentEmail: t.exposeBoolean('consentEmail'),
    consentSms: t.exposeBoolean('consentSms'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    contacts: t.relation('contacts', { query: { orderBy: [{ isPrimary: 'desc' }, { name: 'asc' }] } }),
    sites: t.relation('sites', { query: { orderBy: { createdAt: 'asc' } } }),
    contracts: t.relation('contracts', { query: { orderBy: { renewalDate: 'desc' } } }),
    upcomingAppointments: t.relation('appointments', {
      args: { limit: t.arg.int({ defaultValue: 5, validate: pageSize }) },
      query: (args) => ({
        where: { endsAt: { gte: new Date() }, status: { notIn: ['CANCELLED', 'NO_SHOW', 'DONE'] } },
        orderBy: { startsAt: 'asc' },
        take: args.limit,
      }),
    }),
    recentAppointments: t.relation('appointments', {
      args: { limit: t.arg.int({ defaultValue: 10, validate: pageSize }) },
      query: (args) => ({ where: { startsAt: { lt: new Date() } }, orderBy: { startsAt: 'desc' }, take: args.limit }),
    }),
    openTickets: t.relation('tickets', {
      authScopes: staffOnly,
      query: { where: { status: { in: ['NEW', 'OPEN', 'PENDING'] } }, orderBy: { createdAt: 'desc' } },
    }),
    recentCalls: t.relation('calls', {
      authScopes: staffOnly,
      args: { limit: t.arg.int({ defaultValue: 10, validate: pageSize }) },
      query: (args) => ({ orderBy: { startedAt: 'desc' }, take: args.limit }),
    }),
    quotes: t.relation('quotes', {
      args: { limit: t.arg.int({ defaultValue: 10, validate: pageSize }) },
      // A customer sees the quotes sent to them, never the office's drafts.
      query: (args, context) => ({
        ...(viewerSeesOfficeSide(context.viewer) ? {} : { where: { status: { not: 'DRAFT' } } }),
        orderBy: { createdAt: 'desc' },
        take: args.limit,
      }),
    }),
    invoices: t.relation('invoices', {
      args: { limit: t.arg.int({ defaultValue: 10, validate: pageSize }) },
      query: (args) => ({ orderBy: { issuedAt: 'desc' }, take: args.limit }),
    }),
    balanceDueCents: t.int({
      description: 'What the customer still owes on issued invoices, in cents.',
      select: { invoices: { where: { status: { in: ['ISSUED', 'PARTIALLY_PAID'] } }, select: { totalTtcCents: true, paidCents: true } } },
      resolve: (customer) => customer.invoices.reduce((sum, invoice) => sum + invoice.totalTtcCents - invoice.paidCents, 0),
    }),
  }),
});

builder.prismaObject('Contact', {
  authScopes: readableThroughCustomer,
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    role: t.exposeString('role', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    isPrimary: t.exposeBoolean('isPrimary'),
  }),
});

builder.prismaObject('Site', {
  description: 'An address where work is done.',
  authScopes: readableThroughCustomer,
  fields: (t) => ({
    id: t.exposeID('id'),
    label: t.exposeString('label', { nullable: true }),
    street: t.exposeString('street'),
    postalCode: t.exposeString('postalCode'),
    city: t.exposeString('city'),
    accessNotes: t.exposeString('accessNotes', { nullable: true }),
    equipment: t.relation('equipment'),
  }),
});

builder.prismaObject('Equipment', {
  // Only reachable through a Site, which checks the customer.
  authScopes: { authenticated: true, token: 'customers:read' },
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.exposeString('kind'),
    brand: t.exposeString('brand', { nullable: true }),
    model: t.exposeString('model', { nullable: true }),
    serial: t.exposeString('serial', { nullable: true }),
  }),
});

builder.prismaObject('Contract', {
  description: 'A maintenance contract.',
  authScopes: readableThroughCustomer,
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number'),
    status: t.expose('status', { type: ContractStatusEnum }),
    startDate: t.expose('startDate', { type: 'DateTime' }),
    renewalDate: t.expose('renewalDate', { type: 'DateTime' }),
    visitFrequencyMonths: t.exposeInt('visitFrequencyMonths'),
    priceCents: t.exposeInt('priceCents'),
    vatRateBp: t.exposeInt('vatRateBp', { description: 'VAT rate in basis points (2000 = 20 %).' }),
    site: t.relation('site', { nullable: true }),
  }),
});

interface CustomerSearch {
  query: ReturnType<typeof customerSearchQuery>;
}

const CustomerSearchResult = builder.objectRef<CustomerSearch>('CustomerSearchResult').implement({
  authScopes: { staff: true, token: 'customers:read' },
  fields: (t) => ({
    total: t.int({ resolve: ({ query }, _args, context) => context.prisma.customer.count({ where: query.where }) }),
    items: t.prismaField({
      type: ['Customer'],
      resolve: (prismaQuery, { query }, _args, context) => context.prisma.customer.findMany({ ...prismaQuery, ...query }),
    }),
  }),
});

builder.queryFields((t) => ({
  customers: t.field({
    type: CustomerSearchResult,
    description: 'Customers matching a name, phone number in any format, e-mail, postal code or SAGE code.',
    authScopes: { staff: true, token: 'customers:read' },
    args: {
      search: t.arg.string({ required: false }),
      limit: t.arg.int({ defaultValue: 20 }),
      offset: t.arg.int({ defaultValue: 0 }),
    },
    resolve: (_root, args) => ({ query: customerSearchQuery(args) }),
  }),
  customer: t.prismaField({
    type: 'Customer',
    nullable: true,
    description: 'One customer with everything linked (staff), or the viewer’s own record (customer).',
    authScopes: { staff: true, client: true, token: 'customers:read' },
    args: { id: t.arg.id() },
    resolve: (query, _root, { id }, context) => {
      // A customer asking for someone else's id learns nothing, not even whether it exists.
      if (!viewerCanReadCustomer(context.viewer, id)) return null;
      return context.prisma.customer.findFirst({ ...query, where: { id, erasedAt: null } });
    },
  }),
}));

const customerWriteScopes = { office: true, token: 'customers:write' } as const;

export const SiteInput = builder.inputType('SiteInput', {
  fields: (t) => ({
    label: t.string({ required: false }),
    street: t.string(),
    postalCode: t.string(),
    city: t.string(),
    accessNotes: t.string({ required: false }),
  }),
});

const customerInputFields = (required: boolean) =>
  builder.inputType(required ? 'CreateCustomerInput' : 'UpdateCustomerInput', {
    fields: (t) => ({
      ...(required ? {} : { id: t.id() }),
      kind: t.field({ type: CustomerKindEnum, required }),
      firstName: t.string({ required: false }),
      lastName: t.string({ required: false }),
      companyName: t.string({ required: false }),
      siret: t.string({ required: false }),
      sageAccount: t.string({ required: false }),
      phones: t.stringList({ required: false, description: 'Phone numbers in any usual format; stored as E.164.' }),
      emails: t.stringList({ required: false }),
      notes: t.string({ required: false }),
      consentEmail: t.boolean({ required: false }),
      consentSms: t.boolean({ required: false }),
      ...(required ? { site: t.field({ type: SiteInput, required: false }) } : {}),
    }),
  });

const CreateCustomerInput = customerInputFields(true);
const UpdateCustomerInput = customerInputFields(false);

/** GraphQL leaves absent optional fields as undefined or null; the use cases treat null as "not given". */
function withoutNulls<T extends object>(input: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)) as { [K in keyof T]: Exclude<T[K], null> };
}

function findCustomer(
  query: { include?: Prisma.CustomerInclude; select?: Prisma.CustomerSelect },
  id: string,
  context: { prisma: PrismaClient },
) {
  return context.prisma.customer.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id } });
}

builder.mutationFields((t) => ({
  createCustomer: t.prismaField({
    type: 'Customer',
    authScopes: customerWriteScopes,
    errors: { types: [ValidationError, ConflictError] },
    args: { input: t.arg({ type: CreateCustomerInput }) },
    resolve: async (query, _root, { input }, context) => {
      const { customerId } = await createCustomer(context, context.viewer, withoutNulls(input) as Parameters<typeof createCustomer>[2]);
      return findCustomer(query, customerId, context);
    },
  }),
  updateCustomer: t.prismaField({
    type: 'Customer',
    authScopes: customerWriteScopes,
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: UpdateCustomerInput }) },
    resolve: async (query, _root, { input }, context) => {
      const { customerId } = await updateCustomer(context, context.viewer, withoutNulls(input) as Parameters<typeof updateCustomer>[2]);
      return findCustomer(query, customerId, context);
    },
  }),
  saveSite: t.prismaField({
    type: 'Site',
    description: 'Adds a site to a customer, or updates it when `id` is given.',
    authScopes: customerWriteScopes,
    errors: { types: [ValidationError, NotFoundError] },
    args: { customerId: t.arg.id(), id: t.arg.id({ required: false }), site: t.arg({ type: SiteInput }) },
    resolve: async (query, _root, args, context) => {
      const { siteId } = await saveSite(context, context.viewer, { customerId: args.customerId, id: args.id, ...args.site });
      return context.prisma.site.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: siteId } });
    },
  }),
  saveContact: t.prismaField({
    type: 'Contact',
    description: 'Adds a contact person to a customer, or updates it when `id` is given.',
    authScopes: customerWriteScopes,
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      customerId: t.arg.id(),
      id: t.arg.id({ required: false }),
      name: t.arg.string(),
      role: t.arg.string({ required: false }),
      phone: t.arg.string({ required: false }),
      email: t.arg.string({ required: false }),
      isPrimary: t.arg.boolean({ required: false }),
    },
    resolve: async (query, _root, args, context) => {
      const { contactId } = await saveContact(context, context.viewer, withoutNulls(args));
      return context.prisma.contact.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: contactId } });
    },
  }),
  saveContract: t.prismaField({
    type: 'Contract',
    description: 'Creates a maintenance contract, or updates it when `id` is given.',
    authScopes: customerWriteScopes,
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      customerId: t.arg.id(),
      id: t.arg.id({ required: false }),
      siteId: t.arg.id({ required: false }),
      status: t.arg({ type: ContractStatusEnum, required: false }),
      startDate: t.arg({ type: 'DateTime' }),
      renewalDate: t.arg({ type: 'DateTime' }),
      visitFrequencyMonths: t.arg.int({ required: false }),
      priceCents: t.arg.int(),
      vatRateBp: t.arg.int({ required: false }),
      notes: t.arg.string({ required: false }),
    },
    resolve: async (query, _root, args, context) => {
      const { contractId } = await saveContract(context, context.viewer, withoutNulls(args) as Parameters<typeof saveContract>[2]);
      return context.prisma.contract.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: contractId } });
    },
  }),
}));

builder.subscriptionField('customerChanged', (t) =>
  t.prismaField({
    type: 'Customer',
    description: 'Pushed whenever a customer, one of their sites, contacts or contracts is created or changed.',
    authScopes: { staff: true },
    subscribe: (_root, _args, context) => context.hub.subscribe('customerChanged'),
    resolve: (query, payload, _args, context) =>
      context.prisma.customer.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: (payload as { customerId: string }).customerId } }),
  }),
);
