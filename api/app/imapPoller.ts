// Reads the office mailbox over IMAP every minute: each unseen message goes through the
// same intake as the inbound webhook, then is flagged \Seen. Several instances may poll
// one mailbox: intake is idempotent by Message-ID.
import { ImapFlow } from 'imapflow';

export interface ImapPoller {
  /** Takes in the unseen messages once and resolves with how many were taken in. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

interface MailboxAddress {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
}

/** imap://user:password@host:143/INBOX or imaps://…:993/INBOX (user and password URL-encoded). */
export function parseImapUrl(url: string): MailboxAddress {
  const parsed = new URL(url);
  if (parsed.protocol !== 'imap:' && parsed.protocol !== 'imaps:') throw new Error('IMAP_URL must start with imap:// or imaps://');
  const secure = parsed.protocol === 'imaps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    mailbox: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

export function createImapPoller(options: {
  url: string;
  intervalMs: number;
  receive: (raw: Buffer) => Promise<unknown>;
  log?: (message: string, error?: unknown) => void;
}): ImapPoller {
  const address = parseImapUrl(options.url);
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function poll(): Promise<number> {
    const client = new ImapFlow({
      host: address.host,
      port: address.port,
      secure: address.secure,
      auth: { user: address.user, pass: address.password },
      logger: false,
    });
    await client.connect();
    let taken = 0;
    try {
      const lock = await client.getMailboxLock(address.mailbox);
      try {
        const unseen = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of unseen) {
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (!message || !message.source) continue;
          try {
            await options.receive(message.source);
            await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
            taken += 1;
          } catch (error) {
            // Left unseen: the next poll tries again, and the other messages still come in.
            log(`IMAP message ${uid} could not be taken in`, error);
          }
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
    return taken;
  }

  const runOnce = () => {
    running ??= poll().finally(() => {
      running = undefined;
    });
    return running;
  };

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => log('IMAP polling failed', error))
        .finally(schedule);
    }, options.intervalMs);
  }

  return {
    runOnce,
    start() {
      stopped = false;
      void runOnce()
        .catch((error: unknown) => log('IMAP polling failed', error))
        .finally(schedule);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
