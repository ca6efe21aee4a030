// The Pothos builder and its plugins. Types live one aggregate per file beside it.
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';
import type { Context } from '../app/context.ts';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import type { TokenScope } from '../auth/tokenScopes.ts';
import { ValidationError } from '../resolvers/errors.ts';
import { viewerCanReadCustomer } from '../resolvers/viewerAccess.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    /** A multipart upload; use cases check what it really is. */
    File: { Input: unknown; Output: never };
    ID: { Input: string; Output: string };
  };
  AuthScopes: {
    /** Anyone, logged in or not: login, sign-up, password reset. */
    public: boolean;
    /** Any logged-in person. */
    authenticated: boolean;
    client: boolean;
    /** Office and field staff: assistant, technician, manager. */
    staff: boolean;
    /** The office: assistant and manager. */
    office: boolean;
    manager: boolean;
    technician: boolean;
    /** An integrator's bearer token holding this scope. */
    token: TokenScope;
    /** Whoever may read this customer's record: staff, a token with customers:read, or that customer's own account. */
    customer: string;
  };
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, ErrorsPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (context) => {
      const { viewer } = context;
      const role = viewer.kind === 'user' ? viewer.role : undefined;
      return {
        public: true,
        authenticated: viewer.kind === 'user',
        client: role === 'CLIENT',
        staff: role === 'ASSISTANT' || role === 'TECHNICIAN' || role === 'MANAGER',
        office: role === 'ASSISTANT' || role === 'MANAGER',
        manager: role === 'MANAGER',
        technician: role === 'TECHNICIAN',
        token: (scope) => viewer.kind === 'token' && viewer.scopes.includes(scope),
        customer: (customerId) => viewerCanReadCustomer(viewer, customerId),
      };
    },
    unauthorizedError: (_parent, context) =>
      context.viewer.kind === 'anonymous'
        ? new GraphQLError('Authentication required.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 200 } } })
        : new GraphQLError('Not allowed.', { extensions: { code: 'FORBIDDEN' } }),
  },
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    // A resolver that ignores Pothos' `query` argument would load relations one row at a time.
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'error',
  },
  errors: {
    defaultTypes: [],
  },
  validation: {
    validationError: (result) =>
      new ValidationError(
        result.issues.map((issue) => {
          const [fr, en] = issue.message.includes('|') ? issue.message.split('|', 2) : [issue.message, issue.message];
          return {
            path: (issue.path ?? []).map((segment) => (typeof segment === 'object' ? String(segment.key) : String(segment))).join('.'),
            messageFr: fr ?? issue.message,
            messageEn: en ?? issue.message,
          };
        }),
      ),
  },
});
