import { Show } from 'solid-js';
import { t } from '../../i18n';
import { formatMinutes } from '../../i18n/format';
import { newClientId, type ReportContent } from '../../offline/db';
import { Button } from '../../ui/Button';
import { TextAreaField, TextField } from '../../ui/TextField';
import { CatalogPicker } from './CatalogPicker';
import { LineEditor, parseDecimal, type PricedLine } from './LineEditor';
import { typingSaveDelayMs, type Draft } from './draft';

/** Work done, materials from the catalogue (or not), time spent, observations, reservations, and the sales opportunity. */
export function WorkStep(props: { draft: Draft<ReportContent>; minutesSinceArrival: number | undefined }) {
  const report = () => props.draft.value;
  const typed = (write: (draft: ReportContent, text: string) => void) => (event: { currentTarget: HTMLTextAreaElement }) => {
    const text = event.currentTarget.value;
    props.draft.edit((draft) => write(draft, text), typingSaveDelayMs);
  };
  const setMaterials = (materials: PricedLine[], delayMs = typingSaveDelayMs) =>
    props.draft.edit((draft) => void (draft.materials = materials), delayMs);
  return (
    <div class="stack">
      <TextAreaField
        label={t('technician.workDone')}
        name="workDone"
        value={report().workDone}
        onInput={typed((draft, text) => (draft.workDone = text))}
      />
      <div class="stack-sm">
        <h3 class="step-subheading">{t('technician.materials')}</h3>
        <Show when={report().materials.length === 0}>
          <p class="muted">{t('technician.noMaterials')}</p>
        </Show>
        <LineEditor lines={report().materials} withVat={false} onChange={(lines) => setMaterials(lines)} />
        <CatalogPicker
          name="materialSearch"
          onPick={(item) =>
            setMaterials(
              [
                ...report().materials,
                {
                  id: newClientId(),
                  catalogItemId: item.id,
                  label: item.label,
                  quantity: 1,
                  unit: item.unit,
                  unitPriceCents: item.unitPriceCents,
                },
              ],
              0,
            )
          }
        />
        <Button
          variant="secondary"
          size="lg"
          block
          onClick={() =>
            setMaterials(
              [...report().materials, { id: newClientId(), catalogItemId: null, label: '', quantity: 1, unit: 'u', unitPriceCents: 0 }],
              0,
            )
          }
        >
          {t('technician.addFreeMaterial')}
        </Button>
      </div>
      <TextField
        label={t('technician.timeSpent')}
        name="timeSpentMinutes"
        inputmode="numeric"
        class="field-short"
        hint={
          props.minutesSinceArrival === undefined
            ? undefined
            : t('technician.sinceArrival', { duration: formatMinutes(props.minutesSinceArrival) })
        }
        value={report().timeSpentMinutes ?? ''}
        onInput={(event) => {
          const minutes = parseDecimal(event.currentTarget.value);
          props.draft.edit(
            (draft) => void (draft.timeSpentMinutes = minutes === undefined ? null : Math.round(minutes)),
            typingSaveDelayMs,
          );
        }}
      />
      <TextAreaField
        label={t('technician.observations')}
        name="observations"
        value={report().observations}
        onInput={typed((draft, text) => (draft.observations = text))}
      />
      <TextAreaField
        label={t('technician.reservations')}
        name="reservations"
        hint={t('technician.reservationsHint')}
        value={report().reservations}
        onInput={typed((draft, text) => (draft.reservations = text))}
      />
      <label class="big-check">
        <input
          type="checkbox"
          checked={report().opportunity}
          onChange={(event) => {
            const opportunity = event.currentTarget.checked;
            props.draft.edit((draft) => void (draft.opportunity = opportunity));
          }}
        />
        <span>
          <strong>{t('technician.opportunity')}</strong>
          <span class="muted"> {t('technician.opportunityHint')}</span>
        </span>
      </label>
      <Show when={report().opportunity}>
        <TextAreaField
          label={t('technician.opportunityNote')}
          name="opportunityNote"
          value={report().opportunityNote}
          onInput={typed((draft, text) => (draft.opportunityNote = text))}
        />
      </Show>
    </div>
  );
}
