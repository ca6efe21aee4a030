import { createSignal, createUniqueId, Show, splitProps, type JSX } from 'solid-js';
import { t } from '../i18n';
import './controls.css';

interface FieldLook {
  label: string;
  name: string;
  /** Shown under the label, linked to the control for screen readers. */
  hint?: string;
  /** A field-level validation message; marks the control invalid. */
  error?: string | undefined;
  required?: boolean;
  class?: string;
}

/** Label, hint and error around one control; `control` receives the id and ARIA attributes to put on it. */
function Field(props: {
  look: FieldLook;
  control: (attributes: { id: string; 'aria-invalid': 'true' | undefined; 'aria-describedby': string | undefined }) => JSX.Element;
}) {
  const id = createUniqueId();
  const describedBy = () =>
    [props.look.hint ? `${id}-hint` : '', props.look.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={['field', props.look.class ?? ''].join(' ')}>
      <label for={id} class="field-label">
        {props.look.label}
        <Show when={!props.look.required}>
          <span class="field-optional"> {t('form.optional')}</span>
        </Show>
      </label>
      <Show when={props.look.hint}>
        <p id={`${id}-hint`} class="field-hint">
          {props.look.hint}
        </p>
      </Show>
      <div class="field-control">
        {props.control({ id, 'aria-invalid': props.look.error ? 'true' : undefined, 'aria-describedby': describedBy() })}
      </div>
      <Show when={props.look.error}>
        <p id={`${id}-error`} class="field-error">
          {props.look.error}
        </p>
      </Show>
    </div>
  );
}

export type TextFieldProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id'> & FieldLook;

/** A labelled input with an optional hint and error; password fields get a show/hide toggle. */
export function TextField(props: TextFieldProps) {
  const [look, own, inputProps] = splitProps(props, ['label', 'name', 'hint', 'error', 'required', 'class'], ['type']);
  const [passwordVisible, setPasswordVisible] = createSignal(false);
  const isPassword = () => own.type === 'password';
  return (
    <Field
      look={look}
      control={(attributes) => (
        <>
          <input
            {...inputProps}
            {...attributes}
            name={look.name}
            required={look.required}
            type={isPassword() && passwordVisible() ? 'text' : own.type}
            class="input"
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
        </>
      )}
    />
  );
}

export type TextAreaFieldProps = Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & FieldLook;

/** A labelled multi-line input (notes, descriptions). */
export function TextAreaField(props: TextAreaFieldProps) {
  const [look, textareaProps] = splitProps(props, ['label', 'name', 'hint', 'error', 'required', 'class']);
  return (
    <Field
      look={look}
      control={(attributes) => (
        <textarea {...textareaProps} {...attributes} name={look.name} required={look.required} class="input textarea" />
      )}
    />
  );
}

export type SelectFieldProps = FieldLook & {
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  /** The <option> elements. */
  children: JSX.Element;
};

/** A labelled drop-down. */
export function SelectField(props: SelectFieldProps) {
  return (
    <Field
      look={props}
      control={(attributes) => (
        <select
          {...attributes}
          name={props.name}
          required={props.required}
          disabled={props.disabled}
          class="input"
          value={props.value}
          onChange={(event) => props.onChange(event.currentTarget.value)}
        >
          {props.children}
        </select>
      )}
    />
  );
}
