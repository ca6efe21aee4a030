// Fixed-window counters in the database, so every API instance shares them.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { RateLimitedError } from './errors.ts';

export interface RateLimitRule {
  key: string;
  limit: number;
  windowSeconds: number;
}

/** Counts one attempt under each rule; throws RateLimitedError when any is over its limit. */
export async function consumeRateLimit(prisma: PrismaClient, rules: RateLimitRule[], now = new Date()): Promise<void> {
  for (const rule of rules) {
    const windowMs = rule.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    const [row] = await prisma.$queryRaw<{ count: number }[]>`
      INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${rule.key}, ${windowStart}, 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
      RETURNING "count"`;
    if ((row?.count ?? 0) > rule.limit) {
      throw new RateLimitedError(Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
    }
  }
}

/** Forgets the counters of a key (a successful login clears its failures). */
export async function resetRateLimit(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.rateLimitBucket.deleteMany({ where: { key } });
}
