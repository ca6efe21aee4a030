import { createSubscription } from '@urql/solid';
import { graphql } from '../../gql';
import type { IncomingCallSubscription } from '../../gql/graphql';

const IncomingCallSubscriptionDocument = graphql(`
  subscription IncomingCall {
    incomingCall {
      id
      direction
      fromNumber
      startedAt
      customer {
        ...CustomerSnapshot
      }
      ticket {
        id
        number
      }
    }
  }
`);

export type RingingCall = IncomingCallSubscription['incomingCall'];

/**
 * Calls `handler` for every call ringing the office, while the calling component lives.
 * Every screen listens through this one document, so urql keeps one subscription for all.
 */
export function onIncomingCall(handler: (call: RingingCall) => void): void {
  createSubscription({ query: IncomingCallSubscriptionDocument }, (_previous, data) => {
    handler(data.incomingCall);
    return data;
  });
}
