/**
 * The contact form's values and what the repository takes (ContactInput): empty fields are null,
 * the income a number or null. A correction starts from the contact it corrects.
 */
import type { CalendarDate, Contact, ContactMethod, ContactNeed, ContactOutcome } from '@shared/domain/records';
import { CONTACT_OUTCOMES } from '@shared/domain/records';
import type { ContactInput } from '@shared/followup';

export interface ContactValues {
  date: CalendarDate;
  method: ContactMethod;
  by: string;
  /** '' until one is chosen. */
  outcome: ContactOutcome | '';
  employerName: string;
  employerCity: string;
  startedOn: CalendarDate;
  leftOn: CalendarDate;
  leftReason: string;
  /** As a NumberInput holds it: '' while empty. */
  monthlyIncome: number | string;
  difficulties: string;
  needs: ContactNeed[];
  action: string;
  nextDate: CalendarDate;
  /** A correction's reason. */
  reason: string;
}

/** The outcome each digit key chooses: 1 in post … 5 not reached, in the order the names are listed. */
export const OUTCOME_KEYS: readonly ContactOutcome[] = CONTACT_OUTCOMES;

/** The outcome of a key pressed (1–5, on the main row or the number pad), or null. */
export function outcomeOfKey(key: string): ContactOutcome | null {
  const digit = /^[1-9]$/.test(key) ? Number(key) : NaN;
  return OUTCOME_KEYS[digit - 1] ?? null;
}

export function newContactValues(today: CalendarDate, by: string): ContactValues {
  return {
    date: today,
    method: 'phone',
    by,
    outcome: '',
    employerName: '',
    employerCity: '',
    startedOn: '',
    leftOn: '',
    leftReason: '',
    monthlyIncome: '',
    difficulties: '',
    needs: [],
    action: '',
    nextDate: '',
    reason: '',
  };
}

/** A correction's values: the contact as it was, to be changed. */
export function valuesOfContact(contact: Contact): ContactValues {
  return {
    date: contact.date,
    method: contact.method,
    by: contact.by,
    outcome: contact.outcome,
    employerName: contact.employerName,
    employerCity: contact.employerCity,
    startedOn: contact.startedOn ?? '',
    leftOn: contact.leftOn ?? '',
    leftReason: contact.leftReason,
    monthlyIncome: contact.monthlyIncome ?? '',
    difficulties: contact.difficulties,
    needs: [...contact.needs],
    action: contact.action,
    nextDate: contact.nextDate ?? '',
    reason: '',
  };
}

/** What the repository is given; call only once an outcome is chosen. `enterpriseId` is kept from a corrected contact. */
export function contactInputOf(values: ContactValues, enterpriseId: string | null = null): ContactInput {
  const income = values.monthlyIncome;
  return {
    date: values.date,
    method: values.method,
    by: values.by,
    outcome: values.outcome === '' ? 'unreachable' : values.outcome,
    enterpriseId,
    employerName: values.employerName,
    employerCity: values.employerCity,
    startedOn: values.startedOn === '' ? null : values.startedOn,
    leftOn: values.leftOn === '' ? null : values.leftOn,
    leftReason: values.leftReason,
    monthlyIncome: income === '' ? null : typeof income === 'number' ? income : Number(income),
    difficulties: values.difficulties,
    needs: values.needs,
    action: values.action,
    nextDate: values.nextDate === '' ? null : values.nextDate,
  };
}
