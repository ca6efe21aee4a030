import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.ts';
import { foldForSearch } from './customerSearchText.ts';
import { parseInput } from './errors.ts';

const searchInput = z.object({
  search: z.string().max(200, 'Recherche trop longue.|Search text too long.').nullish(),
  limit: z.number().int().min(1, 'Au moins 1 résultat.|At least 1 result.').max(100, 'Au plus 100 résultats.|At most 100 results.'),
  offset: z.number().int().min(0).max(100_000),
});

/**
 * Turns what the assistant typed into search terms: words are folded (case, accents);
 * something that looks like a phone number becomes its national digits ("+33 6 12" → "0612").
 */
export function searchTerms(search: string): string[] {
  const trimmed = search.trim();
  if (/^[+\d][\d\s.\-()]*$/.test(trimmed) && /\d{2}/.test(trimmed.replace(/\D/g, ''))) {
    const digits = trimmed.replace(/[^\d+]/g, '');
    const national = digits.replace(/^(\+33|0033)/, '0');
    return [national];
  }
  return foldForSearch(trimmed).split(' ').filter(Boolean);
}

/** The Prisma arguments of a customer search: every term must appear, results by name. */
export function customerSearchQuery(input: { search?: string | null; limit: number; offset: number }): {
  where: Prisma.CustomerWhereInput;
  orderBy: Prisma.CustomerOrderByWithRelationInput[];
  take: number;
  skip: number;
} {
  const { search, limit, offset } = parseInput(searchInput, input);
  const terms = search ? searchTerms(search) : [];
  return {
    where: { erasedAt: null, AND: terms.map((term) => ({ searchText: { contains: term } })) },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: limit,
    skip: offset,
  };
}
