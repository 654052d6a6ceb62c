/**
 * The demo's subsidies (issue 18, item 1): a new user who loads the demo finds the schemes with the
 * seed's figures for the years its people were handed over in, sees who is eligible under them
 * from the demo's own handovers and contacts, can claim for them, and clearing the demo takes the
 * schemes and the claims made for its people away again.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { makeDemoData } from '@shared/demo';
import { todayCalendarDate } from '@shared/dates';
import { isPayableAccount } from '@shared/subsidy/bank-account';
import { parseCreditCode } from '@shared/domain/credit-code';
import {
  clearDemoData,
  createClaims,
  introductionsByAgency,
  listAgencies,
  listSchemes,
  loadDemoData,
  subsidyEligibility,
  type PlannerDatabase,
} from '@renderer/db';
import { freshDatabaseWithOperator } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
});

const today = todayCalendarDate();

describe('the demo’s subsidies', () => {
  it('holds the seed’s schemes, with workers eligible under them, and clears them with the demo', async () => {
    await loadDemoData(makeDemoData({ seed: 20200218, workers: 2000, today }));
    const schemes = await listSchemes();
    // The year of the newest handover (early in January, that may be last year).
    const newest =
      (await db.followUps.toArray())
        .map((followUp) => followUp.handedOverOn)
        .sort()
        .at(-1) ?? today;
    const hiring = schemes.find((scheme) => scheme.kind === 'hiring' && scheme.year === Number(newest.slice(0, 4)));
    expect(hiring).toMatchObject({ amountFen: 100_000, payee: 'enterprise', demo: true });
    expect(schemes.find((scheme) => scheme.kind === 'placement')?.amountFen).toBe(40_000);

    const rows = await subsidyEligibility(hiring?.id ?? '', today);
    const eligible = rows.filter((row) => row.eligibility.state === 'eligible' && row.payee !== null);
    expect(eligible.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.eligibility.state !== 'eligible')).toBe(true);
    const claims = await createClaims(
      hiring?.id ?? '',
      eligible.slice(0, 3).map((row) => row.workerId),
      today,
    );
    expect(claims).toHaveLength(3);

    await clearDemoData();
    expect(await db.subsidySchemes.count()).toBe(0);
    expect(await db.subsidyClaims.count()).toBe(0);
  });

  it('holds agencies with bank accounts that introduced people to key enterprises, to be paid the placement subsidy', async () => {
    await loadDemoData(makeDemoData({ seed: 20200218, workers: 2000, today }));
    const agencies = await listAgencies();
    expect(agencies.length).toBeGreaterThanOrEqual(2);
    for (const agency of agencies) {
      expect(isPayableAccount(agency.bankAccount), agency.name).toBe(true);
      expect(parseCreditCode(agency.creditCode).ok, agency.name).toBe(true);
      expect((await introductionsByAgency(agency.id)).length, agency.name).toBeGreaterThan(0);
    }
    const introductions = await db.introductions.toArray();
    expect(introductions.every((introduction) => introduction.introducedOn <= today)).toBe(true);

    const newest =
      (await db.followUps.toArray())
        .map((followUp) => followUp.handedOverOn)
        .sort()
        .at(-1) ?? today;
    const placement = (await listSchemes()).find(
      (scheme) => scheme.kind === 'placement' && scheme.year === Number(newest.slice(0, 4)),
    );
    const rows = await subsidyEligibility(placement?.id ?? '', today);
    const eligible = rows.filter((row) => row.eligibility.state === 'eligible');
    const paid = eligible.filter((row) => row.payee?.kind === 'agency');
    // Some eligible people have an agency to pay, and some were found their job by no agency.
    expect(paid.length).toBeGreaterThan(0);
    expect(paid.length).toBeLessThan(eligible.length);
    const names = new Set(agencies.map((agency) => agency.name));
    expect(paid.every((row) => names.has(row.payee?.name ?? ''))).toBe(true);
    const claims = await createClaims(
      placement?.id ?? '',
      paid.slice(0, 2).map((row) => row.workerId),
      today,
    );
    expect(claims.map((claim) => claim.payee)).toEqual(['agency', 'agency']);

    await clearDemoData();
    expect(await db.agencies.count()).toBe(0);
    expect(await db.introductions.count()).toBe(0);
    expect(await db.subsidyClaims.count()).toBe(0);
  });
});
