import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { hashPassword } from '../auth/password.ts';
import { openSession, type OpenedSession, type RequestMeta } from '../auth/sessions.ts';
import { customerSearchText } from './customerSearchText.ts';
import { ConflictError, parseInput } from './errors.ts';
import { emailRule, passwordRule, phoneRule, postalCodeRule, textRule } from './inputRules.ts';
import { isUniqueViolation } from './prismaErrors.ts';
import { consumeRateLimit } from './rateLimit.ts';

const signUpInput = z.object({
  email: emailRule,
  password: passwordRule,
  name: textRule(120),
  phone: phoneRule.nullish(),
  postalCode: postalCodeRule.nullish(),
  locale: z.enum(['fr', 'en']).nullish(),
});

export class EmailTakenError extends ConflictError {
  constructor() {
    super(
      'Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou réinitialisez votre mot de passe.',
      'An account already exists with this e-mail address. Log in or reset your password.',
    );
  }
}

/** A customer creates their own account: a CLIENT user and the customer record it acts for. */
export async function signUpClient(
  prisma: PrismaClient,
  input: z.input<typeof signUpInput>,
  meta: RequestMeta,
): Promise<{ userId: string; customerId: string; session: OpenedSession }> {
  const data = parseInput(signUpInput, input);
  await consumeRateLimit(prisma, [{ key: `signup:ip:${meta.ip}`, limit: 20, windowSeconds: 3600 }]);
  const passwordHash = await hashPassword(data.password);
  const phones = data.phone ? [data.phone] : [];
  try {
    const user = await prisma.user.create({
      data: {
        email: data.email,
        name: data.name,
        phone: data.phone ?? null,
        role: 'CLIENT',
        locale: data.locale ?? 'fr',
        credential: { create: { hash: passwordHash } },
        customer: {
          create: {
            kind: 'INDIVIDUAL',
            name: data.name,
            phones,
            emails: [data.email],
            searchText: customerSearchText({
              name: data.name,
              emails: [data.email],
              phones,
              postalCodes: data.postalCode ? [data.postalCode] : [],
            }),
          },
        },
      },
      select: { id: true, customerId: true },
    });
    return { userId: user.id, customerId: user.customerId as string, session: await openSession(prisma, user.id, meta) };
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
}
