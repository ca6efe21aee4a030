// The pub/sub hub: in memory for one instance, Redis when REDIS_URL is set so that
// every API instance's subscribers see every instance's events.
import { createPubSub } from 'graphql-yoga';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { setMaxListeners } from 'node:events';
import { Redis } from 'ioredis';

export interface HubEvents {
  [topic: string]: [payload: unknown] | [id: string, payload: unknown];
  customerChanged: [payload: { customerId: string }];
  /** Scheduled actions were queued to run now: job runners look at once instead of at their next poll. */
  jobsDue: [payload: Record<string, never>];
  /** A call is ringing the office (telephony webhook): staff screens pop the caller's card. */
  incomingCall: [payload: { callId: string }];
  /** Something changed the free time of these technicians in this period (ISO instants: payloads cross Redis as JSON). */
  availabilityChanged: [payload: AvailabilityChange];
  appointmentChanged: [payload: { appointmentId: string; ranges: { from: string; to: string }[] }];
  /** A ticket was created, or changed in any way its inbox row or timeline shows. */
  ticketChanged: [payload: TicketChange];
}

export interface AvailabilityChange {
  technicianIds: string[];
  from: string;
  to: string;
}

export interface TicketChange {
  ticketId: string;
  change: 'CREATED' | 'UPDATED';
}

export type Hub = ReturnType<typeof createPubSub<HubEvents>> & { close(): Promise<void> };

export function createHub(redisUrl: string | undefined): Hub {
  if (!redisUrl) {
    // Every open booking page and planning board is one listener: far more than Node's default warning threshold of 10.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return Object.assign(createPubSub<HubEvents>({ eventTarget }), { close: async () => undefined });
  }
  const publishClient = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const subscribeClient = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const pubsub = createPubSub<HubEvents>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return Object.assign(pubsub, {
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  });
}
