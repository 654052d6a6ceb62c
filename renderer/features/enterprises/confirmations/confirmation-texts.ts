import type { TFunction } from 'i18next';
import { formatCalendarDate, isCalendarDate } from '@shared/dates';
import type { Language } from '@shared/domain/records';
import {
  CONFIRMATION_FIELDS,
  type ConfirmationField,
  type ConfirmationReason,
  type ConfirmationVerdict,
} from '@shared/followup/confirmation';

/** A day as people read it; anything that is not a day as it is. */
function day(value: string | number | undefined, language: Language): string {
  const text = String(value ?? '');
  return isCalendarDate(text) ? formatCalendarDate(text, language) : text;
}

function isListField(field: string): field is ConfirmationField {
  return (CONFIRMATION_FIELDS as readonly string[]).includes(field);
}

/** The name of a field a problem is about: a column of the list, or the list's date. */
function fieldLabel(field: string, t: TFunction): string | null {
  if (field === 'date') return t('confirmations.listDate');
  return isListField(field) ? t(`confirmations.fields.${field}`) : null;
}

/** Why a row is judged as it is, in the user's language, with its dates as people read them. */
export function reasonText(reason: ConfirmationReason, t: TFunction, language: Language): string {
  const params = reason.params ?? {};
  const dated = {
    ...params,
    ...(params.date === undefined ? {} : { date: day(params.date, language) }),
    ...(params.handover === undefined ? {} : { handover: day(params.handover, language) }),
  };
  if (reason.code === 'problem') {
    const message = t(`problems.${String(params.code)}`, dated);
    const label = typeof params.field === 'string' ? fieldLabel(params.field, t) : null;
    if (!label || message.includes(label)) return message;
    return `${label}${t('common.labelSeparator')}${message}`;
  }
  if (reason.code === 'date-unreadable') {
    const column = String(params.column);
    return t('confirmations.reasons.date-unreadable', {
      ...dated,
      column: isListField(column) ? t(`confirmations.fields.${column}`) : column,
    });
  }
  if (reason.code === 'newer-contact') {
    return t('confirmations.reasons.newer-contact', {
      ...dated,
      outcome: t(`followup.outcome.${String(params.outcome)}`),
    });
  }
  return t(`confirmations.reasons.${reason.code}`, dated);
}

/** A row's reasons on one line. */
export function reasonsText(verdict: ConfirmationVerdict, t: TFunction, language: Language): string {
  return verdict.reasons.map((reason) => reasonText(reason, t, language)).join(t('common.listSeparator'));
}

/** What the list says of the worker: 在岗，入职 2026年4月2日 / Left, left 20 May 2026. */
export function listedText(verdict: ConfirmationVerdict, t: TFunction, language: Language): string {
  if (!verdict.status) return '';
  const parts = [t(`confirmations.listed.${verdict.status}`)];
  const listed = verdict.listed;
  if (listed?.startedOn) parts.push(t('confirmations.startedOnShort', { date: day(listed.startedOn, language) }));
  if (listed?.leftOn) parts.push(t('confirmations.leftOnShort', { date: day(listed.leftOn, language) }));
  if (listed?.reason) parts.push(listed.reason);
  return parts.join(t('common.listSeparator'));
}
