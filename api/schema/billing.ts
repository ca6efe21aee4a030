import { readableThroughCustomer } from './customer.ts';
import { builder } from './builder.ts';
import { viewerSeesOfficeSide } from '../resolvers/viewerAccess.ts';

const QuoteStatusEnum = builder.enumType('QuoteStatus', { values: ['DRAFT', 'SENT', 'ACCEPTED', 'REFUSED', 'EXPIRED'] as const });
const InvoiceStatusEnum = builder.enumType('InvoiceStatus', { values: ['ISSUED', 'PARTIALLY_PAID', 'PAID', 'CANCELLED'] as const });

builder.prismaObject('Quote', {
  // A customer never sees the office's drafts, even by a direct path.
  authScopes: (quote, context) =>
    readableThroughCustomer(quote, context) && (quote.status !== 'DRAFT' || viewerSeesOfficeSide(context.viewer)),
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number'),
    title: t.exposeString('title'),
    status: t.expose('status', { type: QuoteStatusEnum }),
    validUntil: t.expose('validUntil', { type: 'DateTime' }),
    totalHtCents: t.exposeInt('totalHtCents'),
    totalVatCents: t.exposeInt('totalVatCents'),
    totalTtcCents: t.exposeInt('totalTtcCents'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.prismaObject('Invoice', {
  authScopes: readableThroughCustomer,
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number'),
    status: t.expose('status', { type: InvoiceStatusEnum }),
    issuedAt: t.expose('issuedAt', { type: 'DateTime' }),
    dueAt: t.expose('dueAt', { type: 'DateTime' }),
    totalHtCents: t.exposeInt('totalHtCents'),
    totalTtcCents: t.exposeInt('totalTtcCents'),
    paidCents: t.exposeInt('paidCents'),
  }),
});
