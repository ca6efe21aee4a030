import { For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { t } from '../i18n';
import './overlays.css';

export interface ToastOptions {
  /** Read at render time, so the text follows the language switch. */
  message: () => string;
  tone?: 'info' | 'success' | 'danger';
  action?: { label: () => string; run: () => void };
  /** Milliseconds before it goes away by itself; null keeps it until dismissed. */
  durationMs?: number | null;
}

interface ShownToast extends ToastOptions {
  id: number;
}

const [toasts, setToasts] = createStore<ShownToast[]>([]);
let nextToastId = 1;

export function showToast(options: ToastOptions): number {
  const id = nextToastId++;
  setToasts((current) => [...current, { ...options, id }]);
  const duration = options.durationMs === undefined ? 6000 : options.durationMs;
  if (duration !== null) setTimeout(() => dismissToast(id), duration);
  return id;
}

export function dismissToast(id: number): void {
  setToasts((current) => current.filter((toast) => toast.id !== id));
}

/** Where toasts appear; rendered once by the app shell. */
export function ToastRegion() {
  return (
    <div class="toast-region" role="status" aria-live="polite">
      <For each={toasts}>
        {(toast) => (
          <div class={`toast toast-${toast.tone ?? 'info'}`}>
            <p class="toast-message">{toast.message()}</p>
            <div class="toast-actions">
              <Show when={toast.action}>
                {(action) => (
                  <button type="button" class="toast-action" onClick={() => action().run()}>
                    {action().label()}
                  </button>
                )}
              </Show>
              <button type="button" class="toast-close" aria-label={t('common.close')} onClick={() => dismissToast(toast.id)}>
                ×
              </button>
            </div>
          </div>
        )}
      </For>
    </div>
  );
}
