import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import { tokenScopes } from '../auth/tokenScopes.ts';
import type { Viewer } from '../auth/viewer.ts';
import { parseInput } from './errors.ts';
import { textRule } from './inputRules.ts';
import { recordAudit } from './recordAudit.ts';

const createApiTokenInput = z.object({
  name: textRule(80),
  scopes: z.array(z.enum(tokenScopes)).min(1, 'Choisissez au moins un droit.|Choose at least one scope.'),
  expiresInDays: z.number().int().min(1).max(3650).nullish(),
});

/** A manager issues a token for an integrator; its secret is shown once and stored hashed. */
export async function createApiToken(
  prisma: PrismaClient,
  viewer: Viewer & { kind: 'user' },
  input: z.input<typeof createApiTokenInput>,
): Promise<{ tokenId: string; secret: string }> {
  const data = parseInput(createApiTokenInput, input);
  const secret = `rls_${newSecret()}`;
  const token = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name: data.name,
        scopes: [...new Set(data.scopes)],
        prefix: secret.slice(0, 10),
        tokenHash: hashSecret(secret),
        createdById: viewer.userId,
        expiresAt: data.expiresInDays ? new Date(Date.now() + data.expiresInDays * 86_400_000) : null,
      },
      select: { id: true },
    });
    await recordAudit(tx, viewer, {
      action: 'apiToken.create',
      entityType: 'ApiToken',
      entityId: created.id,
      data: { name: data.name, scopes: data.scopes },
    });
    return created;
  });
  return { tokenId: token.id, secret };
}
