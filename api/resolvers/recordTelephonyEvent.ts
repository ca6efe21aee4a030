// One verified telephony webhook event → the Call row, its customer, and at the end of
// the call its ticket. Providers deliver events late, twice or out of order: the call's
// state is merged (earliest start, first answer, last end), never overwritten, so
// applying an event again changes nothing.
import type { Call, Prisma } from '../generated/prisma/client.ts';
import { createTicketFromCall } from './createTicketFromCall.ts';
import { findCustomerByPhone } from './findCustomerByPhone.ts';
import { normalizePhone } from './normalizePhone.ts';
import type { TicketDeps } from './ticketRules.ts';
import { advisoryLock } from './prismaErrors.ts';

export type TelephonyProvider = 'generic' | 'aircall';
export type TelephonyEventKind = 'ringing' | 'answered' | 'ended' | 'missed';

export interface TelephonyEvent {
  provider: TelephonyProvider;
  /** The provider's id of this delivery: a second one with the same id is a replay. */
  eventId: string;
  kind: TelephonyEventKind;
  providerCallId: string;
  direction: 'INBOUND' | 'OUTBOUND';
  /** As the provider sent them; stored E.164 when they are valid numbers. */
  fromNumber: string;
  toNumber: string;
  occurredAt: Date;
  /** The moments of the call this event knows about. */
  startedAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  agentEmail: string | null;
}

export type TelephonyEventOutcome = { status: 'recorded'; callId: string; ticketId: string | null } | { status: 'replayed' };

type CallTimes = Pick<Call, 'startedAt' | 'answeredAt' | 'endedAt' | 'missed' | 'durationSeconds'>;

/** The earlier (or later) of two optional instants. */
function pick(a: Date | null | undefined, b: Date | null | undefined, keep: 'earlier' | 'later'): Date | null {
  if (!a || !b) return a ?? b ?? null;
  return a < b === (keep === 'earlier') ? a : b;
}

/** The call's times once this event is known, whatever order the events came in. */
function mergeTimes(current: CallTimes | null, event: TelephonyEvent): CallTimes {
  // Without a ringing event yet, the first moment heard of stands for the start.
  const firstHeard = event.startedAt ?? event.occurredAt;
  const startedAt = current && current.startedAt < firstHeard ? current.startedAt : firstHeard;
  const answeredAt = pick(current?.answeredAt, event.answeredAt, 'earlier');
  const endedAt = pick(current?.endedAt, event.endedAt, 'later');
  return {
    startedAt,
    answeredAt,
    endedAt,
    // An answer heard of later means the call was not missed after all.
    missed: (Boolean(current?.missed) || event.kind === 'missed') && !answeredAt,
    // Talk time, as in the call log: from the answer to the hang-up.
    durationSeconds: answeredAt && endedAt ? Math.max(0, Math.round((endedAt.getTime() - answeredAt.getTime()) / 1000)) : null,
  };
}

/** Serialises the events of one call, so each merges into the state the previous one left. */
async function lockCall(tx: Prisma.TransactionClient, provider: string, providerCallId: string): Promise<void> {
  await advisoryLock(tx, `call:${provider}:${providerCallId}`);
}

/**
 * Records one event: merges it into its call, opens the call's ticket when the call is
 * over, and pops the caller's card on staff screens while it rings. The delivery is
 * recorded last, once every effect has succeeded: a delivery that failed half-way is not
 * a replay, and its retry redoes the (idempotent) merge and finishes the work.
 */
export async function recordTelephonyEvent(deps: TicketDeps, event: TelephonyEvent): Promise<TelephonyEventOutcome> {
  const { prisma } = deps;
  const fromNumber = normalizePhone(event.fromNumber) ?? event.fromNumber;
  const toNumber = normalizePhone(event.toNumber) ?? event.toNumber;
  const delivery = { provider: event.provider, eventId: event.eventId };
  const merged = await prisma.$transaction(async (tx) => {
    await lockCall(tx, event.provider, event.providerCallId);
    if (await tx.webhookDelivery.findUnique({ where: { provider_eventId: delivery }, select: { eventId: true } })) return null;
    const current = await tx.call.findUnique({
      where: { provider_providerCallId: { provider: event.provider, providerCallId: event.providerCallId } },
    });
    const times = mergeTimes(current, event);
    const customerId = current?.customerId ?? (await findCustomerByPhone(tx, event.direction === 'INBOUND' ? fromNumber : toNumber));
    const agent =
      !current?.answeredById && event.agentEmail
        ? await tx.user.findFirst({ where: { email: event.agentEmail, role: { not: 'CLIENT' } }, select: { id: true } })
        : null;
    const values = { ...times, customerId, ...(agent ? { answeredById: agent.id } : {}) };
    const call = current
      ? await tx.call.update({ where: { id: current.id }, data: values, select: { id: true, ticketId: true } })
      : await tx.call.create({
          data: {
            ...values,
            provider: event.provider,
            providerCallId: event.providerCallId,
            direction: event.direction,
            fromNumber,
            toNumber,
          },
          select: { id: true, ticketId: true },
        });
    return { ...call, ringing: event.kind === 'ringing' && event.direction === 'INBOUND' && !times.answeredAt && !times.endedAt };
  });
  if (!merged) return { status: 'replayed' };

  if (merged.ringing) deps.hub.publish('incomingCall', { callId: merged.id });
  const callOver = event.kind === 'ended' || event.kind === 'missed';
  const ticketId = merged.ticketId ?? (callOver ? (await createTicketFromCall(deps, null, merged.id)).ticketId : null);
  const recorded = await prisma.webhookDelivery.createMany({ data: [delivery], skipDuplicates: true });
  // A concurrent delivery of the same event got here first; the effects are the same, counted once.
  if (recorded.count === 0) return { status: 'replayed' };
  return { status: 'recorded', callId: merged.id, ticketId };
}
