import type { PrismaClient } from '../generated/prisma/client.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { sessionCookieName, sessionLifetimeMs } from './viewer.ts';

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

export interface OpenedSession {
  id: string;
  token: string;
  expiresAt: Date;
}

export async function openSession(prisma: PrismaClient, userId: string, meta: RequestMeta): Promise<OpenedSession> {
  const token = newSecret();
  const expiresAt = new Date(Date.now() + sessionLifetimeMs);
  const { id } = await prisma.session.create({
    data: { tokenHash: hashSecret(token), userId, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 500) ?? null },
    select: { id: true },
  });
  return { id, token, expiresAt };
}

export function sessionCookie(session: OpenedSession | null, secure: boolean): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])];
  if (!session) return [`${sessionCookieName}=`, 'Max-Age=0', ...attributes].join('; ');
  const maxAge = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
  return [`${sessionCookieName}=${session.token}`, `Max-Age=${maxAge}`, ...attributes].join('; ');
}
