// A customer's requests from the portal: they become tickets in the office's inbox, and
// the customer follows them ("Mes demandes") without seeing the office's side.
import { ConflictError, NotFoundError, RateLimitedError, ValidationError } from '../resolvers/errors.ts';
import { consumeRateLimit } from '../resolvers/rateLimit.ts';
import { customerRequestCategories, submitCustomerRequest } from '../resolvers/submitCustomerRequest.ts';
import { builder } from './builder.ts';

const CustomerRequestCategoryEnum = builder.enumType('CustomerRequestCategory', { values: customerRequestCategories });
const CustomerRequestStatusEnum = builder.enumType('CustomerRequestStatus', {
  description: 'A request as the customer sees it: received, being handled, or done.',
  values: ['RECEIVED', 'IN_PROGRESS', 'DONE'] as const,
});

interface CustomerRequest {
  id: string;
  number: number;
  subject: string;
  category: (typeof customerRequestCategories)[number] | 'OPPORTUNITY';
  status: string;
  createdAt: Date;
}

const customerStatus = (status: string) =>
  status === 'NEW' ? 'RECEIVED' : status === 'OPEN' || status === 'PENDING' ? 'IN_PROGRESS' : 'DONE';

const CustomerRequestType = builder.objectRef<CustomerRequest>('CustomerRequest').implement({
  authScopes: { client: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeInt('number'),
    subject: t.exposeString('subject'),
    category: t.string({ resolve: (request) => request.category }),
    status: t.field({ type: CustomerRequestStatusEnum, resolve: (request) => customerStatus(request.status) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const SubmitCustomerRequestInput = builder.inputType('SubmitCustomerRequestInput', {
  fields: (t) => ({
    subject: t.string(),
    description: t.string({ required: false }),
    category: t.field({ type: CustomerRequestCategoryEnum }),
    siteId: t.id({ required: false, description: 'One of the customer’s own addresses.' }),
    idempotencyKey: t.string({ description: 'A client-generated id (UUID), reused when retrying the same request.' }),
  }),
});

const requestSelect = { id: true, number: true, subject: true, category: true, status: true, createdAt: true } as const;

builder.queryField('myRequests', (t) =>
  t.field({
    type: [CustomerRequestType],
    description: 'The signed-in customer’s requests, newest first (merged duplicates left out).',
    authScopes: { client: true },
    resolve: (_root, _args, context) =>
      context.viewer.kind === 'user' && context.viewer.customerId
        ? context.prisma.ticket.findMany({
            where: { customerId: context.viewer.customerId, mergedIntoId: null },
            orderBy: { createdAt: 'desc' },
            take: 50,
            select: requestSelect,
          })
        : [],
  }),
);

builder.mutationField('submitCustomerRequest', (t) =>
  t.field({
    type: CustomerRequestType,
    description: 'A request from the portal: a ticket in the office’s inbox at once.',
    authScopes: { client: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, RateLimitedError] },
    args: { input: t.arg({ type: SubmitCustomerRequestInput }) },
    resolve: async (_root, { input }, context) => {
      if (context.viewer.kind === 'user') {
        await consumeRateLimit(context.prisma, [{ key: `request:${context.viewer.userId}`, limit: 20, windowSeconds: 3600 }]);
      }
      const { ticketId } = await submitCustomerRequest(context, context.viewer, input);
      return context.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: requestSelect });
    },
  }),
);
