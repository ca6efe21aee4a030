import { For, Show } from 'solid-js';
import { t, tCount } from '../../i18n';
import { formatAddress, formatDate, formatMoney } from '../../i18n/format';
import { EmptyState } from '../../ui/EmptyState';
import { ContractStatusBadge } from '../../ui/statusBadges';
import { graphql } from '../../gql';
import type { ContractSummaryFragment, SiteSummaryFragment } from '../../gql/graphql';

export const SiteSummaryFields = graphql(`
  fragment SiteSummary on Site {
    id
    label
    street
    postalCode
    city
    accessNotes
  }
`);

export const ContractSummaryFields = graphql(`
  fragment ContractSummary on Contract {
    id
    number
    status
    renewalDate
    visitFrequencyMonths
    priceCents
    vatRateBp
    site {
      id
      street
      postalCode
      city
    }
  }
`);

/** Contract prices are stored before tax with their own VAT rate; customers read prices with tax. */
function priceWithTaxCents(contract: ContractSummaryFragment): number {
  return Math.round((contract.priceCents * (10_000 + contract.vatRateBp)) / 10_000);
}

export function SiteRows(props: { sites: SiteSummaryFragment[] }) {
  return (
    <Show when={props.sites.length > 0} fallback={<EmptyState>{t('sites.none')}</EmptyState>}>
      <ul class="rows">
        <For each={props.sites}>
          {(site) => (
            <li>
              <div class="row-main">
                <Show when={site.label}>
                  <strong>{site.label}</strong>
                </Show>
                <span>{formatAddress(site)}</span>
                <Show when={site.accessNotes}>
                  <span class="muted small">{t('sites.access', { notes: site.accessNotes ?? '' })}</span>
                </Show>
              </div>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

export function ContractRows(props: { contracts: ContractSummaryFragment[] }) {
  return (
    <Show when={props.contracts.length > 0} fallback={<EmptyState>{t('contracts.none')}</EmptyState>}>
      <ul class="rows">
        <For each={props.contracts}>
          {(contract) => (
            <li>
              <div class="row-main">
                <strong>{t('contracts.number', { number: contract.number })}</strong>
                <span>{t('contracts.renewal', { date: formatDate(contract.renewalDate) })}</span>
                <span class="muted small">
                  {contract.visitFrequencyMonths === 12
                    ? t('contracts.visitYearly')
                    : tCount('contracts.visitEvery', contract.visitFrequencyMonths)}{' '}
                  · {t('contracts.price', { amount: formatMoney(priceWithTaxCents(contract), { taxIncluded: true }) })}
                </span>
                <Show when={contract.site}>{(site) => <span class="muted small">{formatAddress(site())}</span>}</Show>
              </div>
              <div class="row-side">
                <ContractStatusBadge status={contract.status} />
              </div>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
