import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language';
import type { AuditReading } from './audit-changes';

/** What reading audit rows needs, in the user's language, with the names of the records they refer to. */
export function useAuditReading(names: Readonly<Record<string, string>> | undefined): AuditReading {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  return useMemo(() => ({ t, i18n, language, names: names ?? {} }), [t, i18n, language, names]);
}
