// graphql-ws clients for tests on a real port, authenticated like a browser (cookie header).
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';

export function webSocketWithHeaders(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}

/** The first event of a subscription (rejected on a GraphQL error), and how to stop listening. */
export function nextEvent<T>(client: Client, query: string): { result: Promise<T>; dispose: () => void } {
  let dispose = () => {};
  const result = new Promise<T>((resolve, reject) => {
    dispose = client.subscribe<T>(
      { query },
      {
        next: (value) => (value.errors ? reject(new Error(JSON.stringify(value.errors))) : resolve(value.data as T)),
        error: reject,
        complete: () => {},
      },
    );
  });
  return { result, dispose: () => dispose() };
}
