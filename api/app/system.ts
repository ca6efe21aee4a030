// The whole running system: database, hub, mailer, GraphQL app and its HTTP server.
import path from 'node:path';
import { openDatabase, type Database, type DatabaseOptions } from '../db/database.ts';
import type { AppConfig } from './config.ts';
import { createFileStore, type FileStore } from './fileStore.ts';
import { createHub, type Hub } from './hub.ts';
import { startHttpServer, type RunningHttpServer } from './httpServer.ts';
import { builtInJobHandlers, createJobRunner, type JobRunner } from './jobRunner.ts';
import { createImapPoller } from './imapPoller.ts';
import { createMailer, type Mailer } from './mailer.ts';
import { receiveInboundEmail } from '../resolvers/receiveInboundEmail.ts';
import { installDefaultTemplates } from '../resolvers/installDefaultTemplates.ts';
import { createYogaApp, type YogaApp } from './yoga.ts';

export interface RelaisServices {
  db: Database;
  hub: Hub;
  mailer: Mailer;
  files: FileStore;
  yoga: YogaApp;
}

export function databaseOptionsFor(config: AppConfig): DatabaseOptions {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') };
}

/** Builds the GraphQL app over an open database (no socket). */
export function createServices(db: Database, config: AppConfig): RelaisServices {
  const hub = createHub(config.redisUrl);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: path.join(config.dataDir, 'outbox') });
  const files = createFileStore(path.join(config.dataDir, 'files'));
  const yoga = createYogaApp({ prisma: db.prisma, hub, mailer, files, config });
  return { db, hub, mailer, files, yoga };
}

export interface RunningSystem extends RelaisServices {
  http: RunningHttpServer;
  jobs: JobRunner;
  close(): Promise<void>;
}

export async function startSystem(config: AppConfig, db?: Database): Promise<RunningSystem> {
  const database = db ?? (await openDatabase(databaseOptionsFor(config)));
  const services = createServices(database, config);
  await installDefaultTemplates(database.prisma);
  const http = await startHttpServer(services, config);
  const jobs = createJobRunner({
    prisma: database.prisma,
    handlers: builtInJobHandlers({ prisma: database.prisma, mailer: services.mailer, files: services.files, config }),
    pollIntervalMs: config.jobPollIntervalMs,
    wakeUps: services.hub.subscribe('jobsDue'),
  });
  jobs.start();
  const imap = config.imapUrl
    ? createImapPoller({
        url: config.imapUrl,
        intervalMs: config.imapPollIntervalMs,
        receive: (raw) => receiveInboundEmail({ prisma: database.prisma, hub: services.hub, files: services.files }, raw),
      })
    : undefined;
  imap?.start();
  return {
    ...services,
    http,
    jobs,
    async close() {
      await imap?.stop();
      await jobs.stop();
      await http.close();
      await services.hub.close();
      await database.close();
    },
  };
}
