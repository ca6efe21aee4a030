import type { JSX } from 'solid-js';
import './surfaces.css';

export function EmptyState(props: { children: JSX.Element }) {
  return <p class="empty-state">{props.children}</p>;
}
