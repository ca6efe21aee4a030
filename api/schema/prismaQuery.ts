/**
 * Pothos hands an empty `select` to a field whose client asked only for `__typename`
 * (typical of error-union results); Prisma rejects an empty select, so keep the id.
 */
export function nonEmptyQuery<Query extends { select?: object }>(query: Query): Query {
  return query.select && Object.keys(query.select).length === 0 ? { ...query, select: { id: true } } : query;
}
