// The GraphQL app, independent of any socket: tests call `yoga.fetch` in-process,
// app/httpServer.ts binds it to HTTP and WebSocket.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createFetch } from '@whatwg-node/fetch';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import { DomainError, ValidationError } from '../resolvers/errors.ts';
import type { IncomingMessage } from 'node:http';
import { resolveViewer } from '../auth/viewer.ts';
import { schema } from '../schema/schema.ts';
import type { AppServices, Context } from './context.ts';
import { useSharedSubscriptionResults } from './sharedSubscriptionResults.ts';

/** What the WebSocket transport passes instead of a Fetch Request. */
interface SocketServerContext {
  req: IncomingMessage;
}

export const csrfHeader = 'x-graphql-csrf';

/**
 * Multipart uploads are cut off while being read, so that no request can fill the
 * memory: a little above the largest file a use case accepts (a 10 MB photo), which
 * therefore still gets its own typed "too large" answer.
 */
const uploadLimits = { fileSize: 12_000_000, files: 1, fieldSize: 1_000_000 };

export function headersOf(serverContext: { request?: Request } & Partial<SocketServerContext>): Headers {
  if (serverContext.request) return serverContext.request.headers;
  const headers = new Headers();
  for (const [name, value] of Object.entries(serverContext.req?.headers ?? {})) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  }
  return headers;
}

export function clientIpOf(headers: Headers, serverContext: Partial<SocketServerContext> & { socketIp?: string }): string {
  // Behind a proxy the first X-Forwarded-For hop is the client; only trusted when TRUST_PROXY is set.
  if (process.env.TRUST_PROXY) {
    const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return serverContext.socketIp ?? serverContext.req?.socket.remoteAddress ?? 'unknown';
}

function preferredLocale(headers: Headers): 'fr' | 'en' {
  return headers.get('accept-language')?.trim().toLowerCase().startsWith('en') ? 'en' : 'fr';
}

const responseCookiesByRequest = new WeakMap<Request, string[]>();

/** Sends the Set-Cookie values resolvers asked for (login, logout). */
const useResponseCookies: Plugin = {
  onResponse({ request, response }) {
    for (const cookie of responseCookiesByRequest.get(request) ?? []) response.headers.append('set-cookie', cookie);
  },
};

export function createYogaApp(services: AppServices) {
  return createYoga<{ socketIp?: string } & Partial<SocketServerContext>, Context>({
    schema,
    fetchAPI: createFetch({ formDataLimits: uploadLimits }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: !services.config.production,
    maskedErrors: {
      // Queries have no error unions: a domain error (bad input, not found) still reaches the
      // client as a typed error with both messages; anything unexpected stays masked.
      maskError: (error, message, isDev) => {
        const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
        if (original instanceof DomainError) {
          return new GraphQLError(original.messageEn, {
            extensions: {
              code: original.code,
              messageFr: original.messageFr,
              messageEn: original.messageEn,
              ...(original instanceof ValidationError ? { issues: original.issues } : {}),
            },
          });
        }
        // Unexpected: logged in full for the operators, masked for the client.
        if (!(original instanceof GraphQLError)) console.error('Unexpected error in a resolver:', original);
        return maskError(error, message, isDev);
      },
    },
    // Unexpected resolver errors are logged by maskError below; the rest is noise unless debugging.
    logging: process.env.RELAIS_LOG === 'debug' ? 'debug' : false,
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: 10 },
        costLimit: { maxCost: 5000 },
        maxAliases: { n: 15 },
        maxDirectives: { n: 20 },
        maxTokens: { n: 5000 },
      }),
      useCSRFPrevention({ requestHeaders: [csrfHeader] }),
      useResponseCookies,
      useSharedSubscriptionResults(),
    ],
    context: async (serverContext) => {
      const headers = headersOf(serverContext);
      const viewer = await resolveViewer(services.prisma, headers);
      const responseCookies: string[] = [];
      if (serverContext.request) responseCookiesByRequest.set(serverContext.request, responseCookies);
      return {
        ...services,
        viewer,
        locale: viewer.kind === 'user' ? viewer.locale : preferredLocale(headers),
        clientIp: clientIpOf(headers, serverContext),
        userAgent: headers.get('user-agent'),
        responseCookies,
      };
    },
  });
}

export type YogaApp = ReturnType<typeof createYogaApp>;
