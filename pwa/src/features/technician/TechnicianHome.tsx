import { createMemo, For, Match, Show, Switch } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { createLiveQuery } from '../../app/liveQuery';
import { LiveStatus } from '../../app/LiveStatus';
import { usePageTitle } from '../../app/pageTitle';
import { graphql } from '../../gql';
import { t, tCount } from '../../i18n';
import { formatDay, formatDayRange } from '../../i18n/format';
import { parisDateFromKey, parisDateKey, parisDayRange, startOfParisDay, startOfParisWeek } from '../../i18n/parisTime';
import { readJobs } from '../../offline/agenda';
import { offlineSetStoredAtKey } from '../../offline/offlineSet';
import { createLocalQuery } from '../../offline/localQuery';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { JobCard, type AgendaJob } from './JobCard';
import { useOffline } from './offlineContext';
import './technician.css';

const TechnicianAgendaQuery = graphql(`
  query TechnicianAgenda($from: DateTime!, $to: DateTime!) {
    technicianAgenda(from: $from, to: $to) {
      ...JobCardFields
    }
  }
`);

type Period = 'today' | 'tomorrow' | 'week';

const daysPerWeek = 7;

function JobList(props: { jobs: AgendaJob[]; headingLevel: 2 | 3 }) {
  const { db } = useOffline();
  const outbox = createLocalQuery(() => db.outbox.toArray());
  const waiting = (appointmentId: string) => outbox()?.value.filter((entry) => entry.appointmentId === appointmentId).length;
  return (
    <ol class="plain job-list">
      <For each={props.jobs}>
        {(job, index) => <JobCard job={job} position={index() + 1} headingLevel={props.headingLevel} waiting={waiting(job.id)} />}
      </For>
    </ol>
  );
}

/** The week, Monday to Sunday, one section per day with that day's jobs in order. */
function WeekJobs(props: { monday: Date; jobs: AgendaJob[] }) {
  const days = createMemo(() => {
    const monday = props.monday;
    return Array.from({ length: daysPerWeek }, (_, index) => startOfParisDay(monday, index));
  });
  const jobsByDay = createMemo(() => {
    const byDay = new Map<string, AgendaJob[]>();
    for (const job of props.jobs) {
      const key = parisDateKey(new Date(job.startsAt));
      byDay.set(key, [...(byDay.get(key) ?? []), job]);
    }
    return byDay;
  });
  const today = parisDateKey(new Date());
  return (
    <div class="week-days">
      <For each={days()}>
        {(day) => {
          const key = parisDateKey(day);
          const dayJobs = () => jobsByDay().get(key) ?? [];
          return (
            <section class="week-day" classList={{ 'week-day-today': key === today }} aria-labelledby={`week-day-${key}`}>
              <div class="week-day-heading">
                <h2 id={`week-day-${key}`}>{formatDay(day)}</h2>
                <Show when={key === today}>
                  <Badge tone="info">{t('technician.todayMark')}</Badge>
                </Show>
                <Show when={dayJobs().length > 0}>
                  <span class="muted">{tCount('technician.jobCount', dayJobs().length)}</span>
                </Show>
              </div>
              <Show when={dayJobs().length > 0} fallback={<p class="muted">{t('technician.noJobsThatDay')}</p>}>
                <JobList jobs={dayJobs()} headingLevel={3} />
              </Show>
            </section>
          );
        }}
      </For>
    </div>
  );
}

/**
 * The technician's jobs: today (the home), tomorrow, or a week from Monday to Sunday
 * with the previous and next weeks a tap away. The choice is in the address
 * (?view=week&week=2026-03-09) so that a reload keeps it.
 */
export default function TechnicianHome() {
  usePageTitle(() => t('technician.title'));
  const [params, setParams] = useSearchParams<{ view?: string; week?: string }>();
  const period = (): Period => (params.view === 'tomorrow' || params.view === 'week' ? params.view : 'today');
  const monday = createMemo(() => startOfParisWeek(parisDateFromKey(params.week) ?? new Date()));
  const range = createMemo(() =>
    period() === 'week' ? { from: monday(), to: startOfParisDay(monday(), daysPerWeek) } : parisDayRange(period() === 'tomorrow' ? 1 : 0),
  );
  const { db, engine } = useOffline();
  // Today and tomorrow come from the device (they open in a basement); other weeks from the server.
  const fromServer = () => period() === 'week';
  const network = createLiveQuery({
    query: TechnicianAgendaQuery,
    variables: () => ({ from: range().from.toISOString(), to: range().to.toISOString() }),
    pause: () => !fromServer(),
  });
  const local = createLocalQuery((days) => readJobs(db, days.from, days.to), range);
  const storedAt = createLocalQuery(async () => {
    const entry = await db.meta.get(offlineSetStoredAtKey);
    return typeof entry?.value === 'string' ? new Date(entry.value) : undefined;
  });
  const neverStored = () => storedAt() !== undefined && storedAt()?.value === undefined;
  const jobs = (): AgendaJob[] | undefined => {
    if (fromServer()) return network.current()?.technicianAgenda ?? (network.result.error ? local()?.value : undefined);
    return neverStored() ? undefined : local()?.value;
  };

  const choosePeriod = (next: Period) => setParams({ view: next === 'today' ? undefined : next, week: undefined });
  const showWeekOf = (day: Date) => {
    const target = startOfParisWeek(day);
    setParams({ week: target.getTime() === startOfParisWeek(new Date()).getTime() ? undefined : parisDateKey(target) });
  };
  const heading = () => ({ today: t('technician.today'), tomorrow: t('technician.tomorrow'), week: t('technician.myWeek') })[period()];
  const dates = () =>
    period() === 'week' ? formatDayRange(range().from, startOfParisDay(range().from, daysPerWeek - 1)) : formatDay(range().from);

  return (
    <div class="stack" data-testid="home-technician">
      <div class="page-heading">
        <div class="stack-sm">
          <h1>{heading()}</h1>
          <p class="muted technician-date">{dates()}</p>
        </div>
        <SegmentedControl
          label={t('technician.periodChoice')}
          value={period()}
          onChange={choosePeriod}
          options={[
            { value: 'today', label: t('technician.today') },
            { value: 'tomorrow', label: t('technician.tomorrow') },
            { value: 'week', label: t('technician.week') },
          ]}
        />
      </div>
      <Show when={period() === 'week'}>
        <div class="week-nav">
          <Button
            variant="secondary"
            size="lg"
            onClick={() => showWeekOf(startOfParisDay(monday(), -daysPerWeek))}
            aria-label={t('technician.previousWeek')}
          >
            ‹
          </Button>
          <Button variant="secondary" size="lg" onClick={() => showWeekOf(new Date())}>
            {t('technician.thisWeek')}
          </Button>
          <Button
            variant="secondary"
            size="lg"
            onClick={() => showWeekOf(startOfParisDay(monday(), daysPerWeek))}
            aria-label={t('technician.nextWeek')}
          >
            ›
          </Button>
        </div>
      </Show>
      <Show when={fromServer()} fallback={<LiveStatus updatedAt={storedAt()?.value} onRetry={() => void engine.sync({ refresh: true })} />}>
        <LiveStatus updatedAt={network.updatedAt()} error={network.result.error} onRetry={network.refresh} />
      </Show>
      <Switch>
        <Match when={neverStored() && engine.offline()}>
          <EmptyState>{t('technician.notDownloadedYet')}</EmptyState>
        </Match>
        <Match when={!jobs()}>
          <Loading lines={5} />
        </Match>
      </Switch>
      <Show when={jobs()}>
        {(list) => (
          <Show
            when={period() === 'week'}
            fallback={
              <Show when={list().length > 0} fallback={<EmptyState>{t('technician.noJobs')}</EmptyState>}>
                <p class="muted">{tCount('technician.jobCount', list().length)}</p>
                <JobList jobs={list()} headingLevel={2} />
              </Show>
            }
          >
            <Show when={list().length > 0} fallback={<EmptyState>{t('technician.noJobsThatWeek')}</EmptyState>}>
              <p class="muted">{tCount('technician.jobCount', list().length)}</p>
              <WeekJobs monday={monday()} jobs={list()} />
            </Show>
          </Show>
        )}
      </Show>
    </div>
  );
}
