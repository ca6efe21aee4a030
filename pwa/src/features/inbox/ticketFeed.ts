import { createSubscription } from '@urql/solid';
import { createLiveQuery } from '../../app/liveQuery';
import { graphql } from '../../gql';
import type { TicketChangeKind, TicketCountersQuery } from '../../gql/graphql';

const TicketFeedSubscription = graphql(`
  subscription TicketFeed {
    ticketChanged {
      change
      ticket {
        id
      }
    }
  }
`);

const TicketCountersQuery = graphql(`
  query TicketCounters {
    ticketCounters {
      open
      mine
      unassigned
      slaAtRisk
    }
  }
`);

/** One of the saved views' counters. */
export type TicketCounter = Exclude<keyof TicketCountersQuery['ticketCounters'], '__typename'>;

export interface TicketChangeEvent {
  ticketId: string;
  change: TicketChangeKind;
}

/** Calls `handler` for every ticket created or changed anywhere, while the calling component lives. */
export function onTicketChanges(handler: (event: TicketChangeEvent) => void): void {
  createSubscription({ query: TicketFeedSubscription }, (_previous, data) => {
    handler({ ticketId: data.ticketChanged.ticket.id, change: data.ticketChanged.change });
    return data;
  });
}

/** The saved views' counters (the inbox badges), fetched again whenever a ticket changes. */
export function createTicketCounters() {
  const live = createLiveQuery({ query: TicketCountersQuery });
  onTicketChanges(() => live.refresh());
  return live;
}
