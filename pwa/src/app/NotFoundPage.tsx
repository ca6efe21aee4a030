import { t } from '../i18n';
import { ButtonLink } from '../ui/Button';
import { Logo } from '../ui/Logo';
import './shell.css';

export function NotFoundPage() {
  return (
    <main class="centered-page">
      <div class="centered-panel stack">
        <Logo withName />
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
        <ButtonLink href="/">{t('notFound.back')}</ButtonLink>
      </div>
    </main>
  );
}
