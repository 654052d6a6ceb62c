import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@shared/domain/records';
import { zhCN } from './zh-CN';
import { en } from './en';

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

/** Starts i18next with both languages bundled: the app works offline, so nothing is fetched. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
