import { Show, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import './surfaces.css';

/** A titled block of content. `headingLevel` keeps the page outline right where it is used. */
export function Card(props: {
  title?: string;
  headingLevel?: 2 | 3;
  /** Controls shown on the title line (a link, a badge). */
  actions?: JSX.Element;
  class?: string;
  children: JSX.Element;
  'data-testid'?: string;
}) {
  return (
    <section class={['card', props.class ?? ''].join(' ')} data-testid={props['data-testid']}>
      <Show when={props.title || props.actions}>
        <div class="card-header">
          <Show when={props.title}>
            <Dynamic component={`h${props.headingLevel ?? 2}`} class="card-title">
              {props.title}
            </Dynamic>
          </Show>
          {props.actions}
        </div>
      </Show>
      {props.children}
    </section>
  );
}
