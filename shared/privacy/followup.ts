/**
 * Anonymising a person's follow-up records (issue 17, item 9; issue 7's anonymisation): what the
 * caller wrote about the person is cleared, what the office counts stays.
 *
 * Cleared, and why:
 * - a contact's `difficulties`, `action`, `leftReason` and `correctionReason`: free text in the
 *   caller's words about the person's life (illness, family, a wage dispute, a named foreman or
 *   relative), which can say who they are on its own and is never needed for a figure;
 * - an employer the caller only named (`enterpriseId` null) becomes `*`, in contacts and periods:
 *   a small shop or a relative's business can point at the person; an employer the office knows
 *   (an enterprise record) is an organisation, not the person, and stays. `*` rather than empty so
 *   that the periods derived again from the contacts still see "a new employer" there
 *   (shared/followup/periods.ts) and keep the same spells;
 * - a period's `endNote` (the contact's `leftReason`, copied);
 * - the note of the person's own exception on a handover (why they were not handed over: often
 *   their health), the reason kept.
 * Kept: dates, method, outcome, needs (categories), income, the employer's city, the periods' dates
 * and reasons: they place nobody on their own, and the monthly figures and the subsidies' months of
 * employment are counted from them (as the worker keeps gender, county and status, anonymise.ts).
 */
import type { Contact, EmploymentPeriod, Handover, Introduction } from '../domain/records';

/** The mark an anonymised employer name is left with. */
export const ANONYMISED_EMPLOYER = '*';

/** The fields of a contact anonymisation reduces. */
export const ANONYMISED_CONTACT_FIELDS = [
  'employerName',
  'leftReason',
  'difficulties',
  'action',
  'correctionReason',
] as const satisfies readonly (keyof Contact)[];

/** The fields of an employment period anonymisation reduces. */
export const ANONYMISED_PERIOD_FIELDS = [
  'employerName',
  'endNote',
] as const satisfies readonly (keyof EmploymentPeriod)[];

/** The field of a handover anonymisation reduces (in the person's own exception only). */
export const ANONYMISED_HANDOVER_FIELDS = ['exceptions'] as const satisfies readonly (keyof Handover)[];

/**
 * The field of an agency's introduction of the person (issue 18) anonymisation clears: its note, in
 * the caller's words. Who introduced them where and when stays: a placement subsidy rests on it.
 */
export const ANONYMISED_INTRODUCTION_FIELDS = ['notes'] as const satisfies readonly (keyof Introduction)[];

export function anonymisedIntroductionFields(): Pick<Introduction, 'notes'> {
  return { notes: '' };
}

function employerKept(record: { enterpriseId: string | null; employerName: string }): string {
  return record.enterpriseId === null && record.employerName.trim() !== '' ? ANONYMISED_EMPLOYER : record.employerName;
}

/** The contact's reduced fields (see the module comment); applying it twice changes nothing. */
export function anonymisedContactFields(
  contact: Pick<Contact, (typeof ANONYMISED_CONTACT_FIELDS)[number] | 'enterpriseId'>,
): Pick<Contact, (typeof ANONYMISED_CONTACT_FIELDS)[number]> {
  return {
    employerName: employerKept(contact),
    leftReason: '',
    difficulties: '',
    action: '',
    ...(contact.correctionReason === undefined ? {} : { correctionReason: '' }),
  };
}

/** The period's reduced fields. */
export function anonymisedPeriodFields(
  period: Pick<EmploymentPeriod, 'enterpriseId' | 'employerName' | 'endNote'>,
): Pick<EmploymentPeriod, 'employerName' | 'endNote'> {
  return { employerName: employerKept(period), endNote: '' };
}

/** The handover's exceptions with the notes about these people cleared. */
export function anonymisedExceptions(
  handover: Pick<Handover, 'exceptions'>,
  workerIds: ReadonlySet<string>,
): Handover['exceptions'] {
  return handover.exceptions.map((exception) =>
    workerIds.has(exception.workerId) ? { ...exception, note: '' } : exception,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A follow-up record as an audit row holds it (its `before` or `after`), with the same fields
 * reduced as in the table; anything else is returned as it is (`===`).
 */
export function redactFollowUpRecord(table: string, value: unknown, workerIds: ReadonlySet<string>): unknown {
  if (!isRecord(value)) return value;
  if (table === 'contacts') {
    const reduced = anonymisedContactFields({
      employerName: typeof value.employerName === 'string' ? value.employerName : '',
      enterpriseId: typeof value.enterpriseId === 'string' ? value.enterpriseId : null,
      leftReason: '',
      difficulties: '',
      action: '',
      correctionReason: typeof value.correctionReason === 'string' ? value.correctionReason : undefined,
    });
    const next: Record<string, unknown> = { ...value };
    for (const field of ANONYMISED_CONTACT_FIELDS) if (field in next) next[field] = reduced[field];
    return next;
  }
  if (table === 'employmentPeriods') {
    const next: Record<string, unknown> = { ...value };
    if ('endNote' in next) next.endNote = '';
    if (typeof next.employerName === 'string') {
      next.employerName = employerKept({
        employerName: next.employerName,
        enterpriseId: typeof next.enterpriseId === 'string' ? next.enterpriseId : null,
      });
    }
    return next;
  }
  if (table === 'introductions' && 'notes' in value) return { ...value, ...anonymisedIntroductionFields() };
  if (table === 'handovers' && Array.isArray(value.exceptions)) {
    const exceptions = (value.exceptions as unknown[]).map((exception) =>
      isRecord(exception) && typeof exception.workerId === 'string' && workerIds.has(exception.workerId)
        ? { ...exception, note: '' }
        : exception,
    );
    return { ...value, exceptions };
  }
  return value;
}
