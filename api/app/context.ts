import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { AppConfig } from './config.ts';
import type { FileStore } from './fileStore.ts';
import type { Hub } from './hub.ts';
import type { Mailer } from './mailer.ts';

/** What every resolver receives. Built once per request (or per WebSocket subscription). */
export interface Context {
  prisma: PrismaClient;
  hub: Hub;
  mailer: Mailer;
  files: FileStore;
  config: AppConfig;
  viewer: Viewer;
  /** The language user-facing messages are written in. */
  locale: 'fr' | 'en';
  clientIp: string;
  userAgent: string | null;
  /** Set-Cookie values to send with the response (login, logout). */
  responseCookies: string[];
}

export type AppServices = Pick<Context, 'prisma' | 'hub' | 'mailer' | 'files' | 'config'>;
