import { createSignal, For, Show, Suspense, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { useLocation, useNavigate } from '@solidjs/router';
import { t } from '../i18n';
import { Button, ButtonLink } from '../ui/Button';
import { Logo } from '../ui/Logo';
import { showToast } from '../ui/toast';
import { LanguageSwitch } from './LanguageSwitch';
import { areaLinksByRole, areaOverlayByRole } from './roles';
import { signOut, type SessionUser } from './session';
import './shell.css';

function SignOutButton() {
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = createSignal(false);
  const handleSignOut = async () => {
    setSigningOut(true);
    const { ok } = await signOut();
    setSigningOut(false);
    if (ok) navigate('/login', { replace: true });
    else showToast({ message: () => t('header.signOutFailed'), tone: 'danger' });
  };
  return (
    <Button variant="ghost" onClick={handleSignOut} busy={signingOut()}>
      {t('header.signOut')}
    </Button>
  );
}

/**
 * The frame of every screen with the app header: the signed-in user, their role's
 * screens, language and sign-out; a visitor (public booking page) gets a sign-in link.
 */
export function AppLayout(props: { user?: SessionUser; width: 'phone' | 'wide'; children: JSX.Element }) {
  const location = useLocation();
  const links = () => (props.user ? (areaLinksByRole[props.user.role] ?? []) : []);
  const loginPath = () => `/login?next=${encodeURIComponent(location.pathname + location.search)}`;

  return (
    <div class="app-frame">
      <a class="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      {/* Before the header in the tab order: an incoming call is reachable at once. */}
      <Show when={props.user && areaOverlayByRole[props.user.role]}>
        {(overlay) => (
          <Suspense>
            <Dynamic component={overlay()} />
          </Suspense>
        )}
      </Show>
      <header class="app-header">
        <div class={`app-header-inner app-width-${props.width}`}>
          <a href={'/'} class="app-brand" aria-label={t('header.homeLink')}>
            <Logo withName />
          </a>
          <Show when={links().length > 0}>
            <nav class="app-nav" aria-label={t('nav.label')}>
              <For each={links()}>
                {(link) => (
                  <a href={link.href} class="app-nav-link" aria-current={location.pathname === link.href ? 'page' : undefined}>
                    {t(link.label)}
                    <Show when={link.counter}>
                      {(counter) => (
                        <Suspense>
                          <Dynamic component={counter()} />
                        </Suspense>
                      )}
                    </Show>
                  </a>
                )}
              </For>
            </nav>
          </Show>
          <Show when={props.user}>
            {(user) => (
              <span class="app-user" data-testid="user-name">
                {user().name}
              </span>
            )}
          </Show>
          <div class="app-header-tools">
            <LanguageSwitch />
            <Show
              when={props.user}
              fallback={
                <ButtonLink href={loginPath()} variant="ghost">
                  {t('header.signIn')}
                </ButtonLink>
              }
            >
              <SignOutButton />
            </Show>
          </div>
        </div>
      </header>
      <main id="main" tabindex="-1" class={`app-main app-width-${props.width}`}>
        {props.children}
      </main>
    </div>
  );
}
