// Typed error results. A mutation lists the domain errors it can return; clients
// read `code` and show `messageFr`/`messageEn` (or `message`, in the request's language).
import {
  ConflictError,
  type DomainError,
  InvalidCredentialsError,
  InvalidTokenError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
  type FieldIssue,
} from '../resolvers/errors.ts';
import { builder } from './builder.ts';

const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  authScopes: { public: true },
  fields: (t) => ({
    code: t.exposeString('code'),
    message: t.string({ resolve: (error, _args, context) => (context.locale === 'en' ? error.messageEn : error.messageFr) }),
    messageFr: t.exposeString('messageFr'),
    messageEn: t.exposeString('messageEn'),
  }),
});

const FieldIssueType = builder.objectRef<FieldIssue>('FieldIssue').implement({
  authScopes: { public: true },
  fields: (t) => ({
    path: t.exposeString('path', { description: 'The input field, dotted ("input.email").' }),
    messageFr: t.exposeString('messageFr'),
    messageEn: t.exposeString('messageEn'),
  }),
});

export const errorTypeOptions = { interfaces: [ErrorInterface], authScopes: { public: true } };

builder.objectType(ValidationError, {
  name: 'ValidationError',
  ...errorTypeOptions,
  fields: (t) => ({ issues: t.field({ type: [FieldIssueType], resolve: (error) => error.issues }) }),
});
builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  ...errorTypeOptions,
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});
builder.objectType(InvalidCredentialsError, { name: 'InvalidCredentialsError', ...errorTypeOptions });
builder.objectType(NotFoundError, { name: 'NotFoundError', ...errorTypeOptions });
builder.objectType(ConflictError, { name: 'ConflictError', ...errorTypeOptions });
builder.objectType(InvalidTokenError, { name: 'InvalidTokenError', ...errorTypeOptions });
