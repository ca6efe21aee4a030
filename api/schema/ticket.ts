import { builder } from './builder.ts';

const TicketStatusEnum = builder.enumType('TicketStatus', { values: ['NEW', 'OPEN', 'PENDING', 'RESOLVED', 'CLOSED'] as const });
const TicketPriorityEnum = builder.enumType('TicketPriority', { values: ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const });
const TicketSourceEnum = builder.enumType('TicketSource', {
  values: ['PHONE', 'EMAIL', 'PORTAL', 'TECHNICIAN', 'CHATBOT', 'AUTOMATION'] as const,
});

builder.prismaObject('Ticket', {
  description: 'A customer request being handled by the office.',
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeInt('number'),
    subject: t.exposeString('subject'),
    source: t.expose('source', { type: TicketSourceEnum }),
    status: t.expose('status', { type: TicketStatusEnum }),
    priority: t.expose('priority', { type: TicketPriorityEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    resolutionDueAt: t.expose('resolutionDueAt', { type: 'DateTime', nullable: true }),
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
