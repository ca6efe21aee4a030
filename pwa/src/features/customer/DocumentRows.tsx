import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import { formatDate, formatMoney } from '../../i18n/format';
import { EmptyState } from '../../ui/EmptyState';
import { InvoiceStatusBadge, QuoteStatusBadge } from '../../ui/statusBadges';
import { graphql } from '../../gql';
import type { InvoiceSummaryFragment, QuoteSummaryFragment } from '../../gql/graphql';

export const QuoteSummaryFields = graphql(`
  fragment QuoteSummary on Quote {
    id
    number
    title
    status
    totalTtcCents
    validUntil
  }
`);

export const InvoiceSummaryFields = graphql(`
  fragment InvoiceSummary on Invoice {
    id
    number
    status
    issuedAt
    dueAt
    totalTtcCents
    paidCents
  }
`);

export function QuoteRows(props: { quotes: QuoteSummaryFragment[] }) {
  return (
    <Show when={props.quotes.length > 0} fallback={<EmptyState>{t('quotes.none')}</EmptyState>}>
      <ul class="rows">
        <For each={props.quotes}>
          {(quote) => (
            <li>
              <div class="row-main">
                <strong>{quote.title}</strong>
                <span class="muted small">
                  {t('quotes.numberAndValidity', { number: quote.number, date: formatDate(quote.validUntil) })}
                </span>
              </div>
              <div class="row-side">
                <span class="amount">{formatMoney(quote.totalTtcCents, { taxIncluded: true })}</span>
                <QuoteStatusBadge status={quote.status} />
              </div>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** What is left to pay on an invoice (nothing on a cancelled one). */
export function unpaidCents(invoice: InvoiceSummaryFragment): number {
  return invoice.status === 'CANCELLED' ? 0 : Math.max(0, invoice.totalTtcCents - invoice.paidCents);
}

export function InvoiceRows(props: { invoices: InvoiceSummaryFragment[] }) {
  return (
    <Show when={props.invoices.length > 0} fallback={<EmptyState>{t('invoices.none')}</EmptyState>}>
      <ul class="rows">
        <For each={props.invoices}>
          {(invoice) => (
            <li>
              <div class="row-main">
                <strong>{t('invoices.number', { number: invoice.number })}</strong>
                <span class="muted small">
                  {t('invoices.issuedAndDue', { issued: formatDate(invoice.issuedAt), due: formatDate(invoice.dueAt) })}
                </span>
                <Show when={unpaidCents(invoice) > 0 && invoice.paidCents > 0}>
                  <span class="small">{t('invoices.leftToPay', { amount: formatMoney(unpaidCents(invoice), { taxIncluded: true }) })}</span>
                </Show>
              </div>
              <div class="row-side">
                <span class="amount">{formatMoney(invoice.totalTtcCents, { taxIncluded: true })}</span>
                <InvoiceStatusBadge status={invoice.status} />
              </div>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
