/**
 * The rules an agency (人力资源服务机构) is stored with (issue 18, "agencies"): pure, shared by its
 * form, the repository and the restore of a backup. Its bank account follows bank-account.ts.
 */
import type { Agency, RecordMeta } from '../domain/records';
import type { FieldProblem } from '../domain/problems';
import { parseCreditCode } from '../domain/credit-code';
import { checkBankAccount, normalizeBankAccount } from './bank-account';

// The account rule is shared with enterprises (bank-account.ts); callers of this module keep finding it here.
export { checkBankAccount, isPayableAccount, normalizeBankAccount } from './bank-account';

export type AgencyInput = Omit<Agency, keyof RecordMeta>;

/** Landlines (020-12345678), mobiles, with spaces, dashes, parentheses or a +86 prefix (as an enterprise's). */
const CONTACT_PHONE = /^\+?[0-9][0-9\s\-()]{5,18}[0-9]$/;
const MAX_NAME = 100;
const MAX_NOTES = 2_000;

export function normalizeAgencyInput(input: AgencyInput): AgencyInput {
  const credit = parseCreditCode(input.creditCode);
  return {
    name: input.name.trim(),
    creditCode: credit.ok ? credit.code : input.creditCode.trim(),
    contactName: input.contactName.trim(),
    contactPhone: input.contactPhone.trim(),
    bankAccount: normalizeBankAccount(input.bankAccount),
    notes: input.notes.trim(),
  };
}

/**
 * Every reason an agency cannot be stored: no name, a credit code that is not one (its check
 * character is verified) or that another live agency has, a phone that is not one, an account
 * given in part.
 */
export function checkAgency(
  input: AgencyInput,
  others: ReadonlyArray<Pick<Agency, 'id' | 'creditCode'>>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.name.trim() === '') problems.push({ field: 'name', code: 'required' });
  if (input.creditCode.trim() === '') problems.push({ field: 'creditCode', code: 'required' });
  else {
    const credit = parseCreditCode(input.creditCode);
    if (!credit.ok) {
      const params = credit.expected === undefined ? undefined : { expected: credit.expected };
      problems.push({ field: 'creditCode', code: `credit-code-${credit.reason}`, ...(params && { params }) });
    } else if (others.some((other) => other.creditCode === credit.code)) {
      problems.push({ field: 'creditCode', code: 'agency-credit-code-duplicate' });
    }
  }
  const phone = input.contactPhone.trim();
  if (phone !== '' && !CONTACT_PHONE.test(phone)) problems.push({ field: 'contactPhone', code: 'phone-invalid' });
  for (const field of ['name', 'contactName'] as const) {
    if (input[field].trim().length > MAX_NAME) {
      problems.push({ field, code: 'label-too-long', params: { max: MAX_NAME } });
    }
  }
  if (input.notes.trim().length > MAX_NOTES) {
    problems.push({ field: 'notes', code: 'label-too-long', params: { max: MAX_NOTES } });
  }
  problems.push(...checkBankAccount(input.bankAccount));
  return problems;
}
