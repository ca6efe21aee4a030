// E-mails in tickets: the messages of a ticket's thread, replying from a ticket, and the
// local outbox (what was sent, or would have been without an SMTP server).
import { ConflictError, NotFoundError, ValidationError } from '../resolvers/errors.ts';
import { sendTicketReply } from '../resolvers/sendTicketReply.ts';
import { builder } from './builder.ts';
import { nonEmptyQuery } from './prismaQuery.ts';

const EmailDirectionEnum = builder.enumType('EmailDirection', { values: ['INBOUND', 'OUTBOUND'] as const });
const EmailStatusEnum = builder.enumType('EmailStatus', {
  values: {
    RECEIVED: { description: 'Came in from a customer.' },
    QUEUED: { description: 'Recorded, being handed to the mail server.' },
    SENT: { description: 'Accepted by the mail server (or written to the local outbox).' },
    FAILED: { description: 'The mail server refused it; see `error`.' },
  },
});

builder.prismaObject('EmailMessage', {
  description: 'An e-mail received from or sent to a customer.',
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    direction: t.expose('direction', { type: EmailDirectionEnum }),
    status: t.expose('status', { type: EmailStatusEnum }),
    fromAddress: t.exposeString('fromAddress'),
    toAddresses: t.exposeStringList('toAddresses'),
    ccAddresses: t.exposeStringList('ccAddresses'),
    subject: t.exposeString('subject'),
    textBody: t.exposeString('textBody', { nullable: true, description: 'Plain text (HTML-only messages are converted).' }),
    error: t.exposeString('error', { nullable: true }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    ticket: t.relation('ticket', { nullable: true }),
    customer: t.relation('customer', { nullable: true }),
  }),
});

builder.prismaObjectField('Ticket', 'emails', (t) =>
  t.relation('emailMessages', { description: 'The e-mail thread, oldest first.', query: { orderBy: { createdAt: 'asc' } } }),
);

builder.prismaObjectField('TicketEvent', 'email', (t) => t.relation('emailMessage', { nullable: true }));

const SendTicketReplyInput = builder.inputType('SendTicketReplyInput', {
  fields: (t) => ({
    ticketId: t.id(),
    body: t.string(),
    subject: t.string({ required: false, description: 'Defaults to "Re: <subject of the thread> [#number]".' }),
    to: t.string({ required: false, description: 'Defaults to the sender of the last e-mail, else the customer’s address.' }),
    templateId: t.id({ required: false, description: 'The template the body was written from, for the record.' }),
    idempotencyKey: t.string({ description: 'Chosen by the client: a replay returns the first result and sends nothing.' }),
  }),
});

builder.queryFields((t) => ({
  outbox: t.prismaField({
    type: ['EmailMessage'],
    description: 'The latest e-mails sent (or failed), newest first.',
    authScopes: { staff: true },
    args: { first: t.arg.int({ required: false, defaultValue: 50 }) },
    resolve: (query, _root, args, context) =>
      context.prisma.emailMessage.findMany({
        ...query,
        where: { direction: 'OUTBOUND' },
        orderBy: { createdAt: 'desc' },
        take: Math.min(Math.max(args.first ?? 50, 1), 200),
      }),
  }),
}));

builder.mutationFields((t) => ({
  sendTicketReply: t.prismaField({
    type: 'EmailMessage',
    description: 'Replies to the customer from a ticket by e-mail; the answer comes back to the same ticket.',
    authScopes: { staff: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: SendTicketReplyInput }) },
    resolve: async (query, _root, { input }, context) => {
      const { emailMessageId } = await sendTicketReply(context, context.viewer, input);
      return context.prisma.emailMessage.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: emailMessageId } });
    },
  }),
}));
