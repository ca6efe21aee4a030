import { Match, Switch } from 'solid-js';
import { Navigate } from '@solidjs/router';
import { homePathByRole } from './roles';
import { session, signedInUser } from './session';
import { StartingScreen } from './StartingScreen';

/** "/" sends each person to their own home, or to the login screen. */
export function HomeRedirect() {
  return (
    <Switch>
      <Match when={session().status === 'starting'}>
        <StartingScreen />
      </Match>
      <Match when={signedInUser()}>{(user) => <Navigate href={homePathByRole[user().role]} />}</Match>
      <Match when={session().status === 'signedOut'}>
        <Navigate href="/login" />
      </Match>
    </Switch>
  );
}
