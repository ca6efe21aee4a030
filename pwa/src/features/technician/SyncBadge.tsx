import { Match, Switch } from 'solid-js';
import { t, tCount } from '../../i18n';
import { createLocalQuery } from '../../offline/localQuery';
import { summarizeOutbox } from '../../offline/outbox';
import { useOffline } from './offlineContext';

/**
 * Always in view at the bottom of the technician's screens, under the thumb: green when
 * everything reached the office, amber while changes wait, red when the server refused
 * one. A tap opens the outbox.
 */
export function SyncBadge() {
  const { db, engine } = useOffline();
  const summary = createLocalQuery(() => summarizeOutbox(db));
  const offline = engine.offline;
  const state = () => {
    const current = summary()?.value;
    if (!current) return 'loading';
    if (current.failed > 0) return 'failed';
    if (current.waiting > 0) return engine.phase() === 'sending' && !offline() ? 'sending' : 'waiting';
    return 'synced';
  };
  const waiting = () => summary()?.value.waiting ?? 0;
  return (
    <a
      href="/technician/outbox"
      class={`sync-badge sync-badge-${state()}`}
      data-testid="sync-badge"
      data-state={state()}
      aria-live="polite"
    >
      <span class="sync-badge-dot" aria-hidden="true" />
      <span class="sync-badge-text">
        <Switch>
          <Match when={state() === 'failed'}>
            {tCount('sync.failedCount', summary()?.value.failed ?? 0)}
            {waiting() > 0 ? ` · ${tCount('sync.waitingCount', waiting())}` : ''}
          </Match>
          <Match when={state() === 'sending'}>{t('sync.sending', { count: waiting() })}</Match>
          <Match when={state() === 'waiting'}>
            {offline() ? `${t('sync.offline')} · ` : ''}
            {tCount('sync.waitingCount', waiting())}
          </Match>
          <Match when={state() === 'synced'}>{offline() ? t('sync.offlineAllSaved') : t('sync.synced')}</Match>
        </Switch>
      </span>
      <span class="sync-badge-more">{state() === 'failed' ? t('sync.seeWhy') : t('sync.details')}</span>
    </a>
  );
}
