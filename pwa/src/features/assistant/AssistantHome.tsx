import { createSignal, Show } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { usePageTitle } from '../../app/pageTitle';
import { t } from '../../i18n';
import { EmptyState } from '../../ui/EmptyState';
import { InboxShortcuts } from '../inbox/InboxShortcuts';
import { OfficeOverviewTiles } from '../office/OfficeOverviewTiles';
import { Customer360 } from './Customer360';
import { createCustomerChanges } from './customerChange';
import { CustomerSearch } from './CustomerSearch';
import './assistant.css';

/**
 * The assistant's desk: office counters and the inbox's views, then the customer search with the open
 * customer's 360° record beside it. The search text and the open customer live in
 * the address (?q=…&customer=…) so the view survives a reload and can be shared.
 */
export default function AssistantHome() {
  usePageTitle(() => t('assistant.title'));
  const [searchParams, setSearchParams] = useSearchParams<{ q?: string; customer?: string }>();
  const [openedByUser, setOpenedByUser] = createSignal(false);
  // Another user (or the telephony integration) changed a customer: what shows it refreshes.
  const { lastChange, recentlyChangedId } = createCustomerChanges();

  const openCustomer = (customerId: string) => {
    setOpenedByUser(true);
    setSearchParams({ customer: customerId });
  };

  return (
    <div class="stack" data-testid="home-assistant">
      <h1 class="visually-hidden">{t('assistant.title')}</h1>
      <OfficeOverviewTiles variant="row" headingLevel={2} />
      <InboxShortcuts />
      <div class="assistant-workspace">
        <CustomerSearch
          initialText={searchParams.q ?? ''}
          selectedId={searchParams.customer}
          recentlyChangedId={recentlyChangedId()}
          onSearchText={(text) => setSearchParams({ q: text || undefined }, { replace: true })}
          onOpen={openCustomer}
          lastChange={lastChange()}
        />
        <Show
          when={searchParams.customer}
          keyed
          fallback={
            <div class="customer-360-empty">
              <EmptyState>{t('assistant.pickCustomer')}</EmptyState>
            </div>
          }
        >
          {(customerId) => <Customer360 customerId={customerId} focusOnOpen={openedByUser()} lastChange={lastChange()} />}
        </Show>
      </div>
    </div>
  );
}
