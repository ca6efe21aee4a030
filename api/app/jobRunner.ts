// Runs scheduled actions (appointment reminders, and later follow-ups and alerts) on
// every API instance at once: a due row is claimed with FOR UPDATE SKIP LOCKED, so it
// runs on exactly one instance, and a failed run is retried with a growing delay.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { appointmentEmailKind, sendQueuedAppointmentEmail } from '../resolvers/enqueueAppointmentEmail.ts';
import { deliverInterventionReport, interventionReportKind } from '../resolvers/deliverInterventionReport.ts';
import { appointmentReminderKind } from '../resolvers/scheduleAppointmentReminder.ts';
import { sendAppointmentReminder } from '../resolvers/sendAppointmentReminder.ts';
import { quoteDocumentKind, storeQuoteDocument } from '../resolvers/storeQuoteDocument.ts';
import type { AppConfig } from './config.ts';
import type { FileStore } from './fileStore.ts';
import type { Mailer } from './mailer.ts';

export interface ClaimedAction {
  id: string;
  kind: string;
  payload: Prisma.JsonValue;
  /** Failed runs so far. */
  attempts: number;
  lockedAt: Date;
}

export type JobHandler = (action: ClaimedAction) => Promise<void>;

export interface JobRunner {
  /** Written to `lockedBy` of the rows this runner claims. */
  readonly instanceId: string;
  /** Claims the actions due now (one batch), runs them, and resolves with how many ran. */
  runOnce(): Promise<number>;
  /** Polls until stop(). */
  start(): void;
  /** Stops polling and waits for the batch in progress. */
  stop(): Promise<void>;
}

export const maxAttempts = 5;
const staleLockMinutes = 10;
const firstRetryDelayMs = 60_000;

/** 1, 2, 4, 8 minutes after the 1st, 2nd, 3rd, 4th failure; the 5th is final. */
function retryDelayMs(failedAttempts: number): number {
  return firstRetryDelayMs * 2 ** (failedAttempts - 1);
}

/** The actions this version of the API knows how to run, by kind. */
export function builtInJobHandlers(deps: {
  prisma: PrismaClient;
  mailer: Mailer;
  files: FileStore;
  config: AppConfig;
}): Record<string, JobHandler> {
  return {
    [appointmentReminderKind]: (action) => sendAppointmentReminder(deps, action.payload),
    [appointmentEmailKind]: (action) => sendQueuedAppointmentEmail(deps, action.payload),
    [interventionReportKind]: (action) => deliverInterventionReport(deps, action.payload),
    [quoteDocumentKind]: (action) => storeQuoteDocument(deps, action.payload),
  };
}

export function createJobRunner(options: {
  prisma: PrismaClient;
  handlers: Record<string, JobHandler>;
  pollIntervalMs?: number;
  batchSize?: number;
  instanceId?: string;
  /** Events meaning "something is due now" (the hub's jobsDue): a poll starts at once. */
  wakeUps?: AsyncIterable<unknown>;
}): JobRunner {
  const { prisma, handlers } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 15_000;
  const batchSize = options.batchSize ?? 10;
  const instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  // Only kinds this instance can run are claimed: during a rolling upgrade an older
  // instance leaves a newer kind to the instances that know it.
  const kinds = Object.keys(handlers);

  /** A run that outlived its lock (its instance died) counts as a failed attempt and is due again. */
  async function reclaimAbandonedActions(): Promise<void> {
    await prisma.$executeRaw`
      UPDATE "ScheduledAction"
      SET attempts = attempts + 1,
          status = (CASE WHEN attempts + 1 >= ${maxAttempts} THEN 'FAILED' ELSE 'PENDING' END)::"ScheduledActionStatus",
          "lastError" = 'abandoned while running: its lock expired',
          "lockedAt" = NULL,
          "lockedBy" = NULL
      WHERE status = 'RUNNING' AND "lockedAt" < now() - ${staleLockMinutes} * interval '1 minute'`;
  }

  /** One statement, hence one transaction: rows locked by another instance's claim are skipped, never waited for. */
  async function claimDueActions(): Promise<ClaimedAction[]> {
    return prisma.$queryRaw<ClaimedAction[]>`
      WITH due AS (
        SELECT id FROM "ScheduledAction"
        WHERE status = 'PENDING' AND "runAt" <= now() AND kind = ANY(${kinds}::text[])
        ORDER BY "runAt"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE "ScheduledAction" AS action
      SET status = 'RUNNING', "lockedAt" = now(), "lockedBy" = ${instanceId}
      FROM due
      WHERE action.id = due.id
      RETURNING action.id, action.kind, action.payload, action.attempts, action."lockedAt"`;
  }

  async function run(action: ClaimedAction): Promise<void> {
    // The lock is the fence: if the action was cancelled, re-planned or reclaimed while it
    // ran, its row no longer carries this lock and the outcome below changes nothing.
    const stillOurs = { id: action.id, status: 'RUNNING', lockedBy: instanceId, lockedAt: action.lockedAt } as const;
    const unlocked = { lockedAt: null, lockedBy: null };
    try {
      await handlers[action.kind]!(action);
      await prisma.scheduledAction.updateMany({ where: stillOurs, data: { status: 'DONE', doneAt: new Date(), ...unlocked } });
    } catch (error) {
      const attempts = action.attempts + 1;
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      await prisma.scheduledAction.updateMany({
        where: stillOurs,
        data:
          attempts >= maxAttempts
            ? { status: 'FAILED', attempts, lastError, ...unlocked }
            : { status: 'PENDING', attempts, lastError, runAt: new Date(Date.now() + retryDelayMs(attempts)), ...unlocked },
      });
    }
  }

  async function runOnce(): Promise<number> {
    if (kinds.length === 0) return 0;
    await reclaimAbandonedActions();
    const claimed = await claimDueActions();
    for (const action of claimed) await run(action);
    return claimed.length;
  }

  let polling = false;
  let timer: NodeJS.Timeout | undefined;
  let inProgress: Promise<void> | undefined;
  let wokenDuringPoll = false;

  function poll(): void {
    wokenDuringPoll = false;
    inProgress = runOnce()
      .then(
        // A full batch suggests more are due: go on at once rather than after the interval.
        (ran) => (ran === batchSize ? 0 : pollIntervalMs),
        (error: unknown) => {
          console.error('scheduled actions: poll failed', error);
          return pollIntervalMs;
        },
      )
      .then((delayMs) => {
        inProgress = undefined;
        // A wake-up during the poll may concern an action committed after its claim.
        if (polling) timer = setTimeout(poll, wokenDuringPoll ? 0 : delayMs).unref();
      });
  }

  let wakeUpIterator: AsyncIterator<unknown> | undefined;

  async function listenForWakeUps(iterator: AsyncIterator<unknown>): Promise<void> {
    while (!(await iterator.next()).done && polling) {
      if (inProgress) {
        wokenDuringPoll = true;
        continue;
      }
      clearTimeout(timer);
      poll();
    }
  }

  return {
    instanceId,
    runOnce,
    start() {
      if (polling) return;
      polling = true;
      poll();
      wakeUpIterator = options.wakeUps?.[Symbol.asyncIterator]();
      if (wakeUpIterator) void listenForWakeUps(wakeUpIterator);
    },
    async stop() {
      polling = false;
      clearTimeout(timer);
      await wakeUpIterator?.return?.();
      await inProgress;
    },
  };
}
