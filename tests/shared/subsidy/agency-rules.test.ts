/**
 * An agency (人力资源服务机构, issue 18, item 2) as its form and repository check it: a name, a
 * unified social credit code with the right check character and no other agency's, a phone that
 * is one, and a bank account all three parts or none.
 */
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '@shared/domain/credit-code';
import { checkAgency, normalizeAgencyInput, type AgencyInput } from '@shared/subsidy/agency-rules';

const FIRST_17 = '91451022MA5K3P7Q2';
const CODE = `${FIRST_17}${creditCodeCheckChar(FIRST_17)}`;
const WRONG_CHECK = `${FIRST_17}${CODE.endsWith('0') ? '1' : '0'}`;

function input(overrides: Partial<AgencyInput> = {}): AgencyInput {
  return {
    name: '田东县右江劳务人力资源服务有限公司',
    creditCode: CODE,
    contactName: '黄经理',
    contactPhone: '0776-5212345',
    bankAccount: {
      bankName: '中国农业银行田东县支行',
      accountNumber: '6228480123456789012',
      accountName: '田东县劳务公司',
    },
    notes: '',
    ...overrides,
  };
}

describe('an agency', () => {
  it('is stored as typed when everything is right, the code upper-cased and without spaces', () => {
    expect(checkAgency(input(), [])).toEqual([]);
    const typed = input({ creditCode: ` ${CODE.slice(0, 6).toLowerCase()} ${CODE.slice(6)} `, name: ' 某公司 ' });
    expect(checkAgency(typed, [])).toEqual([]);
    expect(normalizeAgencyInput(typed)).toMatchObject({ creditCode: CODE, name: '某公司' });
  });

  it('needs a name and a credit code', () => {
    expect(checkAgency(input({ name: ' ', creditCode: '' }), [])).toEqual([
      { field: 'name', code: 'required' },
      { field: 'creditCode', code: 'required' },
    ]);
  });

  it('refuses a credit code whose check character is wrong, naming the one it should be', () => {
    expect(checkAgency(input({ creditCode: WRONG_CHECK }), [])).toEqual([
      { field: 'creditCode', code: 'credit-code-check-digit', params: { expected: CODE.slice(17) } },
    ]);
    expect(checkAgency(input({ creditCode: CODE.slice(0, 17) }), [])).toEqual([
      { field: 'creditCode', code: 'credit-code-length' },
    ]);
    expect(checkAgency(input({ creditCode: `${CODE.slice(0, 16)}IO` }), [])[0]?.code).toBe('credit-code-characters');
  });

  it('refuses the credit code of another live agency, but not its own', () => {
    expect(checkAgency(input(), [{ id: 'other', creditCode: CODE }])).toEqual([
      { field: 'creditCode', code: 'agency-credit-code-duplicate' },
    ]);
  });

  it('refuses a phone that is not one, and an account given in part, each beside its field', () => {
    const problems = checkAgency(
      input({ contactPhone: '打电话', bankAccount: { bankName: '中国农业银行', accountNumber: '', accountName: '' } }),
      [],
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'contactPhone',
      'bankAccount.accountName',
      'bankAccount.accountNumber',
    ]);
    expect(checkAgency(input({ bankAccount: null }), [])).toEqual([]);
  });
});
