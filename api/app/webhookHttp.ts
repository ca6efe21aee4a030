// What every signed webhook route shares: JSON answers, a bounded body, and the checks
// that run before anything is parsed (method, secret, media type, size, signature).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { RateLimitedError } from '../resolvers/errors.ts';
import { consumeRateLimit } from '../resolvers/rateLimit.ts';
import { clientIpOf, headersOf } from './yoga.ts';
import { verifyWebhookSignature, webhookSignatureHeader, webhookTimestampHeader } from '../resolvers/verifyWebhookSignature.ts';

export function reply(response: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

export function refuse(response: ServerResponse, status: number, code: string, message: string, extra: object = {}): void {
  reply(response, status, { error: { code, message, ...extra } }, status === 413 ? { connection: 'close' } : {});
}

/** The body, or null once it exceeds `limit` bytes (the rest is left unread). */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The raw body of a webhook delivery that passed every check, or null once a refusal has
 * been answered. Without a secret the route is off: unsigned, anyone could post to it.
 */
export async function verifiedBody(
  request: IncomingMessage,
  response: ServerResponse,
  route: {
    name: string;
    secret: string | undefined;
    secretVariable: string;
    mediaTypes: string[];
    maxBytes: number;
    limits: { prisma: PrismaClient; perMinute: number };
  },
): Promise<Buffer | null> {
  if (request.method !== 'POST') {
    refuse(response, 405, 'METHOD_NOT_ALLOWED', 'Webhooks are delivered with POST.');
    return null;
  }
  // Counted before any work on the body, so that a flood costs one counter update per request.
  try {
    await consumeRateLimit(route.limits.prisma, [
      {
        key: `webhook:${route.name}:${clientIpOf(headersOf({ req: request }), { req: request })}`,
        limit: route.limits.perMinute,
        windowSeconds: 60,
      },
    ]);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    response.setHeader('retry-after', String(error.retryAfterSeconds));
    refuse(response, 429, error.code, error.messageEn);
    return null;
  }
  if (!route.secret) {
    refuse(response, 503, 'WEBHOOK_NOT_CONFIGURED', `Set ${route.secretVariable} to receive these deliveries.`);
    return null;
  }
  const mediaType = header(request, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (!mediaType || !route.mediaTypes.includes(mediaType)) {
    refuse(response, 415, 'UNSUPPORTED_MEDIA_TYPE', `The body must be ${route.mediaTypes.join(' or ')}.`);
    return null;
  }
  const tooLarge = () => refuse(response, 413, 'PAYLOAD_TOO_LARGE', `The body must not exceed ${route.maxBytes} bytes.`);
  const rawBody = Number(header(request, 'content-length') ?? 0) > route.maxBytes ? null : await readBody(request, route.maxBytes);
  if (!rawBody) {
    tooLarge();
    return null;
  }
  const signature = verifyWebhookSignature({
    secret: route.secret,
    timestamp: header(request, webhookTimestampHeader),
    signature: header(request, webhookSignatureHeader),
    rawBody,
  });
  if (!signature.ok) {
    refuse(response, 401, signature.code, signature.message);
    return null;
  }
  return rawBody;
}
