import path from 'node:path';

export interface AppConfig {
  port: number;
  /** Base URL people reach the app at (links in e-mails). */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Built PWA served on the same port; undefined serves the API only. */
  pwaDistDir: string | undefined;
  /** Cookies are marked Secure when the public URL is https. */
  secureCookies: boolean;
  production: boolean;
  /** How often each instance looks for due scheduled actions (reminders…). */
  jobPollIntervalMs: number;
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    port,
    publicUrl,
    dataDir: path.resolve(env.RELAIS_DATA_DIR ?? path.join(repoRoot, 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Duret Électricité <contact@duret-electricite.fr>',
    pwaDistDir: env.PWA_DIST_DIR ?? path.join(repoRoot, 'pwa/dist'),
    secureCookies: publicUrl.startsWith('https://'),
    production: env.NODE_ENV === 'production',
    jobPollIntervalMs: Number(env.RELAIS_JOB_POLL_SECONDS) > 0 ? Number(env.RELAIS_JOB_POLL_SECONDS) * 1000 : 15_000,
  };
}
