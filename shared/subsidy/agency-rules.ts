/**
 * The rules an agency (人力资源服务机构) and a bank account are stored with (issue 18, "agencies"):
 * pure, shared by the repositories and the restore of a backup. An account is all three parts or
 * none: a subsidy paid into an account without its holder's name comes back.
 */
import type { Agency, BankAccount, RecordMeta } from '../domain/records';
import type { FieldProblem } from '../domain/problems';
import { parseCreditCode } from '../domain/credit-code';
import { compactIdentifier } from '../domain/half-width';

export type AgencyInput = Omit<Agency, keyof RecordMeta>;

/** Account numbers are 6 to 32 digits (a personal card has 16 to 19, a company account up to 30). */
const ACCOUNT_NUMBER = /^\d{6,32}$/;
/** Landlines (020-12345678), mobiles, with spaces, dashes, parentheses or a +86 prefix (as an enterprise's). */
const CONTACT_PHONE = /^\+?[0-9][0-9\s\-()]{5,18}[0-9]$/;
const MAX_NAME = 100;
const MAX_NOTES = 2_000;

/** The account as typed with spaces and full-width digits removed; null when every part is empty. */
export function normalizeBankAccount(account: BankAccount | null | undefined): BankAccount | null {
  if (!account) return null;
  const normalized = {
    bankName: account.bankName.trim(),
    accountNumber: compactIdentifier(account.accountNumber).replace(/-/g, ''),
    accountName: account.accountName.trim(),
  };
  return Object.values(normalized).every((part) => part === '') ? null : normalized;
}

/** Whether a subsidy can be paid into it: every part given, the number digits only. */
export function isPayableAccount(account: BankAccount | null | undefined): boolean {
  const normalized = normalizeBankAccount(account);
  return normalized !== null && checkBankAccount(normalized).length === 0;
}

/** Every problem of an account (fields `bankAccount.bankName` …); none for no account at all. */
export function checkBankAccount(account: BankAccount | null): FieldProblem[] {
  const normalized = normalizeBankAccount(account);
  if (normalized === null) return [];
  const problems: FieldProblem[] = [];
  if (normalized.bankName === '') problems.push({ field: 'bankAccount.bankName', code: 'required' });
  if (normalized.accountName === '') problems.push({ field: 'bankAccount.accountName', code: 'required' });
  if (normalized.accountNumber === '') problems.push({ field: 'bankAccount.accountNumber', code: 'required' });
  else if (!ACCOUNT_NUMBER.test(normalized.accountNumber)) {
    problems.push({ field: 'bankAccount.accountNumber', code: 'bank-account-number', params: { min: 6, max: 32 } });
  }
  for (const field of ['bankName', 'accountName'] as const) {
    if (normalized[field].length > MAX_NAME) {
      problems.push({ field: `bankAccount.${field}`, code: 'label-too-long', params: { max: MAX_NAME } });
    }
  }
  return problems;
}

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
