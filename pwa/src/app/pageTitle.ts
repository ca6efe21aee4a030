import { createEffect } from 'solid-js';

/** Names the browser tab (and what screen readers announce) after the screen. */
export function usePageTitle(title: () => string): void {
  createEffect(() => {
    document.title = `${title()} — Relais`;
  });
}
