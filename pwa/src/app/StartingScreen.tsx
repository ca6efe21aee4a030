import { t } from '../i18n';
import { Logo } from '../ui/Logo';
import './shell.css';

/** Shown only while the very first session check runs and nobody is remembered. */
export function StartingScreen() {
  return (
    <div class="starting-screen" role="status">
      <Logo withName />
      <span class="visually-hidden">{t('common.loading')}</span>
    </div>
  );
}
