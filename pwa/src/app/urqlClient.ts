import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange, type CombinedError } from '@urql/core';
import { createClient as createWebSocketClient, type Client as WebSocketClient } from 'graphql-ws';
import { socketEvents } from './connection';

/** The API is on the same origin as the app (Vite proxies it in development). */
const graphqlPath = '/graphql';

function graphqlWebSocketUrl(): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}${graphqlPath}`;
}

/** Waits 1, 2, 4, 8 then 15 s at most between reconnection attempts, with jitter. */
async function reconnectionDelay(retries: number): Promise<void> {
  const delay = Math.min(15_000, 1000 * 2 ** retries) + Math.random() * 1000;
  await new Promise((resolve) => setTimeout(resolve, delay));
}

function isUnauthenticated(error: CombinedError): boolean {
  return error.graphQLErrors.some((graphQLError) => graphQLError.extensions['code'] === 'UNAUTHENTICATED');
}

export interface ApiClient {
  client: Client;
  /** Closes the WebSocket; the client must not be used afterwards. */
  dispose: () => void;
}

/**
 * One urql client per session, so that a sign-out drops every cached result.
 * Queries and mutations go over HTTP with the session cookie and the CSRF header the
 * API requires; subscriptions go over graphql-ws. A signed-in client opens its socket
 * at once: its state tells the user whether the lists they see are live.
 */
export function createApiClient(options: { signedIn: boolean; onUnauthenticated: () => void }): ApiClient {
  let socket: WebSocketClient | undefined;
  // A disposed socket still reports its closing: that must not reach the next session.
  let disposed = false;
  const unlessDisposed = (report: () => void) => () => {
    if (!disposed) report();
  };
  if (options.signedIn) {
    socket = createWebSocketClient({
      url: graphqlWebSocketUrl(),
      lazy: false,
      keepAlive: 20_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      retryWait: reconnectionDelay,
      shouldRetry: () => true,
      on: {
        connecting: unlessDisposed(socketEvents.connecting),
        connected: unlessDisposed(socketEvents.connected),
        closed: unlessDisposed(socketEvents.closed),
      },
    });
  }
  const openSocket = socket;

  const client = new Client({
    url: graphqlPath,
    preferGetMethod: false,
    fetchOptions: { credentials: 'include', headers: { 'x-graphql-csrf': '1' } },
    exchanges: [
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) options.onUnauthenticated();
        },
      }),
      cacheExchange,
      ...(openSocket
        ? [
            subscriptionExchange({
              forwardSubscription(request) {
                const input = { ...request, query: request.query ?? '' };
                return {
                  subscribe(sink) {
                    return { unsubscribe: openSocket.subscribe(input, sink) };
                  },
                };
              },
            }),
          ]
        : []),
      fetchExchange,
    ],
  });

  return {
    client,
    dispose() {
      if (!openSocket) return;
      disposed = true;
      void openSocket.dispose();
      socketEvents.disposed();
    },
  };
}
