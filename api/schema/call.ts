// Telephony (CTI): the incoming-call pop-up, the call log and its statistics, and the
// one-click ticket from a call. Calls themselves arrive by webhook (app/telephonyWebhook.ts).
import { computeCallStatistics, type CallStatistics, type CallVolume } from '../resolvers/computeCallStatistics.ts';
import { createTicketFromCall } from '../resolvers/createTicketFromCall.ts';
import { NotFoundError, ValidationError } from '../resolvers/errors.ts';
import { callLogQuery } from '../resolvers/listCalls.ts';
import { builder } from './builder.ts';
import { nonEmptyQuery } from './prismaQuery.ts';
import { audienceOfRole } from '../app/sharedSubscriptionResults.ts';

const CallDirectionEnum = builder.enumType('CallDirection', { values: ['INBOUND', 'OUTBOUND'] as const });

builder.prismaObjectFields('Call', (t) => ({
  endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
  customer: t.relation('customer', {
    nullable: true,
    description: 'The customer the other party’s number belongs to (their own number or a contact’s): the card to show.',
  }),
  ticket: t.relation('ticket', { nullable: true }),
  answeredByName: t.string({
    nullable: true,
    description: 'The member of staff who took the call.',
    select: { answeredBy: { select: { name: true } } },
    resolve: (call) => call.answeredBy?.name ?? null,
  }),
}));

const officeOnly = { office: true } as const;

const CallFilter = builder.inputType('CallFilter', {
  fields: (t) => ({
    direction: t.field({ type: CallDirectionEnum, required: false }),
    missed: t.boolean({ required: false }),
    customerId: t.id({ required: false }),
    withTicket: t.boolean({ required: false, description: 'true: calls linked to a ticket; false: calls still untracked.' }),
  }),
});

interface CallLog {
  query: ReturnType<typeof callLogQuery>;
}

const CallLogType = builder.objectRef<CallLog>('CallLog').implement({
  authScopes: officeOnly,
  fields: (t) => ({
    total: t.int({ resolve: ({ query }, _args, context) => context.prisma.call.count({ where: query.where }) }),
    items: t.prismaField({
      type: ['Call'],
      resolve: (prismaQuery, { query }, _args, context) => context.prisma.call.findMany({ ...prismaQuery, ...query }),
    }),
  }),
});

const CallVolumeInterface = builder.interfaceRef<CallVolume>('CallVolume').implement({
  authScopes: officeOnly,
  fields: (t) => ({
    total: t.exposeInt('total'),
    inbound: t.exposeInt('inbound'),
    outbound: t.exposeInt('outbound'),
    missed: t.exposeInt('missed', { description: 'Inbound calls nobody answered.' }),
  }),
});

const CallDayVolume = builder.objectRef<CallStatistics['perDay'][number]>('CallDayVolume').implement({
  authScopes: officeOnly,
  interfaces: [CallVolumeInterface],
  fields: (t) => ({ date: t.exposeString('date', { description: 'The Paris day, YYYY-MM-DD.' }) }),
});

const CallHourVolume = builder.objectRef<CallStatistics['perHour'][number]>('CallHourVolume').implement({
  authScopes: officeOnly,
  interfaces: [CallVolumeInterface],
  fields: (t) => ({ hour: t.exposeInt('hour', { description: 'Hour of the day in Paris, 0–23.' }) }),
});

const CallStatisticsType = builder.objectRef<CallStatistics>('CallStatistics').implement({
  description: 'Call figures of a period: volumes, answer delay and missed calls (Europe/Paris days and hours).',
  authScopes: officeOnly,
  interfaces: [CallVolumeInterface],
  fields: (t) => ({
    answered: t.exposeInt('answered', { description: 'Inbound calls answered.' }),
    missedRate: t.exposeFloat('missedRate', { nullable: true, description: 'Missed inbound calls over inbound calls (0–1).' }),
    averageAnswerDelaySeconds: t.exposeFloat('averageAnswerDelaySeconds', { nullable: true }),
    medianAnswerDelaySeconds: t.exposeFloat('medianAnswerDelaySeconds', { nullable: true }),
    perDay: t.field({ type: [CallDayVolume], resolve: (statistics) => statistics.perDay }),
    perHour: t.field({ type: [CallHourVolume], resolve: (statistics) => statistics.perHour }),
  }),
});

builder.queryFields((t) => ({
  calls: t.field({
    type: CallLogType,
    description: 'The call log: calls started in [from, to), latest first (at most 366 days at a time).',
    authScopes: officeOnly,
    args: {
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
      filter: t.arg({ type: CallFilter, required: false }),
      limit: t.arg.int({ defaultValue: 50 }),
      offset: t.arg.int({ defaultValue: 0 }),
    },
    resolve: (_root, { filter, ...args }) => ({ query: callLogQuery({ ...filter, ...args }) }),
  }),
  callStatistics: t.field({
    type: CallStatisticsType,
    description: 'Call figures for calls started in [from, to) (at most 366 days at a time).',
    authScopes: officeOnly,
    args: { from: t.arg({ type: 'DateTime' }), to: t.arg({ type: 'DateTime' }) },
    resolve: (_root, args, context) => computeCallStatistics(context.prisma, args),
  }),
}));

builder.mutationField('createTicketFromCall', (t) =>
  t.prismaField({
    type: 'Ticket',
    description: 'The call’s ticket, opened from the call if it has none yet: clicking twice returns the same ticket.',
    authScopes: officeOnly,
    errors: { types: [ValidationError, NotFoundError] },
    args: { callId: t.arg.id() },
    resolve: async (query, _root, { callId }, context) => {
      const { ticketId } = await createTicketFromCall(context, context.viewer, callId);
      return context.prisma.ticket.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: ticketId } });
    },
  }),
);

builder.subscriptionField('incomingCall', (t) =>
  t.prismaField({
    type: 'Call',
    description:
      'Pushed when a call rings the office, with its matched customer: the pop-up card. The same call may be pushed again (a new agent rings).',
    authScopes: { staff: true },
    // Every assistant's screen asks for the same card: one query per ring and role, not per screen.
    extensions: { sharedResultAudience: audienceOfRole },
    subscribe: (_root, _args, context) => context.hub.subscribe('incomingCall'),
    resolve: (query, payload, _args, context) =>
      context.prisma.call.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: (payload as { callId: string }).callId } }),
  }),
);
