import { createEffect, createUniqueId, type JSX } from 'solid-js';
import './overlays.css';

/**
 * A modal dialog on the native <dialog> element: focus is trapped, Escape closes it
 * (reported through onClose), and focus returns to where it was.
 */
export function Dialog(props: { open: boolean; title: string; onClose: () => void; children: JSX.Element; actions: JSX.Element }) {
  let dialog: HTMLDialogElement | undefined;
  const titleId = createUniqueId();
  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  });
  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={titleId} class="dialog-title">
        {props.title}
      </h2>
      <div class="dialog-body">{props.children}</div>
      <div class="dialog-actions">{props.actions}</div>
    </dialog>
  );
}
