import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { NotFoundError, parseInput, ValidationError, type FieldIssue } from './errors.ts';
import { idRule, optionalTextRule, textRule } from './inputRules.ts';
import { isUniqueViolation } from './prismaErrors.ts';
import { recordAudit } from './recordAudit.ts';
import { unknownTemplateVariables } from './renderTemplate.ts';

const saveTemplateInput = z
  .object({
    id: idRule.nullish(),
    key: z
      .string()
      .trim()
      .regex(/^[a-z]+(\.[a-z-]+)+$/, 'Clé attendue sous la forme « domaine.usage ».|Key expected as "area.purpose".'),
    channel: z.enum(['EMAIL', 'SMS'], 'Canal non reconnu.|Unknown channel.'),
    locale: z.string().pipe(z.enum(['fr', 'en'], 'Langue non reconnue.|Unknown language.')),
    name: textRule(120),
    subject: optionalTextRule(250),
    body: textRule(20_000),
    active: z
      .boolean()
      .nullish()
      .transform((active) => active ?? true),
  })
  .refine((input) => input.channel !== 'EMAIL' || Boolean(input.subject), {
    message: 'Un e-mail a besoin d’un objet.|An e-mail needs a subject.',
    path: ['subject'],
  });

export type SaveTemplateInput = z.input<typeof saveTemplateInput>;

/** Creates or edits a template; a placeholder that is not a known variable is refused where it is written. */
export async function saveTemplate(prisma: PrismaClient, viewer: Viewer, input: SaveTemplateInput): Promise<{ templateId: string }> {
  const data = parseInput(saveTemplateInput, input);
  const issues: FieldIssue[] = (['subject', 'body'] as const).flatMap((path) => {
    const unknown = unknownTemplateVariables(data[path] ?? '');
    return unknown.length === 0
      ? []
      : [
          {
            path,
            messageFr: `Variable inconnue : ${unknown.map((name) => `{{${name}}}`).join(', ')}.`,
            messageEn: `Unknown variable: ${unknown.map((name) => `{{${name}}}`).join(', ')}.`,
          },
        ];
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const fields = {
    key: data.key,
    channel: data.channel,
    locale: data.locale,
    name: data.name,
    subject: data.channel === 'SMS' ? null : (data.subject ?? null),
    body: data.body,
    active: data.active,
  };
  try {
    return await prisma.$transaction(async (tx) => {
      if (data.id && !(await tx.template.findUnique({ where: { id: data.id }, select: { id: true } }))) {
        throw new NotFoundError('Modèle', 'Template');
      }
      const template = data.id
        ? await tx.template.update({ where: { id: data.id }, data: fields, select: { id: true } })
        : await tx.template.create({ data: fields, select: { id: true } });
      await recordAudit(tx, viewer, {
        action: data.id ? 'template.update' : 'template.create',
        entityType: 'Template',
        entityId: template.id,
      });
      return { templateId: template.id };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new ValidationError([
      {
        path: 'key',
        messageFr: 'Un modèle existe déjà pour cette clé, ce canal et cette langue.',
        messageEn: 'A template already exists for this key, channel and language.',
      },
    ]);
  }
}
