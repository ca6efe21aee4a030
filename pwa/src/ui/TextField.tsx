import { createSignal, createUniqueId, Show, splitProps, type JSX } from 'solid-js';
import { t } from '../i18n';
import './controls.css';

export type TextFieldProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  name: string;
  /** Shown under the label, linked to the input for screen readers. */
  hint?: string;
  /** A field-level validation message; marks the input invalid. */
  error?: string | undefined;
};

/** A labelled input with an optional hint and error; password fields get a show/hide toggle. */
export function TextField(props: TextFieldProps) {
  const [own, inputProps] = splitProps(props, ['label', 'hint', 'error', 'type', 'class']);
  const id = createUniqueId();
  const [passwordVisible, setPasswordVisible] = createSignal(false);
  const isPassword = () => own.type === 'password';
  const describedBy = () => [own.hint ? `${id}-hint` : '', own.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <div class={['field', own.class ?? ''].join(' ')}>
      <label for={id} class="field-label">
        {own.label}
        <Show when={!inputProps.required}>
          <span class="field-optional"> {t('form.optional')}</span>
        </Show>
      </label>
      <Show when={own.hint}>
        <p id={`${id}-hint`} class="field-hint">
          {own.hint}
        </p>
      </Show>
      <div class="field-control">
        <input
          {...inputProps}
          id={id}
          type={isPassword() && passwordVisible() ? 'text' : own.type}
          class="input"
          aria-invalid={own.error ? 'true' : undefined}
          aria-describedby={describedBy()}
        />
        <Show when={isPassword()}>
          <button
            type="button"
            class="field-reveal"
            aria-pressed={passwordVisible()}
            onClick={() => setPasswordVisible(!passwordVisible())}
          >
            {passwordVisible() ? t('form.hidePassword') : t('form.showPassword')}
          </button>
        </Show>
      </div>
      <Show when={own.error}>
        <p id={`${id}-error`} class="field-error">
          {own.error}
        </p>
      </Show>
    </div>
  );
}
