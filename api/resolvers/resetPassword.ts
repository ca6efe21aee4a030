import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { hashPassword } from '../auth/password.ts';
import { hashSecret } from '../auth/secrets.ts';
import { InvalidTokenError, parseInput } from './errors.ts';
import { passwordRule } from './inputRules.ts';

const resetPasswordInput = z.object({ token: z.string().min(1).max(200), password: passwordRule });

/** Sets a new password from a one-time link; every open session of the account is closed. */
export async function resetPassword(prisma: PrismaClient, input: { token: string; password: string }): Promise<true> {
  const { token, password } = parseInput(resetPasswordInput, input);
  const hash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    // The conditional update is the claim: of two concurrent uses of one link, one wins.
    const claimed = await tx.passwordResetToken.updateManyAndReturn({
      where: { tokenHash: hashSecret(token), usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
      select: { userId: true },
    });
    const userId = claimed[0]?.userId;
    if (!userId) throw new InvalidTokenError();
    await tx.passwordCredential.upsert({ where: { userId }, create: { userId, hash }, update: { hash } });
    await tx.session.deleteMany({ where: { userId } });
  });
  return true;
}
