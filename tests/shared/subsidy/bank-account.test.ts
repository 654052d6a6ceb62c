/**
 * The bank account a subsidy is paid into (issue 18, item 2), one rule for agencies and
 * enterprises: all three parts or none, the number as digits however it was typed, and each
 * problem on its own part.
 */
import { describe, expect, it } from 'vitest';
import { checkBankAccount, isPayableAccount, normalizeBankAccount } from '@shared/subsidy/bank-account';

const ACCOUNT = {
  bankName: '中国农业银行田东县支行',
  accountNumber: '6228480123456789012',
  accountName: '田东县劳务公司',
};

describe('a bank account', () => {
  it('is no account when every part is empty or blank, and nothing is refused then', () => {
    expect(normalizeBankAccount({ bankName: ' ', accountNumber: '', accountName: '\u3000' })).toBeNull();
    expect(normalizeBankAccount(null)).toBeNull();
    expect(checkBankAccount({ bankName: '', accountNumber: '', accountName: '' })).toEqual([]);
    expect(checkBankAccount(null)).toEqual([]);
    expect(isPayableAccount(null)).toBe(false);
  });

  it('reads the number as the bank prints it: spaces, dashes and full-width digits taken out', () => {
    expect(normalizeBankAccount({ ...ACCOUNT, accountNumber: ' 6228 4801-2345 ６７８９ 012 ' })).toEqual(ACCOUNT);
    expect(checkBankAccount({ ...ACCOUNT, accountNumber: '6228 4801 2345 6789 012' })).toEqual([]);
    expect(isPayableAccount({ ...ACCOUNT, bankName: ` ${ACCOUNT.bankName} ` })).toBe(true);
  });

  it('names each part left out when another is given', () => {
    expect(checkBankAccount({ bankName: ACCOUNT.bankName, accountNumber: '', accountName: '' })).toEqual([
      { field: 'bankAccount.accountName', code: 'required' },
      { field: 'bankAccount.accountNumber', code: 'required' },
    ]);
    expect(checkBankAccount({ ...ACCOUNT, bankName: '' })).toEqual([
      { field: 'bankAccount.bankName', code: 'required' },
    ]);
    expect(isPayableAccount({ ...ACCOUNT, accountName: '' })).toBe(false);
  });

  it('refuses a number with letters, or shorter than 6 or longer than 32 digits, saying the range', () => {
    const problem = { field: 'bankAccount.accountNumber', code: 'bank-account-number', params: { min: 6, max: 32 } };
    expect(checkBankAccount({ ...ACCOUNT, accountNumber: '62284801234567890O' })).toEqual([problem]);
    expect(checkBankAccount({ ...ACCOUNT, accountNumber: '12345' })).toEqual([problem]);
    expect(checkBankAccount({ ...ACCOUNT, accountNumber: '1'.repeat(33) })).toEqual([problem]);
    expect(checkBankAccount({ ...ACCOUNT, accountNumber: '123456' })).toEqual([]);
    expect(checkBankAccount({ ...ACCOUNT, accountNumber: '1'.repeat(32) })).toEqual([]);
    expect(isPayableAccount({ ...ACCOUNT, accountNumber: '12345' })).toBe(false);
  });

  it('refuses a bank name or account name over 100 characters', () => {
    expect(checkBankAccount({ ...ACCOUNT, bankName: '银'.repeat(101) })).toEqual([
      { field: 'bankAccount.bankName', code: 'label-too-long', params: { max: 100 } },
    ]);
    expect(checkBankAccount({ ...ACCOUNT, accountName: '名'.repeat(100) })).toEqual([]);
  });
});
