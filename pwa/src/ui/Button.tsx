import { splitProps, type JSX } from 'solid-js';
import './controls.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'md' | 'lg';

interface ButtonLook {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Takes the full width of its container (phone layouts). */
  block?: boolean;
}

function buttonClass(look: ButtonLook, extra?: string): string {
  return ['button', `button-${look.variant ?? 'primary'}`, `button-${look.size ?? 'md'}`, look.block ? 'button-block' : '', extra ?? '']
    .filter(Boolean)
    .join(' ');
}

export type ButtonProps = ButtonLook & JSX.ButtonHTMLAttributes<HTMLButtonElement> & { busy?: boolean };

/** A button; `busy` keeps it focusable but inert while its action runs. */
export function Button(props: ButtonProps) {
  const [look, own, rest] = splitProps(props, ['variant', 'size', 'block'], ['class', 'busy', 'type', 'disabled']);
  return (
    <button
      {...rest}
      type={own.type ?? 'button'}
      class={buttonClass(look, own.class)}
      disabled={own.disabled || own.busy}
      aria-busy={own.busy ? 'true' : undefined}
    />
  );
}

export type ButtonLinkProps = ButtonLook & JSX.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** A link that looks like a button: navigation, phone calls, directions. */
export function ButtonLink(props: ButtonLinkProps) {
  const [look, own, rest] = splitProps(props, ['variant', 'size', 'block'], ['class']);
  return <a {...rest} class={buttonClass(look, own.class)} />;
}
