// Client mutation ids: a replayed mutation returns the first result instead of acting twice.
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Viewer } from '../auth/viewer.ts';

/** The key a client id is stored under: scoped to who sent it, so two clients never collide. */
export function idempotencyKeyFor(viewer: Viewer, operation: string, clientKey: string): string {
  const actor = viewer.kind === 'user' ? `user:${viewer.userId}` : viewer.kind === 'token' ? `token:${viewer.tokenId}` : 'anonymous';
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
