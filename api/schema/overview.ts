import { computeOfficeOverview, type OfficeOverview } from '../resolvers/computeOfficeOverview.ts';
import { builder } from './builder.ts';

const OfficeOverviewType = builder.objectRef<OfficeOverview>('OfficeOverview').implement({
  description: 'Counters for the office’s home screens (Europe/Paris days).',
  authScopes: { office: true },
  fields: (t) => ({
    customers: t.exposeInt('customers'),
    activeContracts: t.exposeInt('activeContracts'),
    openTickets: t.exposeInt('openTickets'),
    appointmentsThisWeek: t.exposeInt('appointmentsThisWeek'),
    callsToday: t.exposeInt('callsToday'),
    missedCallsToday: t.exposeInt('missedCallsToday'),
  }),
});

builder.queryField('officeOverview', (t) =>
  t.field({
    type: OfficeOverviewType,
    authScopes: { office: true },
    resolve: (_root, _args, context) => computeOfficeOverview(context.prisma),
  }),
);
