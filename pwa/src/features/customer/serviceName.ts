import { locale } from '../../i18n';

/** Services are named in both languages by the office. */
export function serviceName(service: { name: string; nameEn: string }): string {
  return locale() === 'en' ? service.nameEn : service.name;
}
