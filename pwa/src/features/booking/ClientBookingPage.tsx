import { usePageTitle } from '../../app/pageTitle';
import { t } from '../../i18n';
import { BookingFlow } from './BookingFlow';
import './booking.css';

/** /client/book: a signed-in customer books for one of their addresses. */
export default function ClientBookingPage() {
  usePageTitle(() => t('booking.title'));
  return (
    <div class="stack" data-testid="booking">
      <a href="/client" class="back-link">
        {t('common.backHome')}
      </a>
      <h1>{t('booking.title')}</h1>
      <BookingFlow signedIn />
    </div>
  );
}
