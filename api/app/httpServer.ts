// Binds the GraphQL app to one port: HTTP (queries, mutations, SSE), graphql-ws
// WebSocket subscriptions on the same path, /health, the webhooks, and the built PWA.
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useServer } from 'graphql-ws/use/ws';
import type { ExecutionArgs } from 'graphql';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import { resolveViewer } from '../auth/viewer.ts';
import { buildTechnicianFeed } from '../resolvers/buildTechnicianFeed.ts';
import { readDocumentFile } from '../resolvers/readDocumentFile.ts';
import type { AppConfig } from './config.ts';
import type { RelaisServices } from './system.ts';
import { emailWebhookPath, handleEmailWebhook } from './emailWebhook.ts';
import { handleTelephonyWebhook, telephonyWebhookPath } from './telephonyWebhook.ts';
import { headersOf } from './yoga.ts';

export interface RunningHttpServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

// Paths the API owns; everything else is the PWA (with index.html as the fallback route).
const apiPathPrefixes = ['/graphql', '/health', '/files/', '/ics/', '/webhooks/'];

/** Browsers send Origin on WebSocket upgrades; a page from another site must not ride on our cookie. */
function originAllowed(request: IncomingMessage, config: AppConfig): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    const originHost = new URL(origin).host;
    return originHost === request.headers.host || origin === config.publicUrl;
  } catch {
    return false;
  }
}

export async function startHttpServer(
  services: Pick<RelaisServices, 'yoga' | 'db' | 'hub' | 'files'>,
  config: AppConfig,
  port = config.port,
): Promise<RunningHttpServer> {
  const { yoga, db, hub, files } = services;
  const servePwa =
    config.pwaDistDir && existsSync(config.pwaDistDir)
      ? sirv(config.pwaDistDir, {
          single: true,
          etag: true,
          // Hashed assets never change; index.html and the service worker must always be revalidated.
          setHeaders: (response, pathname) => {
            response.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
          },
        })
      : undefined;

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/health') {
      const healthy = await db.sql.query('SELECT 1').then(
        () => true,
        () => false,
      );
      response.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify({ status: healthy ? 'ok' : 'database unavailable', database: db.kind }));
      return;
    }
    if (path.startsWith('/graphql')) {
      await yoga.handle(request, response, { socketIp: request.socket.remoteAddress });
      return;
    }
    // The token is the only credential (calendar apps send no cookie); an unknown one gets the plain 404 below.
    const feedToken = /^\/ics\/technician\/([\w-]+)\.ics$/.exec(path)?.[1];
    if (feedToken && (request.method === 'GET' || request.method === 'HEAD')) {
      const calendar = await buildTechnicianFeed(db.prisma, feedToken);
      if (calendar) {
        response.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' });
        response.end(request.method === 'HEAD' ? undefined : calendar);
        return;
      }
    }
    const documentId = /^\/files\/documents\/([\w-]+)$/.exec(path)?.[1];
    if (documentId && (request.method === 'GET' || request.method === 'HEAD')) {
      const viewer = await resolveViewer(db.prisma, headersOf({ req: request }));
      const file = await readDocumentFile({ prisma: db.prisma, files }, viewer, documentId);
      if (file) {
        // Files come from customers' e-mails too: only PDFs and photos are shown in the page, and nothing they hold may run.
        const inline = /^(application\/pdf|image\/(jpeg|png|webp))$/.test(file.mimeType);
        response.writeHead(200, {
          'content-type': file.mimeType,
          'content-length': String(file.content.length),
          'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-cache',
        });
        response.end(request.method === 'HEAD' ? undefined : file.content);
        return;
      }
    }
    const telephonyProvider = telephonyWebhookPath.exec(path)?.[1];
    if (telephonyProvider) {
      await handleTelephonyWebhook(request, response, telephonyProvider, { prisma: db.prisma, hub, config });
      return;
    }
    if (path === emailWebhookPath) {
      await handleEmailWebhook(request, response, { prisma: db.prisma, hub, files, config });
      return;
    }
    if (servePwa && !apiPathPrefixes.some((prefix) => path.startsWith(prefix))) {
      servePwa(request, response, () => {
        response.writeHead(404).end();
      });
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('request failed', error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  const wsServer = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/graphql' || !originAllowed(request, config)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wsServer.handleUpgrade(request, socket, head, (ws) => wsServer.emit('connection', ws, request));
  });

  type EnvelopedRoot = { execute: (args: ExecutionArgs) => unknown; subscribe: (args: ExecutionArgs) => unknown };
  const wsDisposable = useServer(
    {
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args) as never,
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args) as never,
      onSubscribe: async (ctx, _id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        const args = {
          schema,
          operationName: params.operationName,
          document: parse(params.query),
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        return args;
      },
    },
    wsServer,
  );

  await new Promise<void>((resolve) => server.listen(port, resolve));
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://localhost:${address.port}`,
    async close() {
      await wsDisposable.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
