import type { PrismaClient } from '../generated/prisma/client.ts';
import { defaultTemplates } from './defaultTemplates.ts';

/**
 * Adds the shipped templates the database does not have yet (by key, channel and
 * language), at every start: a new version's templates appear, the office's edits stay.
 */
export async function installDefaultTemplates(prisma: PrismaClient): Promise<number> {
  const { count } = await prisma.template.createMany({ data: [...defaultTemplates], skipDuplicates: true });
  return count;
}
