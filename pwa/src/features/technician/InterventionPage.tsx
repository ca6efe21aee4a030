import { createSignal, For, Show, untrack, type JSX } from 'solid-js';
import { useParams } from '@solidjs/router';
import { usePageTitle } from '../../app/pageTitle';
import { t } from '../../i18n';
import { formatAddress, formatAppointmentWhen, formatTime } from '../../i18n/format';
import { readJob, type LocalJob } from '../../offline/agenda';
import { emptyReport, type OutboxEntry, type ReportContent, type Stamp } from '../../offline/db';
import { createLocalQuery } from '../../offline/localQuery';
import { clockIn, clockOut, markEnRoute, minutesOnSite, saveReport, signReport } from '../../offline/onSite';
import { readPositionConsent, savePositionConsent } from '../../offline/position';
import { Button, ButtonLink } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { AppointmentStatusBadge } from '../../ui/statusBadges';
import { serviceName } from '../customer/serviceName';
import { ChecklistStep } from './ChecklistStep';
import { ConflictNotice } from './ConflictNotice';
import { createDraft } from './draft';
import { JobContacts } from './JobCard';
import { useOffline } from './offlineContext';
import { PhotoStep } from './PhotoStep';
import { QuoteStep } from './QuoteStep';
import { SignatureForm, SignedBy } from './SignatureStep';
import { entryStateOf } from './SyncStateBadge';
import { WorkStep } from './WorkStep';
import './intervention.css';

function Step(props: { number: number; title: string; done?: boolean; testId: string; children: JSX.Element }) {
  return (
    <section class="flow-step" classList={{ 'flow-step-done': props.done }} data-testid={props.testId}>
      <h2 class="flow-step-title">
        <span class="flow-step-number" aria-hidden="true">
          {props.done ? '✓' : props.number}
        </span>
        {props.title}
        <Show when={props.done}>
          <span class="visually-hidden"> ({t('technician.stepDone')})</span>
        </Show>
      </h2>
      <div class="flow-step-body">{props.children}</div>
    </section>
  );
}

/** "8 h 12 · position enregistrée" under a step that is done. */
function StampLine(props: { label: string; stamp: Stamp }) {
  return (
    <p class="stamp-line">
      {props.label} {formatTime(props.stamp.at)} ·{' '}
      {props.stamp.latitude === null ? t('technician.withoutPosition') : t('technician.withPosition')}
    </p>
  );
}

/**
 * Asks once, on this device, whether the technician's position may be recorded when
 * they clock in or take a photo (only ever during their working hours).
 */
function usePositionConsent() {
  const { db } = useOffline();
  const [asking, setAsking] = createSignal<(() => void) | undefined>();
  const askFirst = async (then: () => void) => {
    if ((await readPositionConsent(db)) !== undefined) then();
    else setAsking(() => then);
  };
  const answer = async (granted: boolean) => {
    const then = asking();
    setAsking(undefined);
    await savePositionConsent(db, granted ? 'granted' : 'refused');
    then?.();
  };
  const dialog = () => (
    <Dialog
      open={asking() !== undefined}
      title={t('technician.positionTitle')}
      onClose={() => void answer(false)}
      actions={
        <>
          <Button variant="secondary" onClick={() => void answer(false)}>
            {t('technician.positionRefuse')}
          </Button>
          <Button onClick={() => void answer(true)}>{t('technician.positionGrant')}</Button>
        </>
      }
    >
      <p>{t('technician.positionBody')}</p>
    </Dialog>
  );
  return { askFirst, dialog };
}

function InterventionFlow(props: { job: LocalJob }) {
  const { db, changed } = useOffline();
  // The screen is for one job: its id never changes while it is shown.
  const appointmentId = untrack(() => props.job.id);
  const intervention = () => props.job.intervention;
  const report = createDraft<ReportContent>(intervention()?.report ?? emptyReport(), async (content) => {
    await saveReport(db, appointmentId, content);
    changed();
  });
  const entries = createLocalQuery(
    (id) => db.outbox.where('appointmentId').equals(id).toArray(),
    () => appointmentId,
  );
  const outbox = (): OutboxEntry[] => entries()?.value ?? [];
  const conflicts = createLocalQuery(
    (id) => db.conflicts.where('appointmentId').equals(id).toArray(),
    () => appointmentId,
  );
  const consent = usePositionConsent();
  const [busy, setBusy] = createSignal<string>();

  const act = async (name: string, action: () => Promise<void>) => {
    setBusy(name);
    try {
      await action();
      changed();
    } finally {
      setBusy(undefined);
    }
  };
  const signed = () => intervention()?.signature ?? undefined;
  const minutesSinceArrival = () => {
    const arrival = intervention()?.clockIn;
    return arrival
      ? minutesOnSite(arrival, intervention()?.clockOut ?? { at: new Date().toISOString(), latitude: null, longitude: null })
      : undefined;
  };

  const sign = async (signerName: string, image: Blob) => {
    // The customer signs the time spent too: when left empty, it is the time since arrival.
    const minutes = minutesSinceArrival();
    if (report.value.timeSpentMinutes === null && minutes !== undefined) report.edit((draft) => void (draft.timeSpentMinutes = minutes));
    await report.flush();
    await signReport(db, appointmentId, signerName, image);
    changed();
  };

  return (
    <div class="stack intervention" data-testid="intervention">
      <a href="/technician" class="back-link">
        ‹ {t('technician.backToJobs')}
      </a>
      <header class="job-card">
        <div class="cluster">
          <AppointmentStatusBadge status={props.job.status} />
        </div>
        <h1>{serviceName(props.job.service)}</h1>
        <p class="job-hours">{formatAppointmentWhen(props.job)}</p>
        <p class="job-customer">{props.job.customer.name}</p>
        <p class="job-address">{formatAddress(props.job.site)}</p>
        <Show when={props.job.site.accessNotes}>
          <p class="job-access">{t('sites.access', { notes: props.job.site.accessNotes ?? '' })}</p>
        </Show>
        <Show when={props.job.notes}>
          <p class="job-notes">{props.job.notes}</p>
        </Show>
        <Show when={props.job.site.equipment.length > 0}>
          <details class="job-equipment">
            <summary>{t('technician.equipment', { count: props.job.site.equipment.length })}</summary>
            <ul>
              <For each={props.job.site.equipment}>
                {(item) => <li>{[item.kind, item.brand, item.model, item.serial && `n° ${item.serial}`].filter(Boolean).join(' · ')}</li>}
              </For>
            </ul>
          </details>
        </Show>
        <JobContacts job={props.job} />
      </header>

      <For each={conflicts()?.value ?? []}>
        {(conflict) => <ConflictNotice conflict={conflict} title={t('technician.conflictTitle')} />}
      </For>

      <div class="flow">
        <Step number={1} title={t('technician.stepEnRoute')} done={Boolean(intervention()?.enRouteAt)} testId="step-en-route">
          <Show
            when={intervention()?.enRouteAt}
            fallback={
              <Button size="lg" block busy={busy() === 'enRoute'} onClick={() => void act('enRoute', () => markEnRoute(db, appointmentId))}>
                {t('technician.enRoute')}
              </Button>
            }
          >
            {(at) => <p class="stamp-line">{t('technician.enRouteSince', { time: formatTime(at()) })}</p>}
          </Show>
        </Step>
        <Step number={2} title={t('technician.stepArrival')} done={Boolean(intervention()?.clockIn)} testId="step-clock-in">
          <Show
            when={intervention()?.clockIn}
            fallback={
              <Button
                size="lg"
                block
                busy={busy() === 'clockIn'}
                onClick={() => void consent.askFirst(() => void act('clockIn', () => clockIn(db, appointmentId)))}
              >
                {t('technician.clockIn')}
              </Button>
            }
          >
            {(stamp) => <StampLine label={t('technician.arrivedAt')} stamp={stamp()} />}
          </Show>
        </Step>
        <fieldset class="flow-fieldset" disabled={Boolean(signed())}>
          <legend class="visually-hidden">{t('technician.reportLegend')}</legend>
          <Step
            number={3}
            title={t('technician.stepChecklist')}
            done={props.job.service.checklist.every((item) => report.value.checklist[item.key] !== undefined)}
            testId="step-checklist"
          >
            <ChecklistStep items={props.job.service.checklist} draft={report} />
          </Step>
          <Step number={4} title={t('technician.stepPhotos')} testId="step-photos">
            <PhotoStep appointmentId={appointmentId} entries={outbox()} />
          </Step>
          <Step number={5} title={t('technician.stepWork')} testId="step-work">
            <WorkStep draft={report} minutesSinceArrival={minutesSinceArrival()} />
          </Step>
        </fieldset>
        <Step number={6} title={t('technician.stepQuote')} testId="step-quote">
          <QuoteStep job={props.job} entries={outbox()} />
        </Step>
        <Step number={7} title={t('technician.stepSignature')} done={Boolean(signed())} testId="step-signature">
          <Show
            when={signed()}
            fallback={
              <SignatureForm
                defaultName={props.job.customer.name}
                nameField="reportSignerName"
                padLabel={t('technician.reportSignaturePad')}
                submitLabel={t('technician.signReport')}
                sign={sign}
              />
            }
          >
            {(signature) => (
              <SignedBy
                signature={signature()}
                state={entryStateOf(outbox(), (operation) => operation.kind === 'signReport')}
                testId="report-signed"
              />
            )}
          </Show>
        </Step>
        <Step number={8} title={t('technician.stepFinish')} done={Boolean(intervention()?.clockOut)} testId="step-clock-out">
          <Show
            when={intervention()?.clockOut}
            fallback={
              <>
                <Show when={!signed()}>
                  <p class="muted">{t('technician.notSignedYet')}</p>
                </Show>
                <Button
                  size="lg"
                  block
                  disabled={!intervention()?.clockIn}
                  busy={busy() === 'clockOut'}
                  onClick={() => void consent.askFirst(() => void act('clockOut', () => clockOut(db, appointmentId)))}
                >
                  {t('technician.clockOut')}
                </Button>
              </>
            }
          >
            {(stamp) => <StampLine label={t('technician.leftAt')} stamp={stamp()} />}
          </Show>
        </Step>
      </div>
      {consent.dialog()}
    </div>
  );
}

/** One job on site, step by step, entirely from the device: it works in a basement. */
export default function InterventionPage() {
  const params = useParams<{ id: string }>();
  const { db } = useOffline();
  const job = createLocalQuery(
    (id) => readJob(db, id),
    () => params.id,
  );
  usePageTitle(() => {
    const current = job()?.value;
    return current ? `${serviceName(current.service)} · ${current.customer.name}` : t('technician.title');
  });
  return (
    <Show when={job()} fallback={<Loading lines={6} />}>
      {(loaded) => (
        <Show
          when={loaded().value}
          fallback={
            <div class="stack">
              <EmptyState>{t('technician.notOnDevice')}</EmptyState>
              <ButtonLink href="/technician" size="lg" block>
                {t('technician.backToJobs')}
              </ButtonLink>
            </div>
          }
        >
          {(current) => <InterventionFlow job={current()} />}
        </Show>
      )}
    </Show>
  );
}
