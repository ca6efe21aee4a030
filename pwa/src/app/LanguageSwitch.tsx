import { locale, t } from '../i18n';
import { SegmentedControl } from '../ui/SegmentedControl';
import { chooseLocale } from './session';

export function LanguageSwitch() {
  return (
    <SegmentedControl
      label={t('language.label')}
      value={locale()}
      onChange={chooseLocale}
      options={[
        { value: 'fr', label: 'FR', accessibleLabel: 'Français' },
        { value: 'en', label: 'EN', accessibleLabel: 'English' },
      ]}
    />
  );
}
