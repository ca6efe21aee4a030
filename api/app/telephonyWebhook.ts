// POST /webhooks/telephony/:provider — signed call events from the telephony system
// (docs/telephony.md). Every refusal answers JSON `{ error: { code, message } }` and writes nothing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { ValidationError } from '../resolvers/errors.ts';
import { parseAircallEvent } from '../resolvers/parseAircallEvent.ts';
import { parseGenericTelephonyEvent } from '../resolvers/parseGenericTelephonyEvent.ts';
import { recordTelephonyEvent, type TelephonyEvent, type TelephonyProvider } from '../resolvers/recordTelephonyEvent.ts';
import type { AppConfig } from './config.ts';
import type { Hub } from './hub.ts';
import { refuse, reply, verifiedBody } from './webhookHttp.ts';

export const telephonyWebhookPath = /^\/webhooks\/telephony\/([\w-]+)$/;

/** A call event is a few kilobytes; anything far larger is not one. */
const maxTelephonyWebhookBytes = 64 * 1024;

const parsers: Record<TelephonyProvider, (body: unknown) => TelephonyEvent | null> = {
  generic: parseGenericTelephonyEvent,
  aircall: parseAircallEvent,
};

function isProvider(name: string): name is TelephonyProvider {
  return Object.hasOwn(parsers, name);
}

export async function handleTelephonyWebhook(
  request: IncomingMessage,
  response: ServerResponse,
  providerName: string,
  deps: { prisma: PrismaClient; hub: Hub; config: AppConfig },
): Promise<void> {
  if (!isProvider(providerName)) return refuse(response, 404, 'UNKNOWN_PROVIDER', `No telephony provider named "${providerName}".`);
  const rawBody = await verifiedBody(request, response, {
    name: `telephony:${providerName}`,
    limits: { prisma: deps.prisma, perMinute: deps.config.webhookRateLimitPerMinute },
    secret: deps.config.telephonyWebhookSecrets[providerName],
    secretVariable: `TELEPHONY_${providerName.toUpperCase()}_SECRET`,
    mediaTypes: ['application/json'],
    maxBytes: maxTelephonyWebhookBytes,
  });
  if (!rawBody) return;

  let event: TelephonyEvent | null;
  try {
    event = parsers[providerName](JSON.parse(rawBody.toString('utf8')));
  } catch (error) {
    if (error instanceof SyntaxError) return refuse(response, 400, 'INVALID_JSON', 'The body is not valid JSON.');
    if (error instanceof ValidationError) return refuse(response, 400, 'INVALID_EVENT', error.messageEn, { issues: error.issues });
    throw error;
  }
  if (!event) return reply(response, 202, { status: 'ignored' });

  const outcome = await recordTelephonyEvent(deps, event);
  if (outcome.status === 'replayed') {
    return refuse(response, 409, 'REPLAYED', `Event ${event.eventId} has already been processed.`);
  }
  reply(response, 200, outcome);
}
