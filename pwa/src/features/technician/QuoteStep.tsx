import { createSignal, For, Show, untrack } from 'solid-js';
import { priceQuote, type PricedQuote } from '../../../../api/resolvers/quoteContent.ts';
import { t } from '../../i18n';
import { formatMoney } from '../../i18n/format';
import type { LocalJob } from '../../offline/agenda';
import type { LocalQuote, OutboxEntry } from '../../offline/db';
import { createLocalQuery } from '../../offline/localQuery';
import { deleteQuoteDraft, editQuoteDraft, newQuoteLine, saveQuote, startQuote, type QuoteDraftContent } from '../../offline/onSite';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { CatalogPicker } from './CatalogPicker';
import { createDraft, typingSaveDelayMs } from './draft';
import { formatVatRate, LineEditor, parseEuros } from './LineEditor';
import { SignatureForm, SignedBy } from './SignatureStep';
import { entryStateOf, SyncStateBadge } from './SyncStateBadge';
import { useOffline } from './offlineContext';

/** HT, VAT per rate and TTC, as the API will compute them. */
function QuoteTotals(props: { priced: PricedQuote }) {
  return (
    <dl class="quote-totals">
      <Show when={props.priced.travelCostCents > 0}>
        <dt>{t('technician.travelCost')}</dt>
        <dd>{formatMoney(props.priced.travelCostCents)}</dd>
      </Show>
      <dt>{t('technician.totalHt')}</dt>
      <dd>{formatMoney(props.priced.totalHtCents)}</dd>
      <For each={props.priced.vatByRate}>
        {(rate) => (
          <>
            <dt>{t('technician.vatAt', { rate: formatVatRate(rate.vatRateBp), base: formatMoney(rate.baseHtCents) })}</dt>
            <dd>{formatMoney(rate.vatCents)}</dd>
          </>
        )}
      </For>
      <dt class="quote-total-ttc">{t('technician.totalTtc')}</dt>
      <dd class="quote-total-ttc" data-testid="quote-total-ttc">
        {formatMoney(props.priced.totalTtcCents)}
      </dd>
    </dl>
  );
}

const pricedQuote = (quote: QuoteDraftContent) => priceQuote({ lines: quote.lines, travelCostCents: quote.travelCostCents });

function QuoteEditor(props: { quote: LocalQuote; job: LocalJob }) {
  const { db, changed } = useOffline();
  // The editor keeps its own copy from the draft as it was opened.
  const draft = createDraft<QuoteDraftContent>(
    untrack(() => ({ title: props.quote.title, lines: props.quote.lines, travelCostCents: props.quote.travelCostCents })),
    (content) => editQuoteDraft(db, props.quote.id, content),
  );
  const priced = () => pricedQuote(draft.value);
  const [saving, setSaving] = createSignal(false);
  const save = async (acceptance?: { signerName: string; image: Blob }) => {
    setSaving(true);
    try {
      await draft.flush();
      await saveQuote(db, props.quote.id, { customerId: props.job.customer.id, siteId: props.job.site.id }, acceptance);
      changed();
    } finally {
      setSaving(false);
    }
  };
  return (
    <div class="stack quote-editor" data-testid="quote-editor">
      <TextField
        label={t('technician.quoteTitle')}
        name="quoteTitle"
        required
        value={draft.value.title}
        onInput={(event) => {
          const title = event.currentTarget.value;
          draft.edit((quote) => void (quote.title = title), typingSaveDelayMs);
        }}
      />
      <LineEditor
        lines={draft.value.lines}
        withVat
        onChange={(lines) => draft.edit((quote) => void (quote.lines = lines as LocalQuote['lines']), typingSaveDelayMs)}
      />
      <CatalogPicker
        name="quoteSearch"
        onPick={(item) =>
          draft.edit(
            (quote) =>
              void quote.lines.push(
                newQuoteLine({
                  catalogItemId: item.id,
                  label: item.label,
                  quantity: 1,
                  unit: item.unit,
                  unitPriceCents: item.unitPriceCents,
                  vatRateBp: item.vatRateBp === 1000 || item.vatRateBp === 550 ? item.vatRateBp : 2000,
                }),
              ),
          )
        }
      />
      <Button
        variant="secondary"
        size="lg"
        block
        onClick={() =>
          draft.edit(
            (quote) =>
              void quote.lines.push(
                newQuoteLine({ catalogItemId: null, label: '', quantity: 1, unit: 'u', unitPriceCents: 0, vatRateBp: 2000 }),
              ),
          )
        }
      >
        {t('technician.addFreeLine')}
      </Button>
      <TextField
        label={t('technician.travelCostField')}
        name="travelCost"
        inputmode="decimal"
        class="field-short"
        value={(props.quote.travelCostCents / 100).toFixed(2).replace('.', ',')}
        onInput={(event) => {
          const cents = parseEuros(event.currentTarget.value);
          if (cents !== undefined) draft.edit((quote) => void (quote.travelCostCents = cents), typingSaveDelayMs);
        }}
      />
      <QuoteTotals priced={priced()} />
      <Show when={priced().vatAttestation}>{(attestation) => <p class="quote-attestation">{attestation()}</p>}</Show>
      <Show when={draft.value.lines.length > 0}>
        <div class="quote-acceptance stack">
          <h3 class="step-subheading">{t('technician.goodForWork')}</h3>
          <p class="muted">{t('technician.goodForWorkHint')}</p>
          <SignatureForm
            defaultName={props.job.customer.name}
            nameField="quoteSignerName"
            padLabel={t('technician.quoteSignaturePad')}
            submitLabel={t('technician.acceptQuote', { amount: formatMoney(priced().totalTtcCents, { taxIncluded: true }) })}
            sign={(signerName, image) => save({ signerName, image })}
          />
          <Button variant="secondary" size="lg" block busy={saving()} onClick={() => void save()}>
            {t('technician.saveQuoteUnsigned')}
          </Button>
        </div>
      </Show>
      <Button variant="ghost" onClick={() => void deleteQuoteDraft(db, props.quote.id)}>
        {t('technician.deleteQuoteDraft')}
      </Button>
    </div>
  );
}

function SavedQuote(props: { quote: LocalQuote; entries: OutboxEntry[] }) {
  const priced = () => pricedQuote(props.quote);
  const state = () => {
    const quoteId = props.quote.id;
    return entryStateOf(
      props.entries,
      (operation) => (operation.kind === 'createQuote' || operation.kind === 'acceptQuote') && operation.quoteId === quoteId,
    );
  };
  return (
    <div class="stack saved-quote" data-testid="saved-quote">
      <div class="spread">
        <h3 class="step-subheading">
          {props.quote.number ? t('technician.quoteNumber', { number: props.quote.number }) : props.quote.title}
        </h3>
        <SyncStateBadge state={state()} />
      </div>
      <ul class="plain rows">
        <For each={props.quote.lines}>
          {(line) => (
            <li>
              <span class="row-main">
                {line.label} × {String(line.quantity).replace('.', ',')} {line.unit}
              </span>
              <span class="row-side">{formatVatRate(line.vatRateBp)}</span>
            </li>
          )}
        </For>
      </ul>
      <QuoteTotals priced={priced()} />
      <Show when={props.quote.acceptance} fallback={<p class="muted">{t('technician.quoteUnsigned')}</p>}>
        {(acceptance) => <SignedBy signature={acceptance()} state={state()} testId="quote-signed" />}
      </Show>
    </div>
  );
}

/** An optional quote drawn up with the customer, priced on the device and signed "Bon pour travaux". */
export function QuoteStep(props: { job: LocalJob; entries: OutboxEntry[] }) {
  const { db } = useOffline();
  const quotes = createLocalQuery(
    (id) => db.quotes.where('appointmentId').equals(id).sortBy('createdAt'),
    () => props.job.id,
  );
  const quoteIds = () => (quotes()?.value ?? []).map((quote) => quote.id);
  const quoteById = (id: string) => quotes()?.value.find((quote) => quote.id === id);
  const hasDraft = () => (quotes()?.value ?? []).some((quote) => quote.savedAt === null);
  return (
    <div class="stack">
      <For each={quoteIds()}>
        {(id) => (
          <Show when={quoteById(id)}>
            {(quote) => (
              <Show when={quote().savedAt} fallback={<QuoteEditor quote={quote()} job={props.job} />}>
                <SavedQuote quote={quote()} entries={props.entries} />
              </Show>
            )}
          </Show>
        )}
      </For>
      <Show when={!hasDraft()}>
        <Button
          variant="secondary"
          size="lg"
          block
          onClick={() => void startQuote(db, props.job.id, t('technician.quoteDefaultTitle', { service: props.job.service.name }))}
        >
          {t('technician.newQuote')}
        </Button>
      </Show>
    </div>
  );
}
