import { describe, expect, it } from 'vitest';
import {
  filterReportClaims,
  reportPeriod,
  subsidyReport,
  type ReportClaim,
  type ReportTotals,
} from '@shared/subsidy/report';
import { formatYuan } from '@shared/subsidy/money';

const HIRING = { schemeId: 's-hiring', schemeName: '2027年重点企业吸纳就业补贴' };
const PLACEMENT = { schemeId: 's-placement', schemeName: '2027年职业介绍补贴' };
const TRANSPORT = { schemeId: 's-transport', schemeName: '2027年一次性交通补助' };
const FACTORY = { payee: 'enterprise', payeeId: 'e1', payeeName: '深圳市宝安电子厂' } as const;
const AGENCY = { payee: 'agency', payeeId: 'a1', payeeName: '田东县人力资源服务公司' } as const;

let serial = 0;
function claim(overrides: Partial<ReportClaim>): ReportClaim {
  serial += 1;
  return {
    id: `c${serial}`,
    ...HIRING,
    ...FACTORY,
    township: '平马镇',
    status: 'eligible',
    amountFen: 100_000,
    dueOn: '2027-02-20',
    noticeFrom: null,
    paidOn: null,
    ...overrides,
  };
}

/** Each total as yuan and its claims, for one glance at a line of the report. */
const shown = (totals: ReportTotals) => ({
  owed: [formatYuan(totals.owed.fen), totals.owed.claimIds],
  onNotice: [formatYuan(totals.onNotice.fen), totals.onNotice.claimIds],
  paid: [formatYuan(totals.paid.fen), totals.paid.claimIds],
  rejected: [formatYuan(totals.rejected.fen), totals.rejected.claimIds],
});

describe('the subsidy report', () => {
  const claims: ReportClaim[] = [
    claim({ id: 'h1', status: 'eligible' }),
    claim({ id: 'h2', status: 'on-notice', noticeFrom: '2027-03-01' }),
    claim({ id: 'h3', status: 'approved', noticeFrom: '2027-03-01', township: '祥周镇' }),
    claim({
      id: 'h4',
      status: 'paid',
      noticeFrom: '2027-03-01',
      paidOn: '2027-04-15',
      paidAmountFen: 100_000,
      township: '祥周镇',
    }),
    claim({ id: 'p1', ...PLACEMENT, ...AGENCY, amountFen: 20_000, status: 'submitted', noticeFrom: '2027-03-25' }),
    claim({ id: 'p2', ...PLACEMENT, ...AGENCY, amountFen: 20_001, status: 'paid', paidOn: '2027-05-06' }),
    claim({ id: 'p3', ...PLACEMENT, ...AGENCY, amountFen: 40_000, status: 'rejected', rejectedOn: '2027-03-02' }),
    claim({
      id: 't1',
      ...TRANSPORT,
      payee: 'worker',
      payeeId: 'w1',
      payeeName: '黄小明',
      township: '林逢镇',
      amountFen: 50_000,
      status: 'paid',
      noticeFrom: '2027-04-01',
      paidOn: '2027-04-30',
    }),
  ];
  const report = subsidyReport(claims);

  it('adds up what is owed, on notice, paid and rejected, each with the claims behind it', () => {
    expect(shown(report.all)).toEqual({
      owed: ['2,200.00', ['h1', 'h3', 'p1']],
      onNotice: ['1,000.00', ['h2']],
      paid: ['1,700.01', ['h4', 'p2', 't1']],
      rejected: ['400.00', ['p3']],
    });
  });

  it('gives the totals by scheme, by payee, by township and by month', () => {
    expect(report.byScheme.map((line) => [line.schemeName, shown(line)])).toEqual([
      [
        '2027年一次性交通补助',
        { owed: ['0.00', []], onNotice: ['0.00', []], paid: ['500.00', ['t1']], rejected: ['0.00', []] },
      ],
      [
        '2027年职业介绍补贴',
        { owed: ['200.00', ['p1']], onNotice: ['0.00', []], paid: ['200.01', ['p2']], rejected: ['400.00', ['p3']] },
      ],
      [
        '2027年重点企业吸纳就业补贴',
        {
          owed: ['2,000.00', ['h1', 'h3']],
          onNotice: ['1,000.00', ['h2']],
          paid: ['1,000.00', ['h4']],
          rejected: ['0.00', []],
        },
      ],
    ]);
    expect(report.byPayee.map((line) => [line.payee, line.payeeName, line.paid.fen, line.owed.fen])).toEqual([
      ['enterprise', '深圳市宝安电子厂', 100_000, 200_000],
      ['agency', '田东县人力资源服务公司', 20_001, 20_000],
      ['worker', '黄小明', 50_000, 0],
    ]);
    expect(report.byTownship.map((line) => [line.township, line.owed.claimIds, line.paid.claimIds])).toEqual([
      ['林逢镇', [], ['t1']],
      ['平马镇', ['h1', 'p1'], ['p2']],
      ['祥周镇', ['h3'], ['h4']],
    ]);
    // Paid: the month of payment; on a notice: the month of the notice; else the month owed from.
    expect(report.byPeriod.map((line) => [line.period, shown(line)])).toEqual([
      ['2027-02', { owed: ['1,000.00', ['h1']], onNotice: ['0.00', []], paid: ['0.00', []], rejected: ['0.00', []] }],
      [
        '2027-03',
        {
          owed: ['1,200.00', ['h3', 'p1']],
          onNotice: ['1,000.00', ['h2']],
          paid: ['0.00', []],
          rejected: ['400.00', ['p3']],
        },
      ],
      [
        '2027-04',
        { owed: ['0.00', []], onNotice: ['0.00', []], paid: ['1,500.00', ['h4', 't1']], rejected: ['0.00', []] },
      ],
      ['2027-05', { owed: ['0.00', []], onNotice: ['0.00', []], paid: ['200.01', ['p2']], rejected: ['0.00', []] }],
    ]);
  });

  it('counts every claim once in every grouping, so that the lines add up to the whole', () => {
    for (const lines of [report.byScheme, report.byPayee, report.byTownship, report.byPeriod]) {
      for (const bucket of ['owed', 'onNotice', 'paid', 'rejected'] as const) {
        expect(lines.reduce((sum, line) => sum + line[bucket].fen, 0)).toBe(report.all[bucket].fen);
        expect(lines.flatMap((line) => line[bucket].claimIds).sort()).toEqual([...report.all[bucket].claimIds].sort());
      }
    }
  });

  it('is exact to the fen where floating yuan would not be', () => {
    // 0.1 + 0.2 yuan as floats is 0.30000000000000004; a thousand claims of 333.33 yuan is 333,330 yuan.
    const small = subsidyReport([claim({ amountFen: 10 }), claim({ amountFen: 20 })]);
    expect(small.all.owed.fen).toBe(30);
    const many = subsidyReport(Array.from({ length: 1000 }, () => claim({ amountFen: 33_333 })));
    expect(formatYuan(many.all.owed.fen)).toBe('333,330.00');
    const tenths = subsidyReport(
      Array.from({ length: 10 }, () => claim({ amountFen: 10, status: 'paid', paidOn: '2027-06-01' })),
    );
    expect(formatYuan(tenths.all.paid.fen)).toBe('1.00');
  });

  it('counts a paid claim at the amount paid', () => {
    const paid = subsidyReport([
      claim({ status: 'paid', paidOn: '2027-06-01', amountFen: 100_000, paidAmountFen: 99_999 }),
    ]);
    expect(paid.all.paid.fen).toBe(99_999);
  });

  it('is empty with no claims', () => {
    expect(subsidyReport([])).toEqual({
      all: {
        owed: { fen: 0, claimIds: [] },
        onNotice: { fen: 0, claimIds: [] },
        paid: { fen: 0, claimIds: [] },
        rejected: { fen: 0, claimIds: [] },
      },
      byScheme: [],
      byPayee: [],
      byTownship: [],
      byPeriod: [],
    });
  });

  it('refuses a claim it cannot count, naming it, rather than a sum that is wrong', () => {
    expect(() => subsidyReport([claim({ id: 'x1' }), claim({ id: 'x1' })])).toThrow(/"x1": given twice/);
    expect(() => subsidyReport([claim({ id: 'x2', amountFen: 100.5 })])).toThrow(/"x2": not an amount in fen/);
    expect(() => subsidyReport([claim({ id: 'x3', amountFen: -100 })])).toThrow(/"x3"/);
    expect(() => subsidyReport([claim({ id: 'x4', status: 'paid' })])).toThrow(/"x4": paid with no day of payment/);
    expect(() => subsidyReport([claim({ id: 'x5', status: 'on-notice' })])).toThrow(/"x5": on notice/);
    expect(() => subsidyReport([claim({ id: 'x6', status: 'lost' as never })])).toThrow(/"x6": not a claim status/);
    expect(() => subsidyReport([claim({ id: 'x7', dueOn: '2027-02-30' })])).toThrow(/"x7": not a calendar date/);
  });
});

describe('the report filter', () => {
  const claims: ReportClaim[] = [
    claim({ id: 'y1', year: 2026, status: 'paid', noticeFrom: '2026-11-02', paidOn: '2026-12-20' }),
    claim({ id: 'y2', year: 2027, status: 'paid', noticeFrom: '2026-12-10', paidOn: '2027-01-05' }),
    claim({ id: 'y3', year: 2027, status: 'on-notice', noticeFrom: '2027-02-01' }),
    claim({ id: 'y4', year: 2027, status: 'eligible', dueOn: '2027-03-31' }),
  ];
  const ids = (filtered: ReportClaim[]) => filtered.map((one) => one.id);

  it('places each claim in the month of its payment, notice or due day', () => {
    expect(claims.map(reportPeriod)).toEqual(['2026-12', '2027-01', '2027-02', '2027-03']);
  });

  it('keeps a scheme year, a range of months (both ends included), or both; nothing given keeps all', () => {
    expect(ids(filterReportClaims(claims, {}))).toEqual(['y1', 'y2', 'y3', 'y4']);
    expect(ids(filterReportClaims(claims, { year: 2027 }))).toEqual(['y2', 'y3', 'y4']);
    // A claim of the 2027 scheme paid in 2027 counts under 2027, whatever year its notice went up.
    expect(ids(filterReportClaims(claims, { from: '2027-01', to: '2027-02' }))).toEqual(['y2', 'y3']);
    expect(ids(filterReportClaims(claims, { year: 2027, from: '2027-02' }))).toEqual(['y3', 'y4']);
    expect(ids(filterReportClaims(claims, { to: '2026-12' }))).toEqual(['y1']);
    expect(ids(filterReportClaims(claims, { year: 2025 }))).toEqual([]);
  });

  it('sums only what the filter keeps, exactly', () => {
    const report = subsidyReport(filterReportClaims(claims, { year: 2027, from: '2027-01', to: '2027-01' }));
    expect(report.all.paid).toEqual({ fen: 100_000, claimIds: ['y2'] });
    expect(report.all.onNotice.fen + report.all.owed.fen).toBe(0);
    expect(report.byPeriod.map((line) => line.period)).toEqual(['2027-01']);
  });
});
