import { Match, Show, Switch, type JSX } from 'solid-js';
import type { CombinedError } from '@urql/core';
import { t, type MessageKey } from '../i18n';
import { formatTime } from '../i18n/format';
import { linkState } from './connection';
import { requestFailureMessage } from './apiErrors';
import './shell.css';

function StatusText(props: { dot: 'live' | 'connecting' | 'offline' | 'error'; children: JSX.Element }) {
  return (
    <span>
      <span class={`live-dot live-dot-${props.dot}`} aria-hidden="true" />
      {props.children}
    </span>
  );
}

/**
 * The line above every list that says whether what is shown is live ("à jour"),
 * old ("hors ligne"), or could not be loaded, with a way to retry.
 */
export function LiveStatus(props: { updatedAt: Date | undefined; error?: CombinedError | undefined; onRetry: () => void }) {
  const updatedAtText = (key: MessageKey) => <Show when={props.updatedAt}>{(at) => <> · {t(key, { time: formatTime(at()) })}</>}</Show>;
  return (
    <div class="live-status" role="status">
      <Switch>
        <Match when={linkState() === 'offline'}>
          <StatusText dot="offline">
            <strong>{t('live.offline')}</strong>
            {updatedAtText('live.dataFrom')}
          </StatusText>
        </Match>
        <Match when={props.error}>
          {(error) => (
            <>
              <StatusText dot="error">{requestFailureMessage(error())}</StatusText>
              <button type="button" class="live-retry" onClick={() => props.onRetry()}>
                {t('common.retry')}
              </button>
            </>
          )}
        </Match>
        <Match when={linkState() === 'connecting'}>
          <StatusText dot="connecting">{t('live.connecting')}</StatusText>
        </Match>
        <Match when={linkState() === 'live'}>
          <StatusText dot="live">
            <strong>{t('live.upToDate')}</strong>
            {updatedAtText('live.since')}
          </StatusText>
        </Match>
      </Switch>
    </div>
  );
}
