// Aircall's webhook payload (developer.aircall.io, "Webhooks" and "Call" objects):
// { resource, event, timestamp, token, data: <call> }, times in Unix seconds.
import { z } from 'zod';
import { parseInput } from './errors.ts';
import type { TelephonyEvent, TelephonyEventKind } from './recordTelephonyEvent.ts';

const unixSeconds = z
  .number('Horodatage Unix attendu.|A Unix timestamp is expected.')
  .int()
  .nonnegative()
  .transform((seconds) => new Date(seconds * 1000));

const envelopeSchema = z.object({
  resource: z.string(),
  event: z.string(),
  timestamp: unixSeconds,
  data: z.unknown(),
});

const aircallCallSchema = z.object({
  id: z.union([z.number().int(), z.string().min(1).max(100)]).transform(String),
  direction: z.enum(['inbound', 'outbound'], 'Sens d’appel inconnu.|Unknown call direction.'),
  // The other party's number, international format; "anonymous" for a hidden caller id.
  raw_digits: z.string().trim().min(1).max(40),
  started_at: unixSeconds,
  answered_at: unixSeconds.nullish(),
  ended_at: unixSeconds.nullish(),
  missed_call_reason: z.string().nullish(),
  user: z.object({ email: z.string().nullish() }).nullish(),
  // The Aircall line that took or made the call.
  number: z.object({ digits: z.string().trim().min(1).max(40) }),
});

/** Call events Relais acts on; the others (tags, comments, transfers, hang-up before post-processing…) are acknowledged and ignored. */
const eventKinds: Record<string, (call: z.output<typeof aircallCallSchema>) => TelephonyEventKind> = {
  'call.created': () => 'ringing',
  'call.ringing_on_agent': () => 'ringing',
  'call.answered': () => 'answered',
  // call.ended comes about 30 s after hang-up with the final data, missed_call_reason included.
  'call.ended': (call) => (call.missed_call_reason || (call.direction === 'inbound' && !call.answered_at) ? 'missed' : 'ended'),
};

/** The call event an Aircall webhook carries, or null for an event Relais does not act on. */
export function parseAircallEvent(body: unknown): TelephonyEvent | null {
  const envelope = parseInput(envelopeSchema, body);
  const kindOf = eventKinds[envelope.event];
  if (envelope.resource !== 'call' || !kindOf) return null;
  const call = parseInput(aircallCallSchema, envelope.data);
  const line = call.number.digits;
  return {
    provider: 'aircall',
    // Aircall events carry no id of their own; event, call and emission time identify one delivery.
    eventId: `${envelope.event}:${call.id}:${envelope.timestamp.getTime() / 1000}`,
    kind: kindOf(call),
    providerCallId: call.id,
    direction: call.direction === 'inbound' ? 'INBOUND' : 'OUTBOUND',
    fromNumber: call.direction === 'inbound' ? call.raw_digits : line,
    toNumber: call.direction === 'inbound' ? line : call.raw_digits,
    occurredAt: envelope.timestamp,
    startedAt: call.started_at,
    answeredAt: call.answered_at ?? null,
    endedAt: call.ended_at ?? null,
    agentEmail: call.user?.email?.toLowerCase() ?? null,
  };
}
