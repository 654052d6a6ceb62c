/**
 * Figures of subsidy eligibility (issue 18, "speed": `subsidy-eligibility-100k`, under 1 s): every
 * one of the demo's 100,000 workers judged under four schemes with the seed's figures (hiring at key
 * enterprises, agency placement in two instalments, transport by destination tier for registered
 * households, retention at one employer), as of one day. Each worker has one to three employment
 * periods spread over the year before, some closed (built here until the demo data holds them).
 *
 * Baseline, in the same run: counting the completed months of every period once, the step any
 * eligibility rule must take; the ratio says what the conditions, tiers and instalments add.
 */
import { makeDemoData } from '@shared/demo';
import { addCalendarDays } from '@shared/dates';
import { completedMonths } from '@shared/followup';
import { eligibilitiesOf, type EligibilityPeriod, type EligibilityPerson } from '@shared/subsidy/eligibility';
import type { DestinationTier, SubsidyScheme } from '@shared/subsidy/scheme';
import { timeRuns, type Figure } from './measure';

const SEED = 20200218;
const RUNS = 5;
const AS_OF = '2026-12-07';
const TIERS: readonly DestinationTier[] = ['outside-province', 'in-province', 'in-county'];

function scheme(overrides: Partial<SubsidyScheme>, conditions: Partial<SubsidyScheme['conditions']>): SubsidyScheme {
  return {
    id: overrides.kind ?? 'scheme',
    name: '',
    year: 2026,
    kind: 'hiring',
    payee: 'enterprise',
    amountFen: null,
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

export const BENCH_SCHEMES: readonly SubsidyScheme[] = [
  scheme({ kind: 'hiring', amountFen: 100_000 }, { keyEnterpriseOnly: true }),
  scheme(
    {
      kind: 'placement',
      payee: 'agency',
      amountFen: 40_000,
      instalments: [
        { share: 0.5, afterMonths: 1 },
        { share: 0.5, afterMonths: 3 },
      ],
    },
    { keyEnterpriseOnly: true },
  ),
  scheme(
    {
      kind: 'transport',
      payee: 'worker',
      tiers: [
        { destination: 'outside-province', amountFen: 50_000 },
        { destination: 'in-province', amountFen: 30_000 },
      ],
    },
    { householdTypes: ['registered-poor', 'relatively-poor'], minMonths: 3 },
  ),
  scheme({ kind: 'retention', payee: 'worker', amountFen: 60_000 }, { minMonths: 6, sameEmployer: true }),
];

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
  const counts = new Map<string, number>();
  print({
    name: 'subsidy-eligibility-100k',
    unit: 'ms',
    baseline,
    samples: await timeRuns(RUNS, () => {
      counts.clear();
      for (const person of people) {
        for (const { state } of eligibilitiesOf(person, BENCH_SCHEMES, AS_OF)) {
          counts.set(state, (counts.get(state) ?? 0) + 1);
        }
      }
    }),
  });
  // Kept, so that no engine can drop the work as unused.
  if (months < 0 || counts.size === 0) throw new Error('no eligibility was computed');
}
