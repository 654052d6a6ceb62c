import { describe, expect, it } from 'vitest';
import { demoSchemes, demoSchemesOn } from '@shared/subsidy/demo-schemes';
import { eligibilityOf, type EligibilityPeriod } from '@shared/subsidy/eligibility';
import { checkScheme, type SchemeKind, type SubsidyScheme } from '@shared/subsidy/scheme';
import type { PovertyStatus } from '@shared/domain/records';

const schemes = demoSchemes(2027);
const byKind = (kind: SchemeKind): SubsidyScheme => {
  const found = schemes.find((scheme) => scheme.kind === kind);
  if (!found) throw new Error(`no ${kind} scheme`);
  return found;
};

function someone(overrides: Partial<EligibilityPeriod> = {}, povertyStatus: PovertyStatus = 'registered-poor') {
  return {
    povertyStatus,
    periods: [
      {
        employer: 'e1',
        start: '2027-02-20',
        end: null,
        destination: 'outside-province',
        isKeyEnterprise: true,
        organisedBatch: true,
        ...overrides,
      } satisfies EligibilityPeriod,
    ],
  };
}

describe('the demo schemes', () => {
  it('are the four schemes of the notices, each one the settings would accept, for the year asked', () => {
    expect(schemes.map((scheme) => [scheme.kind, scheme.payee, scheme.year])).toEqual([
      ['hiring', 'enterprise', 2027],
      ['placement', 'agency', 2027],
      ['transport', 'worker', 2027],
      ['retention', 'worker', 2027],
    ]);
    for (const scheme of [...schemes, ...demoSchemes(2000), ...demoSchemes(2100)]) {
      expect(checkScheme(scheme)).toEqual([]);
    }
    expect(new Set(schemes.map((scheme) => scheme.id)).size).toBe(4);
    expect(schemes.every((scheme) => scheme.id.startsWith('demo:'))).toBe(true);
    expect(demoSchemesOn('2027-06-30')).toEqual(schemes);
    expect(demoSchemes(2028).map((scheme) => scheme.id)).not.toContain(schemes[0]?.id);
  });

  it('pay a key enterprise 1,000 yuan and its agency 400 yuan for a worker hired in the prevention period', () => {
    const hired = someone({}, 'none');
    expect(eligibilityOf(hired, byKind('hiring'), '2027-02-20')).toMatchObject({
      state: 'eligible',
      since: '2027-02-20',
      amountFen: 100_000,
    });
    expect(eligibilityOf(hired, byKind('placement'), '2027-02-20')).toMatchObject({
      state: 'eligible',
      amountFen: 40_000,
    });
    const notKey = someone({ isKeyEnterprise: false });
    expect(eligibilityOf(notKey, byKind('hiring'), '2027-03-01')).toMatchObject({
      state: 'not-eligible',
      reasons: [{ code: 'no-qualifying-employment', params: { condition: 'key-enterprise' } }],
    });
    const lastYear = someone({ start: '2026-12-31' });
    expect(eligibilityOf(lastYear, byKind('placement'), '2027-03-01')).toMatchObject({
      state: 'not-eligible',
      reasons: [{ code: 'no-qualifying-employment', params: { condition: 'window' } }],
    });
  });

  it('pay the transport subsidy by tier to poor and monitored households after 3 months outside the county', () => {
    const transport = byKind('transport');
    expect(eligibilityOf(someone(), transport, '2027-05-20')).toMatchObject({
      state: 'eligible',
      since: '2027-05-20',
      amountFen: 50_000,
    });
    expect(
      eligibilityOf(someone({ destination: 'in-province' }, 'relatively-poor'), transport, '2027-05-20'),
    ).toMatchObject({ state: 'eligible', amountFen: 30_000 });
    expect(eligibilityOf(someone(), transport, '2027-05-19')).toMatchObject({ state: 'not-yet', from: '2027-05-20' });
    expect(eligibilityOf(someone({ destination: 'in-county' }), transport, '2027-08-01')).toMatchObject({
      state: 'not-eligible',
      reasons: [{ code: 'no-qualifying-employment', params: { condition: 'destination' } }],
    });
    expect(eligibilityOf(someone({}, 'none'), transport, '2027-08-01')).toMatchObject({
      state: 'not-eligible',
      reasons: [{ code: 'household', params: { household: 'none' } }],
    });
  });

  it('pay the retention subsidy of 600 yuan after 6 months with the same employer', () => {
    const retention = byKind('retention');
    const stayed = { povertyStatus: 'none' as const, periods: someone({ start: '2026-11-15' }).periods };
    expect(eligibilityOf(stayed, retention, '2027-05-14')).toMatchObject({
      state: 'not-yet',
      from: '2027-05-15',
      reasons: [{ code: 'months', params: { months: 5, required: 6 } }],
    });
    expect(eligibilityOf(stayed, retention, '2027-05-15')).toMatchObject({ state: 'eligible', amountFen: 60_000 });
    const twoEmployers = {
      povertyStatus: 'none' as const,
      periods: [
        { ...someone().periods[0], employer: 'a', start: '2027-01-01', end: '2027-03-31' },
        { ...someone().periods[0], employer: 'b', start: '2027-04-01' },
      ] as EligibilityPeriod[],
    };
    expect(eligibilityOf(twoEmployers, retention, '2027-08-01')).toMatchObject({
      state: 'not-yet',
      from: '2027-10-01',
    });
  });

  it('are refused for a year the settings do not accept, and for a day that is not one', () => {
    expect(() => demoSchemes(1999)).toThrow(RangeError);
    expect(() => demoSchemesOn('2027-02-30')).toThrow(RangeError);
  });
});
