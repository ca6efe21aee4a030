import { For, Show } from 'solid-js';
import { graphql } from '../../gql';
import type { CallStatisticsFieldsFragment } from '../../gql/graphql';
import { intlLocale, t, tCount } from '../../i18n';
import { formatDay, formatDayShort, formatDuration, formatNumber } from '../../i18n/format';
import { parisDateFromKey, parisWeekday } from '../../i18n/parisTime';
import '../office/office.css';

export const CallStatisticsFields = graphql(`
  fragment CallStatisticsFields on CallStatistics {
    total
    inbound
    outbound
    missed
    answered
    missedRate
    averageAnswerDelaySeconds
    medianAnswerDelaySeconds
    perDay {
      date
      total
      missed
    }
    perHour {
      hour
      total
      missed
    }
  }
`);

interface Bar {
  key: string;
  label: string;
  /** What a screen reader says for the bar ("mardi 12 : 14 appels, dont 2 manqués"). */
  description: string;
  total: number;
  missed: number;
  /** Keeps its label when the chart is too narrow to label every column (Mondays). */
  tick?: boolean;
}

// Beyond this many columns, the figures above them and most labels no longer fit on a phone.
const denseBarCount = 14;

/** Volumes as columns: answered calls in the accent colour, missed ones stacked in red at the bottom. */
function BarChart(props: { title: string; bars: Bar[] }) {
  const highest = () => Math.max(1, ...props.bars.map((bar) => bar.total));
  return (
    <figure class="bar-chart">
      <figcaption class="bar-chart-title">{props.title}</figcaption>
      <ol class="bars" classList={{ 'bars-dense': props.bars.length > denseBarCount }} style={{ '--bar-count': props.bars.length }}>
        <For each={props.bars}>
          {(bar) => (
            <li class="bar" classList={{ 'bar-tick': bar.tick }} title={bar.description}>
              <span class="bar-track" aria-hidden="true">
                <span class="bar-value">{bar.total > 0 ? formatNumber(bar.total) : ''}</span>
                <span class="bar-fill" style={{ height: `${(bar.total / highest()) * 100}%` }}>
                  <span class="bar-missed" style={{ height: bar.total > 0 ? `${(bar.missed / bar.total) * 100}%` : '0' }} />
                </span>
              </span>
              <span class="bar-label" aria-hidden="true">
                {bar.label}
              </span>
              <span class="visually-hidden">{bar.description}</span>
            </li>
          )}
        </For>
      </ol>
    </figure>
  );
}

// The office answers from 8 h to 18 h: those hours always show, others only when calls came in.
const firstOfficeHour = 8;
const lastOfficeHour = 18;

/** Figures of the period: volumes, answer delay and missed calls, then volume per day and per hour. */
export function CallStatisticsPanel(props: { statistics: CallStatisticsFieldsFragment; showDays: boolean }) {
  const percent = (rate: number) => new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
  const delay = (seconds: number | null | undefined) => (seconds == null ? '—' : formatDuration(Math.round(seconds)));
  const describe = (when: string, total: number, missed: number) =>
    `${when}\u00a0: ${tCount('calls.barCalls', total)}${missed > 0 ? `, ${tCount('calls.barMissed', missed)}` : ''}`;

  const dayBars = (): Bar[] =>
    props.statistics.perDay.map((day) => {
      const date = parisDateFromKey(day.date) ?? new Date(day.date);
      const short = formatDayShort(date);
      return {
        key: day.date,
        label: short.day,
        description: describe(formatDay(date), day.total, day.missed),
        total: day.total,
        missed: day.missed,
        tick: parisWeekday(date) === 1,
      };
    });
  const hourBars = (): Bar[] =>
    props.statistics.perHour
      .filter((hour) => hour.total > 0 || (hour.hour >= firstOfficeHour && hour.hour <= lastOfficeHour))
      .map((hour) => ({
        key: String(hour.hour),
        label: t('calls.hourShort', { hour: hour.hour }),
        description: describe(t('calls.hourRange', { from: hour.hour, to: hour.hour + 1 }), hour.total, hour.missed),
        total: hour.total,
        missed: hour.missed,
      }));

  const tiles = () => [
    { label: t('calls.stat.total'), value: formatNumber(props.statistics.total), attention: false },
    { label: t('calls.stat.inbound'), value: formatNumber(props.statistics.inbound), attention: false },
    { label: t('calls.stat.answered'), value: formatNumber(props.statistics.answered), attention: false },
    { label: t('calls.stat.missed'), value: formatNumber(props.statistics.missed), attention: props.statistics.missed > 0 },
    {
      label: t('calls.stat.missedRate'),
      value: props.statistics.missedRate == null ? '—' : percent(props.statistics.missedRate),
      attention: (props.statistics.missedRate ?? 0) > 0.1,
    },
    { label: t('calls.stat.averageDelay'), value: delay(props.statistics.averageAnswerDelaySeconds), attention: false },
    { label: t('calls.stat.medianDelay'), value: delay(props.statistics.medianAnswerDelaySeconds), attention: false },
  ];

  return (
    <section class="stack" aria-labelledby="call-statistics-heading">
      <h2 id="call-statistics-heading" class="visually-hidden">
        {t('calls.statisticsTitle')}
      </h2>
      <div class="overview overview-row">
        <dl class="overview-list">
          <For each={tiles()}>
            {(tile) => (
              <div class={`overview-tile ${tile.attention ? 'overview-tile-attention' : ''}`}>
                <dt>{tile.label}</dt>
                <dd>{tile.value}</dd>
              </div>
            )}
          </For>
        </dl>
      </div>
      <div class="bar-charts">
        <Show when={props.showDays}>
          <BarChart title={t('calls.perDay')} bars={dayBars()} />
        </Show>
        <BarChart title={t('calls.perHour')} bars={hourBars()} />
      </div>
      <p class="bar-legend small muted" aria-hidden="true">
        <span class="bar-legend-answered" /> {t('calls.legendAnswered')} <span class="bar-legend-missed" /> {t('calls.legendMissed')}
      </p>
    </section>
  );
}
