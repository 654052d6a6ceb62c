/**
 * Figures of subsidy eligibility (issue 18, "speed": `subsidy-eligibility-100k`, under 1 s): every
 * one of the demo's 100,000 workers judged under all the demo's schemes of the year, with the seed's
 * figures (shared/subsidy/demo-schemes.ts: hiring at key enterprises, agency placement, transport by
 * destination tier for poor and monitored households, retention at one employer), as of one day.
 * Each worker has one to three employment periods spread over the year before, some closed (built
 * here until the demo data holds them). Every scheme must find some workers eligible and some not,
 * or the run fails: a workload every condition turns away at once would measure nothing.
 *
 * Baseline, in the same run: counting the completed months of every period once, the step any
 * eligibility rule must take; the ratio says what the conditions, tiers and instalments add.
 */
import { makeDemoData } from '@shared/demo';
import { addCalendarDays } from '@shared/dates';
import { completedMonths } from '@shared/followup';
import { demoSchemesOn } from '@shared/subsidy/demo-schemes';
import { eligibilitiesOf, type EligibilityPeriod, type EligibilityPerson } from '@shared/subsidy/eligibility';
import type { DestinationTier } from '@shared/subsidy/scheme';
import { timeRuns, type Figure } from './measure';

const SEED = 20200218;
const RUNS = 5;
const AS_OF = '2026-12-07';
const TIERS: readonly DestinationTier[] = ['outside-province', 'in-province', 'in-county'];

/** Deterministic periods for each worker: the seed's own small generator, not Math.random. */
function periodsFor(count: number): EligibilityPeriod[][] {
  let state = SEED;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return Array.from({ length: count }, () => {
    const periods: EligibilityPeriod[] = [];
    let start = addCalendarDays(AS_OF, -Math.floor(next() * 365));
    const spells = 1 + Math.floor(next() * 3);
    for (let spell = 0; spell < spells; spell++) {
      const last = spell === spells - 1;
      const end = last && next() < 0.7 ? null : addCalendarDays(start, 20 + Math.floor(next() * 90));
      periods.push({
        employer: `e${Math.floor(next() * 500)}`,
        start,
        end: end !== null && end > AS_OF ? null : end,
        destination: TIERS[Math.floor(next() * 3)] ?? 'outside-province',
        isKeyEnterprise: next() < 0.3,
        organisedBatch: spell === 0,
      });
      if (end === null || end >= AS_OF) break;
      start = addCalendarDays(end, 1 + Math.floor(next() * 20));
      if (start > AS_OF) break;
    }
    return periods;
  });
}

export async function subsidyFigures(print: (figure: Figure) => void): Promise<void> {
  const { workers } = makeDemoData({ seed: SEED, workers: 100_000 });
  const periods = periodsFor(workers.length);
  const people: EligibilityPerson[] = workers.map((worker, index) => ({
    povertyStatus: worker.povertyStatus,
    periods: periods[index] ?? [],
  }));
  let months = 0;
  const baseline: Figure = {
    name: 'completed-months-100k',
    unit: 'ms',
    samples: await timeRuns(RUNS, () => {
      for (const person of people) {
        for (const period of person.periods) months += completedMonths(period.start, period.end ?? AS_OF);
      }
    }),
  };
  print(baseline);
  const schemes = demoSchemesOn(AS_OF);
  // Per scheme: how many were found eligible, not yet, and not eligible.
  const STATES = ['eligible', 'not-yet', 'not-eligible'] as const;
  const counts = schemes.map(() => [0, 0, 0]);
  print({
    name: 'subsidy-eligibility-100k',
    unit: 'ms',
    baseline,
    samples: await timeRuns(RUNS, () => {
      for (const row of counts) row.fill(0);
      for (const person of people) {
        const results = eligibilitiesOf(person, schemes, AS_OF);
        for (let index = 0; index < results.length; index++) {
          const row = counts[index] as number[];
          const state = STATES.indexOf(results[index]?.state ?? 'not-eligible');
          row[state] = (row[state] ?? 0) + 1;
        }
      }
    }),
  });
  // Kept, so that no engine can drop the work as unused, and checked, so that the workload stays one.
  if (months < 0) throw new Error('no months were counted');
  schemes.forEach(({ kind }, index) => {
    const [eligible = 0] = counts[index] ?? [];
    if (eligible === 0 || eligible === people.length) {
      throw new Error(`the ${kind} scheme found ${eligible === 0 ? 'no one' : 'everyone'} eligible`);
    }
  });
}
