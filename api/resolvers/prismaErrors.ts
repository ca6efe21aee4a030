import { Prisma } from '../generated/prisma/client.ts';

// PostgreSQL SQLSTATE codes the use cases turn into domain errors.
const uniqueViolation = '23505';
const exclusionViolation = '23P01';
const serializationFailure = '40001';
const deadlockDetected = '40P01';

/**
 * The SQLSTATE behind a failed write, whichever driver adapter reported it: adapter-pg
 * surfaces Prisma's known errors (P2002…), the PGlite adapter a DriverAdapterError
 * carrying the raw PostgreSQL code.
 */
export function sqlStateOf(error: unknown): string | undefined {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2002') return uniqueViolation;
    if (error.code === 'P2034') return serializationFailure;
    const adapterCause = (error.meta?.driverAdapterError as { cause?: { originalCode?: string; code?: string } } | undefined)?.cause;
    return adapterCause?.originalCode ?? adapterCause?.code;
  }
  const cause = (error as { name?: string; cause?: { kind?: string; code?: string; originalCode?: string } } | null)?.cause;
  if ((error as { name?: string } | null)?.name === 'DriverAdapterError' && cause) {
    if (cause.kind === 'UniqueConstraintViolation') return uniqueViolation;
    return cause.originalCode ?? cause.code;
  }
  return undefined;
}

/** True when a write failed on a unique constraint (a concurrent or repeated insert). */
export function isUniqueViolation(error: unknown): boolean {
  return sqlStateOf(error) === uniqueViolation;
}

/** An EXCLUDE constraint refused the row: for appointments, the technician's time is taken. */
export function isExclusionViolation(error: unknown): boolean {
  return sqlStateOf(error) === exclusionViolation;
}

/**
 * True when PostgreSQL aborted a transaction that would succeed if run again: concurrent
 * inserts checked by one exclusion constraint can deadlock, and the loser is rolled back.
 */
export function isRetryableTransactionError(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state === serializationFailure || state === deadlockDetected;
}

/** Runs a transaction again (up to `attempts` times, with jitter) when PostgreSQL asks for a retry. */
export async function withTransactionRetry<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}

/**
 * Queues this transaction behind others writing the same technician's time. The exclusion
 * constraint alone stays correct, but concurrent checks of overlapping ranges deadlock;
 * taking this lock first makes them wait in turn instead.
 */
export async function lockTechnicianSchedule(tx: Prisma.TransactionClient, technicianId: string): Promise<void> {
  await advisoryLock(tx, technicianId);
}

/** Queues this transaction behind others booking for the same customer (taken after the technician's lock). */
export async function lockCustomerBookings(tx: Prisma.TransactionClient, customerId: string): Promise<void> {
  await advisoryLock(tx, `customer:${customerId}`);
}

/** Waits for, then holds until the transaction ends, the lock named `key` (nothing is locked in the tables). */
export async function advisoryLock(tx: Prisma.TransactionClient, key: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))::text AS locked`;
}
