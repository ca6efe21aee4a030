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
  /** HMAC secrets of the telephony webhooks, per provider; a missing one turns that provider's route off. */
  telephonyWebhookSecrets: TelephonyWebhookSecrets;
  /** HMAC secret of POST /webhooks/email/inbound; missing turns the route off. */
  emailWebhookSecret: string | undefined;
  /** The mailbox the office's e-mail is read from (imap:// or imaps://user:password@host/INBOX); none: no polling. */
  imapUrl: string | undefined;
  imapPollIntervalMs: number;
  /** Deliveries accepted per webhook route and sender address each minute. */
  webhookRateLimitPerMinute: number;
}

interface TelephonyWebhookSecrets {
  generic: string | undefined;
  aircall: string | undefined;
}

/** Published in docs/email.md so that a developer can post test messages; never used in production. */
export const developmentEmailWebhookSecret = 'relais-dev-email-inbound';

/** Published in docs/telephony.md so that a developer can sign test calls; never used in production. */
export const developmentTelephonySecrets = {
  generic: 'relais-dev-telephony-generic',
  aircall: 'relais-dev-telephony-aircall',
} as const satisfies TelephonyWebhookSecrets;

const repoRoot = path.resolve(import.meta.dirname, '../..');

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  const production = env.NODE_ENV === 'production';
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
    production,
    jobPollIntervalMs: Number(env.RELAIS_JOB_POLL_SECONDS) > 0 ? Number(env.RELAIS_JOB_POLL_SECONDS) * 1000 : 15_000,
    telephonyWebhookSecrets: {
      generic: env.TELEPHONY_GENERIC_SECRET || (production ? undefined : developmentTelephonySecrets.generic),
      aircall: env.TELEPHONY_AIRCALL_SECRET || (production ? undefined : developmentTelephonySecrets.aircall),
    },
    emailWebhookSecret: env.EMAIL_WEBHOOK_SECRET || (production ? undefined : developmentEmailWebhookSecret),
    imapUrl: env.IMAP_URL || undefined,
    imapPollIntervalMs: Number(env.IMAP_POLL_SECONDS) > 0 ? Number(env.IMAP_POLL_SECONDS) * 1000 : 60_000,
    webhookRateLimitPerMinute: Number(env.WEBHOOK_RATE_LIMIT_PER_MINUTE) > 0 ? Number(env.WEBHOOK_RATE_LIMIT_PER_MINUTE) : 600,
  };
}
