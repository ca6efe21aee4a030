import { z } from 'zod';
import { siteAddress } from './appointmentDetails.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { createTicket } from './createTicket.ts';
import { NotFoundError, parseInput } from './errors.ts';
import { ReportSignedError } from './fieldWorkErrors.ts';
import { formatParisDay } from './formatParisDate.ts';
import { idempotencyKeyFor, recordIdempotentResult, runOnce } from './idempotency.ts';
import { clientMutationIdRule, idRule, optionalTextRule, textRule } from './inputRules.ts';
import {
  baseVersionRule,
  ensureIntervention,
  lockTechnicianAppointment,
  quantityRule,
  unitPriceRule,
  type FieldWorkDeps,
} from './technicianVisitRules.ts';

const saveInterventionReportInput = z
  .object({
    appointmentId: idRule,
    checklistAnswers: z
      .array(
        z.object({
          key: z.string().trim().min(1).max(100),
          ok: z.boolean().nullish(),
          comment: optionalTextRule(1000),
        }),
      )
      .max(100, 'Au plus 100 points de contrôle.|At most 100 checklist items.'),
    workDone: optionalTextRule(10_000),
    materials: z
      .array(
        z.object({
          catalogItemId: idRule.nullish(),
          label: textRule(200),
          quantity: quantityRule,
          unit: textRule(20),
          unitPriceCents: unitPriceRule,
        }),
      )
      .max(100, 'Au plus 100 lignes de matériel.|At most 100 material lines.'),
    timeSpentMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60, 'Au plus 24 heures.|At most 24 hours.')
      .nullish(),
    observations: optionalTextRule(5000),
    reservations: optionalTextRule(5000),
    opportunity: z.boolean(),
    opportunityNote: optionalTextRule(2000),
    baseVersion: baseVersionRule,
    clientMutationId: clientMutationIdRule,
  })
  .refine((input) => new Set(input.checklistAnswers.map((answer) => answer.key)).size === input.checklistAnswers.length, {
    message: 'Un point de contrôle est répondu deux fois.|A checklist item is answered twice.',
    path: ['checklistAnswers'],
  });

export type SaveInterventionReportInput = z.input<typeof saveInterventionReportInput>;

/**
 * Writes the report as the phone has it, replacing what was there: the technician wins
 * on the report's content, even when the office moved the appointment meanwhile (the
 * result's appointment shows the new schedule), but not once the customer signed it.
 * Once per client mutation id. A report flagging a sales opportunity opens exactly one
 * ticket for the office, whatever the replays and later saves.
 */
export async function saveInterventionReport(
  deps: FieldWorkDeps,
  viewer: Viewer,
  input: SaveInterventionReportInput,
): Promise<{ interventionId: string; replayed: boolean }> {
  const data = parseInput(saveInterventionReportInput, input);
  const key = idempotencyKeyFor(viewer, 'saveInterventionReport', data.clientMutationId);
  const result = await runOnce(deps.prisma, key, () =>
    deps.prisma.$transaction(async (tx: Prisma.TransactionClient) => {
      const appointment = await lockTechnicianAppointment(tx, viewer, data.appointmentId, { moved: 'accept' });
      const intervention = await ensureIntervention(tx, appointment);
      if (intervention.reportStatus !== 'DRAFT') throw new ReportSignedError();
      const catalogItemIds = [...new Set(data.materials.flatMap((material) => material.catalogItemId ?? []))];
      if ((await tx.catalogItem.count({ where: { id: { in: catalogItemIds } } })) !== catalogItemIds.length) {
        throw new NotFoundError('Article du catalogue', 'Catalog item');
      }
      await tx.intervention.update({
        where: { id: intervention.id },
        data: {
          checklistAnswers: Object.fromEntries(
            data.checklistAnswers.map((answer) => [
              answer.key,
              { ok: answer.ok ?? null, ...(answer.comment ? { comment: answer.comment } : {}) },
            ]),
          ),
          workDone: data.workDone ?? null,
          timeSpentMinutes: data.timeSpentMinutes ?? null,
          observations: data.observations ?? null,
          reservations: data.reservations ?? null,
          opportunity: data.opportunity,
          opportunityNote: data.opportunityNote ?? null,
        },
      });
      await tx.interventionMaterial.deleteMany({ where: { interventionId: intervention.id } });
      await tx.interventionMaterial.createMany({
        data: data.materials.map((material) => ({
          interventionId: intervention.id,
          catalogItemId: material.catalogItemId ?? null,
          label: material.label,
          quantity: material.quantity.toFixed(3),
          unit: material.unit,
          unitPriceCents: material.unitPriceCents,
        })),
      });
      await recordIdempotentResult(tx, key, 'saveInterventionReport', { interventionId: intervention.id });
      return { interventionId: intervention.id };
    }),
  );
  // Also on replays: a crash between the report's commit and the ticket loses nothing.
  await openOpportunityTicket(deps, result.interventionId);
  return result;
}

/** The office's ticket for the opportunity a report flags; keyed by the intervention, so there is only ever one. */
async function openOpportunityTicket(deps: FieldWorkDeps, interventionId: string): Promise<void> {
  const intervention = await deps.prisma.intervention.findUniqueOrThrow({
    where: { id: interventionId },
    select: {
      opportunity: true,
      opportunityNote: true,
      technician: { select: { user: { select: { name: true } } } },
      appointment: {
        select: {
          customerId: true,
          siteId: true,
          startsAt: true,
          customer: { select: { name: true } },
          service: { select: { name: true } },
          site: { select: { street: true, postalCode: true, city: true } },
        },
      },
    },
  });
  if (!intervention.opportunity) return;
  const { appointment } = intervention;
  const context = `Signalée par ${intervention.technician.user.name} lors de « ${appointment.service.name} » du ${formatParisDay(appointment.startsAt, 'fr')}, ${siteAddress(appointment.site)}.`;
  await createTicket(deps, null, {
    source: 'TECHNICIAN',
    category: 'OPPORTUNITY',
    subject: `Opportunité commerciale : ${appointment.customer.name}`.slice(0, 200),
    description: [intervention.opportunityNote, context].filter(Boolean).join('\n\n'),
    customerId: appointment.customerId,
    siteId: appointment.siteId,
    idempotencyKey: `opportunity:${interventionId}`,
  });
}
