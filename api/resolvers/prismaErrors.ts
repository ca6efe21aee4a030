import { Prisma } from '../generated/prisma/client.ts';

// PostgreSQL SQLSTATE codes the use cases turn into domain errors.
const uniqueViolation = '23505';

/**
 * The SQLSTATE behind a failed write, whichever driver adapter reported it: adapter-pg
 * surfaces Prisma's known errors (P2002…), the PGlite adapter a DriverAdapterError
 * carrying the raw PostgreSQL code.
 */
export function sqlStateOf(error: unknown): string | undefined {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2002') return uniqueViolation;
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
