import { describe, expect, it } from 'vitest';
import {
  eligibilitiesOf,
  eligibilityOf,
  type EligibilityPeriod,
  type EligibilityPerson,
} from '@shared/subsidy/eligibility';
import { checkScheme, type SubsidyScheme } from '@shared/subsidy/scheme';
import { destinationTier } from '@shared/subsidy/destination';
import { addCalendarDays, addCalendarMonths, completedCalendarMonths } from '@shared/dates';

function scheme(
  overrides: Partial<SubsidyScheme> = {},
  conditions: Partial<SubsidyScheme['conditions']> = {},
): SubsidyScheme {
  return {
    id: 'scheme',
    name: '重点企业吸纳就业补贴',
    year: 2026,
    kind: 'hiring',
    payee: 'enterprise',
    amountFen: 100_000,
    tiers: [],
    instalments: [],
    evidence: [],
    ...overrides,
    conditions: {
      householdTypes: [],
      minMonths: 0,
      sameEmployer: false,
      keyEnterpriseOnly: false,
      organisedBatch: 'any',
      destinations: [],
      startFrom: null,
      startTo: null,
      ...conditions,
    },
  };
}

function period(overrides: Partial<EligibilityPeriod> = {}): EligibilityPeriod {
  return {
    employer: 'shenzhen',
    start: '2026-02-20',
    end: null,
    destination: 'outside-province',
    isKeyEnterprise: true,
    organisedBatch: true,
    ...overrides,
  };
}

const person = (
  periods: EligibilityPeriod[],
  povertyStatus: EligibilityPerson['povertyStatus'] = 'registered-poor',
) => ({
  povertyStatus,
  periods,
});

describe('eligibility for a subsidy', () => {
  it('pays a key enterprise 1,000 yuan from the first day for a worker who came on a batch', () => {
    const result = eligibilityOf(person([period()]), scheme({}, { keyEnterpriseOnly: true }), '2026-02-20');
    expect(result).toMatchObject({ state: 'eligible', since: '2026-02-20', amountFen: 100_000 });
  });

  it('says how many months are still missing and from which day the worker will be eligible', () => {
    const result = eligibilityOf(person([period({ start: '2026-12-08' })]), scheme({}, { minMonths: 3 }), '2027-02-10');
    expect(result).toEqual({
      state: 'not-yet',
      from: '2027-03-08',
      reasons: [{ code: 'months', params: { months: 2, required: 3, from: '2027-03-08' } }],
    });
  });

  it('counts months across month ends: from 31 January, a month is complete on 28 February', () => {
    const retention = scheme({ kind: 'retention', payee: 'worker' }, { minMonths: 1, sameEmployer: true });
    expect(eligibilityOf(person([period({ start: '2027-01-31' })]), retention, '2027-02-27').state).toBe('not-yet');
    expect(eligibilityOf(person([period({ start: '2027-01-31' })]), retention, '2027-02-28')).toMatchObject({
      state: 'eligible',
      since: '2027-02-28',
    });
    expect(eligibilityOf(person([period({ start: '2028-01-31' })]), retention, '2028-02-28').state).toBe('not-yet');
    expect(eligibilityOf(person([period({ start: '2028-01-31' })]), retention, '2028-02-29').state).toBe('eligible');
  });

  it('adds up months at several employers, unless the scheme asks for the same employer', () => {
    const periods = [
      period({ employer: 'a', start: '2026-03-01', end: '2026-05-01' }),
      period({ employer: 'b', start: '2026-05-10' }),
    ];
    const total = eligibilityOf(person(periods), scheme({}, { minMonths: 3 }), '2026-06-10');
    expect(total).toMatchObject({ state: 'eligible', months: 3, since: '2026-06-10' });
    const same = eligibilityOf(person(periods), scheme({}, { minMonths: 3, sameEmployer: true }), '2026-06-10');
    expect(same).toMatchObject({ state: 'not-yet', from: '2026-08-10' });
  });

  it('names each condition that is not met', () => {
    expect(
      eligibilityOf(person([period()], 'none'), scheme({}, { householdTypes: ['registered-poor'] }), '2026-03-01'),
    ).toEqual({
      state: 'not-eligible',
      reasons: [{ code: 'household', params: { household: 'none' } }],
    });
    const notKey = eligibilityOf(
      person([period({ isKeyEnterprise: false })]),
      scheme({}, { keyEnterpriseOnly: true }),
      '2026-03-01',
    );
    expect(notKey).toMatchObject({
      reasons: [{ code: 'no-qualifying-employment', params: { condition: 'key-enterprise' } }],
    });
    const batch = eligibilityOf(person([period()]), scheme({}, { organisedBatch: 'excluded' }), '2026-03-01');
    expect(batch).toMatchObject({ reasons: [{ params: { condition: 'batch' } }] });
    const late = eligibilityOf(person([period()]), scheme({}, { startTo: '2026-02-19' }), '2026-03-01');
    expect(late).toMatchObject({ reasons: [{ params: { condition: 'window' } }] });
    expect(eligibilityOf(person([]), scheme(), '2026-03-01')).toMatchObject({ reasons: [{ code: 'no-employment' }] });
  });

  it('pays the transport subsidy by destination tier', () => {
    const transport = scheme(
      {
        kind: 'transport',
        payee: 'worker',
        amountFen: null,
        tiers: [
          { destination: 'outside-province', amountFen: 50_000 },
          { destination: 'in-province', amountFen: 30_000 },
        ],
      },
      { minMonths: 3 },
    );
    expect(eligibilityOf(person([period()]), transport, '2026-05-20')).toMatchObject({ amountFen: 50_000 });
    expect(eligibilityOf(person([period({ destination: 'in-province' })]), transport, '2026-05-20')).toMatchObject({
      amountFen: 30_000,
    });
    expect(eligibilityOf(person([period({ destination: 'in-county' })]), transport, '2026-05-20')).toMatchObject({
      state: 'not-eligible',
      reasons: [{ code: 'no-tier', params: { destination: 'in-county' } }],
    });
  });

  it('splits an agency subsidy in instalments, half after 1 month and half after 3, to the fen', () => {
    const placement = scheme({
      kind: 'placement',
      payee: 'agency',
      amountFen: 40_001,
      instalments: [
        { share: 0.5, afterMonths: 1 },
        { share: 0.5, afterMonths: 3 },
      ],
    });
    expect(eligibilityOf(person([period()]), placement, '2026-04-01')).toMatchObject({
      state: 'eligible',
      since: '2026-03-20',
      instalments: [
        { amountFen: 20_000, dueOn: '2026-03-20', owed: true },
        { amountFen: 20_001, dueOn: '2026-05-20', owed: false },
      ],
    });
  });
});

describe('a scheme', () => {
  it('is refused with no amount, overlapping tiers, or instalments that do not add up', () => {
    const codes = (s: SubsidyScheme) => checkScheme(s).map((p) => p.code);
    expect(codes(scheme())).toEqual([]);
    expect(codes(scheme({ amountFen: null }))).toEqual(['scheme-no-amount']);
    expect(
      codes(
        scheme({
          amountFen: null,
          tiers: [
            { destination: 'in-province', amountFen: 100 },
            { destination: 'in-province', amountFen: 200 },
          ],
        }),
      ),
    ).toEqual(['scheme-tiers-overlap']);
    expect(codes(scheme({ instalments: [{ share: 0.5, afterMonths: 1 }] }))).toEqual(['scheme-instalments']);
    expect(codes(scheme({}, { startFrom: '2026-03-01', startTo: '2026-02-01' }))).toEqual(['end-before-start']);
  });
});

describe('the destination tier', () => {
  it('is read from the worker’s county and the enterprise’s city', () => {
    // 451022 is 田东县, Baise, Guangxi.
    expect(destinationTier('451022', { city: '深圳市', district: '宝安区' })).toBe('outside-province');
    expect(destinationTier('451022', { city: '南宁', district: '江南区' })).toBe('in-province');
    expect(destinationTier('451022', { city: '百色市', district: '田东县' })).toBe('in-county');
    expect(destinationTier('451022', { city: '北京市', district: '朝阳区' })).toBe('outside-province');
    expect(destinationTier('451022', { city: '不存在市', district: '' })).toBeNull();
  });
});

describe('eligibility under several schemes at once', () => {
  it('is what each scheme alone says', () => {
    const schemes = [
      scheme({}, { minMonths: 3 }),
      scheme({}, { minMonths: 1, sameEmployer: true }),
      scheme({}, { keyEnterpriseOnly: true }),
    ];
    const someone = person([
      period({ start: '2026-01-10', end: '2026-02-15' }),
      period({ start: '2026-03-01', isKeyEnterprise: false }),
    ]);
    expect(eligibilitiesOf(someone, schemes, '2026-04-20')).toEqual(
      schemes.map((one) => eligibilityOf(someone, one, '2026-04-20')),
    );
  });

  it('names the very period a claim rests on, so that the caller can find its record', () => {
    const periods = [period({ start: '2026-01-10', end: '2026-02-15' }), period({ start: '2026-02-20' })];
    const results = eligibilitiesOf(
      person(periods),
      [scheme(), scheme({}, { minMonths: 1, sameEmployer: true })],
      '2026-04-20',
    );
    expect(results.map((result) => (result.state === 'eligible' ? result.period : null))).toEqual([
      periods[1],
      periods[1],
    ]);
    expect(results.every((result) => result.state === 'eligible' && result.period === periods[1])).toBe(true);
  });
});

describe('months and days as the calendar counts them', () => {
  const placement = scheme({
    kind: 'placement',
    payee: 'agency',
    amountFen: 40_000,
    instalments: [
      { share: 0.5, afterMonths: 1 },
      { share: 0.5, afterMonths: 3 },
    ],
  });

  it('agrees with the calendar for every start day of a common and a leap year', () => {
    const offsets = [0, 27, 28, 29, 30, 31, 59, 60, 61, 89, 92, 181, 365, 366];
    for (let start = '2027-01-01'; start <= '2028-12-31'; start = addCalendarDays(start, 1)) {
      for (const offset of offsets) {
        const asOf = addCalendarDays(start, offset);
        const months = completedCalendarMonths(start, asOf);
        const result = eligibilityOf(person([period({ start })]), placement, asOf);
        const oneMonth = addCalendarMonths(start, 1);
        if (months === 0) {
          expect(result).toEqual({
            state: 'not-yet',
            from: oneMonth,
            reasons: [{ code: 'months', params: { months: 0, required: 1, from: oneMonth } }],
          });
        } else {
          expect(result).toMatchObject({
            state: 'eligible',
            since: oneMonth,
            months,
            instalments: [
              { amountFen: 20_000, dueOn: oneMonth, owed: true },
              { amountFen: 20_000, dueOn: addCalendarMonths(start, 3), owed: months >= 3 },
            ],
          });
        }
      }
    }
  });

  it('completes a month on the last day of a shorter month, and a year from 29 February on 28 February', () => {
    const oneMonth = scheme({}, { minMonths: 1 });
    expect(eligibilityOf(person([period({ start: '2027-03-31' })]), oneMonth, '2027-04-29')).toMatchObject({
      state: 'not-yet',
      from: '2027-04-30',
    });
    expect(eligibilityOf(person([period({ start: '2027-03-31' })]), oneMonth, '2027-04-30')).toMatchObject({
      state: 'eligible',
      since: '2027-04-30',
      months: 1,
    });
    const year = scheme({ kind: 'retention', payee: 'worker' }, { minMonths: 12, sameEmployer: true });
    expect(eligibilityOf(person([period({ start: '2028-02-29' })]), year, '2029-02-27')).toMatchObject({
      state: 'not-yet',
      from: '2029-02-28',
      reasons: [{ params: { months: 11 } }],
    });
    expect(eligibilityOf(person([period({ start: '2028-02-29' })]), year, '2029-02-28')).toMatchObject({
      state: 'eligible',
      months: 12,
    });
  });

  it('adds up periods in the order they began, whatever the order they are listed in', () => {
    const periods = [
      period({ employer: 'b', start: '2026-05-10' }),
      period({ employer: 'a', start: '2026-01-05', end: '2026-03-04' }),
    ];
    // a: 5 January to 4 March, one month; b from 10 May: the third month is complete on 10 July.
    expect(eligibilityOf(person(periods), scheme({}, { minMonths: 3 }), '2026-08-01')).toMatchObject({
      state: 'eligible',
      since: '2026-07-10',
      months: 3,
      period: { employer: 'b' },
    });
  });

  it('counts no period that begins after the day asked about, and an open one only up to that day', () => {
    expect(eligibilityOf(person([period({ start: '2026-09-01' })]), scheme(), '2026-08-31')).toMatchObject({
      state: 'not-eligible',
      reasons: [{ code: 'no-employment' }],
    });
    const later = [period({ start: '2026-01-10', end: '2026-12-31' })];
    expect(eligibilityOf(person(later), scheme({}, { minMonths: 1 }), '2026-03-09')).toMatchObject({
      state: 'eligible',
      months: 1,
      since: '2026-02-10',
    });
  });

  it('pays the tier of the longest qualifying period', () => {
    const transport = scheme({
      kind: 'transport',
      payee: 'worker',
      amountFen: null,
      tiers: [
        { destination: 'outside-province', amountFen: 50_000 },
        { destination: 'in-province', amountFen: 30_000 },
      ],
    });
    const periods = [
      period({ start: '2026-01-01', end: '2026-02-15', destination: 'outside-province' }),
      period({ start: '2026-03-01', destination: 'in-province' }),
    ];
    expect(eligibilityOf(person(periods), transport, '2026-06-01')).toMatchObject({
      state: 'eligible',
      amountFen: 30_000,
      period: { destination: 'in-province' },
    });
    expect(
      eligibilityOf(
        person([...periods, period({ start: '2025-01-01', end: '2025-12-01', destination: 'in-county' })]),
        transport,
        '2026-06-01',
      ),
    ).toMatchObject({
      state: 'not-eligible',
      reasons: [{ code: 'no-tier', params: { destination: 'in-county' } }],
    });
  });
});
