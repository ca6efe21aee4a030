// The outbox: changes made on the device, in the order they were made, until the
// server has taken each one. Entries are written in the same Dexie transaction as the
// local data they describe, so a crash or a reload never keeps one without the other.
import Dexie from 'dexie';
import { newClientId, workTables, type BilingualText, type OfflineDatabase, type OutboxEntry, type OutboxOperation } from './db';

/**
 * Queues an operation; must run inside a read-write transaction over `db.outbox`.
 * Report edits are snapshots of the whole report: a new one replaces an older snapshot
 * that was never sent (many taps offline make one request), but never one that may
 * have reached the server, whose client mutation id is already spent.
 */
export async function queueOperation(db: OfflineDatabase, appointmentId: string, operation: OutboxOperation): Promise<void> {
  if (operation.kind === 'saveReport') {
    const unsent = await db.outbox
      .where('appointmentId')
      .equals(appointmentId)
      .filter((entry) => entry.operation.kind === 'saveReport' && entry.state === 'pending' && entry.attempts === 0)
      .first();
    if (unsent?.seq !== undefined) {
      await db.outbox.update(unsent.seq, { operation });
      return;
    }
  }
  await db.outbox.add({
    id: newClientId(),
    appointmentId,
    operation,
    createdAt: new Date().toISOString(),
    state: 'pending',
    attempts: 0,
    error: null,
  });
}

/** The oldest pending entry, marked as being sent in the same transaction so no later edit slips past it. */
export function takeNextPending(db: OfflineDatabase): Promise<OutboxEntry | undefined> {
  return db.transaction('rw', db.outbox, async () => {
    const next = await db.outbox.where('[state+seq]').between(['pending', Dexie.minKey], ['pending', Dexie.maxKey]).first();
    if (next?.seq === undefined) return undefined;
    const taken = { ...next, state: 'syncing' as const, attempts: next.attempts + 1 };
    await db.outbox.put(taken);
    return taken;
  });
}

export async function markPending(db: OfflineDatabase, seq: number): Promise<void> {
  await db.outbox.update(seq, { state: 'pending' });
}

export async function markFailed(db: OfflineDatabase, seq: number, error: BilingualText): Promise<void> {
  await db.outbox.update(seq, { state: 'failed', error });
}

/** Entries left "syncing" by a closed app may or may not have reached the server: idempotency makes resending safe. */
export async function resumeInterrupted(db: OfflineDatabase): Promise<void> {
  await db.outbox.where('state').equals('syncing').modify({ state: 'pending' });
}

/**
 * Puts failed entries back in line, where they were. The technician asks for it having
 * seen the office's schedule on the device: a visit step is re-based on that version.
 */
async function requeue(db: OfflineDatabase, select: () => Promise<OutboxEntry[]>): Promise<void> {
  await db.transaction('rw', db.outbox, db.appointments, async () => {
    for (const entry of await select()) {
      const { operation } = entry;
      const rebased =
        operation.kind === 'markEnRoute' || operation.kind === 'clockIn' || operation.kind === 'clockOut'
          ? { ...operation, baseVersion: (await db.appointments.get(entry.appointmentId))?.version ?? operation.baseVersion }
          : operation;
      await db.outbox.put({ ...entry, operation: rebased, state: 'pending', error: null });
    }
  });
}

export async function retryEntry(db: OfflineDatabase, seq: number): Promise<void> {
  await requeue(db, async () => [await db.outbox.get(seq)].filter((entry): entry is OutboxEntry => entry?.state === 'failed'));
}

export async function retryAllFailed(db: OfflineDatabase): Promise<void> {
  await requeue(db, () => db.outbox.where('state').equals('failed').toArray());
}

export interface OutboxSummary {
  waiting: number;
  failed: number;
}

export async function summarizeOutbox(db: OfflineDatabase): Promise<OutboxSummary> {
  const entries = await db.outbox.toArray();
  const failed = entries.filter((entry) => entry.state === 'failed').length;
  return { waiting: entries.length - failed, failed };
}

/**
 * The person gives up on a refused change (a photo the server will never take): by their
 * choice, it leaves the device, and what it did on the device is undone so the screen
 * shows what the server has (a refused signature can be given again).
 */
export async function discardEntry(db: OfflineDatabase, entry: OutboxEntry): Promise<void> {
  await db.transaction('rw', workTables(db), async () => {
    if (entry.seq !== undefined) await db.outbox.delete(entry.seq);
    const { operation } = entry;
    switch (operation.kind) {
      case 'uploadPhoto':
        await db.photos.delete(operation.photoId);
        break;
      case 'createQuote':
        await db.quotes.delete(operation.quoteId);
        await db.outbox
          .where('appointmentId')
          .equals(entry.appointmentId)
          .filter((other) => other.operation.kind === 'acceptQuote' && other.operation.quoteId === operation.quoteId)
          .delete();
        break;
      case 'acceptQuote':
        await db.quotes.update(operation.quoteId, { acceptance: null });
        break;
      case 'signReport':
        await db.interventions.update(entry.appointmentId, { signature: null });
        break;
      case 'markEnRoute':
        await db.interventions.update(entry.appointmentId, { enRouteAt: null });
        break;
      case 'clockIn':
        await db.interventions.update(entry.appointmentId, { clockIn: null });
        break;
      case 'clockOut':
        await db.interventions.update(entry.appointmentId, { clockOut: null });
        break;
      case 'saveReport':
        break;
    }
  });
}
