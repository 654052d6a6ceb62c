import { describe, expect, it } from 'vitest';

import { makeDemoData } from '@shared/demo';
import { createRandom } from '@shared/demo/random';
import type { Worker } from '@shared/domain/records';
import { expandDateRange, planBatches } from '@shared/planning';
import type { BatchPlanningInput, BatchProposal } from '@shared/planning';
import { makeEnterprise, makeWorker } from '../../fixtures/factories';
import {
  CARRIAGE_90,
  COACH_49,
  makeEnterprisesByCity,
  makeHousehold,
  makeRoute,
  makeSingles,
  smallVehicle,
  vehiclesFor,
} from '../../fixtures/planning';

const FIRST_DAY = '2026-02-15';

/**
 * Everything that must hold of any proposal, as a list of broken rules (empty when sound): each
 * worker placed once at most and either placed or reported; every passenger on every leg of the
 * batch once; no vehicle over capacity; one group (county and city) per vehicle; households whole
 * in one vehicle; vehicle limits per leg and batches per day kept; never fewer vehicles than the
 * lower bound.
 */
function brokenRules(input: BatchPlanningInput, proposal: BatchProposal): string[] {
  const broken: string[] = [];
  const workers = new Map(input.workers.map((worker) => [worker.id, worker]));
  const cityOf = new Map(input.enterprises.map((enterprise) => [enterprise.id, enterprise.city]));
  const dates = new Set(input.dates);
  const placed = new Set<string>();
  const batchesOnDay = new Map<string, number>();
  let vehicles = 0;

  for (const batch of proposal.batches) {
    const route = input.routes.find((candidate) => candidate.id === batch.routeId);
    if (!route) broken.push(`batch on unknown route ${batch.routeId}`);
    if (!dates.has(batch.date)) broken.push(`batch on ${batch.date}, outside the dates`);
    const dayKey = `${batch.routeId}/${batch.date}`;
    batchesOnDay.set(dayKey, (batchesOnDay.get(dayKey) ?? 0) + 1);
    for (const id of batch.passengerIds) {
      if (placed.has(id)) broken.push(`worker ${id} placed twice`);
      placed.add(id);
    }
    const passengers = [...batch.passengerIds].sort();
    if (batch.legs.map((leg) => leg.legId).join() !== route?.legs.map((leg) => leg.id).join()) {
      broken.push(`batch ${batch.sequence} does not ride the route's legs in order`);
    }
    for (const leg of batch.legs) {
      const type = input.vehicles[batch.routeId]?.[leg.legId];
      const limit =
        type?.maxVehicles ?? (route?.legs.find((each) => each.id === leg.legId)?.mode === 'train' ? 16 : 40);
      if (leg.vehicles.length > limit)
        broken.push(`leg ${leg.legId} has ${leg.vehicles.length} vehicles, limit ${limit}`);
      vehicles += leg.vehicles.length;
      const riders = leg.vehicles.flatMap((vehicle) => vehicle.workerIds).sort();
      if (riders.join() !== passengers.join()) broken.push(`batch ${batch.sequence}: leg ${leg.legId} riders differ`);
      for (const vehicle of leg.vehicles) {
        if (vehicle.workerIds.length > vehicle.capacity) broken.push(`vehicle over capacity on ${leg.legId}`);
        if (vehicle.capacity !== type?.capacity) broken.push(`vehicle of the wrong type on ${leg.legId}`);
        const groups = new Set(
          vehicle.workerIds.map((id) => {
            const worker = workers.get(id);
            return `${worker?.county}/${cityOf.get(worker?.enterpriseId ?? '')}`;
          }),
        );
        if (groups.size !== 1) broken.push(`vehicle mixes groups ${[...groups].join(', ')}`);
      }
      // A household bound for one city sits in one vehicle of each leg.
      const vehicleOf = new Map<string, number>();
      leg.vehicles.forEach((vehicle, index) => {
        for (const id of vehicle.workerIds) {
          const worker = workers.get(id);
          if (!worker) continue;
          const household = `${worker.county}/${worker.township}/${worker.village}/${worker.household}/${cityOf.get(worker.enterpriseId ?? '')}`;
          const seen = vehicleOf.get(household);
          if (seen !== undefined && seen !== index) broken.push(`household ${worker.household} split on ${leg.legId}`);
          vehicleOf.set(household, index);
        }
      });
    }
  }
  for (const [dayKey, count] of batchesOnDay) {
    const perDay = input.batchesPerDay?.[dayKey.split('/')[0] ?? ''] ?? 1;
    if (count > perDay) broken.push(`${count} batches on ${dayKey}, limit ${perDay}`);
  }
  for (const { workerId } of proposal.unplaced) {
    if (placed.has(workerId)) broken.push(`worker ${workerId} both placed and unplaced`);
  }
  if (placed.size + proposal.unplaced.length !== workers.size) broken.push('some workers neither placed nor reported');
  if (vehicles !== proposal.vehicleCount) broken.push(`vehicleCount ${proposal.vehicleCount}, counted ${vehicles}`);
  if (placed.size !== proposal.passengerCount)
    broken.push(`passengerCount ${proposal.passengerCount}, counted ${placed.size}`);
  if (proposal.vehicleCount < proposal.lowerBound) broken.push(`below the lower bound ${proposal.lowerBound}`);
  return broken;
}

function reasonsOf(proposal: BatchProposal): Record<string, string> {
  return Object.fromEntries(proposal.unplaced.map(({ workerId, reason }) => [workerId, reason]));
}

/** Passenger counts of each vehicle, leg by leg, batch by batch. */
function loads(proposal: BatchProposal): number[][][] {
  return proposal.batches.map((batch) => batch.legs.map((leg) => leg.vehicles.map((v) => v.workerIds.length)));
}

describe('planBatches on the demo data set', () => {
  const data = makeDemoData({ seed: 20200218, workers: 5_000 });
  const route = data.routes[0];
  if (!route) throw new Error('the demo has a route');
  const input: BatchPlanningInput = {
    workers: data.workers,
    enterprises: data.enterprises,
    routes: data.routes,
    dates: expandDateRange(FIRST_DAY, '2026-03-15'),
    vehicles: vehiclesFor(data.routes, { coach: COACH_49, train: CARRIAGE_90 }),
  };
  const proposal = planBatches(input);

  it('places everyone who can travel, keeps every rule, and stays within 2% of the lower bound', () => {
    expect(brokenRules(input, proposal)).toEqual([]);
    const closed = new Set(data.enterprises.filter((e) => e.resumptionStatus === 'not-resumed').map((e) => e.id));
    const travellers = data.workers.filter((w) => w.enterpriseId !== null && !closed.has(w.enterpriseId));
    expect(proposal.passengerCount).toBe(travellers.length);
    // Only those without a working enterprise stay home: no one for want of a date or a vehicle.
    const reasons = new Set(proposal.unplaced.map((u) => u.reason));
    expect([...reasons].filter((reason) => reason !== 'no-enterprise' && reason !== 'enterprise-not-resumed')).toEqual(
      [],
    );
    expect(proposal.vehicleCount).toBeGreaterThanOrEqual(proposal.lowerBound);
    expect(proposal.vehicleCount).toBeLessThanOrEqual(Math.ceil(proposal.lowerBound * 1.02));
  });

  it('fills every batch up to a full train of 16 carriages, except the last', () => {
    const carriages = proposal.batches.map((batch) => batch.legs[1]?.vehicles.length);
    expect(carriages.slice(0, -1).every((count) => count === 16)).toBe(true);
    expect(proposal.batches.map((batch) => batch.date)).toEqual(
      expandDateRange(FIRST_DAY, '2026-03-15').slice(0, proposal.batches.length),
    );
    expect(proposal.batches[0]?.suggestedName).toBe(`${route.name} ${FIRST_DAY} #1`);
  });

  it('reports per group the vehicles and the lower bound that add up to the totals', () => {
    // 12 counties, each sending workers to Guangzhou and Shenzhen.
    expect(proposal.groups).toHaveLength(24);
    expect(proposal.groups.reduce((sum, group) => sum + group.vehicles, 0)).toBe(proposal.vehicleCount);
    expect(proposal.groups.reduce((sum, group) => sum + group.lowerBound, 0)).toBe(proposal.lowerBound);
    expect(proposal.groups.every((group) => group.overflow === 0 && group.legs.length === 3)).toBe(true);
  });
});

describe('planBatches keeps households, villages and groups together', () => {
  it('seats each village in its own vehicle when a village fills one, whatever the roster order', () => {
    const { shenzhen } = makeEnterprisesByCity();
    const upper = makeSingles(10, shenzhen, { village: '那洪村' });
    const lower = makeSingles(10, shenzhen, { village: '百谷村' });
    const interleaved = upper.flatMap((worker, index) => [worker, lower[index] as Worker]);
    const route = makeRoute();
    const input = {
      workers: interleaved,
      enterprises: [shenzhen],
      routes: [route],
      dates: [FIRST_DAY],
      vehicles: vehiclesFor([route], smallVehicle(10)),
    };
    const proposal = planBatches(input);
    expect(brokenRules(input, proposal)).toEqual([]);
    const villageOf = new Map(interleaved.map((worker) => [worker.id, worker.village]));
    for (const leg of proposal.batches[0]?.legs ?? []) {
      expect(leg.vehicles.map((vehicle) => [...new Set(vehicle.workerIds.map((id) => villageOf.get(id)))])).toEqual([
        ['百谷村'],
        ['那洪村'],
      ]);
    }
  });

  it('fills vehicles to capacity around households, leaving only the last one short', () => {
    const { shenzhen } = makeEnterprisesByCity();
    // Three households of 4 in one village, then 11 workers alone in the next: 23 for vehicles of 10.
    const workers = [
      ...makeHousehold(4, shenzhen, { village: '那洪村' }),
      ...makeHousehold(4, shenzhen, { village: '那洪村' }),
      ...makeHousehold(4, shenzhen, { village: '那洪村' }),
      ...makeSingles(11, shenzhen, { village: '那满村' }),
    ];
    const route = makeRoute();
    const input = {
      workers,
      enterprises: [shenzhen],
      routes: [route],
      dates: [FIRST_DAY],
      vehicles: vehiclesFor([route], smallVehicle(10)),
    };
    const proposal = planBatches(input);
    expect(brokenRules(input, proposal)).toEqual([]);
    expect(loads(proposal)).toEqual([
      [
        [10, 10, 3],
        [10, 10, 3],
        [10, 10, 3],
      ],
    ]);
    expect(proposal.vehicleCount).toBe(proposal.lowerBound);
  });

  it('never seats people bound for different cities or from different counties in one vehicle', () => {
    const { shenzhen, guangzhou } = makeEnterprisesByCity();
    const workers = [
      ...makeSingles(3, shenzhen, { county: '田东县' }),
      ...makeSingles(3, guangzhou, { county: '田东县' }),
      ...makeSingles(3, shenzhen, { county: '田阳区' }),
    ];
    const route = makeRoute({ counties: ['田东县', '田阳区'] });
    const input = {
      workers,
      enterprises: [shenzhen, guangzhou],
      routes: [route],
      dates: [FIRST_DAY],
      vehicles: vehiclesFor([route], smallVehicle(40)),
    };
    const proposal = planBatches(input);
    expect(brokenRules(input, proposal)).toEqual([]);
    // Three groups of 3 each fill a vehicle of 40 on every leg: 9 vehicles where 3 would have done.
    expect(loads(proposal)).toEqual([
      [
        [3, 3, 3],
        [3, 3, 3],
        [3, 3, 3],
      ],
    ]);
    expect(proposal.groups.map((group) => `${group.county}→${group.city}`)).toEqual([
      '田东县→广州市',
      '田东县→深圳市',
      '田阳区→深圳市',
    ]);
    expect(proposal.vehicleCount).toBe(proposal.lowerBound);
  });

  it('keeps the members of a household who go to the same city in one vehicle', () => {
    const { shenzhen, guangzhou } = makeEnterprisesByCity();
    const [father, mother, son] = makeHousehold(3, shenzhen);
    if (!father || !mother || !son) throw new Error('a household of 3');
    son.enterpriseId = guangzhou.id;
    // Enough workers alone around them that a split would have been tempting.
    const workers = [...makeSingles(9, shenzhen), father, ...makeSingles(9, guangzhou), son, mother];
    const route = makeRoute();
    const input = {
      workers,
      enterprises: [shenzhen, guangzhou],
      routes: [route],
      dates: [FIRST_DAY],
      vehicles: vehiclesFor([route], smallVehicle(5)),
    };
    const proposal = planBatches(input);
    expect(brokenRules(input, proposal)).toEqual([]);
    for (const leg of proposal.batches[0]?.legs ?? []) {
      const withFather = leg.vehicles.find((vehicle) => vehicle.workerIds.includes(father.id));
      expect(withFather?.workerIds).toContain(mother.id);
      expect(withFather?.workerIds).not.toContain(son.id);
    }
  });
});

describe('planBatches over several batches', () => {
  it('splits a large group over batches without costing a vehicle when capacities divide', () => {
    const { shenzhen } = makeEnterprisesByCity();
    const workers = makeSingles(95, shenzhen);
    const route = makeRoute();
    const input = {
      workers,
      enterprises: [shenzhen],
      routes: [route],
      dates: expandDateRange(FIRST_DAY, '2026-02-20'),
      // One carriage of 40 per batch; coaches of 20 on the other legs.
      vehicles: vehiclesFor([route], { coach: COACH_49, train: { ...CARRIAGE_90, maxVehicles: 1 } }),
    };
    const proposal = planBatches(input);
    expect(brokenRules(input, proposal)).toEqual([]);
    expect(loads(proposal)).toEqual([
      [[20, 20], [40], [20, 20]],
      [[20, 20], [40], [20, 20]],
      [[15], [15], [15]],
    ]);
    // 5 + 3 + 5: the lower bound, met.
    expect([proposal.vehicleCount, proposal.lowerBound]).toEqual([13, 13]);
    // The last batch: 15 passengers on each leg, in 20 + 40 + 20 places.
    expect(proposal.batches.map((batch) => batch.fillRate)).toEqual([1, 1, 45 / 80]);
    expect(proposal.batches[2]?.legs.map((leg) => leg.fillRate)).toEqual([0.75, 0.375, 0.75]);
  });

  it('leaves a passenger for the next batch rather than seat them alone in an extra coach', () => {
    const { shenzhen } = makeEnterprisesByCity();
    const workers = makeSingles(50, shenzhen);
    const route = makeRoute();
    const input = {
      workers,
      enterprises: [shenzhen],
      routes: [route],
      dates: expandDateRange(FIRST_DAY, '2026-02-20'),
      // One carriage of 21 per batch and coaches of 10: a full carriage would need a third coach for one.
      vehicles: vehiclesFor([route], { coach: smallVehicle(10), train: smallVehicle(21, 1) }),
    };
    const proposal = planBatches(input);
    expect(brokenRules(input, proposal)).toEqual([]);
    expect(loads(proposal)).toEqual([
      [[10, 10], [20], [10, 10]],
      [[10, 10], [20], [10, 10]],
      [[10], [10], [10]],
    ]);
    expect([proposal.vehicleCount, proposal.lowerBound]).toEqual([13, 13]);
  });

  it('keeps to the vehicles a leg may use and the batches a day, and says who had no date left', () => {
    const { shenzhen } = makeEnterprisesByCity();
    const workers = makeSingles(100, shenzhen);
    const route = makeRoute();
    const base = {
      workers,
      enterprises: [shenzhen],
      routes: [route],
      vehicles: vehiclesFor([route], { coach: smallVehicle(10), train: smallVehicle(10, 3) }),
      batchesPerDay: { [route.id]: 2 },
    };
    const roomy = { ...base, dates: ['2026-02-17', FIRST_DAY, '2026-02-16', FIRST_DAY] };
    const proposal = planBatches(roomy);
    expect(brokenRules(roomy, proposal)).toEqual([]);
    expect(proposal.batches.map((b) => [b.date, b.numberOnDate, b.sequence, b.passengerIds.length])).toEqual([
      [FIRST_DAY, 1, 1, 30],
      [FIRST_DAY, 2, 2, 30],
      ['2026-02-16', 1, 3, 30],
      ['2026-02-16', 2, 4, 10],
    ]);
    expect(proposal.unplaced).toEqual([]);

    const short = { ...base, dates: [FIRST_DAY] };
    const shortProposal = planBatches(short);
    expect(brokenRules(short, shortProposal)).toEqual([]);
    expect(shortProposal.passengerCount).toBe(60);
    expect(shortProposal.unplaced).toHaveLength(40);
    expect(new Set(shortProposal.unplaced.map((u) => u.reason))).toEqual(new Set(['no-date-left']));
    expect(shortProposal.groups[0]?.overflow).toBe(40);
  });

  it('tries routes in order and gives a later route the workers the first one has no date for', () => {
    const { shenzhen } = makeEnterprisesByCity();
    const tiandong = makeSingles(30, shenzhen, { county: '田东县' });
    const tianyang = makeSingles(5, shenzhen, { county: '田阳区' });
    const first = makeRoute({ name: '田东专线', counties: ['田东县'] });
    const second = makeRoute({ name: '田阳—田东专线', counties: ['田阳区', '田东县'] });
    const input = {
      workers: [...tianyang, ...tiandong],
      enterprises: [shenzhen],
      routes: [first, second],
      dates: [FIRST_DAY],
      // The first route takes 20 a day, the second 40.
      vehicles: { ...vehiclesFor([first], smallVehicle(10, 2)), ...vehiclesFor([second], smallVehicle(10, 4)) },
    };
    const proposal = planBatches(input);
    expect(brokenRules(input, proposal)).toEqual([]);
    const tiandongIds = new Set(tiandong.map((worker) => worker.id));
    expect(proposal.batches.map((batch) => [batch.routeId, batch.passengerIds.length])).toEqual([
      [first.id, 20],
      [second.id, 15],
    ]);
    expect(proposal.batches[0]?.passengerIds.every((id) => tiandongIds.has(id))).toBe(true);
    expect(proposal.unplaced).toEqual([]);
  });
});

describe('planBatches says why a worker is left out', () => {
  it('gives a reason for each worker who can not travel, in roster order', () => {
    const { shenzhen } = makeEnterprisesByCity();
    const closed = makeEnterprise({ resumptionStatus: 'not-resumed' });
    const route = makeRoute({ counties: ['田东县'] });
    const unemployed = makeWorker({ enterpriseId: null });
    const deletedEnterprise = makeWorker({ enterpriseId: crypto.randomUUID() });
    const waiting = makeWorker({ enterpriseId: closed.id });
    const farAway = makeWorker({ enterpriseId: shenzhen.id, county: '西林县' });
    const bigFamily = makeHousehold(6, shenzhen);
    const traveller = makeWorker({ enterpriseId: shenzhen.id });
    const input = {
      workers: [unemployed, deletedEnterprise, waiting, farAway, ...bigFamily, traveller],
      enterprises: [shenzhen, closed],
      routes: [route],
      dates: [FIRST_DAY],
      vehicles: vehiclesFor([route], smallVehicle(5)),
    };
    const proposal = planBatches(input);
    expect(brokenRules(input, proposal)).toEqual([]);
    expect(proposal.unplaced).toEqual([
      { workerId: unemployed.id, reason: 'no-enterprise' },
      { workerId: deletedEnterprise.id, reason: 'enterprise-unknown' },
      { workerId: waiting.id, reason: 'enterprise-not-resumed' },
      { workerId: farAway.id, reason: 'no-pickup-point' },
      ...bigFamily.map((worker) => ({ workerId: worker.id, reason: 'household-too-large' })),
    ]);
    expect(proposal.batches.map((batch) => batch.passengerIds)).toEqual([[traveller.id]]);
  });

  it('reports no date left when the range has no day, or no batch a day', () => {
    const { shenzhen } = makeEnterprisesByCity();
    const route = makeRoute();
    const workers = makeSingles(3, shenzhen);
    const base = { workers, enterprises: [shenzhen], routes: [route], vehicles: vehiclesFor([route], COACH_49) };
    for (const input of [
      { ...base, dates: [] },
      { ...base, dates: [FIRST_DAY], batchesPerDay: { [route.id]: 0 } },
    ]) {
      const proposal = planBatches(input);
      expect(proposal.batches).toEqual([]);
      expect(Object.values(reasonsOf(proposal))).toEqual(['no-date-left', 'no-date-left', 'no-date-left']);
    }
  });

  it('places a worker listed twice only once', () => {
    const { shenzhen } = makeEnterprisesByCity();
    const route = makeRoute();
    const [worker] = makeSingles(1, shenzhen);
    if (!worker) throw new Error('one worker');
    const proposal = planBatches({
      workers: [worker, { ...worker }],
      enterprises: [shenzhen],
      routes: [route],
      dates: [FIRST_DAY],
      vehicles: vehiclesFor([route], COACH_49),
    });
    expect(proposal.batches.flatMap((batch) => batch.passengerIds)).toEqual([worker.id]);
    expect(proposal.unplaced).toEqual([]);
  });
});

describe('planBatches is repeatable and never beats the lower bound', () => {
  /** A roster of households of 1 to 6 over 3 counties, 4 villages and 2 cities, drawn from a seed. */
  function randomInput(seed: number): BatchPlanningInput {
    const random = createRandom(`planning/${seed}`);
    const { shenzhen, guangzhou } = makeEnterprisesByCity();
    const counties = ['田东县', '田阳区', '德保县'];
    const workers: Worker[] = [];
    while (workers.length < 400) {
      const size = random.weightedPick([
        [1, 60],
        [2, 15],
        [3, 10],
        [4, 8],
        [5, 4],
        [6, 3],
      ] as const);
      workers.push(
        ...makeHousehold(size, random.chance(0.5) ? shenzhen : guangzhou, {
          county: random.pick(counties),
          village: random.pick(['那洪村', '百谷村', '陇怀村', '坡烈村']),
        }),
      );
    }
    const route = makeRoute({ counties });
    // Capacities that divide and that do not, and few vehicles, so that groups split over batches.
    const capacity = (): number => random.pick([6, 7, 10, 13, 20, 22, 40]);
    return {
      workers: random.shuffle(workers),
      enterprises: [shenzhen, guangzhou],
      routes: [route],
      dates: expandDateRange(FIRST_DAY, '2026-02-24'),
      vehicles: {
        [route.id]: Object.fromEntries(route.legs.map((leg) => [leg.id, smallVehicle(capacity(), random.int(2, 8))])),
      },
      batchesPerDay: { [route.id]: random.int(1, 3) },
    };
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('keeps every rule on random roster %i', (seed) => {
    const input = randomInput(seed);
    const proposal = planBatches(input);
    expect(brokenRules(input, proposal)).toEqual([]);
    expect(proposal.vehicleCount).toBeGreaterThanOrEqual(proposal.lowerBound);
  });

  it('gives the same proposal for the same input, and for the roster in another order', () => {
    const input = randomInput(9);
    const proposal = planBatches(input);
    expect(planBatches(input)).toEqual(proposal);
    const reversed = planBatches({ ...input, workers: [...input.workers].reverse() });
    expect(reversed.batches).toEqual(proposal.batches);
    expect(reversed.groups).toEqual(proposal.groups);
    expect(reasonsOf(reversed)).toEqual(reasonsOf(proposal));
  });
});

describe('planBatches refuses input the caller should not build', () => {
  const { shenzhen } = makeEnterprisesByCity();
  const route = makeRoute();
  const base = { workers: [], enterprises: [shenzhen], routes: [route], dates: [FIRST_DAY] };

  it('needs a vehicle type for every leg, with a capacity within its seats', () => {
    const [firstLeg] = route.legs;
    if (!firstLeg) throw new Error('a leg');
    const missing = vehiclesFor([route], COACH_49);
    delete missing[route.id]?.[firstLeg.id];
    expect(() => planBatches({ ...base, vehicles: missing })).toThrow(/no vehicle type/);
    expect(() => planBatches({ ...base, vehicles: vehiclesFor([route], { ...COACH_49, capacity: 50 }) })).toThrow(
      /above its 49 seats/,
    );
    expect(() => planBatches({ ...base, vehicles: vehiclesFor([route], { ...COACH_49, maxVehicles: 0 }) })).toThrow(
      /whole number of 1 or more/,
    );
  });

  it('needs calendar dates', () => {
    expect(() => planBatches({ ...base, dates: ['2026-02-30'], vehicles: vehiclesFor([route], COACH_49) })).toThrow(
      /not a calendar date/,
    );
  });
});

describe('expandDateRange', () => {
  it('lists every day of the range across a month end in a leap year', () => {
    expect(expandDateRange('2028-02-27', '2028-03-01')).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    expect(expandDateRange(FIRST_DAY, FIRST_DAY)).toEqual([FIRST_DAY]);
    expect(expandDateRange('2026-03-01', '2026-02-28')).toEqual([]);
  });
});
