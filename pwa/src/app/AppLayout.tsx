import { createSignal, type JSX } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { t } from '../i18n';
import { Button } from '../ui/Button';
import { Logo } from '../ui/Logo';
import { showToast } from '../ui/toast';
import { LanguageSwitch } from './LanguageSwitch';
import { signOut, type SessionUser } from './session';
import './shell.css';

/** The frame of every signed-in screen: header with the user, language and sign-out. */
export function AppLayout(props: { user: SessionUser; width: 'phone' | 'wide'; children: JSX.Element }) {
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
    <div class="app-frame">
      <a class="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header class="app-header">
        <div class={`app-header-inner app-width-${props.width}`}>
          <a href={'/'} class="app-brand" aria-label={t('header.homeLink')}>
            <Logo withName />
          </a>
          <span class="app-user" data-testid="user-name">
            {props.user.name}
          </span>
          <div class="app-header-tools">
            <LanguageSwitch />
            <Button variant="ghost" onClick={handleSignOut} busy={signingOut()}>
              {t('header.signOut')}
            </Button>
          </div>
        </div>
      </header>
      <main id="main" tabindex="-1" class={`app-main app-width-${props.width}`}>
        {props.children}
      </main>
    </div>
  );
}
