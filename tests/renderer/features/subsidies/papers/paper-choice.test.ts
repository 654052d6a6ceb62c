/**
 * What the papers screen takes for each paper (issue 18, item 5): the roster one payee's claims
 * after the notice, the notice one notice period's, the summary every claim that stands; never a
 * rejected claim; and the people and the exact total shown before a paper is made.
 */
import { describe, expect, it } from 'vitest';
import { WORKERS_PAYEE_ID as SUMMARY_WORKERS } from '@shared/subsidy/papers';
import {
  DEFAULT_STATUSES,
  WORKERS_PAYEE_ID,
  chosenClaims,
  countyOf,
  noticePeriods,
  payeeKey,
  payeeOptions,
  tally,
  type ChoosableClaim,
  type PaperChoice,
} from '@renderer/features/subsidies/papers/paper-choice';

function claim(id: string, overrides: Partial<ChoosableClaim> = {}): ChoosableClaim {
  return {
    id,
    schemeId: 'hiring',
    workerId: `w-${id}`,
    payee: 'enterprise',
    payeeId: 'e-1',
    payeeName: '深圳市云盛卫生用品有限公司',
    status: 'submitted',
    amountFen: 100_000,
    noticeFrom: '2026-11-01',
    noticeDays: 7,
    ...overrides,
  };
}

const CLAIMS: ChoosableClaim[] = [
  claim('1'),
  claim('2', { status: 'approved' }),
  claim('3', { status: 'paid' }),
  claim('4', { status: 'rejected' }),
  claim('5', { status: 'eligible', noticeFrom: null, noticeDays: null }),
  claim('6', { status: 'on-notice', noticeFrom: '2026-12-01' }),
  claim('7', {
    status: 'on-notice',
    noticeFrom: '2026-12-01',
    payeeId: 'e-2',
    payeeName: '广州市瑞达消毒用品有限公司',
  }),
  claim('8', { schemeId: 'placement', payee: 'agency', payeeId: 'a-1', payeeName: '田东县众鑫人力资源服务有限公司' }),
  claim('9', { schemeId: 'transport', payee: 'worker', payeeId: 'w-9', payeeName: '黄海涛', amountFen: 50_000 }),
  claim('10', { schemeId: 'transport', payee: 'worker', payeeId: 'w-10', payeeName: '陆春燕', amountFen: 30_000 }),
];

const ids = (claims: readonly ChoosableClaim[]) => claims.map((one) => one.id);

function choice(overrides: Partial<PaperChoice>): PaperChoice {
  return { paper: 'roster', statuses: [], schemeIds: ['hiring'], payee: null, noticePeriod: null, ...overrides };
}

describe('the claims a paper takes', () => {
  it('takes a payee’s submitted and approved claims for a roster by default, never an eligible or rejected one', () => {
    const roster = choice({ statuses: DEFAULT_STATUSES.roster, payee: 'enterprise:e-1' });
    expect(ids(chosenClaims(CLAIMS, roster))).toEqual(['1', '2']);
    const everything = choice({
      statuses: ['eligible', 'on-notice', 'submitted', 'approved', 'paid', 'rejected'],
      payee: 'enterprise:e-1',
    });
    expect(ids(chosenClaims(CLAIMS, everything))).toEqual(['1', '2', '3', '6']);
    expect(chosenClaims(CLAIMS, choice({ statuses: DEFAULT_STATUSES.roster, payee: null }))).toEqual([]);
  });

  it('offers the payees with claims a roster may take, and the workers together for a worker scheme', () => {
    expect(payeeOptions(CLAIMS, 'hiring')).toEqual([
      { key: 'enterprise:e-2', kind: 'enterprise', name: '广州市瑞达消毒用品有限公司', claims: 1 },
      { key: 'enterprise:e-1', kind: 'enterprise', name: '深圳市云盛卫生用品有限公司', claims: 4 },
    ]);
    expect(payeeOptions(CLAIMS, 'transport')).toEqual([{ key: WORKERS_PAYEE_ID, kind: 'worker', name: '', claims: 2 }]);
    const workers = choice({ schemeIds: ['transport'], statuses: DEFAULT_STATUSES.roster, payee: WORKERS_PAYEE_ID });
    expect(ids(chosenClaims(CLAIMS, workers))).toEqual(['9', '10']);
    // The roster's payee for workers is the one the summary counts them under.
    expect(WORKERS_PAYEE_ID).toBe(SUMMARY_WORKERS);
    expect(payeeKey({ payee: 'worker', payeeId: 'w-9' })).toBe(SUMMARY_WORKERS);
  });

  it('takes the claims on notice in one notice period for the notice, the latest period first', () => {
    const periods = noticePeriods(CLAIMS, 'hiring', DEFAULT_STATUSES.notice);
    expect(periods).toEqual([{ key: '2026-12-01/7', from: '2026-12-01', to: '2026-12-07', claims: 2 }]);
    const notice = choice({ paper: 'notice', statuses: DEFAULT_STATUSES.notice, noticePeriod: '2026-12-01/7' });
    expect(ids(chosenClaims(CLAIMS, notice))).toEqual(['6', '7']);
    // An earlier notice printed again: its claims have moved on since.
    const again = noticePeriods(CLAIMS, 'hiring', ['on-notice', 'submitted', 'approved', 'paid']);
    expect(again.map((period) => period.key)).toEqual(['2026-12-01/7', '2026-11-01/7']);
    expect(
      ids(
        chosenClaims(CLAIMS, { ...notice, statuses: ['submitted', 'approved', 'paid'], noticePeriod: '2026-11-01/7' }),
      ),
    ).toEqual(['1', '2', '3']);
  });

  it('takes every claim that stands for the summary, over the scheme or the whole year', () => {
    const summary = choice({ paper: 'summary', statuses: DEFAULT_STATUSES.summary });
    expect(ids(chosenClaims(CLAIMS, summary))).toEqual(['1', '2', '3', '5', '6', '7']);
    const year = { ...summary, schemeIds: ['hiring', 'placement', 'transport'] };
    expect(ids(chosenClaims(CLAIMS, year))).toEqual(['1', '2', '3', '5', '6', '7', '8', '9', '10']);
  });
});

describe('the tally shown before a paper is made', () => {
  it('counts people once whatever their instalments, and sums in fen exactly', () => {
    const claims = [
      claim('a', { workerId: 'w-1', amountFen: 10 }),
      claim('b', { workerId: 'w-1', amountFen: 20 }),
      claim('c', { workerId: 'w-2', amountFen: 1_000_000_001 }),
    ];
    expect(tally(claims)).toEqual({ people: 2, claims: 3, fen: 1_000_000_031 });
    expect(tally([])).toEqual({ people: 0, claims: 0, fen: 0 });
  });

  it('guesses the county from the office’s name, and nothing from a name without one', () => {
    expect(countyOf('田东县人力资源和社会保障局')).toBe('田东县');
    expect(countyOf(' 百色市田东县人社局 ')).toBe('百色市田东县');
    expect(countyOf('恭城瑶族自治县就业服务中心')).toBe('恭城瑶族自治县');
    expect(countyOf('就业服务中心')).toBe('');
    expect(countyOf('')).toBe('');
  });
});
