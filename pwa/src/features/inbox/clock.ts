import { createSignal } from 'solid-js';
import { parisDateKey } from '../../i18n/parisTime';
import { t } from '../../i18n';
import { formatDateTime, formatTime, type DateTimeValue } from '../../i18n/format';

// Ages and SLA countdowns move on their own while a screen stays open all day.
const tickMs = 30_000;
const [now, setNow] = createSignal(new Date());
setInterval(() => setNow(new Date()), tickMs);

/** The current time, refreshed every 30 s: reading it makes a view follow the clock. */
export { now };

const minuteMs = 60_000;

/** "moins d’1 min", "45 min", "3 h", "2 j": how long ago or how long until, in round units. */
export function formatSpan(milliseconds: number): string {
  const minutes = Math.floor(Math.abs(milliseconds) / minuteMs);
  if (minutes < 1) return t('span.lessThanMinute');
  if (minutes < 60) return t('span.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('span.hours', { count: hours });
  return t('span.days', { count: Math.floor(hours / 24) });
}

/** A due time, on one line: the hour alone today ("14 h 30"), with the day otherwise ("12 mars, 10 h"). */
export function formatDue(value: DateTimeValue): string {
  const due = new Date(value);
  return (parisDateKey(due) === parisDateKey(now()) ? formatTime(due) : formatDateTime(due)).replace(/ /g, '\u00a0');
}
