/**
 * The bank account a subsidy is paid into (开户银行, 账号, 户名; issue 18, "agencies"): one rule for
 * an agency's account and an enterprise's, used by their forms, their repositories and the restore
 * of a backup, so all refuse the same. An account is all three parts or none: a transfer without
 * the holder's name, or to a number that is not one, comes back.
 */
import type { BankAccount } from '../domain/records';
import type { FieldProblem } from '../domain/problems';
import { compactIdentifier } from '../domain/half-width';

/** Digits of an account number: a personal card has 16 to 19, a company account up to 30. */
export const ACCOUNT_NUMBER_DIGITS = { min: 6, max: 32 } as const;
/** The longest bank name or account name (a branch's full name is rarely over 40 characters). */
export const MAX_BANK_TEXT = 100;

const ACCOUNT_NUMBER = new RegExp(`^\\d{${ACCOUNT_NUMBER_DIGITS.min},${ACCOUNT_NUMBER_DIGITS.max}}$`);
const PARTS = ['bankName', 'accountNumber', 'accountName'] as const;

/**
 * The account as typed, tidied: names trimmed; the number without spaces or dashes, full-width
 * digits made half-width. Null when every part is empty (no account).
 */
export function normalizeBankAccount(account: BankAccount | null | undefined): BankAccount | null {
  if (!account) return null;
  const normalized = {
    bankName: account.bankName.trim(),
    accountNumber: compactIdentifier(account.accountNumber).replace(/-/g, ''),
    accountName: account.accountName.trim(),
  };
  return PARTS.every((part) => normalized[part] === '') ? null : normalized;
}

/**
 * Every problem of an account, each on its part (`bankAccount.bankName` …): a part left empty
 * while another is given, a number that is not 6 to 32 digits, a name over 100 characters. None
 * for no account at all.
 */
export function checkBankAccount(account: BankAccount | null | undefined): FieldProblem[] {
  const normalized = normalizeBankAccount(account);
  if (normalized === null) return [];
  const problems: FieldProblem[] = [];
  if (normalized.bankName === '') problems.push({ field: 'bankAccount.bankName', code: 'required' });
  if (normalized.accountName === '') problems.push({ field: 'bankAccount.accountName', code: 'required' });
  if (normalized.accountNumber === '') problems.push({ field: 'bankAccount.accountNumber', code: 'required' });
  else if (!ACCOUNT_NUMBER.test(normalized.accountNumber)) {
    problems.push({
      field: 'bankAccount.accountNumber',
      code: 'bank-account-number',
      params: { ...ACCOUNT_NUMBER_DIGITS },
    });
  }
  for (const field of ['bankName', 'accountName'] as const) {
    if (normalized[field].length > MAX_BANK_TEXT) {
      problems.push({ field: `bankAccount.${field}`, code: 'label-too-long', params: { max: MAX_BANK_TEXT } });
    }
  }
  return problems;
}

/** Whether a subsidy can be paid into it: every part given, the number 6 to 32 digits. */
export function isPayableAccount(account: BankAccount | null | undefined): boolean {
  const normalized = normalizeBankAccount(account);
  return normalized !== null && checkBankAccount(normalized).length === 0;
}
