import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import { liveQuery } from 'dexie';

/**
 * A read of the device database that follows every later write (from this tab, other
 * tabs, or the sync engine). Undefined while the first read runs; `{ value }` after,
 * so a missing row (`{ value: undefined }`) is told apart from "not read yet".
 * `source` holds the reactive inputs: Dexie runs `read` outside Solid's tracking.
 */
export function createLocalQuery<Value, Source = true>(
  read: (source: Source) => Promise<Value>,
  source: Accessor<Source | undefined> = () => true as Source,
): Accessor<{ value: Value } | undefined> {
  const [result, setResult] = createSignal<{ value: Value }>();
  createEffect(() => {
    const input = source();
    if (input === undefined) return;
    const subscription = liveQuery(() => read(input)).subscribe({
      next: (value) => setResult({ value }),
      error: (error: unknown) => {
        // A failed read keeps what was shown; the error is for the developer console.
        console.error(error);
      },
    });
    onCleanup(() => subscription.unsubscribe());
  });
  return result;
}
