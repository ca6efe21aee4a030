// Message templates: the office reads and previews them in replies; the manager edits them.
import { buildTemplateValues } from '../resolvers/buildTemplateValues.ts';
import { NotFoundError, ValidationError } from '../resolvers/errors.ts';
import { renderTemplate, templateVariables, type RenderedTemplate, type TemplateVariable } from '../resolvers/renderTemplate.ts';
import { saveTemplate } from '../resolvers/saveTemplate.ts';
import { builder } from './builder.ts';
import { nonEmptyQuery } from './prismaQuery.ts';

const TemplateChannelEnum = builder.enumType('TemplateChannel', { values: ['EMAIL', 'SMS'] as const });

builder.prismaObject('Template', {
  description: 'A message template with {{variables}}, in one language and for one channel.',
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    key: t.exposeString('key', { description: 'What it is for (appointment.reminder…): automations find it by key.' }),
    channel: t.expose('channel', { type: TemplateChannelEnum }),
    locale: t.exposeString('locale'),
    name: t.exposeString('name'),
    subject: t.exposeString('subject', { nullable: true }),
    body: t.exposeString('body'),
    active: t.exposeBoolean('active'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const TemplateVariableType = builder.objectRef<TemplateVariable>('TemplateVariable').implement({
  authScopes: { staff: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Written {{name}} in a template.' }),
    labelFr: t.exposeString('labelFr'),
    labelEn: t.exposeString('labelEn'),
  }),
});

const RenderedTemplateType = builder.objectRef<RenderedTemplate>('RenderedTemplate').implement({
  authScopes: { staff: true },
  fields: (t) => ({
    subject: t.exposeString('subject', { nullable: true }),
    body: t.exposeString('body'),
    missing: t.exposeStringList('missing', { description: 'Variables without a value here, left as {{name}} for the sender to fill in.' }),
  }),
});

const SaveTemplateInput = builder.inputType('SaveTemplateInput', {
  fields: (t) => ({
    id: t.id({ required: false, description: 'Absent: a new template.' }),
    key: t.string(),
    channel: t.field({ type: TemplateChannelEnum }),
    locale: t.string(),
    name: t.string(),
    subject: t.string({ required: false }),
    body: t.string(),
    active: t.boolean({ required: false, defaultValue: true }),
  }),
});

builder.queryFields((t) => ({
  templates: t.prismaField({
    type: ['Template'],
    authScopes: { staff: true },
    args: { channel: t.arg({ type: TemplateChannelEnum, required: false }), locale: t.arg.string({ required: false }) },
    resolve: (query, _root, args, context) =>
      context.prisma.template.findMany({
        ...query,
        where: { channel: args.channel ?? undefined, locale: args.locale === 'en' ? 'en' : args.locale === 'fr' ? 'fr' : undefined },
        orderBy: [{ name: 'asc' }, { locale: 'asc' }],
      }),
  }),
  templateVariables: t.field({
    type: [TemplateVariableType],
    authScopes: { staff: true },
    resolve: () => [...templateVariables],
  }),
  previewTemplate: t.field({
    type: RenderedTemplateType,
    description: 'The template filled in for a ticket, an appointment, a quote or a customer (the viewer signs it).',
    authScopes: { staff: true },
    errors: { types: [NotFoundError] },
    args: {
      templateId: t.arg.id(),
      ticketId: t.arg.id({ required: false }),
      appointmentId: t.arg.id({ required: false }),
      quoteId: t.arg.id({ required: false }),
      customerId: t.arg.id({ required: false }),
    },
    resolve: async (_root, args, context) => {
      const template = await context.prisma.template.findUnique({
        where: { id: args.templateId },
        select: { subject: true, body: true, locale: true },
      });
      if (!template) throw new NotFoundError('Modèle', 'Template');
      const sender =
        context.viewer.kind === 'user'
          ? await context.prisma.user.findUnique({ where: { id: context.viewer.userId }, select: { name: true } })
          : null;
      const values = await buildTemplateValues(context, args, template.locale, sender?.name ?? null);
      return renderTemplate(template, values);
    },
  }),
}));

builder.mutationFields((t) => ({
  saveTemplate: t.prismaField({
    type: 'Template',
    authScopes: { manager: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: SaveTemplateInput }) },
    resolve: async (query, _root, { input }, context) => {
      const { templateId } = await saveTemplate(context.prisma, context.viewer, input);
      return context.prisma.template.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: templateId } });
    },
  }),
}));
