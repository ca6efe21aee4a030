import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO-8601 string with offset (e.g. 2026-03-12T08:00:00.000Z).',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO-8601 string.');
    return date;
  },
});

builder.scalarType('File', {
  description: 'A file sent as a GraphQL multipart request (input only; the request needs the x-graphql-csrf header).',
  serialize: () => {
    throw new GraphQLError('Files are accepted as input only.');
  },
});
