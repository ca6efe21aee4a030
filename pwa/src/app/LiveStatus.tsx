import { Match, Show, Switch } from 'solid-js';
import type { CombinedError } from '@urql/core';
import { t } from '../i18n';
import { formatTime } from '../i18n/format';
import { linkState } from './connection';
import { requestFailureMessage } from './apiErrors';
import './shell.css';

/**
 * The line above every list that says whether what is shown is live ("à jour"),
 * old ("hors ligne"), or could not be loaded, with a way to retry.
 */
export function LiveStatus(props: { updatedAt: Date | undefined; error?: CombinedError | undefined; onRetry: () => void }) {
  const since = () => (props.updatedAt ? t('live.since', { time: formatTime(props.updatedAt) }) : '');
  return (
    <div class="live-status" role="status">
      <Switch>
        <Match when={linkState() === 'offline'}>
          <span class="live-dot live-dot-offline" aria-hidden="true" />
          <span>
            <strong>{t('live.offline')}</strong>
            <Show when={props.updatedAt}> · {t('live.dataFrom', { time: formatTime(props.updatedAt ?? new Date()) })}</Show>
          </span>
        </Match>
        <Match when={props.error}>
          {(error) => (
            <>
              <span class="live-dot live-dot-error" aria-hidden="true" />
              <span>{requestFailureMessage(error())}</span>
              <button type="button" class="live-retry" onClick={() => props.onRetry()}>
                {t('common.retry')}
              </button>
            </>
          )}
        </Match>
        <Match when={linkState() === 'connecting'}>
          <span class="live-dot live-dot-connecting" aria-hidden="true" />
          <span>{t('live.connecting')}</span>
        </Match>
        <Match when={linkState() === 'live'}>
          <span class="live-dot live-dot-live" aria-hidden="true" />
          <span>
            <strong>{t('live.upToDate')}</strong>
            <Show when={props.updatedAt}> · {since()}</Show>
          </span>
        </Match>
      </Switch>
    </div>
  );
}
