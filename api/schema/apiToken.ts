import { tokenScopes, type TokenScope } from '../auth/tokenScopes.ts';
import { createApiToken } from '../resolvers/createApiToken.ts';
import { NotFoundError, ValidationError } from '../resolvers/errors.ts';
import { revokeApiToken } from '../resolvers/revokeApiToken.ts';
import { builder } from './builder.ts';
import { nonEmptyQuery } from './prismaQuery.ts';

const TokenScopeEnum = builder.enumType('TokenScope', {
  values: Object.fromEntries(tokenScopes.map((scope) => [scope.replace(':', '_').toUpperCase(), { value: scope }])),
});

builder.prismaObject('ApiToken', {
  description: 'An integrator’s bearer token (the secret itself is shown only once, at creation).',
  authScopes: { manager: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix'),
    scopes: t.field({ type: [TokenScopeEnum], resolve: (token) => token.scopes as TokenScope[] }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

const CreatedApiToken = builder.objectRef<{ tokenId: string; secret: string }>('CreatedApiToken').implement({
  authScopes: { manager: true },
  fields: (t) => ({
    secret: t.exposeString('secret', { description: 'Send as "Authorization: Bearer <secret>". Not retrievable later.' }),
    token: t.prismaField({
      type: 'ApiToken',
      resolve: (query, created, _args, context) =>
        context.prisma.apiToken.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: created.tokenId } }),
    }),
  }),
});

builder.queryField('apiTokens', (t) =>
  t.prismaField({
    type: ['ApiToken'],
    authScopes: { manager: true },
    resolve: (query, _root, _args, context) => context.prisma.apiToken.findMany({ ...query, orderBy: { createdAt: 'desc' } }),
  }),
);

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreatedApiToken,
    authScopes: { manager: true },
    errors: { types: [ValidationError] },
    args: {
      name: t.arg.string(),
      scopes: t.arg({ type: [TokenScopeEnum] }),
      expiresInDays: t.arg.int({ required: false }),
    },
    resolve: (_root, args, context) => {
      if (context.viewer.kind !== 'user') throw new Error('unreachable: authScopes require a manager');
      return createApiToken(context.prisma, context.viewer, { ...args, scopes: args.scopes as never });
    },
  }),
  revokeApiToken: t.prismaField({
    type: 'ApiToken',
    authScopes: { manager: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { id: t.arg.id() },
    resolve: async (query, _root, args, context) => {
      const { tokenId } = await revokeApiToken(context.prisma, context.viewer, args);
      return context.prisma.apiToken.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: tokenId } });
    },
  }),
}));
