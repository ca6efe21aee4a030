import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.ts';
import { parseInput } from './errors.ts';
import { dateRangeRule, idRule } from './inputRules.ts';

const callLogInput = dateRangeRule(366).and(
  z.object({
    direction: z.enum(['INBOUND', 'OUTBOUND']).nullish(),
    missed: z.boolean().nullish(),
    customerId: idRule.nullish(),
    withTicket: z.boolean().nullish(),
    limit: z.number().int().min(1, 'Au moins 1 appel.|At least 1 call.').max(200, 'Au plus 200 appels.|At most 200 calls.'),
    offset: z.number().int().min(0).max(100_000),
  }),
);

/** The Prisma arguments of the call log: calls started in [from, to) matching the filter, latest first. */
export function callLogQuery(input: z.input<typeof callLogInput>): {
  where: Prisma.CallWhereInput;
  orderBy: Prisma.CallOrderByWithRelationInput[];
  take: number;
  skip: number;
} {
  const { from, to, direction, missed, customerId, withTicket, limit, offset } = parseInput(callLogInput, input);
  return {
    where: {
      startedAt: { gte: from, lt: to },
      ...(direction ? { direction } : {}),
      ...(missed != null ? { missed } : {}),
      ...(customerId ? { customerId } : {}),
      ...(withTicket != null ? { ticketId: withTicket ? { not: null } : null } : {}),
    },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: limit,
    skip: offset,
  };
}
