// The WebSocket subscribers of the push-latency benchmark, run in their own process so
// that parsing 200 copies of each push does not steal the server's CPU time.
// Protocol over IPC: the parent sends { url, count, query, variables }; this process
// answers { ready } once every subscriber is connected, then { round, receivedAt[] }
// each time every subscriber has received one more event (absolute times in ms).
import { createClient } from 'graphql-ws';
import { webSocketWithHeaders } from '../api/test/graphqlWs.ts';

export interface SubscribersRequest {
  url: string;
  count: number;
  query: string;
  variables: Record<string, unknown>;
  /** Sent with each WebSocket upgrade (a session cookie for staff-only subscriptions). */
  headers?: Record<string, string>;
}

export type SubscribersMessage = { kind: 'ready' } | { kind: 'round'; receivedAt: number[] };

const now = () => performance.timeOrigin + performance.now();
const send = (message: SubscribersMessage) => process.send!(message);

process.once('message', (request: SubscribersRequest) => {
  let connected = 0;
  let round: number[] = [];
  const clients = Array.from({ length: request.count }, () =>
    createClient({
      url: request.url,
      webSocketImpl: webSocketWithHeaders(request.headers ?? {}),
      retryAttempts: 0,
      lazy: false,
      on: {
        connected: () => {
          connected += 1;
          // graphql-ws subscribes right after connecting; the short wait lets the server register them all.
          if (connected === request.count) setTimeout(() => send({ kind: 'ready' }), 1000);
        },
      },
    }),
  );
  for (const client of clients) {
    client.subscribe(
      { query: request.query, variables: request.variables },
      {
        next: () => {
          round.push(now());
          if (round.length === request.count) {
            send({ kind: 'round', receivedAt: round });
            round = [];
          }
        },
        error: (error: unknown) => console.error(error),
        complete: () => {},
      },
    );
  }
  process.once('disconnect', () => {
    for (const client of clients) void client.dispose();
    process.exit(0);
  });
});
