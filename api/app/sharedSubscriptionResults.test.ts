// Subscribers of one operation, variables and audience share one execution per event;
// other audiences, other variables and personal fields each get their own.
import { GraphQLError, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { createPubSub, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/viewer.ts';
import type { Context } from './context.ts';
import { audienceOfRole, useSharedSubscriptionResults } from './sharedSubscriptionResults.ts';

function createTickApp() {
  const pubsub = createPubSub<{ tick: [payload: { at: number }] }>();
  const executions: string[] = [];
  let subscribed = 0;
  const tickField = (name: string, shared: boolean) => ({
    type: new GraphQLNonNull(GraphQLString),
    args: { label: { type: new GraphQLNonNull(GraphQLString) } },
    extensions: shared ? { sharedResultAudience: audienceOfRole } : {},
    subscribe: (_root: unknown, args: { label: string }) => {
      if (args.label === 'refused') throw new GraphQLError('refused');
      subscribed += 1;
      return pubsub.subscribe('tick');
    },
    resolve: (event: { at: number }, args: { label: string }, context: Pick<Context, 'viewer'>) => {
      executions.push(`${name}:${args.label}`);
      return `${args.label}@${event.at} for ${audienceOfRole(context) ?? ''}`;
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString, resolve: () => 'ok' } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: { sharedTick: tickField('shared', true), personalTick: tickField('personal', false) },
    }),
  });
  const yoga = createYoga<Record<string, never>, Pick<Context, 'viewer'>>({
    schema,
    plugins: [useSharedSubscriptionResults()],
    context: ({ request }) => ({
      viewer: (request.headers.get('x-role') === 'ASSISTANT'
        ? { kind: 'user', userId: 'u', role: 'ASSISTANT', customerId: null, locale: 'fr', sessionId: 's' }
        : { kind: 'anonymous' }) satisfies Viewer,
    }),
  });
  return { yoga, pubsub, executions, subscribedCount: () => subscribed };
}

async function firstEvent(response: Response): Promise<unknown> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('stream ended before an event');
    buffered += value;
    const data = /^data: (.+)$/m.exec(buffered);
    if (data) {
      await reader.cancel();
      return JSON.parse(data[1]!);
    }
  }
}

describe('shared subscription results', () => {
  it('executes once per operation, variables and audience, and never mixes audiences', async () => {
    const app = createTickApp();
    const subscribe = (query: string, role?: string) =>
      app.yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(role ? { 'x-role': role } : {}) },
        body: JSON.stringify({ query }),
      });
    const responses = await Promise.all([
      subscribe('subscription { sharedTick(label: "a") }'),
      subscribe('subscription { sharedTick(label: "a") }'),
      subscribe('subscription { sharedTick(label: "a") }'),
      subscribe('subscription { sharedTick(label: "a") }', 'ASSISTANT'),
      subscribe('subscription { sharedTick(label: "b") }'),
      subscribe('subscription { personalTick(label: "a") }'),
      subscribe('subscription { personalTick(label: "a") }'),
    ]);
    const events = responses.map(firstEvent);
    while (app.subscribedCount() < responses.length) await new Promise((resolve) => setTimeout(resolve, 5));

    app.pubsub.publish('tick', { at: 1 });

    expect(await Promise.all(events)).toEqual([
      { data: { sharedTick: 'a@1 for anonymous' } },
      { data: { sharedTick: 'a@1 for anonymous' } },
      { data: { sharedTick: 'a@1 for anonymous' } },
      { data: { sharedTick: 'a@1 for role:ASSISTANT' } },
      { data: { sharedTick: 'b@1 for anonymous' } },
      { data: { personalTick: 'a@1 for anonymous' } },
      { data: { personalTick: 'a@1 for anonymous' } },
    ]);
    expect(app.executions.sort()).toEqual(['personal:a', 'personal:a', 'shared:a', 'shared:a', 'shared:b']);
  });

  it('answers subscribe-time errors without subscribing', async () => {
    const app = createTickApp();
    const response = await app.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { sharedTick(label: "refused") }' }),
    });
    expect(await firstEvent(response)).toMatchObject({ errors: [{ message: 'refused' }] });
    expect(app.subscribedCount()).toBe(0);
  });
});
