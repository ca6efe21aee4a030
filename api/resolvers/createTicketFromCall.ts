import type { Viewer } from '../auth/viewer.ts';
import { CallAlreadyLinkedError, createTicket } from './createTicket.ts';
import { NotFoundError } from './errors.ts';
import { formatParisDay, formatParisHour } from './formatParisDate.ts';
import { formatPhoneForDisplay } from './formatPhone.ts';
import type { TicketDeps } from './ticketRules.ts';

/**
 * The ticket of a call, opened if it has none: "Rappeler …" at high priority for a missed
 * call, "Appel entrant/sortant – …" otherwise. Idempotent: the assistant's second click, a
 * replayed webhook or both racing each other all get the one ticket linked to the call.
 * `actor` is null when the telephony webhook opens it.
 */
export async function createTicketFromCall(deps: TicketDeps, actor: Viewer | null, callId: string): Promise<{ ticketId: string }> {
  const call = await deps.prisma.call.findUnique({
    where: { id: callId },
    select: {
      ticketId: true,
      direction: true,
      missed: true,
      fromNumber: true,
      toNumber: true,
      startedAt: true,
      customer: { select: { name: true } },
    },
  });
  if (!call) throw new NotFoundError('Appel', 'Call');
  if (call.ticketId) return { ticketId: call.ticketId };

  const number = formatPhoneForDisplay(call.direction === 'INBOUND' ? call.fromNumber : call.toNumber);
  const who = call.customer?.name ?? number;
  const when = `${formatParisDay(call.startedAt, 'fr')} à ${formatParisHour(call.startedAt, 'fr')}`;
  const ticket = call.missed
    ? {
        subject: `Rappeler ${who}`,
        priority: 'HIGH' as const,
        description: `Appel manqué du ${number}, ${when}.`,
      }
    : {
        subject: `${call.direction === 'INBOUND' ? 'Appel entrant' : 'Appel sortant'} – ${who}`,
        priority: 'NORMAL' as const,
        description: `${call.direction === 'INBOUND' ? 'Appel du' : 'Appel au'} ${number}, ${when}.`,
      };
  try {
    return await createTicket(deps, actor, { source: 'PHONE', callId, ...ticket });
  } catch (error) {
    // Someone else linked a ticket between our read and our write: theirs is the call's ticket.
    if (!(error instanceof CallAlreadyLinkedError)) throw error;
    const linked = await deps.prisma.call.findUniqueOrThrow({ where: { id: callId }, select: { ticketId: true } });
    if (!linked.ticketId) throw error;
    return { ticketId: linked.ticketId };
  }
}
