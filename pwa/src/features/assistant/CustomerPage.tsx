import { Show } from 'solid-js';
import { useParams } from '@solidjs/router';
import { usePageTitle } from '../../app/pageTitle';
import { signedInUser } from '../../app/session';
import { t } from '../../i18n';
import { Customer360 } from './Customer360';
import { createCustomerChanges } from './customerChange';
import './assistant.css';

/** /assistant/customers/:id (and /manager/…): one customer's 360° record on its own page, the target of links from tickets and calls. */
export default function CustomerPage() {
  usePageTitle(() => t('customerPage.title'));
  const params = useParams<{ id: string }>();
  const { lastChange } = createCustomerChanges();
  return (
    <div class="stack" data-testid="customer-page">
      <Show when={signedInUser()?.role === 'ASSISTANT'}>
        <a class="back-link" href={`/assistant?customer=${encodeURIComponent(params.id)}`}>
          {t('customerPage.backToSearch')}
        </a>
      </Show>
      <h1 class="visually-hidden">{t('customerPage.title')}</h1>
      <Customer360 customerId={params.id} focusOnOpen lastChange={lastChange()} />
    </div>
  );
}
