import type { JSX } from 'solid-js';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { usePageTitle } from '../../app/pageTitle';
import { t } from '../../i18n';
import { Logo } from '../../ui/Logo';
import './auth.css';

/** The frame of the signed-out screens: brand, language switch, one card. */
export function AuthLayout(props: { title: string; intro?: string; children: JSX.Element; footer?: JSX.Element }) {
  usePageTitle(() => props.title);
  return (
    <div class="auth-page">
      <header class="auth-header">
        <Logo withName />
        <LanguageSwitch />
      </header>
      <main class="auth-main">
        <div class="auth-card stack">
          <div class="stack-sm">
            <p class="auth-company">{t('auth.company')}</p>
            <h1>{props.title}</h1>
            {props.intro ? <p class="muted">{props.intro}</p> : null}
          </div>
          {props.children}
        </div>
        {props.footer ? <div class="auth-footer">{props.footer}</div> : null}
      </main>
    </div>
  );
}
