import { createUniqueId, For, Show, untrack } from 'solid-js';
import { priceQuote, quoteVatRatesBp } from '../../../../api/resolvers/quoteContent.ts';
import { t } from '../../i18n';
import { formatMoney, formatNumber } from '../../i18n/format';
import type { ReportMaterial, VatRateBp } from '../../offline/db';
import { Button } from '../../ui/Button';

/** A material of the report or a line of a quote (with its VAT rate): what is sold, how many, at what price. */
export type PricedLine = ReportMaterial & { vatRateBp?: VatRateBp };

/** "5,5 %" */
export function formatVatRate(rateBp: number): string {
  return `${formatNumber(rateBp / 100)}\u00a0%`;
}

/** "12,5" or "12.5" → 12.5; undefined for anything else (at most three decimals, as stored). */
export function parseDecimal(text: string): number | undefined {
  const normalized = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,3})?$/.test(normalized)) return undefined;
  return Number(normalized);
}

/** "12,50" (euros) → 1250 cents. */
export function parseEuros(text: string): number | undefined {
  const amount = parseDecimal(text);
  return amount === undefined || !/^\d+([.,]\d{1,2})?$/.test(text.trim()) ? undefined : Math.round(amount * 100);
}

const decimalText = (value: number) => String(value).replace('.', ',');
const eurosText = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/**
 * One line's fields. Number inputs keep what is typed ("1," on the way to "1,5") and
 * report a value only once it reads as a number.
 */
function LineFields(props: { line: PricedLine; withVat: boolean; onChange: (line: PricedLine) => void; onRemove: () => void }) {
  const initial = untrack(() => props.line);
  const vatLabelId = createUniqueId();
  const update = (change: Partial<PricedLine>) => props.onChange({ ...props.line, ...change });
  // Rounded as the API rounds quote lines, so the device never shows a cent the office will not.
  const lineTotal = () => priceQuote({ lines: [{ ...props.line, vatRateBp: 0 }], travelCostCents: 0 }).lines[0]?.totalHtCents ?? 0;
  return (
    <li class="line-card">
      <label class="line-field">
        <span class="field-label">{t('technician.lineLabel')}</span>
        <input class="input" value={initial.label} onInput={(event) => update({ label: event.currentTarget.value })} />
      </label>
      <div class="line-numbers">
        <label class="line-field">
          <span class="field-label">{t('technician.quantity')}</span>
          <input
            class="input"
            inputmode="decimal"
            value={decimalText(initial.quantity)}
            onInput={(event) => {
              const quantity = parseDecimal(event.currentTarget.value);
              if (quantity !== undefined) update({ quantity });
            }}
          />
        </label>
        <label class="line-field">
          <span class="field-label">{t('technician.unit')}</span>
          <input class="input" value={initial.unit} onInput={(event) => update({ unit: event.currentTarget.value })} />
        </label>
        <label class="line-field">
          <span class="field-label">{t('technician.unitPrice')}</span>
          <input
            class="input"
            inputmode="decimal"
            value={eurosText(initial.unitPriceCents)}
            onInput={(event) => {
              const unitPriceCents = parseEuros(event.currentTarget.value);
              if (unitPriceCents !== undefined) update({ unitPriceCents });
            }}
          />
        </label>
      </div>
      <Show when={props.withVat}>
        <div class="line-field">
          <span class="field-label" id={vatLabelId}>
            {t('technician.vatRate')}
          </span>
          <div class="segmented line-vat" role="group" aria-labelledby={vatLabelId}>
            <For each={quoteVatRatesBp}>
              {(rate) => (
                <button type="button" aria-pressed={props.line.vatRateBp === rate} onClick={() => update({ vatRateBp: rate })}>
                  {formatVatRate(rate)}
                </button>
              )}
            </For>
          </div>
        </div>
      </Show>
      <div class="line-foot">
        <span class="line-total">{t('technician.lineTotal', { amount: formatMoney(lineTotal()) })}</span>
        <Button variant="ghost" onClick={() => props.onRemove()} aria-label={t('technician.removeLine', { label: props.line.label })}>
          {t('technician.remove')}
        </Button>
      </div>
    </li>
  );
}

/** Lines keyed by id: typing in one never re-creates another's inputs. */
export function LineEditor(props: { lines: PricedLine[]; withVat: boolean; onChange: (lines: PricedLine[]) => void }) {
  const ids = () => props.lines.map((line) => line.id);
  const lineById = (id: string) => props.lines.find((line) => line.id === id);
  return (
    <ul class="plain line-list">
      <For each={ids()}>
        {(id) => (
          <Show when={lineById(id)}>
            {(line) => (
              <LineFields
                line={line()}
                withVat={props.withVat}
                onChange={(changed) => props.onChange(props.lines.map((current) => (current.id === id ? changed : current)))}
                onRemove={() => props.onChange(props.lines.filter((current) => current.id !== id))}
              />
            )}
          </Show>
        )}
      </For>
    </ul>
  );
}
