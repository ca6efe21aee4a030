import { createEffect, createMemo, on, onCleanup, onMount, Show, untrack, type JSX } from 'solid-js';
import type { RouteSectionProps } from '@solidjs/router';
import { useClient } from '@urql/solid';
import { reconnections } from '../../app/connection';
import { signedInUser } from '../../app/session';
import { openOfflineDatabase } from '../../offline/db';
import { refreshOfflineSet } from '../../offline/offlineSet';
import { sendOutboxEntry } from '../../offline/operations';
import { createSyncEngine } from '../../offline/sync';
import { OfflineContext, type OfflineStore } from './offlineContext';
import { SyncBadge } from './SyncBadge';
import './technician.css';

/** The office's changes (a moved visit, a new job) reach the phone at least this often while it is open. */
const refreshEveryMs = 5 * 60_000;

function OfflineArea(props: { userId: string; children: JSX.Element }) {
  const client = useClient();
  // Mounted anew for each person (keyed below): the id is fixed for the area's life.
  const userId = untrack(() => props.userId);
  const db = openOfflineDatabase(userId);
  const engine = createSyncEngine({
    db,
    send: (entry) => sendOutboxEntry(client, db, entry),
    refresh: () => refreshOfflineSet(client, db),
    lockName: `relais-outbox-${userId}`,
  });
  const syncWhenOnline = (refresh: boolean) => {
    if (navigator.onLine) void engine.sync({ refresh });
  };
  const store: OfflineStore = { db, engine, changed: () => syncWhenOnline(false) };

  onMount(() => void engine.start());
  createEffect(on(reconnections, () => syncWhenOnline(true), { defer: true }));
  const timer = setInterval(() => syncWhenOnline(true), refreshEveryMs);
  const onVisible = () => {
    if (document.visibilityState === 'visible') syncWhenOnline(false);
  };
  document.addEventListener('visibilitychange', onVisible);
  onCleanup(() => {
    engine.stop();
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
    db.close();
  });

  return (
    <OfflineContext.Provider value={store}>
      {props.children}
      <SyncBadge />
    </OfflineContext.Provider>
  );
}

/**
 * The technician's screens: their device database, the sync engine that starts with
 * the app (and replays what waits), and the sync badge under every screen.
 */
export default function TechnicianShell(props: RouteSectionProps) {
  // Keyed by the person, not the user object: a language change must not restart the engine.
  const userId = createMemo(() => signedInUser()?.id);
  return (
    <Show when={userId()} keyed>
      {(id) => <OfflineArea userId={id}>{props.children}</OfflineArea>}
    </Show>
  );
}
