import { useTranslation } from 'react-i18next';
import type { Language } from '@shared/domain/records';

/** The app's language for an i18next language code: English where it says so, Chinese otherwise. */
export function languageOf(code: string): Language {
  return code === 'en' || code.startsWith('en-') ? 'en' : 'zh-CN';
}

/**
 * The language the user reads now, as the domain's `Language` (dates, lists and documents are
 * worded by it). Re-renders the component when the language changes, as `useTranslation` does.
 */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return languageOf(i18n.language);
}
