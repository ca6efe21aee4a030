import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Viewer } from '../auth/viewer.ts';

type AuditWriter = Pick<PrismaClient, 'auditLog'> | Prisma.TransactionClient;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Prisma.InputJsonValue;
  ip?: string | null;
}

/** Records a sensitive change with who made it. */
export async function recordAudit(prisma: AuditWriter, viewer: Viewer, entry: AuditEntry): Promise<void> {
  await prisma.auditLog.create({
    data: {
      ...entry,
      actorUserId: viewer.kind === 'user' ? viewer.userId : viewer.kind === 'token' ? viewer.createdById : null,
      actorTokenId: viewer.kind === 'token' ? viewer.tokenId : null,
    },
  });
}
