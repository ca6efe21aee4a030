import { parseInput } from '../resolvers/errors.ts';
import { dateRangeRule } from '../resolvers/inputRules.ts';
import { customerMayChange } from '../resolvers/loadChangeableAppointment.ts';
import { readableThroughCustomer } from './customer.ts';
import { builder } from './builder.ts';

const AppointmentStatusEnum = builder.enumType('AppointmentStatus', {
  values: ['REQUESTED', 'CONFIRMED', 'EN_ROUTE', 'ON_SITE', 'DONE', 'CANCELLED', 'NO_SHOW'] as const,
});
const AppointmentSourceEnum = builder.enumType('AppointmentSource', {
  values: ['PORTAL', 'PHONE', 'EMAIL', 'STAFF', 'AUTOMATION', 'IMPORT'] as const,
});

builder.prismaObject('Service', {
  description: 'What can be booked (Dépannage, Entretien annuel…).',
  authScopes: { public: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    nameEn: t.exposeString('nameEn'),
    description: t.exposeString('description', { nullable: true }),
    durationMinutes: t.exposeInt('durationMinutes'),
    arrivalWindowMinutes: t.exposeInt('arrivalWindowMinutes', { nullable: true }),
    bookableOnline: t.exposeBoolean('bookableOnline'),
    priceCents: t.exposeInt('priceCents', { nullable: true }),
    minNoticeHours: t.exposeInt('minNoticeHours', { description: 'How long before its start a visit can be booked online.' }),
    horizonDays: t.exposeInt('horizonDays', { description: 'How far ahead visits can be booked online.' }),
    cancelCutoffHours: t.exposeInt('cancelCutoffHours', {
      description: 'Until how long before its start a customer may cancel or reschedule online.',
    }),
  }),
});

builder.prismaObject('Technician', {
  name: 'TechnicianSummary',
  description: 'A technician as customers and colleagues see them.',
  authScopes: { authenticated: true, token: 'appointments:read' },
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.string({ select: { user: { select: { name: true } } }, resolve: (technician) => technician.user.name }),
    color: t.exposeString('color'),
  }),
});

builder.prismaObject('Appointment', {
  authScopes: readableThroughCustomer,
  fields: (t) => ({
    id: t.exposeID('id'),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime' }),
    arrivalWindowStart: t.expose('arrivalWindowStart', { type: 'DateTime', nullable: true }),
    arrivalWindowEnd: t.expose('arrivalWindowEnd', { type: 'DateTime', nullable: true }),
    status: t.expose('status', { type: AppointmentStatusEnum }),
    source: t.expose('source', { type: AppointmentSourceEnum }),
    notes: t.exposeString('notes', { nullable: true, authScopes: { staff: true }, unauthorizedResolver: () => null }),
    service: t.relation('service'),
    site: t.relation('site'),
    customer: t.relation('customer'),
    technician: t.relation('technician', { nullable: true }),
    version: t.exposeInt('version', { description: 'Incremented by every change; send it back to moveAppointment.' }),
    canChange: t.boolean({
      description: 'Whether the customer may still reschedule or cancel it online (before the service’s cutoff).',
      select: { status: true, startsAt: true, service: { select: { cancelCutoffHours: true } } },
      resolve: (appointment) => customerMayChange(appointment),
    }),
  }),
});

const agendaRange = dateRangeRule(62);

builder.queryField('technicianAgenda', (t) =>
  t.prismaField({
    type: ['Appointment'],
    description: 'The logged-in technician’s appointments in a time range, in order.',
    authScopes: { technician: true },
    args: { from: t.arg({ type: 'DateTime' }), to: t.arg({ type: 'DateTime' }) },
    resolve: (query, _root, args, context) => {
      if (context.viewer.kind !== 'user') return [];
      const { from, to } = parseInput(agendaRange, args);
      return context.prisma.appointment.findMany({
        ...query,
        where: {
          technician: { userId: context.viewer.userId },
          startsAt: { lt: to },
          endsAt: { gt: from },
          status: { not: 'CANCELLED' },
        },
        orderBy: { startsAt: 'asc' },
      });
    },
  }),
);
