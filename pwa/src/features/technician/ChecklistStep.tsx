import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import type { ChecklistItem, ReportContent } from '../../offline/db';
import { TextAreaField } from '../../ui/TextField';
import { typingSaveDelayMs, type Draft } from './draft';

/** The service's checklist: one big "OK" or "Anomalie" per item, with a comment for an anomaly. */
export function ChecklistStep(props: { items: ChecklistItem[]; draft: Draft<ReportContent> }) {
  const answer = (key: string) => props.draft.value.checklist[key];
  const answered = () => props.items.filter((item) => answer(item.key) !== undefined).length;
  return (
    <>
      <p class="muted">{t('technician.checklistProgress', { done: answered(), total: props.items.length })}</p>
      <ul class="plain checklist">
        <For each={props.items}>
          {(item) => (
            <li class="check-item">
              <p class="check-label">{item.label}</p>
              <div class="check-choices" role="group" aria-label={item.label}>
                <button
                  type="button"
                  class="check-choice check-choice-ok"
                  aria-pressed={answer(item.key)?.ok === true}
                  onClick={() => props.draft.edit((report) => void (report.checklist[item.key] = { ok: true }))}
                >
                  {t('technician.checkOk')}
                </button>
                <button
                  type="button"
                  class="check-choice check-choice-issue"
                  aria-pressed={answer(item.key)?.ok === false}
                  onClick={() => {
                    const comment = answer(item.key)?.comment ?? '';
                    props.draft.edit((report) => void (report.checklist[item.key] = { ok: false, comment }));
                  }}
                >
                  {t('technician.checkIssue')}
                </button>
              </div>
              <Show when={answer(item.key)?.ok === false}>
                <TextAreaField
                  label={t('technician.issueComment')}
                  name={`issue-${item.key}`}
                  value={answer(item.key)?.comment ?? ''}
                  onInput={(event) => {
                    const comment = event.currentTarget.value;
                    props.draft.edit((report) => void (report.checklist[item.key] = { ok: false, comment }), typingSaveDelayMs);
                  }}
                />
              </Show>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}
