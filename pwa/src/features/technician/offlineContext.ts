import { createContext, useContext } from 'solid-js';
import type { OfflineDatabase } from '../../offline/db';
import type { SyncEngine } from '../../offline/sync';

export interface OfflineStore {
  db: OfflineDatabase;
  engine: SyncEngine;
  /** Call after a change on site: sends it at once when the network allows. */
  changed: () => void;
}

export const OfflineContext = createContext<OfflineStore>();

/** The technician's device database and sync engine, provided by the technician area. */
export function useOffline(): OfflineStore {
  const store = useContext(OfflineContext);
  if (!store) throw new Error('useOffline() outside the technician area');
  return store;
}
