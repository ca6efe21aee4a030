import { onCleanup } from 'solid-js';
import { createStore, produce, unwrap, type Store } from 'solid-js/store';

/** Typing waits this long before a save; taps save at once. */
export const typingSaveDelayMs = 400;

export interface Draft<Value extends object> {
  value: Store<Value>;
  /** Changes the draft and saves it after `delayMs` (0 for a tap, typingSaveDelayMs while typing). */
  edit: (change: (draft: Value) => void, delayMs?: number) => void;
  /** Saves now what is not saved yet. */
  flush: () => Promise<void>;
}

/**
 * Something the technician edits on the device (the report, a quote): each change is
 * saved right after a tap, or shortly after typing stops. The screen keeps its own copy,
 * so a save coming back from the database never moves the caret. Leaving the screen or
 * the app saves what is left.
 */
export function createDraft<Value extends object>(initial: Value, save: (value: Value) => Promise<void>): Draft<Value> {
  const [value, setValue] = createStore<Value>(structuredClone(initial));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsaved = false;

  async function flush(): Promise<void> {
    clearTimeout(timer);
    if (!unsaved) return;
    unsaved = false;
    await save(structuredClone(unwrap(value)));
  }

  function edit(change: (draft: Value) => void, delayMs = 0): void {
    setValue(produce(change));
    unsaved = true;
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), delayMs);
  }

  const saveOnHide = () => {
    if (document.visibilityState === 'hidden') void flush();
  };
  document.addEventListener('visibilitychange', saveOnHide);
  onCleanup(() => {
    document.removeEventListener('visibilitychange', saveOnHide);
    void flush();
  });

  return { value, edit, flush };
}
