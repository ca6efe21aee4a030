import { Match, Switch, type JSX } from 'solid-js';
import { Navigate, useLocation } from '@solidjs/router';
import type { Role } from '../gql/graphql';
import { AppLayout } from './AppLayout';
import { homePathByRole } from './roles';
import { session, signedInUser } from './session';
import { StartingScreen } from './StartingScreen';

/**
 * The screens of one role: shown inside the app frame to that role only. Anyone else
 * goes to their own home, and a signed-out visitor to the login screen (then back).
 */
export function RoleArea(props: { role: Role; width: 'phone' | 'wide'; children?: JSX.Element }) {
  const location = useLocation();
  const loginPath = () => `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
  return (
    <Switch>
      <Match when={session().status === 'starting'}>
        <StartingScreen />
      </Match>
      <Match when={signedInUser()}>
        {(user) =>
          user().role === props.role ? (
            <AppLayout user={user()} width={props.width}>
              {props.children}
            </AppLayout>
          ) : (
            <Navigate href={homePathByRole[user().role]} />
          )
        }
      </Match>
      <Match when={session().status === 'signedOut'}>
        <Navigate href={loginPath()} />
      </Match>
    </Switch>
  );
}
