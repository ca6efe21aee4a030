// Hundreds of customers watch the same booking page: when one booking changes it, each
// subscriber would otherwise re-run the same GraphQL execution and build the same result.
// A subscription field may declare `extensions.sharedResultAudience`; subscribers whose
// operation, variables and audience are equal then share one execution per event.
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  Kind,
  print,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLField,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.ts';

/**
 * Names the group of viewers who get identical results from a subscription field, or null
 * when results are personal. Only fields whose whole reachable selection depends on the
 * viewer's role, never on who they are, may declare one.
 */
export type SharedResultAudience = (context: Pick<Context, 'viewer'>) => string | null;

/** Viewers of one role (or one set of token scopes) see the same thing. */
export const audienceOfRole: SharedResultAudience = ({ viewer }) => {
  if (viewer.kind === 'user') return `role:${viewer.role}`;
  if (viewer.kind === 'token') return `token:${[...viewer.scopes].sort().join(',')}`;
  return 'anonymous';
};

type EventExecutions = Map<string, Promise<ExecutionResult> | ExecutionResult>;

function sharedField(args: ExecutionArgs): GraphQLField<unknown, unknown> | undefined {
  const operation = getOperationAST(args.document, args.operationName);
  const subscriptionType = args.schema.getSubscriptionType();
  const selections = operation?.selectionSet.selections ?? [];
  const [selection] = selections;
  if (operation?.operation !== 'subscription' || !subscriptionType || selections.length !== 1 || selection?.kind !== Kind.FIELD) {
    return undefined;
  }
  return subscriptionType.getFields()[selection.name.value];
}

async function* executePerEvent(
  events: AsyncIterable<unknown>,
  args: ExecutionArgs,
  operationKey: string,
  executionsByEvent: WeakMap<object, EventExecutions>,
): AsyncGenerator<ExecutionResult> {
  for await (const event of events) {
    if (typeof event !== 'object' || event === null) {
      yield await execute({ ...args, rootValue: event });
      continue;
    }
    let executions = executionsByEvent.get(event);
    if (!executions) {
      executions = new Map();
      executionsByEvent.set(event, executions);
    }
    let result = executions.get(operationKey);
    if (!result) {
      result = execute({ ...args, rootValue: event });
      executions.set(operationKey, result);
    }
    yield await result;
  }
}

export function useSharedSubscriptionResults(): Plugin<Pick<Context, 'viewer'>> {
  // Keyed by the hub's event object, which every local subscriber of one publication receives:
  // the executions of an event are forgotten with it.
  const executionsByEvent = new WeakMap<object, EventExecutions>();
  return {
    onSubscribe({ args, setSubscribeFn }) {
      const audienceOf = sharedField(args)?.extensions.sharedResultAudience as SharedResultAudience | undefined;
      const audience = audienceOf?.(args.contextValue);
      if (!audience) return;
      const operationKey = JSON.stringify([print(args.document), args.operationName ?? null, args.variableValues ?? {}, audience]);
      setSubscribeFn(async (subscribeArgs) => {
        const events = await createSourceEventStream(subscribeArgs);
        // An ExecutionResult here carries the subscribe-time errors (bad arguments, refused access).
        if (!(Symbol.asyncIterator in events)) return events;
        return executePerEvent(events, subscribeArgs, operationKey, executionsByEvent);
      });
    },
  };
}
