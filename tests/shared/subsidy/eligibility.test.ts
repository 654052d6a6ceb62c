import { describe, expect, it } from 'vitest';
import {
  eligibilitiesOf,
  eligibilityOf,
  type EligibilityPeriod,
  type EligibilityPerson,
} from '@shared/subsidy/eligibility';
import { checkScheme, type SubsidyScheme } from '@shared/subsidy/scheme';
import { destinationTier } from '@shared/subsidy/destination';

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
});
