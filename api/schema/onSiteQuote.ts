// Quotes drawn up and accepted on site on the technician's phone (replayed from its
// outbox like the rest of the field work), and the quote details every quote shows:
// lines, VAT per rate, mentions, acceptance evidence and PDFs.
import { acceptQuoteOnSite } from '../resolvers/acceptQuoteOnSite.ts';
import { createOnSiteQuote } from '../resolvers/createOnSiteQuote.ts';
import { ContentChangedError, FileTooLargeError, QuoteClosedError, UnsupportedFileTypeError } from '../resolvers/fieldWorkErrors.ts';
import { priceQuote, quoteContentHash, type VatAmount } from '../resolvers/quoteContent.ts';
import { quoteContentSelect, storedQuoteContent } from '../resolvers/storedQuoteContent.ts';
import { viewerSeesOfficeSide } from '../resolvers/viewerAccess.ts';
import { builder } from './builder.ts';
import { errorTypeOptions } from './errors.ts';
import { scheduleErrors, signatureOrigin } from './intervention.ts';
import { nonEmptyQuery } from './prismaQuery.ts';

builder.prismaObject('QuoteLine', {
  // Only reachable through a Quote, which checks the customer.
  authScopes: { authenticated: true, token: 'customers:read' },
  fields: (t) => ({
    position: t.exposeInt('position'),
    catalogItem: t.relation('catalogItem', { nullable: true, authScopes: { staff: true } }),
    label: t.exposeString('label'),
    quantity: t.float({ select: { quantity: true }, resolve: (line) => line.quantity.toNumber() }),
    unit: t.exposeString('unit'),
    unitPriceCents: t.exposeInt('unitPriceCents', { description: 'Excluding VAT.' }),
    vatRateBp: t.exposeInt('vatRateBp', { description: 'VAT rate in basis points (2000 = 20 %).' }),
    totalHtCents: t.exposeInt('totalHtCents'),
  }),
});

const VatAmountType = builder.objectRef<VatAmount>('VatAmount').implement({
  description: 'The VAT of one rate: the mention French quotes and invoices must show.',
  authScopes: { authenticated: true, token: 'customers:read' },
  fields: (t) => ({
    vatRateBp: t.exposeInt('vatRateBp'),
    baseHtCents: t.exposeInt('baseHtCents'),
    vatCents: t.exposeInt('vatCents'),
  }),
});

builder.prismaObjectFields('Quote', (t) => ({
  lines: t.relation('lines', { query: { orderBy: { position: 'asc' } } }),
  vatByRate: t.field({
    type: [VatAmountType],
    description: 'VAT per rate, highest rate first (travel costs included at the rate of the works’ main part).',
    select: quoteContentSelect,
    resolve: (quote) => priceQuote(storedQuoteContent(quote).draft).vatByRate,
  }),
  isFree: t.exposeBoolean('isFree', { description: 'Whether the quote itself is free of charge.' }),
  travelCostCents: t.exposeInt('travelCostCents', { description: 'Excluding VAT; 0: no travel costs.' }),
  vatAttestation: t.exposeString('vatAttestation', { nullable: true, description: 'The customer’s attestation for reduced VAT rates.' }),
  contentHash: t.string({
    description: 'SHA-256 of the quote’s canonical content (quoteContent.ts): what an acceptance must be made over.',
    select: quoteContentSelect,
    resolve: (quote) => quoteContentHash(storedQuoteContent(quote)),
  }),
  acceptedByName: t.exposeString('acceptedByName', { nullable: true }),
  acceptedHash: t.exposeString('acceptedHash', { nullable: true, description: 'The content hash the customer accepted.' }),
  documents: t.relation('documents', {
    description: 'The quote’s PDFs: as presented and, once accepted, as signed.',
    query: (_args, context) => ({
      ...(viewerSeesOfficeSide(context.viewer) ? {} : { where: { visibleToCustomer: true } }),
      orderBy: { createdAt: 'asc' },
    }),
  }),
}));

builder.objectType(QuoteClosedError, { name: 'QuoteClosedError', ...errorTypeOptions });

const QuoteLineInput = builder.inputType('QuoteLineInput', {
  fields: (t) => ({
    catalogItemId: t.id({ required: false }),
    label: t.string(),
    quantity: t.float({ description: 'At most three decimals.' }),
    unit: t.string(),
    unitPriceCents: t.int({ description: 'Excluding VAT.' }),
    vatRateBp: t.int({ description: '2000, 1000 or 550 (20 %, 10 %, 5.5 %).' }),
  }),
});

const CreateOnSiteQuoteInput = builder.inputType('CreateOnSiteQuoteInput', {
  fields: (t) => ({
    appointmentId: t.id(),
    title: t.string({ required: false, description: 'What the work is; "Devis établi sur place" by default.' }),
    lines: t.field({ type: [QuoteLineInput] }),
    travelCostCents: t.int({ required: false, description: 'Travel costs excluding VAT (none by default).' }),
    validityDays: t.int(),
    vatAttestation: t.string({ required: false, description: 'For 10 % / 5.5 % lines; the legal sentences when left empty.' }),
    issuedAt: t.field({ type: 'DateTime', required: false, description: 'The phone’s time when the quote was drawn up.' }),
    clientMutationId: t.string({ description: 'Chosen by the phone (UUID): a replay returns the first result.' }),
  }),
});

builder.mutationFields((t) => ({
  createOnSiteQuote: t.prismaField({
    type: 'Quote',
    description: 'The technician draws up a quote for the appointment’s customer, numbered DEV-<year>-<n>; the office sees it at once.',
    authScopes: { technician: true },
    errors: { types: [...scheduleErrors] },
    args: { input: t.arg({ type: CreateOnSiteQuoteInput }) },
    resolve: async (query, _root, { input }, context) => {
      const { quoteId } = await createOnSiteQuote(context, context.viewer, input);
      return context.prisma.quote.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: quoteId } });
    },
  }),
  acceptQuoteOnSite: t.prismaField({
    type: 'Quote',
    description: 'The customer accepts an on-site quote on the phone (“Bon pour travaux”), signature and evidence kept.',
    authScopes: { technician: true },
    errors: { types: [...scheduleErrors, QuoteClosedError, ContentChangedError, FileTooLargeError, UnsupportedFileTypeError] },
    args: {
      quoteId: t.arg.id(),
      signerName: t.arg.string(),
      signature: t.arg({ type: 'File', description: 'The signature drawn on the screen, as a PNG.' }),
      acceptedAt: t.arg({ type: 'DateTime' }),
      contentHash: t.arg.string({ description: 'SHA-256 of the canonical quote content shown to the customer (quoteContent.ts).' }),
      clientMutationId: t.arg.string(),
    },
    resolve: async (query, _root, args, context) => {
      const { quoteId } = await acceptQuoteOnSite(context, context.viewer, args, signatureOrigin(context));
      return context.prisma.quote.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: quoteId } });
    },
  }),
}));
