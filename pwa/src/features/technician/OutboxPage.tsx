import { createSignal, For, Show } from 'solid-js';
import { browserOnline } from '../../app/connection';
import { usePageTitle } from '../../app/pageTitle';
import { bilingual, t, tCount, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import type { Conflict, OutboxEntry, OutboxKind } from '../../offline/db';
import { createLocalQuery } from '../../offline/localQuery';
import { discardEntry, retryAllFailed, retryEntry } from '../../offline/outbox';
import { readPositionConsent, savePositionConsent } from '../../offline/position';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { ConflictNotice } from './ConflictNotice';
import { SyncStateBadge } from './SyncStateBadge';
import { useOffline } from './offlineContext';

const kindLabels: Record<OutboxKind, MessageKey> = {
  markEnRoute: 'sync.kindEnRoute',
  clockIn: 'sync.kindClockIn',
  clockOut: 'sync.kindClockOut',
  saveReport: 'sync.kindReport',
  uploadPhoto: 'sync.kindPhoto',
  signReport: 'sync.kindSignature',
  createQuote: 'sync.kindQuote',
  acceptQuote: 'sync.kindQuoteAccepted',
};

interface OutboxView {
  entries: OutboxEntry[];
  conflicts: Conflict[];
  /** "Mme Martin" for each appointment the entries are about. */
  customerByAppointment: Map<string, string>;
}

function EntryRow(props: { entry: OutboxEntry; customer: string | undefined; onDiscard: (entry: OutboxEntry) => void }) {
  const { db, changed } = useOffline();
  const retry = async () => {
    if (props.entry.seq !== undefined) await retryEntry(db, props.entry.seq);
    changed();
  };
  return (
    <li class="outbox-entry" data-testid="outbox-entry" data-kind={props.entry.operation.kind} data-state={props.entry.state}>
      <div class="outbox-entry-head">
        <span class="outbox-entry-what">
          <strong>{t(kindLabels[props.entry.operation.kind])}</strong>
          <Show when={props.customer}>{(name) => <> · {name()}</>}</Show>
        </span>
        <SyncStateBadge state={props.entry.state} />
      </div>
      <p class="muted">{t('sync.madeAt', { when: formatDateTime(props.entry.createdAt) })}</p>
      <Show when={props.entry.error}>
        {(error) => (
          <>
            <p class="outbox-error" role="alert">
              {bilingual(error())}
            </p>
            <div class="outbox-actions">
              <Button size="lg" onClick={() => void retry()}>
                {t('common.retry')}
              </Button>
              <Button variant="ghost" size="lg" onClick={() => props.onDiscard(props.entry)}>
                {t('sync.discard')}
              </Button>
            </div>
          </>
        )}
      </Show>
    </li>
  );
}

/** What waits to be sent, what the server refused and why, and what the office changed meanwhile. */
export default function OutboxPage() {
  usePageTitle(() => t('sync.title'));
  const { db, engine, changed } = useOffline();
  const view = createLocalQuery(async (): Promise<OutboxView> => {
    const [entries, conflicts] = await Promise.all([
      db.outbox.orderBy('seq').toArray(),
      db.conflicts.toArray().then((rows) => rows.sort((a, b) => a.detectedAt.localeCompare(b.detectedAt))),
    ]);
    const appointmentIds = [...new Set([...entries, ...conflicts].map((item) => item.appointmentId))];
    const appointments = await db.appointments.bulkGet(appointmentIds);
    const customers = await db.customers.bulkGet(appointments.map((appointment) => appointment?.customerId ?? ''));
    return {
      entries,
      conflicts,
      customerByAppointment: new Map(
        appointmentIds.flatMap((id, index) => (customers[index] ? [[id, customers[index].name] as const] : [])),
      ),
    };
  });
  const consent = createLocalQuery(() => readPositionConsent(db));
  const [discarding, setDiscarding] = createSignal<OutboxEntry>();
  const failed = () => view()?.value.entries.filter((entry) => entry.state === 'failed') ?? [];
  const waiting = () => view()?.value.entries.filter((entry) => entry.state !== 'failed') ?? [];
  const customerOf = (appointmentId: string) => view()?.value.customerByAppointment.get(appointmentId);
  const retryAll = async () => {
    await retryAllFailed(db);
    changed();
  };
  const discard = async () => {
    const entry = discarding();
    setDiscarding(undefined);
    if (entry) await discardEntry(db, entry);
  };

  return (
    <div class="stack" data-testid="outbox">
      <a href="/technician" class="back-link">
        ‹ {t('technician.backToJobs')}
      </a>
      <h1>{t('sync.title')}</h1>
      <Show when={engine.lastRefreshAt()}>{(at) => <p class="muted">{t('sync.lastRefresh', { when: formatDateTime(at()) })}</p>}</Show>
      <Show when={engine.offline()}>
        <Alert tone="info">{t('sync.offlineWait')}</Alert>
      </Show>
      {/* Online but unanswered (one bar in a basement): trying now is the technician's call. */}
      <Show when={browserOnline()}>
        <Button size="lg" block busy={engine.phase() !== 'idle'} onClick={() => void engine.sync({ refresh: true })}>
          {t('sync.now')}
        </Button>
      </Show>

      <Show when={(view()?.value.conflicts.length ?? 0) > 0}>
        <Card title={t('sync.conflictsTitle')}>
          <ul class="plain stack-sm">
            <For each={view()?.value.conflicts}>
              {(conflict) => (
                <li>
                  <ConflictNotice conflict={conflict} title={customerOf(conflict.appointmentId) ?? t('technician.conflictTitle')} />
                </li>
              )}
            </For>
          </ul>
        </Card>
      </Show>

      <Card
        title={tCount('sync.failedCount', failed().length)}
        actions={
          <Show when={failed().length > 1}>
            <Button variant="secondary" onClick={() => void retryAll()}>
              {t('sync.retryAll')}
            </Button>
          </Show>
        }
      >
        <Show when={failed().length > 0} fallback={<EmptyState>{t('sync.noFailures')}</EmptyState>}>
          <ul class="plain outbox-list">
            <For each={failed()}>
              {(entry) => <EntryRow entry={entry} customer={customerOf(entry.appointmentId)} onDiscard={setDiscarding} />}
            </For>
          </ul>
        </Show>
      </Card>

      <Card title={tCount('sync.waitingCount', waiting().length)}>
        <Show when={waiting().length > 0} fallback={<EmptyState>{t('sync.nothingWaiting')}</EmptyState>}>
          <ul class="plain outbox-list">
            <For each={waiting()}>
              {(entry) => <EntryRow entry={entry} customer={customerOf(entry.appointmentId)} onDiscard={setDiscarding} />}
            </For>
          </ul>
        </Show>
      </Card>

      <Card title={t('sync.positionTitle')}>
        <label class="big-check">
          <input
            type="checkbox"
            checked={consent()?.value === 'granted'}
            onChange={(event) => void savePositionConsent(db, event.currentTarget.checked ? 'granted' : 'refused')}
          />
          <span>{t('sync.positionSetting')}</span>
        </label>
      </Card>

      <Dialog
        open={discarding() !== undefined}
        title={t('sync.discardTitle')}
        onClose={() => setDiscarding(undefined)}
        actions={
          <>
            <Button variant="secondary" onClick={() => setDiscarding(undefined)}>
              {t('sync.keep')}
            </Button>
            <Button variant="danger" onClick={() => void discard()}>
              {t('sync.discard')}
            </Button>
          </>
        }
      >
        <p>{t('sync.discardBody')}</p>
      </Dialog>
    </div>
  );
}
