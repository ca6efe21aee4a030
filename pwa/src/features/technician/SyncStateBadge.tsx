import { t } from '../../i18n';
import type { OutboxEntry, OutboxOperation, OutboxState } from '../../offline/db';
import { Badge } from '../../ui/Badge';

/** Where one thing done on site stands: its outbox entry's state, or sent once the entry is gone. */
export type ItemSyncState = OutboxState | 'sent';

export function entryStateOf(entries: readonly OutboxEntry[], matches: (operation: OutboxOperation) => boolean): ItemSyncState {
  return entries.find((entry) => matches(entry.operation))?.state ?? 'sent';
}

export function SyncStateBadge(props: { state: ItemSyncState }) {
  const look = () =>
    ({
      pending: { tone: 'warning', label: t('sync.itemPending') },
      syncing: { tone: 'info', label: t('sync.itemSyncing') },
      failed: { tone: 'danger', label: t('sync.itemFailed') },
      sent: { tone: 'success', label: t('sync.itemSent') },
    }) as const;
  return <Badge tone={look()[props.state].tone}>{look()[props.state].label}</Badge>;
}
