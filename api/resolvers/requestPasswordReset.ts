import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Mailer } from '../app/mailer.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import { parseInput } from './errors.ts';
import { emailRule } from './inputRules.ts';
import { consumeRateLimit } from './rateLimit.ts';

const resetLinkLifetimeMs = 60 * 60 * 1000;
const invitationLinkLifetimeMs = 7 * 24 * 3600 * 1000;

/** Creates a one-time link to choose a password and e-mails it. */
export async function sendPasswordLink(
  prisma: PrismaClient,
  mailer: Mailer,
  user: { id: string; email: string; name: string; locale: 'fr' | 'en' },
  options: { publicUrl: string; purpose: 'reset' | 'invitation' },
): Promise<void> {
  const token = newSecret();
  const lifetime = options.purpose === 'reset' ? resetLinkLifetimeMs : invitationLinkLifetimeMs;
  await prisma.passwordResetToken.create({
    data: { tokenHash: hashSecret(token), userId: user.id, expiresAt: new Date(Date.now() + lifetime) },
  });
  const link = `${options.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
  const mail =
    options.purpose === 'reset'
      ? user.locale === 'en'
        ? {
            subject: 'Reset your Relais password',
            text: `Hello ${user.name},\n\nTo choose a new password, open this link within one hour:\n${link}\n\nIf you did not ask for it, ignore this message: your password stays the same.\n\nDuret Électricité`,
          }
        : {
            subject: 'Réinitialisation de votre mot de passe Relais',
            text: `Bonjour ${user.name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure :\n${link}\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.\n\nDuret Électricité`,
          }
      : user.locale === 'en'
        ? {
            subject: 'Your Relais account',
            text: `Hello ${user.name},\n\nAn account was created for you on Relais. Choose your password within 7 days:\n${link}\n\nDuret Électricité`,
          }
        : {
            subject: 'Votre compte Relais',
            text: `Bonjour ${user.name},\n\nUn compte Relais a été créé pour vous. Choisissez votre mot de passe dans les 7 jours :\n${link}\n\nDuret Électricité`,
          };
  await mailer.send({ to: user.email, ...mail });
}

/** Always succeeds the same way, so it never tells whether an e-mail has an account. */
export async function requestPasswordReset(
  prisma: PrismaClient,
  mailer: Mailer,
  input: { email: string },
  options: { publicUrl: string; ip: string },
): Promise<true> {
  const { email } = parseInput(z.object({ email: emailRule }), input);
  await consumeRateLimit(prisma, [
    { key: `reset:email:${email}`, limit: 5, windowSeconds: 3600 },
    { key: `reset:ip:${options.ip}`, limit: 30, windowSeconds: 3600 },
  ]);
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, locale: true, active: true },
  });
  if (user?.active) await sendPasswordLink(prisma, mailer, user, { publicUrl: options.publicUrl, purpose: 'reset' });
  return true;
}
