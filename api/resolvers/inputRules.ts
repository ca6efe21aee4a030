// Input rules shared by use cases. Messages are "français|English" (see parseInput).
import { z } from 'zod';
import { normalizePhone } from './normalizePhone.ts';

export const emailRule = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'L’adresse e-mail est trop longue.|The e-mail address is too long.')
  .pipe(z.email('Adresse e-mail invalide.|Invalid e-mail address.'));

export const passwordRule = z
  .string()
  .min(8, 'Le mot de passe doit contenir au moins 8 caractères.|The password must be at least 8 characters long.')
  .max(200, 'Le mot de passe est trop long.|The password is too long.');

export function textRule(maxLength: number) {
  return z
    .string()
    .trim()
    .min(1, 'Ce champ est obligatoire.|This field is required.')
    .max(maxLength, `Pas plus de ${maxLength} caractères.|No more than ${maxLength} characters.`);
}

export function optionalTextRule(maxLength: number) {
  return z
    .string()
    .trim()
    .max(maxLength, `Pas plus de ${maxLength} caractères.|No more than ${maxLength} characters.`)
    .transform((value) => (value === '' ? null : value))
    .nullish();
}

export const phoneRule = z
  .string()
  .max(40, 'Numéro de téléphone trop long.|Phone number too long.')
  .transform((value, ctx) => {
    const e164 = normalizePhone(value);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: 'Numéro de téléphone invalide.|Invalid phone number.' });
      return z.NEVER;
    }
    return e164;
  });

export const postalCodeRule = z
  .string()
  .trim()
  .regex(/^\d{5}$/, 'Le code postal doit comporter 5 chiffres.|The postal code must have 5 digits.');

/** A client-generated id that makes a mutation safe to replay (see idempotency.ts). */
export const clientMutationIdRule = z
  .string()
  .trim()
  .min(8, 'Identifiant de requête trop court.|Request id too short.')
  .max(100, 'Identifiant de requête trop long.|Request id too long.');

export const idRule = z.string().min(1).max(64, 'Identifiant invalide.|Invalid id.');

/** A [from, to) period of at most `maxDays` days. */
export function dateRangeRule(maxDays: number) {
  return z
    .object({ from: z.date(), to: z.date() })
    .refine((range) => range.to > range.from, { message: 'La fin doit suivre le début.|The end must come after the start.', path: ['to'] })
    .refine((range) => range.to.getTime() - range.from.getTime() <= maxDays * 86_400_000, {
      message: `Au plus ${maxDays} jours à la fois.|At most ${maxDays} days at a time.`,
      path: ['to'],
    });
}
