// Client mutation ids: a replayed mutation returns the first result instead of acting twice.
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { isUniqueViolation } from './prismaErrors.ts';

/** The key a client id is stored under: scoped to who sent it (null: an automation), so two clients never collide. */
export function idempotencyKeyFor(viewer: Viewer | null, operation: string, clientKey: string): string {
  const actor = !viewer
    ? 'automation'
    : viewer.kind === 'user'
      ? `user:${viewer.userId}`
      : viewer.kind === 'token'
        ? `token:${viewer.tokenId}`
        : 'anonymous';
  return `${operation}:${actor}:${clientKey}`;
}

export async function findIdempotentResult<Result>(
  prisma: Pick<PrismaClient, 'idempotentMutation'>,
  key: string,
): Promise<Result | undefined> {
  const row = await prisma.idempotentMutation.findUnique({ where: { key }, select: { result: true } });
  return row ? (row.result as Result) : undefined;
}

/** Stored in the transaction that did the work, so the result exists exactly when the work does. */
export async function recordIdempotentResult(
  tx: Prisma.TransactionClient,
  key: string,
  operation: string,
  result: Prisma.InputJsonObject,
): Promise<void> {
  await tx.idempotentMutation.create({ data: { key, operation, requestHash: '', result } });
}

/**
 * Runs `work` once per key (none: every time). A stored result comes back with `replayed`;
 * `work` must store its result with recordIdempotentResult in its transaction, so that of
 * two concurrent first runs the loser's unique violation turns into the winner's result.
 */
export async function runOnce<Result extends Prisma.InputJsonObject>(
  prisma: Pick<PrismaClient, 'idempotentMutation'>,
  key: string | null,
  work: () => Promise<Result>,
): Promise<Result & { replayed: boolean }> {
  const earlier = key ? await findIdempotentResult<Result>(prisma, key) : undefined;
  if (earlier) return { ...earlier, replayed: true };
  try {
    return { ...(await work()), replayed: false };
  } catch (error) {
    const concurrent = key && isUniqueViolation(error) ? await findIdempotentResult<Result>(prisma, key) : undefined;
    if (concurrent) return { ...concurrent, replayed: true };
    throw error;
  }
}
