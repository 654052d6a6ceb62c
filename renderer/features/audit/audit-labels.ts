import type { i18n as I18n, TFunction } from 'i18next';

/** A table's name for people (`务工人员`), or the table's own name for one the app does not know. */
export function tableLabel(table: string, t: TFunction, i18n: I18n): string {
  return i18n.exists(`audit.tables.${table}`) ? t(`audit.tables.${table}`) : table;
}

/** An operator's name, or the words for rows written before anyone was named in settings. */
export function operatorLabel(operator: string, t: TFunction): string {
  return operator === '' ? t('audit.filters.unnamed') : operator;
}
