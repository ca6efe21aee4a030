import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { openTicketStatuses, slaRiskHorizon } from './computeSlaDueAt.ts';
import { parseInput } from './errors.ts';
import { idRule } from './inputRules.ts';
import { searchTerms } from './searchCustomers.ts';
import { ticketCategoryRule, ticketPriorityRule, ticketSourceRule, ticketStatusRule } from './ticketRules.ts';

/** The inbox's saved views. */
export const ticketViews = ['OPEN', 'MINE', 'UNASSIGNED', 'SLA_AT_RISK'] as const;
export type TicketView = (typeof ticketViews)[number];

const choices = <Rule extends z.ZodType>(rule: Rule) => z.array(rule).max(10, 'Au plus 10 valeurs.|At most 10 values.').nullish();

const searchTicketsInput = z.object({
  view: z.enum(ticketViews).nullish(),
  status: choices(ticketStatusRule),
  priority: choices(ticketPriorityRule),
  category: choices(ticketCategoryRule),
  source: choices(ticketSourceRule),
  assigneeId: idRule.nullish(),
  unassigned: z.boolean().nullish(),
  customerId: idRule.nullish(),
  search: z.string().max(200, 'Recherche trop longue.|Search text too long.').nullish(),
  first: z.number().int().min(1, 'Au moins 1 résultat.|At least 1 result.').max(100, 'Au plus 100 résultats.|At most 100 results.'),
  after: idRule.nullish(),
});

export type SearchTicketsInput = z.input<typeof searchTicketsInput>;

/**
 * What a saved view shows. Views list open tickets only (NEW, OPEN, PENDING); SLA_AT_RISK
 * those with a running target already missed or due within the risk horizon (slaFlags).
 */
export function ticketViewWhere(view: TicketView, viewer: Viewer, now: Date): Prisma.TicketWhereInput {
  const open: Prisma.TicketWhereInput = { status: { in: [...openTicketStatuses] } };
  switch (view) {
    case 'OPEN':
      return open;
    case 'MINE':
      // Only people have a list of their own; an integrator's is empty.
      return { ...open, assigneeId: viewer.kind === 'user' ? viewer.userId : '' };
    case 'UNASSIGNED':
      return { ...open, assigneeId: null };
    case 'SLA_AT_RISK': {
      const horizon = slaRiskHorizon(now);
      return {
        ...open,
        OR: [
          { firstRespondedAt: null, firstResponseDueAt: { lte: horizon } },
          { resolvedAt: null, resolutionDueAt: { lte: horizon } },
        ],
      };
    }
  }
}

/**
 * "#123" is ticket 123. Otherwise each term must appear in the subject, the description or
 * the customer (name, phones, e-mails), or, all digits, be the ticket number.
 */
function textWhere(search: string): Prisma.TicketWhereInput[] {
  const ticketNumber = /^#(\d{1,9})$/.exec(search.trim());
  if (ticketNumber) return [{ number: Number(ticketNumber[1]) }];
  return searchTerms(search).map((term) => ({
    OR: [
      { searchText: { contains: term } },
      { customer: { is: { searchText: { contains: term } } } },
      ...(/^\d{1,9}$/.test(term) ? [{ number: Number(term) }] : []),
    ],
  }));
}

/**
 * The Prisma arguments of an inbox search: a saved view and filters, all combined.
 * Newest first, except SLA_AT_RISK: the longest-waiting first. Pages by cursor: `after`
 * is the id of the last ticket already shown.
 */
export function searchTickets(
  input: SearchTicketsInput,
  viewer: Viewer,
  now = new Date(),
): {
  where: Prisma.TicketWhereInput;
  orderBy: Prisma.TicketOrderByWithRelationInput[];
  take: number;
  skip: number;
  cursor: Prisma.TicketWhereUniqueInput | undefined;
} {
  const data = parseInput(searchTicketsInput, input);
  const filters: Prisma.TicketWhereInput[] = [
    ...(data.view ? [ticketViewWhere(data.view, viewer, now)] : []),
    ...(data.status?.length ? [{ status: { in: data.status } }] : []),
    ...(data.priority?.length ? [{ priority: { in: data.priority } }] : []),
    ...(data.category?.length ? [{ category: { in: data.category } }] : []),
    ...(data.source?.length ? [{ source: { in: data.source } }] : []),
    ...(data.assigneeId ? [{ assigneeId: data.assigneeId }] : []),
    ...(data.unassigned ? [{ assigneeId: null }] : []),
    ...(data.customerId ? [{ customerId: data.customerId }] : []),
    ...(data.search ? textWhere(data.search) : []),
  ];
  const direction = data.view === 'SLA_AT_RISK' ? 'asc' : 'desc';
  return {
    where: { AND: filters },
    orderBy: [{ createdAt: direction }, { id: direction }],
    take: data.first,
    skip: data.after ? 1 : 0,
    cursor: data.after ? { id: data.after } : undefined,
  };
}
