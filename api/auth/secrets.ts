import { createHash, randomBytes } from 'node:crypto';

/** A random secret for cookies, reset links and API tokens (256 bits). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores instead of a secret: a leaked table does not leak live credentials. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
