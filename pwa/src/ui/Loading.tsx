import { For } from 'solid-js';
import { t } from '../i18n';
import './surfaces.css';

/** Placeholder lines shown only on the very first load, before any data is known. */
export function Loading(props: { lines?: number }) {
  return (
    <div class="loading" role="status">
      <span class="visually-hidden">{t('common.loading')}</span>
      <For each={Array.from({ length: props.lines ?? 3 })}>{() => <span class="loading-line" aria-hidden="true" />}</For>
    </div>
  );
}
