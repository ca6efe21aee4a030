import { For } from 'solid-js';
import { t, type MessageKey } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { officePath } from './officePaths';
import { createTicketCounters, type TicketCounter } from './ticketFeed';
import './inbox.css';

const shortcuts: { view: string; counter: TicketCounter; label: MessageKey }[] = [
  { view: 'open', counter: 'open', label: 'inbox.view.open' },
  { view: 'mine', counter: 'mine', label: 'inbox.view.mine' },
  { view: 'unassigned', counter: 'unassigned', label: 'inbox.view.unassigned' },
  { view: 'risk', counter: 'slaAtRisk', label: 'inbox.view.slaAtRisk' },
];

/** The inbox's saved views with their live counters, as links from the assistant's desk. */
export function InboxShortcuts() {
  const { result } = createTicketCounters();
  return (
    <nav class="inbox-shortcuts" aria-labelledby="inbox-shortcuts-heading">
      <h2 id="inbox-shortcuts-heading" class="inbox-shortcuts-heading">
        <a href={officePath('/inbox')}>{t('inbox.title')}</a>
      </h2>
      <ul class="plain cluster">
        <For each={shortcuts}>
          {(shortcut) => {
            const count = () => result.data?.ticketCounters[shortcut.counter];
            return (
              <li>
                <a
                  class="inbox-shortcut"
                  classList={{ 'inbox-shortcut-alert': shortcut.counter === 'slaAtRisk' && (count() ?? 0) > 0 }}
                  href={officePath(`/inbox?view=${shortcut.view}`)}
                >
                  <span class="inbox-shortcut-count">{count() === undefined ? '…' : formatNumber(count() ?? 0)}</span>
                  {t(shortcut.label)}
                </a>
              </li>
            );
          }}
        </For>
      </ul>
    </nav>
  );
}
