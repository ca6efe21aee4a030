import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange, type CombinedError } from '@urql/core';
import { createClient as createWebSocketClient } from 'graphql-ws';
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
 * at once: its state tells the user whether the lists they see are live. A visitor's
 * client opens it only while a screen subscribes (the public booking page's live slots).
 */
export function createApiClient(options: { signedIn: boolean; onUnauthenticated: () => void }): ApiClient {
  // A disposed socket still reports its closing: that must not reach the next session.
  let disposed = false;
  let activeSubscriptions = 0;
  const lazy = !options.signedIn;
  const unlessDisposed = (report: () => void) => () => {
    if (!disposed) report();
  };
  const socket = createWebSocketClient({
    url: graphqlWebSocketUrl(),
    lazy,
    lazyCloseTimeout: 1000,
    keepAlive: 20_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait: reconnectionDelay,
    shouldRetry: () => true,
    on: {
      connecting: unlessDisposed(socketEvents.connecting),
      connected: unlessDisposed(socketEvents.connected),
      // A lazy socket closing after its last subscription is done, not offline.
      closed: unlessDisposed(() => (lazy && activeSubscriptions === 0 ? socketEvents.disposed() : socketEvents.closed())),
    },
  });

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
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              activeSubscriptions += 1;
              const unsubscribe = socket.subscribe(input, sink);
              return {
                unsubscribe() {
                  activeSubscriptions -= 1;
                  unsubscribe();
                },
              };
            },
          };
        },
      }),
      fetchExchange,
    ],
  });

  return {
    client,
    dispose() {
      disposed = true;
      void socket.dispose();
      socketEvents.disposed();
    },
  };
}
