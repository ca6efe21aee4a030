import { InvalidCredentialsError, InvalidTokenError, RateLimitedError, ValidationError, ConflictError } from '../resolvers/errors.ts';
import { sessionCookie, type OpenedSession } from '../auth/sessions.ts';
import type { Context } from '../app/context.ts';
import { createStaffUser } from '../resolvers/createStaffUser.ts';
import { logIn } from '../resolvers/logIn.ts';
import { requestPasswordReset } from '../resolvers/requestPasswordReset.ts';
import { resetPassword } from '../resolvers/resetPassword.ts';
import { signUpClient } from '../resolvers/signUpClient.ts';
import { builder } from './builder.ts';
import { nonEmptyQuery } from './prismaQuery.ts';

export const RoleEnum = builder.enumType('Role', { values: ['CLIENT', 'ASSISTANT', 'TECHNICIAN', 'MANAGER'] as const });
const StaffRoleEnum = builder.enumType('StaffRole', { values: ['ASSISTANT', 'TECHNICIAN', 'MANAGER'] as const });
export const LocaleEnum = builder.enumType('Locale', { values: ['fr', 'en'] as const });

function viewerCanReadUser(context: Context, userId: string): boolean {
  const { viewer } = context;
  if (viewer.kind === 'token') return viewer.scopes.includes('users:read');
  if (viewer.kind !== 'user') return false;
  return viewer.userId === userId || viewer.role === 'ASSISTANT' || viewer.role === 'MANAGER';
}

export const UserType = builder.prismaObject('User', {
  description: 'A person who logs in: a customer (CLIENT) or a member of staff.',
  authScopes: (user, context) => viewerCanReadUser(context, user.id),
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    phone: t.exposeString('phone', { nullable: true }),
    role: t.expose('role', { type: RoleEnum }),
    locale: t.expose('locale', { type: LocaleEnum }),
    active: t.exposeBoolean('active'),
    customer: t.relation('customer', { nullable: true, description: 'The customer record a CLIENT account acts for.' }),
  }),
});

/** Sets the session cookie and makes the rest of this request act as the user who just logged in or signed up. */
async function actAs(context: Context, userId: string, session: OpenedSession): Promise<void> {
  context.responseCookies.push(sessionCookie(session, context.config.secureCookies));
  const user = await context.prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { role: true, customerId: true, locale: true },
  });
  context.viewer = { kind: 'user', userId, sessionId: session.id, ...user };
}

function requestMeta(context: Context) {
  return { ip: context.clientIp, userAgent: context.userAgent };
}

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    authScopes: { public: true },
    description: 'The logged-in user, or null.',
    resolve: (query, _root, _args, context) =>
      context.viewer.kind === 'user' ? context.prisma.user.findUnique({ ...query, where: { id: context.viewer.userId } }) : null,
  }),
);

builder.queryField('staffUsers', (t) =>
  t.prismaField({
    type: ['User'],
    authScopes: { manager: true, token: 'users:read' },
    resolve: (query, _root, _args, context) =>
      context.prisma.user.findMany({ ...query, where: { role: { not: 'CLIENT' } }, orderBy: [{ role: 'asc' }, { name: 'asc' }] }),
  }),
);

builder.mutationField('login', (t) =>
  t.prismaField({
    type: 'User',
    authScopes: { public: true },
    errors: { types: [ValidationError, InvalidCredentialsError, RateLimitedError] },
    args: { email: t.arg.string(), password: t.arg.string() },
    resolve: async (query, _root, args, context) => {
      const { userId, session } = await logIn(context.prisma, args, requestMeta(context));
      await actAs(context, userId, session);
      return context.prisma.user.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: userId } });
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    authScopes: { public: true },
    description: 'Ends the current session (safe to call when not logged in).',
    resolve: async (_root, _args, context) => {
      if (context.viewer.kind === 'user') await context.prisma.session.deleteMany({ where: { id: context.viewer.sessionId } });
      context.responseCookies.push(sessionCookie(null, context.config.secureCookies));
      context.viewer = { kind: 'anonymous' };
      return true;
    },
  }),
);

const SignUpInput = builder.inputType('SignUpInput', {
  fields: (t) => ({
    email: t.string(),
    password: t.string(),
    name: t.string(),
    phone: t.string({ required: false }),
    postalCode: t.string({ required: false }),
    locale: t.field({ type: LocaleEnum, required: false }),
  }),
});

builder.mutationField('signUp', (t) =>
  t.prismaField({
    type: 'User',
    authScopes: { public: true },
    description: 'A customer creates their account (role CLIENT) and is logged in.',
    errors: { types: [ValidationError, ConflictError, RateLimitedError] },
    args: { input: t.arg({ type: SignUpInput }) },
    resolve: async (query, _root, { input }, context) => {
      const { userId, session } = await signUpClient(context.prisma, input, requestMeta(context));
      await actAs(context, userId, session);
      return context.prisma.user.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: userId } });
    },
  }),
);

builder.mutationField('requestPasswordReset', (t) =>
  t.boolean({
    authScopes: { public: true },
    description: 'E-mails a reset link if the address has an account; answers the same either way.',
    errors: { types: [ValidationError, RateLimitedError] },
    args: { email: t.arg.string() },
    resolve: (_root, args, context) =>
      requestPasswordReset(context.prisma, context.mailer, args, { publicUrl: context.config.publicUrl, ip: context.clientIp }),
  }),
);

builder.mutationField('resetPassword', (t) =>
  t.boolean({
    authScopes: { public: true },
    errors: { types: [ValidationError, InvalidTokenError] },
    args: { token: t.arg.string(), password: t.arg.string() },
    resolve: (_root, args, context) => resetPassword(context.prisma, args),
  }),
);

builder.mutationField('updateMyLocale', (t) =>
  t.prismaField({
    type: 'User',
    authScopes: { authenticated: true },
    args: { locale: t.arg({ type: LocaleEnum }) },
    resolve: (query, _root, { locale }, context) => {
      if (context.viewer.kind !== 'user') throw new Error('unreachable: authScopes require a user');
      return context.prisma.user.update({ ...nonEmptyQuery(query), where: { id: context.viewer.userId }, data: { locale } });
    },
  }),
);

const CreateStaffUserInput = builder.inputType('CreateStaffUserInput', {
  fields: (t) => ({
    email: t.string(),
    name: t.string(),
    role: t.field({ type: StaffRoleEnum }),
    phone: t.string({ required: false }),
    locale: t.field({ type: LocaleEnum, required: false }),
  }),
});

builder.mutationField('createStaffUser', (t) =>
  t.prismaField({
    type: 'User',
    authScopes: { manager: true },
    description: 'A manager adds a member of staff, who receives a link to choose a password.',
    errors: { types: [ValidationError, ConflictError] },
    args: { input: t.arg({ type: CreateStaffUserInput }) },
    resolve: async (query, _root, { input }, context) => {
      const { userId } = await createStaffUser(context.prisma, context.mailer, context.viewer, input, {
        publicUrl: context.config.publicUrl,
      });
      return context.prisma.user.findUniqueOrThrow({ ...nonEmptyQuery(query), where: { id: userId } });
    },
  }),
);
