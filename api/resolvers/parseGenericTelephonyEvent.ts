// The generic telephony webhook format (docs/telephony.md): one JSON object per call event,
// for any telephony system that can post JSON, or a small relay in front of one.
import { z } from 'zod';
import { parseInput } from './errors.ts';
import { emailRule } from './inputRules.ts';
import type { TelephonyEvent } from './recordTelephonyEvent.ts';

const identifierRule = z
  .string()
  .trim()
  .min(1, 'Identifiant obligatoire.|Identifier required.')
  .max(200, 'Identifiant trop long.|Identifier too long.');
const numberRule = z.string().trim().min(1, 'Numéro obligatoire.|Number required.').max(40, 'Numéro trop long.|Number too long.');

const genericEventSchema = z.object({
  eventId: identifierRule,
  type: z.enum(['ringing', 'answered', 'ended', 'missed'], 'Type d’événement inconnu.|Unknown event type.'),
  callId: identifierRule,
  direction: z.enum(['inbound', 'outbound'], 'Sens d’appel inconnu.|Unknown call direction.'),
  from: numberRule,
  to: numberRule,
  timestamp: z.iso
    .datetime({ offset: true, error: 'Date ISO 8601 attendue.|An ISO 8601 date-time is expected.' })
    .transform((value) => new Date(value)),
  agentEmail: emailRule.nullish(),
});

export function parseGenericTelephonyEvent(body: unknown): TelephonyEvent {
  const event = parseInput(genericEventSchema, body);
  return {
    provider: 'generic',
    eventId: event.eventId,
    kind: event.type,
    providerCallId: event.callId,
    direction: event.direction === 'inbound' ? 'INBOUND' : 'OUTBOUND',
    fromNumber: event.from,
    toNumber: event.to,
    occurredAt: event.timestamp,
    // Each event dates one moment of the call; the others come from the call's other events.
    startedAt: event.type === 'ringing' ? event.timestamp : null,
    answeredAt: event.type === 'answered' ? event.timestamp : null,
    endedAt: event.type === 'ended' || event.type === 'missed' ? event.timestamp : null,
    agentEmail: event.agentEmail ?? null,
  };
}
