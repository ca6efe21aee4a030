// Online booking and the planning board: free slots, booking, rescheduling, cancelling,
// moving, technicians' hours and time off, and the live subscriptions behind them.
import { filter, pipe } from 'graphql-yoga';
import type { Context } from '../app/context.ts';
import type { AvailabilityChange } from '../app/hub.ts';
import { audienceOfRole } from '../app/sharedSubscriptionResults.ts';
import { addTimeOff } from '../resolvers/addTimeOff.ts';
import { bookAppointment } from '../resolvers/bookAppointment.ts';
import { SlotTakenError, StaleVersionError, TooLateError } from '../resolvers/bookingErrors.ts';
import { cancelAppointment } from '../resolvers/cancelAppointment.ts';
import type { Slot } from '../resolvers/computeSlots.ts';
import { ConflictError, NotFoundError, parseInput, RateLimitedError, ValidationError } from '../resolvers/errors.ts';
import { findAvailableSlots, slotQueryRule, viewRangeRule, type AvailableSlots, type SlotQuery } from '../resolvers/findAvailableSlots.ts';
import { moveAppointment } from '../resolvers/moveAppointment.ts';
import { consumeRateLimit } from '../resolvers/rateLimit.ts';
import { removeTimeOff } from '../resolvers/removeTimeOff.ts';
import { rescheduleAppointment } from '../resolvers/rescheduleAppointment.ts';
import { setWorkingHours } from '../resolvers/setWorkingHours.ts';
import { viewerIsStaff } from '../resolvers/viewerAccess.ts';
import { builder } from './builder.ts';
import { SiteInput } from './customer.ts';
import { errorTypeOptions } from './errors.ts';
import { nonEmptyQuery } from './prismaQuery.ts';

interface SlotTechnician {
  id: string;
  name: string;
  color: string;
}

/** A slot as served: the technicians free then are resolved once per response, not per slot. */
type ServedSlot = Slot & { technicians: SlotTechnician[] };
type ServedSlots = Omit<AvailableSlots, 'slots'> & { slots: ServedSlot[] };

const SlotTechnicianType = builder.objectRef<SlotTechnician>('SlotTechnician').implement({
  authScopes: { staff: true },
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name'), color: t.exposeString('color') }),
});

const SlotType = builder.objectRef<ServedSlot>('Slot').implement({
  description: 'A bookable start time; field services also show the arrival window promised to the customer.',
  authScopes: { public: true },
  fields: (t) => ({
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime' }),
    arrivalWindowStart: t.expose('arrivalWindowStart', { type: 'DateTime', nullable: true }),
    arrivalWindowEnd: t.expose('arrivalWindowEnd', { type: 'DateTime', nullable: true }),
    technicians: t.field({
      type: [SlotTechnicianType],
      description: 'Technicians free at that time (staff only; empty for customers).',
      authScopes: { staff: true },
      unauthorizedResolver: () => [],
      resolve: (slot) => slot.technicians,
    }),
  }),
});

const AvailableSlotsType = builder.objectRef<ServedSlots>('AvailableSlots').implement({
  authScopes: { public: true },
  fields: (t) => ({
    service: t.prismaField({
      type: 'Service',
      resolve: (query, parent, _args, context) =>
        context.prisma.service.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: parent.service.id } }),
    }),
    postalCode: t.exposeString('postalCode'),
    from: t.expose('from', { type: 'DateTime' }),
    to: t.expose('to', { type: 'DateTime' }),
    slots: t.field({ type: [SlotType], resolve: (parent) => parent.slots }),
  }),
});

builder.objectType(SlotTakenError, {
  name: 'SlotTakenError',
  ...errorTypeOptions,
  fields: (t) => ({
    alternatives: t.field({
      type: [SlotType],
      description: 'Free slots close to the one asked for.',
      resolve: (error) => error.alternatives.map((slot) => ({ ...slot, technicians: [] })),
    }),
  }),
});
builder.objectType(TooLateError, { name: 'TooLateError', ...errorTypeOptions });
builder.objectType(StaleVersionError, { name: 'StaleVersionError', ...errorTypeOptions });

async function serveSlots(context: Context, query: SlotQuery): Promise<ServedSlots> {
  const staff = viewerIsStaff(context.viewer);
  const available = await findAvailableSlots(context.prisma, query, { staff });
  const ids = [...new Set(available.slots.flatMap((slot) => slot.technicianIds))];
  const technicians = staff
    ? await context.prisma.technician.findMany({
        where: { id: { in: ids } },
        select: { id: true, color: true, user: { select: { name: true } } },
      })
    : [];
  const byId = new Map(
    technicians.map((technician) => [technician.id, { id: technician.id, color: technician.color, name: technician.user.name }]),
  );
  return {
    ...available,
    slots: available.slots.map((slot) => ({ ...slot, technicians: slot.technicianIds.flatMap((id) => byId.get(id) ?? []) })),
  };
}

// Buffers and arrival windows reach beyond an appointment's own times.
const changeMarginMs = 24 * 3_600_000;
function changeConcerns(change: AvailabilityChange, range: { from: Date; to: Date }): boolean {
  return Date.parse(change.from) - changeMarginMs < range.to.getTime() && Date.parse(change.to) + changeMarginMs > range.from.getTime();
}

builder.queryFields((t) => ({
  bookableServices: t.prismaField({
    type: ['Service'],
    description: 'Services customers can book online.',
    authScopes: { public: true },
    resolve: (query, _root, _args, context) =>
      context.prisma.service.findMany({ ...query, where: { active: true, bookableOnline: true }, orderBy: { name: 'asc' } }),
  }),
  services: t.prismaField({
    type: ['Service'],
    description: 'Every active service, including those booked by the office only.',
    authScopes: { staff: true },
    resolve: (query, _root, _args, context) =>
      context.prisma.service.findMany({ ...query, where: { active: true }, orderBy: { name: 'asc' } }),
  }),
  availableSlots: t.field({
    type: AvailableSlotsType,
    description: 'Free slots of a service at a postal code, at most 31 days at a time.',
    authScopes: { public: true },
    args: {
      serviceId: t.arg.id(),
      postalCode: t.arg.string(),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
    },
    resolve: async (_root, args, context) => {
      if (context.viewer.kind === 'anonymous') {
        await consumeRateLimit(context.prisma, [{ key: `slots:ip:${context.clientIp}`, limit: 600, windowSeconds: 600 }]);
      }
      return serveSlots(context, args);
    },
  }),
  myAppointments: t.prismaField({
    type: ['Appointment'],
    description: 'The customer’s own appointments: upcoming soonest first, or past ones most recent first.',
    authScopes: { client: true },
    args: { includePast: t.arg.boolean({ defaultValue: false }) },
    resolve: (query, _root, { includePast }, context) => {
      if (context.viewer.kind !== 'user' || !context.viewer.customerId) return [];
      const now = new Date();
      return context.prisma.appointment.findMany({
        ...query,
        where: { customerId: context.viewer.customerId, ...(includePast ? { startsAt: { lt: now } } : { endsAt: { gte: now } }) },
        orderBy: { startsAt: includePast ? 'desc' : 'asc' },
        take: 100,
      });
    },
  }),
}));

// ───── Planning board ─────

interface TechnicianPlanningRow {
  technicianId: string;
  from: Date;
  to: Date;
}

builder.prismaObject('WorkingHours', {
  name: 'WorkingHoursInterval',
  description: 'A weekly working interval in Europe/Paris wall-clock minutes (weekday 1 = Monday).',
  authScopes: { staff: true },
  fields: (t) => ({ weekday: t.exposeInt('weekday'), startMinute: t.exposeInt('startMinute'), endMinute: t.exposeInt('endMinute') }),
});
builder.prismaObject('TimeOff', {
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime' }),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

const TechnicianPlanningType = builder.objectRef<TechnicianPlanningRow>('TechnicianPlanning').implement({
  description: 'One row of the planning board: a technician, their hours, time off and appointments in the range.',
  authScopes: { office: true },
  fields: (t) => ({
    technician: t.prismaField({
      type: 'Technician',
      resolve: (query, row, _args, context) =>
        context.prisma.technician.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: row.technicianId } }),
    }),
    workingHours: t.prismaField({
      type: ['WorkingHours'],
      resolve: (query, row, _args, context) =>
        context.prisma.workingHours.findMany({
          ...query,
          where: { technicianId: row.technicianId },
          orderBy: [{ weekday: 'asc' }, { startMinute: 'asc' }],
        }),
    }),
    timeOff: t.prismaField({
      type: ['TimeOff'],
      resolve: (query, row, _args, context) =>
        context.prisma.timeOff.findMany({
          ...query,
          where: { technicianId: row.technicianId, startsAt: { lt: row.to }, endsAt: { gt: row.from } },
          orderBy: { startsAt: 'asc' },
        }),
    }),
    appointments: t.prismaField({
      type: ['Appointment'],
      resolve: (query, row, _args, context) =>
        context.prisma.appointment.findMany({
          ...query,
          where: { technicianId: row.technicianId, status: { not: 'CANCELLED' }, startsAt: { lt: row.to }, endsAt: { gt: row.from } },
          orderBy: { startsAt: 'asc' },
        }),
    }),
  }),
});

builder.queryField('planning', (t) =>
  t.field({
    type: [TechnicianPlanningType],
    description: 'The planning board: every active technician with their hours, time off and appointments, at most 31 days.',
    authScopes: { office: true },
    args: { from: t.arg({ type: 'DateTime' }), to: t.arg({ type: 'DateTime' }) },
    resolve: async (_root, args, context) => {
      const { from, to } = parseInput(viewRangeRule, args);
      const technicians = await context.prisma.technician.findMany({
        where: { active: true },
        select: { id: true },
        orderBy: { user: { name: 'asc' } },
      });
      return technicians.map((technician) => ({ technicianId: technician.id, from, to }));
    },
  }),
);

// ───── Changes ─────

const BookAppointmentInput = builder.inputType('BookAppointmentInput', {
  fields: (t) => ({
    serviceId: t.id(),
    siteId: t.id({ required: false, description: 'One of the customer’s addresses…' }),
    site: t.field({
      type: SiteInput,
      required: false,
      description: '…or a new address for the customer (customers booking for themselves).',
    }),
    startsAt: t.field({ type: 'DateTime', description: 'A slot’s startsAt, as returned by availableSlots.' }),
    idempotencyKey: t.string({ description: 'A client-generated id (UUID), reused when retrying the same booking.' }),
    notes: t.string({ required: false }),
    technicianId: t.id({ required: false, description: 'Staff only: book this technician.' }),
  }),
});

const changeErrors = [ValidationError, NotFoundError, SlotTakenError] as const;

builder.mutationFields((t) => ({
  bookAppointment: t.prismaField({
    type: 'Appointment',
    description: 'Books a free slot and confirms it at once.',
    authScopes: { client: true, office: true },
    errors: { types: [...changeErrors, RateLimitedError, ConflictError] },
    args: { input: t.arg({ type: BookAppointmentInput }) },
    resolve: async (query, _root, { input }, context) => {
      const { appointmentId } = await bookAppointment(context, context.viewer, input);
      return context.prisma.appointment.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: appointmentId } });
    },
  }),
  rescheduleAppointment: t.prismaField({
    type: 'Appointment',
    description: 'Moves an appointment to another free slot (customers: before the service’s cutoff).',
    authScopes: { client: true, office: true },
    errors: { types: [...changeErrors, TooLateError, StaleVersionError] },
    args: { id: t.arg.id(), startsAt: t.arg({ type: 'DateTime' }), idempotencyKey: t.arg.string() },
    resolve: async (query, _root, args, context) => {
      const { appointmentId } = await rescheduleAppointment(context, context.viewer, args);
      return context.prisma.appointment.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: appointmentId } });
    },
  }),
  cancelAppointment: t.prismaField({
    type: 'Appointment',
    description: 'Cancels an appointment (customers: before the service’s cutoff); cancelling twice is harmless.',
    authScopes: { client: true, office: true },
    errors: { types: [ValidationError, NotFoundError, TooLateError] },
    args: { id: t.arg.id(), reason: t.arg.string({ required: false }) },
    resolve: async (query, _root, args, context) => {
      const { appointmentId } = await cancelAppointment(context, context.viewer, args);
      return context.prisma.appointment.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: appointmentId } });
    },
  }),
  moveAppointment: t.prismaField({
    type: 'Appointment',
    description: 'The planning board moves an appointment to another time or technician.',
    authScopes: { office: true },
    errors: { types: [...changeErrors, StaleVersionError] },
    args: { id: t.arg.id(), technicianId: t.arg.id(), startsAt: t.arg({ type: 'DateTime' }), expectedVersion: t.arg.int() },
    resolve: async (query, _root, args, context) => {
      const { appointmentId } = await moveAppointment(context, context.viewer, args);
      return context.prisma.appointment.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: appointmentId } });
    },
  }),
}));

const WorkingHoursInput = builder.inputType('WorkingHoursInput', {
  fields: (t) => ({ weekday: t.int(), startMinute: t.int(), endMinute: t.int() }),
});

builder.mutationFields((t) => ({
  setWorkingHours: t.prismaField({
    type: ['WorkingHours'],
    description: 'Replaces a technician’s weekly working hours.',
    authScopes: { office: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { technicianId: t.arg.id(), intervals: t.arg({ type: [WorkingHoursInput] }) },
    resolve: async (query, _root, args, context) => {
      await setWorkingHours(context, context.viewer, args);
      return context.prisma.workingHours.findMany({
        ...nonEmptyQuery(query),
        where: { technicianId: args.technicianId },
        orderBy: [{ weekday: 'asc' }, { startMinute: 'asc' }],
      });
    },
  }),
  addTimeOff: t.prismaField({
    type: 'TimeOff',
    authScopes: { office: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      technicianId: t.arg.id(),
      startsAt: t.arg({ type: 'DateTime' }),
      endsAt: t.arg({ type: 'DateTime' }),
      reason: t.arg.string({ required: false }),
    },
    resolve: async (query, _root, args, context) => {
      const { timeOffId } = await addTimeOff(context, context.viewer, args);
      return context.prisma.timeOff.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: timeOffId } });
    },
  }),
  removeTimeOff: t.id({
    authScopes: { office: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { id: t.arg.id() },
    resolve: async (_root, args, context) => (await removeTimeOff(context, context.viewer, args)).timeOffId,
  }),
}));

// ───── Live ─────

builder.subscriptionFields((t) => ({
  availabilityChanged: t.field({
    type: AvailableSlotsType,
    description: 'The fresh free slots of a view, pushed whenever a booking, cancellation, move, hours or time off changes them.',
    authScopes: { public: true },
    // Slots, services and technicians differ by role only (see SlotType): one execution per role and view.
    extensions: { sharedResultAudience: audienceOfRole },
    args: { serviceId: t.arg.id(), postalCode: t.arg.string(), from: t.arg({ type: 'DateTime' }), to: t.arg({ type: 'DateTime' }) },
    subscribe: (_root, args, context) => {
      const range = parseInput(slotQueryRule, args);
      return pipe(
        context.hub.subscribe('availabilityChanged'),
        filter((change: AvailabilityChange) => changeConcerns(change, range)),
      );
    },
    resolve: (_change, args, context) => serveSlots(context, args),
  }),
  appointmentChanged: t.prismaField({
    type: 'Appointment',
    description: 'An appointment in the range was booked, moved, rescheduled or cancelled (planning board).',
    authScopes: { staff: true },
    // Every open planning board of one role gets the same appointment: one query per change.
    extensions: { sharedResultAudience: audienceOfRole },
    args: { from: t.arg({ type: 'DateTime' }), to: t.arg({ type: 'DateTime' }) },
    subscribe: (_root, args, context) =>
      pipe(
        context.hub.subscribe('appointmentChanged'),
        filter((change: { appointmentId: string; ranges: { from: string; to: string }[] }) =>
          change.ranges.some((range) => Date.parse(range.from) < args.to.getTime() && Date.parse(range.to) > args.from.getTime()),
        ),
      ),
    resolve: (query, change, _args, context) =>
      context.prisma.appointment.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: change.appointmentId } }),
  }),
}));
