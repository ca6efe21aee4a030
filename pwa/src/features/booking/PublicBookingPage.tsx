import { Match, Switch } from 'solid-js';
import { Navigate, useLocation } from '@solidjs/router';
import { AppLayout } from '../../app/AppLayout';
import { usePageTitle } from '../../app/pageTitle';
import { session, signedInUser } from '../../app/session';
import { StartingScreen } from '../../app/StartingScreen';
import { t } from '../../i18n';
import { BookingFlow } from './BookingFlow';
import './booking.css';

/**
 * /book: anyone can look at the services and the free slots; confirming asks the
 * visitor to sign in or create an account. Someone already signed in books as a customer.
 */
export default function PublicBookingPage() {
  usePageTitle(() => t('booking.title'));
  const location = useLocation();
  return (
    <Switch>
      <Match when={session().status === 'starting'}>
        <StartingScreen />
      </Match>
      <Match when={signedInUser()}>
        <Navigate href={`/client/book${location.search}`} />
      </Match>
      <Match when={session().status === 'signedOut'}>
        <AppLayout width="phone">
          <div class="stack" data-testid="booking">
            <h1>{t('booking.title')}</h1>
            <BookingFlow signedIn={false} />
          </div>
        </AppLayout>
      </Match>
    </Switch>
  );
}
