// Signed webhooks: the sender signs `timestamp + "." + rawBody` with a shared secret
// (HMAC-SHA256), so a changed byte, another secret or a stale capture is refused.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const webhookTimestampHeader = 'x-relais-timestamp';
export const webhookSignatureHeader = 'x-relais-signature';

/** How far the signed timestamp may be from our clock, either way. */
const webhookToleranceSeconds = 5 * 60;

/** The `X-Relais-Signature` value of a body signed at `timestamp` (Unix seconds). */
export function webhookSignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

export type WebhookSignatureCheck =
  | { ok: true }
  | { ok: false; code: 'SIGNATURE_MISSING' | 'TIMESTAMP_INVALID' | 'TIMESTAMP_OUT_OF_TOLERANCE' | 'SIGNATURE_MISMATCH'; message: string };

export function verifyWebhookSignature(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  now?: Date;
}): WebhookSignatureCheck {
  const { secret, timestamp, signature, rawBody, now = new Date() } = input;
  if (!timestamp || !signature) {
    return {
      ok: false,
      code: 'SIGNATURE_MISSING',
      message: `Both ${webhookTimestampHeader} and ${webhookSignatureHeader} headers are required.`,
    };
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, code: 'TIMESTAMP_INVALID', message: `${webhookTimestampHeader} must be a Unix time in seconds.` };
  }
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > webhookToleranceSeconds) {
    return {
      ok: false,
      code: 'TIMESTAMP_OUT_OF_TOLERANCE',
      message: `The signed timestamp is more than ${webhookToleranceSeconds} seconds away from the server's clock.`,
    };
  }
  const expected = Buffer.from(webhookSignature(secret, timestamp, rawBody));
  const given = Buffer.from(signature.trim());
  // The expected length is public (a fixed format); only the bytes must be compared in constant time.
  const matches = given.length === expected.length && timingSafeEqual(given, expected);
  return matches ? { ok: true } : { ok: false, code: 'SIGNATURE_MISMATCH', message: 'The signature does not match the body.' };
}
