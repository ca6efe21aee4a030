// Forms report unsaved input here, so an app update or a closed tab never silently
// throws away what someone was typing.
import { createSignal, onCleanup } from 'solid-js';

const [formsWithUnsavedInput, setFormsWithUnsavedInput] = createSignal<ReadonlySet<symbol>>(new Set());

export function hasUnsavedWork(): boolean {
  return formsWithUnsavedInput().size > 0;
}

/** For one form: call `changed` on input and `saved` once it is sent; leaving the screen clears it. */
export function trackUnsavedWork(): { changed: () => void; saved: () => void } {
  const form = Symbol('form');
  const mark = (unsaved: boolean) =>
    setFormsWithUnsavedInput((current) => {
      if (current.has(form) === unsaved) return current;
      const next = new Set(current);
      if (unsaved) next.add(form);
      else next.delete(form);
      return next;
    });
  onCleanup(() => mark(false));
  return { changed: () => mark(true), saved: () => mark(false) };
}

window.addEventListener('beforeunload', (event) => {
  if (hasUnsavedWork()) event.preventDefault();
});
