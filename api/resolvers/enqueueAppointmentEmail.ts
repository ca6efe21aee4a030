// Appointment e-mails leave through the job runner, not the request that changed the
// appointment: the message is queued in the change's own transaction (it exists exactly
// when the change does), goes out at once, and is retried while the mail server fails.
import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.ts';
import { sendAppointmentEmail } from './sendAppointmentEmail.ts';
import { enqueueJob } from './enqueueJob.ts';

export const appointmentEmailKind = 'appointment.email';

const queuedEmail = z.object({ appointmentId: z.string(), kind: z.enum(['confirmation', 'rescheduled', 'cancelled']) });

export type QueuedAppointmentEmail = z.output<typeof queuedEmail>;

export async function enqueueAppointmentEmail(tx: Prisma.TransactionClient, email: QueuedAppointmentEmail): Promise<void> {
  await enqueueJob(tx, { kind: appointmentEmailKind, payload: email });
}

/** Runs a queued e-mail; a mail server failure throws so that the job runner tries again later. */
export async function sendQueuedAppointmentEmail(deps: Parameters<typeof sendAppointmentEmail>[0], payload: unknown): Promise<void> {
  const { appointmentId, kind } = queuedEmail.parse(payload);
  const outcome = await sendAppointmentEmail(deps, appointmentId, kind);
  if (outcome.status === 'FAILED') throw new Error(`${kind} e-mail not sent: ${outcome.error}`);
}
