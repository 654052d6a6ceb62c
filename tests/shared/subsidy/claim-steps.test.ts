import { describe, expect, it } from 'vitest';
import { checkClaimStep, noticeEnds, type ClaimStatus, type ClaimStep } from '@shared/subsidy/claim-steps';

const context = { today: '2026-06-30', owedFen: 100_000, noticeEndsOn: '2026-06-07' };
const codes = (status: ClaimStatus, step: ClaimStep, given = context) =>
  checkClaimStep(status, step, given).map((problem) => problem.code);

describe('the steps of a claim', () => {
  it('go forward one at a time, from the notice to the payment', () => {
    expect(codes('eligible', { to: 'on-notice', noticeFrom: '2026-06-01', noticeDays: 7 })).toEqual([]);
    expect(codes('on-notice', { to: 'submitted', on: '2026-06-08' })).toEqual([]);
    expect(codes('submitted', { to: 'approved', on: '2026-06-20' })).toEqual([]);
    expect(codes('approved', { to: 'paid', on: '2026-06-29', amountFen: 100_000, voucher: '记-0627' })).toEqual([]);
    expect(codes('eligible', { to: 'paid', on: '2026-06-29', amountFen: 100_000, voucher: '记-0627' })).toEqual([
      'claim-step-not-allowed',
    ]);
    expect(codes('paid', { to: 'rejected', on: '2026-06-29', reason: '重复申报' })).toEqual(['claim-step-not-allowed']);
  });

  it('keep the notice up for its days before the claim is submitted', () => {
    expect(noticeEnds('2026-06-01', 7)).toBe('2026-06-07');
    expect(codes('on-notice', { to: 'submitted', on: '2026-06-07' })).toEqual(['notice-not-over']);
  });

  it('pay exactly the amount owed, with a voucher number, and reject with a reason', () => {
    expect(codes('approved', { to: 'paid', on: '2026-06-29', amountFen: 99_999, voucher: ' ' })).toEqual([
      'paid-amount-differs',
      'required',
    ]);
    expect(codes('submitted', { to: 'rejected', on: '2026-06-29', reason: '' })).toEqual(['required']);
    expect(codes('submitted', { to: 'approved', on: '2026-07-01' })).toEqual(['date-in-future']);
  });
});
