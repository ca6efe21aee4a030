// Who is making a request: a logged-in user (session cookie), an integrator (bearer
// API token) or nobody. Sessions and tokens live in the database so any API instance
// can resolve them.
import type { Locale, PrismaClient, Role } from '../generated/prisma/client.ts';
import { hashSecret } from './secrets.ts';
import type { TokenScope } from './tokenScopes.ts';

export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; role: Role; customerId: string | null; locale: Locale; sessionId: string }
  | { kind: 'token'; tokenId: string; scopes: TokenScope[]; createdById: string };

export const sessionCookieName = 'relais_session';
export const sessionLifetimeMs = 30 * 24 * 3600 * 1000;
// Sliding expiry is refreshed at most this often, so reads stay reads.
const sessionTouchIntervalMs = 3600 * 1000;

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export async function resolveViewer(prisma: PrismaClient, headers: Headers): Promise<Viewer> {
  const authorization = headers.get('authorization');
  if (authorization?.startsWith('Bearer ')) return resolveApiToken(prisma, authorization.slice(7).trim());
  const sessionToken = readCookie(headers.get('cookie'), sessionCookieName);
  return sessionToken ? resolveSession(prisma, sessionToken) : { kind: 'anonymous' };
}

async function resolveSession(prisma: PrismaClient, token: string): Promise<Viewer> {
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { id: true, role: true, customerId: true, locale: true, active: true } },
    },
  });
  const now = Date.now();
  if (!session || session.expiresAt.getTime() <= now || !session.user.active) return { kind: 'anonymous' };
  if (now - session.lastSeenAt.getTime() > sessionTouchIntervalMs) {
    await prisma.session.update({
      where: { id: session.id },
      data: { lastSeenAt: new Date(now), expiresAt: new Date(now + sessionLifetimeMs) },
    });
  }
  const { user } = session;
  return { kind: 'user', userId: user.id, role: user.role, customerId: user.customerId, locale: user.locale, sessionId: session.id };
}

async function resolveApiToken(prisma: PrismaClient, token: string): Promise<Viewer> {
  const apiToken = await prisma.apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: {
      id: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdBy: { select: { id: true, active: true, role: true } },
    },
  });
  const now = Date.now();
  if (
    !apiToken ||
    apiToken.revokedAt ||
    (apiToken.expiresAt && apiToken.expiresAt.getTime() <= now) ||
    !apiToken.createdBy.active ||
    apiToken.createdBy.role !== 'MANAGER'
  ) {
    return { kind: 'anonymous' };
  }
  if (!apiToken.lastUsedAt || now - apiToken.lastUsedAt.getTime() > sessionTouchIntervalMs) {
    await prisma.apiToken.update({ where: { id: apiToken.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { kind: 'token', tokenId: apiToken.id, scopes: apiToken.scopes as TokenScope[], createdById: apiToken.createdBy.id };
}
