import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Mailer } from '../app/mailer.ts';
import type { Viewer } from '../auth/viewer.ts';
import { parseInput } from './errors.ts';
import { emailRule, phoneRule, textRule } from './inputRules.ts';
import { isUniqueViolation } from './prismaErrors.ts';
import { recordAudit } from './recordAudit.ts';
import { sendPasswordLink } from './requestPasswordReset.ts';
import { EmailTakenError } from './signUpClient.ts';

const createStaffUserInput = z.object({
  email: emailRule,
  name: textRule(120),
  role: z.enum(['ASSISTANT', 'TECHNICIAN', 'MANAGER']),
  phone: phoneRule.nullish(),
  locale: z.enum(['fr', 'en']).nullish(),
});

/** A manager adds a colleague; the colleague receives a link to choose a password. */
export async function createStaffUser(
  prisma: PrismaClient,
  mailer: Mailer,
  viewer: Viewer,
  input: z.input<typeof createStaffUserInput>,
  options: { publicUrl: string },
): Promise<{ userId: string }> {
  const data = parseInput(createStaffUserInput, input);
  let user: { id: string; email: string; name: string; locale: 'fr' | 'en' };
  try {
    user = await prisma.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          email: data.email,
          name: data.name,
          role: data.role,
          phone: data.phone ?? null,
          locale: data.locale ?? 'fr',
          ...(data.role === 'TECHNICIAN' ? { technician: { create: {} } } : {}),
        },
        select: { id: true, email: true, name: true, locale: true },
      });
      await recordAudit(tx, viewer, {
        action: 'user.create',
        entityType: 'User',
        entityId: created.id,
        data: { role: data.role, email: data.email },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
  await sendPasswordLink(prisma, mailer, user, { publicUrl: options.publicUrl, purpose: 'invitation' });
  return { userId: user.id };
}
