import { createSignal } from 'solid-js';
import { fr, type MessageKey } from './fr';
import { en } from './en';

export type { MessageKey } from './fr';
export type AppLocale = 'fr' | 'en';

const storageKey = 'relais.locale';
const dictionaries: Record<AppLocale, Record<MessageKey, string>> = { fr, en };

function isAppLocale(value: unknown): value is AppLocale {
  return value === 'fr' || value === 'en';
}

function storedLocale(): AppLocale | undefined {
  try {
    const stored = localStorage.getItem(storageKey);
    return isAppLocale(stored) ? stored : undefined;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): French is the default.
    return undefined;
  }
}

const initialLocale: AppLocale = storedLocale() ?? 'fr';
const [currentLocale, setCurrentLocale] = createSignal<AppLocale>(initialLocale);

/** Whether someone picked a language on this device (rather than getting the default). */
export function localeWasChosenHere(): boolean {
  return storedLocale() !== undefined;
}
document.documentElement.lang = initialLocale;

/** The interface language; reading it inside JSX or an effect makes that code follow the switch. */
export const locale = currentLocale;

/** BCP 47 tag for Intl formatters. */
export function intlLocale(): string {
  return currentLocale() === 'en' ? 'en-GB' : 'fr-FR';
}

export function setLocale(next: AppLocale): void {
  setCurrentLocale(next);
  document.documentElement.lang = next;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // The choice still applies to this visit.
  }
}

export type MessageParams = Record<string, string | number>;

/** The message in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[currentLocale()][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => String(params[name] ?? placeholder));
}

/** Picks the `_one` or `_other` variant of a message for a count, and fills `{count}`. */
export function tCount(base: PluralBase, count: number, params?: MessageParams): string {
  const form = new Intl.PluralRules(intlLocale()).select(count) === 'one' ? 'one' : 'other';
  return t(`${base}_${form}`, { count: new Intl.NumberFormat(intlLocale()).format(count), ...params });
}

/** "search.count" when both "search.count_one" and "search.count_other" exist. */
type PluralBaseOf<Key> = Key extends `${infer Base}_one` ? (`${Base}_other` extends MessageKey ? Base : never) : never;
type PluralBase = PluralBaseOf<MessageKey>;

/** Picks the French or English text of an API error or other bilingual value. */
export function bilingual(value: { messageFr: string; messageEn: string }): string {
  return currentLocale() === 'en' ? value.messageEn : value.messageFr;
}
