import { Show, type JSX } from 'solid-js';
import './surfaces.css';

/**
 * A message box. Errors use role="alert" so screen readers announce them at once;
 * other tones are polite status messages.
 */
export function Alert(props: { tone: 'danger' | 'success' | 'info' | 'warning'; title?: string; children: JSX.Element }) {
  return (
    <div class={`alert alert-${props.tone}`} role={props.tone === 'danger' ? 'alert' : 'status'}>
      <Show when={props.title}>
        <p class="alert-title">{props.title}</p>
      </Show>
      <div>{props.children}</div>
    </div>
  );
}

/** An error alert that appears only while there is a message. */
export function ErrorAlert(props: { message: string | undefined }) {
  return (
    <Show when={props.message}>
      <Alert tone="danger">{props.message}</Alert>
    </Show>
  );
}
