// The office's inbox: tickets with their SLA, timeline, saved views and counters, the
// changes the assistant makes, and the live feed that keeps every open inbox current.
import { filter, pipe } from 'graphql-yoga';
import type { TicketChange } from '../app/hub.ts';
import { audienceOfRole } from '../app/sharedSubscriptionResults.ts';
import { addTicketNote } from '../resolvers/addTicketNote.ts';
import { slaFlags, slaRiskHorizon, type SlaClock } from '../resolvers/computeSlaDueAt.ts';
import { countTicketViews } from '../resolvers/countTicketViews.ts';
import { createTicket } from '../resolvers/createTicket.ts';
import { ConflictError, NotFoundError, ValidationError } from '../resolvers/errors.ts';
import { InvalidMergeError, mergeTickets } from '../resolvers/mergeTickets.ts';
import { searchTickets, type TicketView } from '../resolvers/searchTickets.ts';
import { updateTicket } from '../resolvers/updateTicket.ts';
import { builder } from './builder.ts';
import { errorTypeOptions } from './errors.ts';
import { nonEmptyQuery } from './prismaQuery.ts';
import { RoleEnum } from './user.ts';

const TicketStatusEnum = builder.enumType('TicketStatus', { values: ['NEW', 'OPEN', 'PENDING', 'RESOLVED', 'CLOSED'] as const });
const TicketPriorityEnum = builder.enumType('TicketPriority', { values: ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const });
const TicketSourceEnum = builder.enumType('TicketSource', {
  values: ['PHONE', 'EMAIL', 'PORTAL', 'TECHNICIAN', 'CHATBOT', 'AUTOMATION'] as const,
});
const TicketCategoryEnum = builder.enumType('TicketCategory', {
  values: ['BREAKDOWN', 'QUOTE_REQUEST', 'APPOINTMENT', 'BILLING', 'COMPLAINT', 'INFORMATION', 'OPPORTUNITY', 'OTHER'] as const,
});
const TicketEventKindEnum = builder.enumType('TicketEventKind', {
  values: [
    'NOTE',
    'STATUS_CHANGE',
    'ASSIGNMENT',
    'PRIORITY_CHANGE',
    'CALL',
    'EMAIL_IN',
    'EMAIL_OUT',
    'MESSAGE',
    'MERGE',
    'SYSTEM',
  ] as const,
});
const TicketViewEnum = builder.enumType('TicketView', {
  description: 'Saved views of the inbox; each lists open tickets only (NEW, OPEN, PENDING).',
  values: {
    OPEN: { description: 'Every open ticket.' },
    MINE: { description: 'Open tickets assigned to the viewer.' },
    UNASSIGNED: { description: 'Open tickets nobody has taken.' },
    SLA_AT_RISK: { description: 'Open tickets that missed an SLA target or will within the next office hour; longest waiting first.' },
  } satisfies Record<TicketView, unknown>,
});
const TicketChangeKindEnum = builder.enumType('TicketChangeKind', { values: ['CREATED', 'UPDATED'] as const });

// One instant per request: every row of an inbox page is judged at the same moment, and the
// risk horizon (office-hour arithmetic) is worked out once rather than twice per row.
const requestClocks = new WeakMap<object, { now: Date; horizon: Date }>();
function slaFlagsNow(ticket: SlaClock, context: object) {
  let clock = requestClocks.get(context);
  if (!clock) {
    const now = new Date();
    clock = { now, horizon: slaRiskHorizon(now) };
    requestClocks.set(context, clock);
  }
  return slaFlags(ticket, clock.now, clock.horizon);
}

const UserSummary = builder.prismaObject('User', {
  variant: 'UserSummary',
  description: 'Who a ticket is assigned to or who wrote in its timeline, as staff see them.',
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    role: t.expose('role', { type: RoleEnum }),
  }),
});

builder.queryField('assignableUsers', (t) =>
  t.prismaField({
    type: [UserSummary],
    description: 'The colleagues a ticket can be given to: every active member of staff.',
    authScopes: { staff: true },
    resolve: (query, _root, _args, context) =>
      context.prisma.user.findMany({ ...query, where: { active: true, role: { not: 'CLIENT' } }, orderBy: { name: 'asc' } }),
  }),
);

builder.prismaObject('Ticket', {
  description: 'A customer request being handled by the office.',
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeInt('number'),
    subject: t.exposeString('subject'),
    description: t.exposeString('description', { nullable: true }),
    source: t.expose('source', { type: TicketSourceEnum }),
    category: t.expose('category', { type: TicketCategoryEnum }),
    status: t.expose('status', { type: TicketStatusEnum }),
    priority: t.expose('priority', { type: TicketPriorityEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    firstResponseDueAt: t.expose('firstResponseDueAt', { type: 'DateTime', nullable: true }),
    resolutionDueAt: t.expose('resolutionDueAt', { type: 'DateTime', nullable: true }),
    firstRespondedAt: t.expose('firstRespondedAt', { type: 'DateTime', nullable: true }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    slaAtRisk: t.boolean({
      description: 'A running SLA target falls due within the next office hour.',
      resolve: (ticket, _args, context) => slaFlagsNow(ticket, context).atRisk,
    }),
    slaBreached: t.boolean({
      description: 'A running SLA target was missed.',
      resolve: (ticket, _args, context) => slaFlagsNow(ticket, context).breached,
    }),
    customer: t.relation('customer', { nullable: true }),
    site: t.relation('site', { nullable: true }),
    assignee: t.relation('assignee', { type: UserSummary, nullable: true }),
    mergedInto: t.relation('mergedInto', { nullable: true, description: 'The ticket this one was merged into (it is then CLOSED).' }),
    events: t.relation('events', {
      description: 'The timeline, oldest first.',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
    calls: t.relation('calls', { query: { orderBy: { startedAt: 'asc' } } }),
  }),
});

builder.prismaObject('Call', {
  description: 'A telephone call logged by the telephony integration.',
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    direction: t.exposeString('direction'),
    fromNumber: t.exposeString('fromNumber'),
    toNumber: t.exposeString('toNumber'),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true }),
    missed: t.exposeBoolean('missed'),
    durationSeconds: t.exposeInt('durationSeconds', { nullable: true }),
  }),
});

/** What the use cases store in TicketEvent.data, by kind (a JSON column). */
interface TicketEventData {
  field?: string;
  from?: string;
  to?: string;
  assigneeId?: string | null;
  sourceId?: string;
  targetId?: string;
}
const eventData = (event: { data: unknown }) => (event.data ?? {}) as TicketEventData;
const changedField = { STATUS_CHANGE: 'status', PRIORITY_CHANGE: 'priority' } as const;

interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

const TicketFieldChange = builder.objectRef<FieldChange>('TicketFieldChange').implement({
  description: 'A field of the ticket that changed: "status", "priority" or "category", with its raw enum values.',
  authScopes: { staff: true },
  fields: (t) => ({
    field: t.exposeString('field'),
    from: t.exposeString('from', { nullable: true }),
    to: t.exposeString('to', { nullable: true }),
  }),
});

builder.prismaObject('TicketEvent', {
  description: 'One entry of a ticket’s timeline.',
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: TicketEventKindEnum }),
    body: t.exposeString('body', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    author: t.relation('author', { type: UserSummary, nullable: true, description: 'Null for automations and integrations.' }),
    call: t.relation('call', { nullable: true }),
    change: t.field({
      type: TicketFieldChange,
      nullable: true,
      description:
        'STATUS_CHANGE, PRIORITY_CHANGE, and SYSTEM events that changed the category, customer or site (names and addresses as they were).',
      resolve: (event) => {
        const data = eventData(event);
        const field = event.kind in changedField ? changedField[event.kind as keyof typeof changedField] : data.field;
        return field ? { field, from: data.from ?? null, to: data.to ?? null } : null;
      },
    }),
    assignee: t.prismaField({
      type: UserSummary,
      nullable: true,
      description: 'ASSIGNMENT events: who the ticket was given to (null: taken off everyone’s list).',
      resolve: (query, event, _args, context) => {
        const { assigneeId } = eventData(event);
        return event.kind === 'ASSIGNMENT' && assigneeId ? context.prisma.user.findUnique({ ...query, where: { id: assigneeId } }) : null;
      },
    }),
    mergeSource: t.prismaField({
      type: 'Ticket',
      nullable: true,
      description: 'MERGE events: the duplicate that was closed.',
      resolve: (query, event, _args, context) => {
        const { sourceId } = eventData(event);
        return event.kind === 'MERGE' && sourceId ? context.prisma.ticket.findUnique({ ...query, where: { id: sourceId } }) : null;
      },
    }),
    mergeTarget: t.prismaField({
      type: 'Ticket',
      nullable: true,
      description: 'MERGE events: the ticket that carries on.',
      resolve: (query, event, _args, context) => {
        const { targetId } = eventData(event);
        return event.kind === 'MERGE' && targetId ? context.prisma.ticket.findUnique({ ...query, where: { id: targetId } }) : null;
      },
    }),
  }),
});

builder.objectType(InvalidMergeError, { name: 'InvalidMergeError', ...errorTypeOptions });

// ───── Inbox ─────

interface TicketSearch {
  query: ReturnType<typeof searchTickets>;
}

const TicketPage = builder.objectRef<TicketSearch>('TicketPage').implement({
  description: 'One page of an inbox search; ask for the next with `after` set to the last ticket’s id.',
  authScopes: { staff: true },
  fields: (t) => ({
    totalCount: t.int({ resolve: ({ query }, _args, context) => context.prisma.ticket.count({ where: query.where }) }),
    items: t.prismaField({
      type: ['Ticket'],
      resolve: (prismaQuery, { query }, _args, context) => context.prisma.ticket.findMany({ ...prismaQuery, ...query }),
    }),
    hasNextPage: t.boolean({
      resolve: async ({ query }, _args, context) => {
        const next = await context.prisma.ticket.findFirst({
          where: query.where,
          orderBy: query.orderBy,
          cursor: query.cursor,
          skip: query.skip + query.take,
          select: { id: true },
        });
        return next !== null;
      },
    }),
  }),
});

const TicketCounters = builder.objectRef<Record<TicketView, number>>('TicketCounters').implement({
  description: 'How many tickets each saved view holds: the inbox badges.',
  authScopes: { staff: true },
  fields: (t) => ({
    open: t.exposeInt('OPEN'),
    mine: t.exposeInt('MINE'),
    unassigned: t.exposeInt('UNASSIGNED'),
    slaAtRisk: t.exposeInt('SLA_AT_RISK'),
  }),
});

const TicketFilter = builder.inputType('TicketFilter', {
  fields: (t) => ({
    status: t.field({ type: [TicketStatusEnum], required: false }),
    priority: t.field({ type: [TicketPriorityEnum], required: false }),
    category: t.field({ type: [TicketCategoryEnum], required: false }),
    source: t.field({ type: [TicketSourceEnum], required: false }),
    assigneeId: t.id({ required: false }),
    unassigned: t.boolean({ required: false }),
    customerId: t.id({ required: false }),
    search: t.string({
      required: false,
      description:
        'Words of the subject, description or customer (name, phone in any form, e-mail), or a ticket number ("#123": that ticket only).',
    }),
  }),
});

builder.queryFields((t) => ({
  ticket: t.prismaField({
    type: 'Ticket',
    nullable: true,
    authScopes: { staff: true },
    args: { id: t.arg.id() },
    resolve: (query, _root, { id }, context) => context.prisma.ticket.findUnique({ ...query, where: { id } }),
  }),
  tickets: t.field({
    type: TicketPage,
    description: 'The inbox: a saved view and/or filters, newest first (SLA_AT_RISK: longest waiting first).',
    authScopes: { staff: true },
    args: {
      view: t.arg({ type: TicketViewEnum, required: false }),
      filter: t.arg({ type: TicketFilter, required: false }),
      first: t.arg.int({ defaultValue: 25 }),
      after: t.arg.id({ required: false, description: 'The id of the last ticket already shown.' }),
    },
    resolve: (_root, { filter: ticketFilter, ...args }, context) => ({
      query: searchTickets({ ...ticketFilter, ...args }, context.viewer),
    }),
  }),
  ticketCounters: t.field({
    type: TicketCounters,
    authScopes: { staff: true },
    resolve: (_root, _args, context) => countTicketViews(context.prisma, context.viewer),
  }),
}));

// ───── Changes ─────

const CreateTicketInput = builder.inputType('CreateTicketInput', {
  fields: (t) => ({
    source: t.field({ type: TicketSourceEnum }),
    subject: t.string(),
    description: t.string({ required: false }),
    category: t.field({ type: TicketCategoryEnum, required: false, description: 'OTHER when not given.' }),
    priority: t.field({ type: TicketPriorityEnum, required: false, description: 'NORMAL when not given.' }),
    customerId: t.id({ required: false }),
    siteId: t.id({ required: false, description: 'One of the customer’s sites; alone, it implies its customer.' }),
    assigneeId: t.id({ required: false }),
    callId: t.id({ required: false, description: 'A call this ticket is about: linked to it, its customer taken when none is given.' }),
    idempotencyKey: t.string({ required: false, description: 'A client-generated id (UUID), reused when retrying the same creation.' }),
  }),
});

const UpdateTicketInput = builder.inputType('UpdateTicketInput', {
  fields: (t) => ({
    id: t.id(),
    status: t.field({ type: TicketStatusEnum, required: false }),
    priority: t.field({ type: TicketPriorityEnum, required: false, description: 'Recomputes the SLA due times.' }),
    category: t.field({ type: TicketCategoryEnum, required: false }),
    assigneeId: t.id({ required: false, description: 'null takes the ticket off everyone’s list; absent leaves it as is.' }),
    customerId: t.id({ required: false, description: 'null unlinks; absent leaves it. A site of another customer is dropped.' }),
    siteId: t.id({ required: false, description: 'One of the customer’s sites (it implies the customer); null unlinks.' }),
  }),
});

const ticketChangeErrors = [ValidationError, NotFoundError, ConflictError] as const;

builder.mutationFields((t) => ({
  createTicket: t.prismaField({
    type: 'Ticket',
    description: 'Opens a ticket with its SLA due times (office hours, Europe/Paris).',
    authScopes: { staff: true },
    errors: { types: [...ticketChangeErrors] },
    args: { input: t.arg({ type: CreateTicketInput }) },
    resolve: async (query, _root, { input }, context) => {
      const { ticketId } = await createTicket(context, context.viewer, input);
      return context.prisma.ticket.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: ticketId } });
    },
  }),
  updateTicket: t.prismaField({
    type: 'Ticket',
    description: 'Changes status, priority, category or assignee; each change is written to the timeline.',
    authScopes: { staff: true },
    errors: { types: [...ticketChangeErrors] },
    args: { input: t.arg({ type: UpdateTicketInput }) },
    resolve: async (query, _root, { input }, context) => {
      const { ticketId } = await updateTicket(context, context.viewer, input);
      return context.prisma.ticket.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: ticketId } });
    },
  }),
  addTicketNote: t.prismaField({
    type: 'Ticket',
    description: 'Adds an internal note to the timeline.',
    authScopes: { staff: true },
    errors: { types: [...ticketChangeErrors] },
    args: { ticketId: t.arg.id(), body: t.arg.string(), idempotencyKey: t.arg.string({ required: false }) },
    resolve: async (query, _root, args, context) => {
      const { ticketId } = await addTicketNote(context, context.viewer, args);
      return context.prisma.ticket.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: ticketId } });
    },
  }),
  mergeTickets: t.prismaField({
    type: 'Ticket',
    description: 'Merges a duplicate into the ticket that carries on, and returns the latter.',
    authScopes: { staff: true },
    errors: { types: [ValidationError, NotFoundError, InvalidMergeError] },
    args: { sourceId: t.arg.id(), targetId: t.arg.id() },
    resolve: async (query, _root, args, context) => {
      const { targetId } = await mergeTickets(context, context.viewer, args);
      return context.prisma.ticket.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: targetId } });
    },
  }),
}));

// ───── Live ─────

const TicketChangeType = builder.objectRef<TicketChange>('TicketChange').implement({
  authScopes: { staff: true },
  fields: (t) => ({
    change: t.expose('change', { type: TicketChangeKindEnum }),
    ticket: t.prismaField({
      type: 'Ticket',
      resolve: (query, change, _args, context) =>
        context.prisma.ticket.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: change.ticketId } }),
    }),
  }),
});

builder.subscriptionField('ticketChanged', (t) =>
  t.field({
    type: TicketChangeType,
    description: 'Pushed whenever a ticket is created or changed (status, priority, assignee, note, merge, call): the live inbox.',
    authScopes: { staff: true },
    // Tickets read the same for every colleague of one role: one execution per change, not per open screen.
    extensions: { sharedResultAudience: audienceOfRole },
    args: { ticketId: t.arg.id({ required: false, description: 'Only this ticket’s changes (an open ticket page).' }) },
    subscribe: (_root, args, context) =>
      pipe(
        context.hub.subscribe('ticketChanged'),
        filter((change: TicketChange) => !args.ticketId || change.ticketId === args.ticketId),
      ),
    resolve: (change) => change as TicketChange,
  }),
);
