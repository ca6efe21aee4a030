import { createEffect, createSignal, on } from 'solid-js';
import { createQuery, type AnyVariables, type CreateQueryArgs } from '@urql/solid';
import { reconnections } from './connection';

/**
 * A query for a live list: shows cached data first, refetches whenever the server
 * becomes reachable again, and remembers when it last got fresh data.
 */
export function createLiveQuery<Data, Variables extends AnyVariables>(args: CreateQueryArgs<Data, Variables>) {
  const [result, reexecute] = createQuery<Data, Variables>({ requestPolicy: 'cache-and-network', ...args });
  const [updatedAt, setUpdatedAt] = createSignal<Date>();

  createEffect(
    on(
      () => result.data,
      (data) => {
        if (data && !result.stale && !result.error) setUpdatedAt(new Date());
      },
    ),
  );

  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  createEffect(on(reconnections, refresh, { defer: true }));

  return { result, refresh, updatedAt };
}
