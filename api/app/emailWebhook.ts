// POST /webhooks/email/inbound — a raw RFC 822 message from the mail provider's inbound
// route (Mailgun, Postmark, Brevo… "raw MIME" forwarding), signed like every webhook
// (docs/email.md). A message delivered twice is answered as received, once.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { receiveInboundEmail, type InboundEmailDeps } from '../resolvers/receiveInboundEmail.ts';
import type { AppConfig } from './config.ts';
import { reply, verifiedBody } from './webhookHttp.ts';

export const emailWebhookPath = '/webhooks/email/inbound';

/** Large enough for a message with a few phone photos attached. */
const maxInboundEmailBytes = 30 * 1024 * 1024;

export async function handleEmailWebhook(
  request: IncomingMessage,
  response: ServerResponse,
  deps: InboundEmailDeps & { config: AppConfig },
): Promise<void> {
  const raw = await verifiedBody(request, response, {
    name: 'email',
    limits: { prisma: deps.prisma, perMinute: deps.config.webhookRateLimitPerMinute },
    secret: deps.config.emailWebhookSecret,
    secretVariable: 'EMAIL_WEBHOOK_SECRET',
    mediaTypes: ['message/rfc822'],
    maxBytes: maxInboundEmailBytes,
  });
  if (!raw) return;
  const outcome = await receiveInboundEmail(deps, raw);
  reply(response, 200, {
    status: outcome.duplicate ? 'duplicate' : 'received',
    ticketId: outcome.ticketId,
    emailMessageId: outcome.emailMessageId,
  });
}
