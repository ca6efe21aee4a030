import type { Prisma } from '../generated/prisma/client.ts';

/**
 * Queues a scheduled action due now, in the caller's transaction: it exists exactly when
 * the change that asks for it does. A `dedupeKey` already queued makes this a unique
 * violation, so a job is never queued twice for one thing.
 */
export async function enqueueJob(
  tx: Prisma.TransactionClient,
  job: { kind: string; payload: Prisma.InputJsonObject; dedupeKey?: string },
): Promise<void> {
  await tx.scheduledAction.create({ data: { kind: job.kind, payload: job.payload, runAt: new Date(), dedupeKey: job.dedupeKey ?? null } });
}
