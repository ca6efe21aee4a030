import { Show } from 'solid-js';
import { createCompanyContact } from '../../app/company';
import { usePageTitle } from '../../app/pageTitle';
import { t } from '../../i18n';
import { formatPhone } from '../../i18n/format';
import { ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import './client.css';

/** Online booking is not open yet: say so plainly and give the way to book today. */
export default function BookingSoonPage() {
  usePageTitle(() => t('booking.title'));
  const company = createCompanyContact();
  return (
    <div class="stack" data-testid="booking-soon">
      <a href="/client" class="back-link">
        {t('common.backHome')}
      </a>
      <h1>{t('booking.title')}</h1>
      <Card>
        <div class="stack">
          <p class="booking-soon-lead">{t('booking.soon')}</p>
          <Show when={company()?.phone} fallback={<p>{t('booking.callOfficeNoNumber')}</p>}>
            {(phone) => (
              <>
                <p>{t('booking.callOffice')}</p>
                <ButtonLink href={`tel:${phone()}`} size="lg" block>
                  {t('booking.callButton', { phone: formatPhone(phone()) })}
                </ButtonLink>
              </>
            )}
          </Show>
        </div>
      </Card>
    </div>
  );
}
