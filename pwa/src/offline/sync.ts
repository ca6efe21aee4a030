// Sends the outbox in order and refreshes the offline set: at app start, when the
// network comes back, after each change made on the device, and on demand. It never
// relies on Background Sync (Safari has none): the open app does the work.
import { createSignal } from 'solid-js';
import { browserOnline } from '../app/connection';
import { workTables, type BilingualText, type OfflineDatabase, type OutboxEntry } from './db';
import { markFailed, markPending, resumeInterrupted, takeNextPending } from './outbox';

export type SendOutcome =
  /** The server took it; `apply` records its answer on the device (server ids, conflict notices). */
  | { kind: 'sent'; apply?: () => Promise<void> }
  /** The server answered no: the entry stays, failed, with the server's reason. */
  | { kind: 'refused'; reason: BilingualText }
  /** No answer (offline, server down, signed out): the entry waits for the next attempt. */
  | { kind: 'unreachable' };

export interface SyncEngineOptions {
  db: OfflineDatabase;
  send: (entry: OutboxEntry) => Promise<SendOutcome>;
  /** Downloads the offline set and merges it into the device database; false when the server could not be reached. */
  refresh: () => Promise<boolean>;
  /** One sender at a time across the tabs of this person. */
  lockName: string;
}

export type SyncPhase = 'idle' | 'sending' | 'refreshing';

const firstRetryMs = 2000;
const longestRetryMs = 60_000;

function unexpectedFailure(error: unknown): BilingualText {
  const detail = error instanceof Error ? error.message : String(error);
  return { messageFr: `Erreur inattendue sur l’appareil : ${detail}`, messageEn: `Unexpected error on the device: ${detail}` };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;

export function createSyncEngine(options: SyncEngineOptions) {
  const { db } = options;
  const [phase, setPhase] = createSignal<SyncPhase>('idle');
  const [lastRefreshAt, setLastRefreshAt] = createSignal<Date>();
  const [unreachable, setUnreachable] = createSignal(false);
  let running: Promise<void> | undefined;
  let queued: { refresh: boolean } | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let unreachableInARow = 0;
  let stopped = false;

  async function send(entry: OutboxEntry): Promise<SendOutcome> {
    try {
      return await options.send(entry);
    } catch (error) {
      return { kind: 'refused', reason: unexpectedFailure(error) };
    }
  }

  /**
   * Sends every pending entry in order. Returns whether the server could be reached and
   * whether it refused something (a refusal over the schedule calls for the office's copy).
   */
  async function sendPending(): Promise<{ reached: boolean; refused: boolean }> {
    let refused = false;
    for (;;) {
      if (stopped) return { reached: false, refused };
      const entry = await takeNextPending(db);
      if (entry?.seq === undefined) return { reached: true, refused };
      const seq = entry.seq;
      setPhase('sending');
      const outcome = await send(entry);
      if (outcome.kind === 'unreachable') {
        await markPending(db, seq);
        return { reached: false, refused };
      }
      if (outcome.kind === 'refused') {
        await markFailed(db, seq, outcome.reason);
        refused = true;
        continue;
      }
      await db.transaction('rw', [...workTables(db), db.conflicts], async () => {
        await outcome.apply?.();
        await db.outbox.delete(seq);
      });
    }
  }

  function scheduleRetry(): void {
    clearTimeout(retryTimer);
    const delay = Math.min(longestRetryMs, firstRetryMs * 2 ** unreachableInARow);
    unreachableInARow += 1;
    retryTimer = setTimeout(() => void sync({ refresh: true }), delay);
  }

  async function pull(): Promise<boolean> {
    setPhase('refreshing');
    try {
      const reached = await options.refresh();
      if (reached) setLastRefreshAt(new Date());
      return reached;
    } catch (error) {
      // A set the device could not store is tried again later, like an unanswered one.
      console.error(error);
      return false;
    }
  }

  /**
   * With `refresh`, the office's copy comes first: merged with what waits on the device,
   * it shows every disagreement (moved, cancelled, report changed) before the device's
   * changes go out. A refusal brings the office's copy again, so the reason can be seen.
   */
  async function runOnce(refresh: boolean): Promise<void> {
    let reached = !refresh || (await pull());
    if (reached && !stopped) {
      const sent = await sendPending();
      reached = sent.reached;
      if (reached && sent.refused && !stopped) reached = await pull();
    }
    setPhase('idle');
    if (stopped) return;
    setUnreachable(!reached);
    if (reached) {
      unreachableInARow = 0;
      clearTimeout(retryTimer);
    } else scheduleRetry();
  }

  async function withLock(work: () => Promise<void>): Promise<void> {
    if ('locks' in navigator) await navigator.locks.request(options.lockName, work);
    else await work();
  }

  /**
   * Sends what waits, with `refresh` after downloading the offline set. Calls made while
   * a run is going are folded into one more run after it.
   */
  function sync(request: { refresh: boolean }): Promise<void> {
    if (running) {
      queued = { refresh: request.refresh || (queued?.refresh ?? false) };
      return running;
    }
    running = (async () => {
      let next: { refresh: boolean } | undefined = request;
      while (next && !stopped) {
        queued = undefined;
        const { refresh } = next;
        await withLock(() => runOnce(refresh));
        next = queued;
      }
    })()
      // The area closing its database under a run (sign-out, leaving) ends that run.
      .catch((error: unknown) => console.error(error))
      .finally(() => {
        running = undefined;
        setPhase('idle');
      });
    return running;
  }

  return {
    phase,
    lastRefreshAt,
    /**
     * The device has no network, or the server did not answer the last attempt (a
     * basement's "one bar" reports online). The live socket's state does not matter here.
     */
    offline: () => !browserOnline() || unreachable(),
    sync,
    /** Picks up what a closed app left half-sent, then syncs. */
    async start(): Promise<void> {
      await withLock(() => resumeInterrupted(db));
      await sync({ refresh: true });
    },
    stop(): void {
      stopped = true;
      clearTimeout(retryTimer);
    },
  };
}
