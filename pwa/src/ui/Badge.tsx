import type { JSX } from 'solid-js';
import './surfaces.css';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A short status label; the colour repeats what the text says, never replaces it. */
export function Badge(props: { tone: Tone; children: JSX.Element }) {
  return <span class={`badge badge-${props.tone}`}>{props.children}</span>;
}
