import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { verifyDecoy, verifyPassword } from '../auth/password.ts';
import { openSession, type OpenedSession, type RequestMeta } from '../auth/sessions.ts';
import { InvalidCredentialsError, parseInput } from './errors.ts';
import { emailRule } from './inputRules.ts';
import { consumeRateLimit, resetRateLimit } from './rateLimit.ts';

const logInInput = z.object({
  email: emailRule,
  password: z.string().min(1, 'Saisissez votre mot de passe.|Enter your password.').max(200),
});

export const loginRateLimits = {
  perEmail: { limit: 10, windowSeconds: 15 * 60 },
  perIp: { limit: 50, windowSeconds: 15 * 60 },
};

export async function logIn(
  prisma: PrismaClient,
  input: { email: string; password: string },
  meta: RequestMeta,
): Promise<{ userId: string; session: OpenedSession }> {
  const { email, password } = parseInput(logInInput, input);
  const emailKey = `login:email:${email}`;
  await consumeRateLimit(prisma, [
    { key: emailKey, ...loginRateLimits.perEmail },
    { key: `login:ip:${meta.ip}`, ...loginRateLimits.perIp },
  ]);
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, active: true, credential: { select: { hash: true } } },
  });
  if (!user?.credential) {
    await verifyDecoy(password);
    throw new InvalidCredentialsError();
  }
  if (!(await verifyPassword(user.credential.hash, password)) || !user.active) throw new InvalidCredentialsError();
  await resetRateLimit(prisma, emailKey);
  return { userId: user.id, session: await openSession(prisma, user.id, meta) };
}
