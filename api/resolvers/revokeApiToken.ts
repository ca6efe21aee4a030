import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { NotFoundError, parseInput } from './errors.ts';
import { idRule } from './inputRules.ts';
import { recordAudit } from './recordAudit.ts';

export async function revokeApiToken(prisma: PrismaClient, viewer: Viewer, input: { id: string }): Promise<{ tokenId: string }> {
  const id = parseInput(idRule, input.id);
  return prisma.$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) {
      const exists = await tx.apiToken.count({ where: { id } });
      if (!exists) throw new NotFoundError('Jeton d’API', 'API token');
    } else {
      await recordAudit(tx, viewer, { action: 'apiToken.revoke', entityType: 'ApiToken', entityId: id });
    }
    return { tokenId: id };
  });
}
