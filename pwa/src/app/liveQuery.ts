import { createEffect, createMemo, createSignal, on } from 'solid-js';
import { createRequest } from '@urql/core';
import { createQuery, type AnyVariables, type CreateQueryArgs } from '@urql/solid';
import { reconnections } from './connection';

const read = <Value>(value: Value | (() => Value)): Value => (typeof value === 'function' ? (value as () => Value)() : value);

/**
 * A query for a live list: shows cached data first, refetches whenever the server
 * becomes reachable again, and remembers when it last got fresh data.
 */
export function createLiveQuery<Data, Variables extends AnyVariables>(args: CreateQueryArgs<Data, Variables>) {
  const [result, reexecute] = createQuery<Data, Variables>({ requestPolicy: 'cache-and-network', ...args });
  const [updatedAt, setUpdatedAt] = createSignal<Date>();

  // Every answer reconciles into the same `data` object, so a refetch is seen through
  // the flags instead: a refetch sets `fetching` or `stale` and the answer clears them.
  createEffect(() => {
    const fresh = !result.fetching && !result.stale && !result.error && result.data !== undefined;
    if (fresh) setUpdatedAt(new Date());
  });

  // A paused query has no usable variables yet: there is nothing to refresh.
  const refresh = () => {
    if (read(args.pause) !== true) reexecute({ requestPolicy: 'network-only' });
  };
  createEffect(on(reconnections, refresh, { defer: true }));

  // While new variables load, `data` still holds the answer to the previous ones.
  const currentKey = createMemo(() => createRequest(args.query, read(args.variables) as Variables).key);
  /** The data only when it answers the current variables (another day, another service…). */
  const current = (): Data | undefined => (result.operation?.key === currentKey() ? result.data : undefined);

  return { result, refresh, updatedAt, current };
}
