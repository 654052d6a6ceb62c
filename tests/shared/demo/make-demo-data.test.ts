import { beforeAll, describe, expect, it } from 'vitest';

import { DEFAULT_DEMO_TODAY, PAST_BATCH_DAYS, createRandom, demoEnterpriseCount, makeDemoData } from '@shared/demo';
import type { DemoData } from '@shared/demo';
import { addCalendarDays, ageOn } from '@shared/dates';
import { parseCreditCode } from '@shared/domain/credit-code';
import { parsePhone } from '@shared/domain/phone';
import { BAISE_COUNTIES } from '@shared/domain/regions';
import { parseResidentId } from '@shared/domain/resident-id';

const WORKERS = 6000;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const BAISE_CODES = new Map<string, string>(BAISE_COUNTIES.map(({ code, name }) => [code, name]));

let demo: DemoData;

beforeAll(() => {
  demo = makeDemoData({ seed: 2020, workers: WORKERS });
});

/** The batches still to leave after the demo date (the others left before it, issue 17). */
function coming(data: DemoData): DemoData['batches'] {
  return data.batches.filter((batch) => batch.status === 'planned' || batch.status === 'draft');
}

/** The assignments to the batches still to leave. */
function comingAssignments(data: DemoData): DemoData['assignments'] {
  const ids = new Set(coming(data).map((batch) => batch.id));
  return data.assignments.filter((assignment) => ids.has(assignment.batchId));
}

function share(count: number, total: number): number {
  return count / total;
}

describe('demo workers', () => {
  it('has as many workers as asked for', () => {
    expect(demo.workers).toHaveLength(WORKERS);
    expect(makeDemoData({ seed: 1, workers: 0 }).workers).toHaveLength(0);
    expect(makeDemoData({ seed: 1, workers: 7 }).workers).toHaveLength(7);
  });

  it('gives every worker a valid resident ID that agrees with the record', () => {
    for (const worker of demo.workers) {
      const parsed = parseResidentId(worker.residentId, DEFAULT_DEMO_TODAY);
      expect(parsed, worker.residentId).toEqual({
        ok: true,
        id: worker.residentId,
        birthDate: worker.birthDate,
        gender: worker.gender,
        regionCode: worker.countyCode,
      });
    }
  });

  it('comes from the 12 counties of Baise, with the right name for each code', () => {
    const counties = new Set<string>();
    for (const worker of demo.workers) {
      expect(BAISE_CODES.get(worker.countyCode), worker.countyCode).toBe(worker.county);
      counties.add(worker.countyCode);
      expect(worker.township).not.toBe('');
      expect(worker.village).toMatch(/村$/);
    }
    expect(counties.size).toBe(12);
  });

  it('is aged 18 to 60 on the demo date, with both ends of the range present', () => {
    const ages = demo.workers.map((worker) => ageOn(worker.birthDate, DEFAULT_DEMO_TODAY));
    expect(Math.min(...ages)).toBe(18);
    expect(Math.max(...ages)).toBe(60);
  });

  it('keeps ages 18 to 60 when the demo date is 29 February', () => {
    const leap = makeDemoData({ seed: 'leap', workers: 2000, today: '2028-02-29' });
    for (const worker of leap.workers) {
      const age = ageOn(worker.birthDate, '2028-02-29');
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(60);
      expect(parseResidentId(worker.residentId, '2028-02-29')).toMatchObject({ ok: true });
    }
  });

  it('has unique resident IDs and unique valid mobile numbers', () => {
    expect(new Set(demo.workers.map((worker) => worker.residentId)).size).toBe(WORKERS);
    expect(new Set(demo.workers.map((worker) => worker.phone)).size).toBe(WORKERS);
    for (const worker of demo.workers) {
      expect(parsePhone(worker.phone)).toEqual({ ok: true, phone: worker.phone });
      expect(parsePhone(worker.emergencyContactPhone)).toMatchObject({ ok: true });
      expect(worker.emergencyContactPhone).not.toBe(worker.phone);
      expect(worker.emergencyContactName).not.toBe('');
    }
  });

  it('groups some workers in households of 2 to 4 from one village', () => {
    const households = new Map<string, typeof demo.workers>();
    for (const worker of demo.workers) {
      households.set(worker.household, [...(households.get(worker.household) ?? []), worker]);
    }
    const shared = [...households.values()].filter((members) => members.length > 1);
    expect(shared.length).toBeGreaterThan(WORKERS / 20);
    for (const members of shared) {
      expect(members.length).toBeLessThanOrEqual(4);
      expect(new Set(members.map((member) => `${member.countyCode}/${member.township}/${member.village}`)).size).toBe(
        1,
      );
      expect(new Set(members.map((member) => member.povertyStatus)).size).toBe(1);
    }
  });

  it('marks about 45% registered-poor and 15% relatively poor', () => {
    const count = (status: string): number => demo.workers.filter((worker) => worker.povertyStatus === status).length;
    expect(share(count('registered-poor'), WORKERS)).toBeCloseTo(0.45, 1);
    expect(share(count('relatively-poor'), WORKERS)).toBeCloseTo(0.15, 1);
  });

  it('matches about 60% of workers to an opening that takes their gender and age', () => {
    const openings = new Map(demo.openings.map((opening) => [opening.id, opening]));
    const matched = demo.workers.filter((worker) => worker.openingId !== null);
    expect(share(matched.length, WORKERS)).toBeCloseTo(0.6, 1);
    for (const worker of matched) {
      const opening = openings.get(worker.openingId ?? '');
      expect(opening, worker.openingId ?? '').toBeDefined();
      if (!opening) continue;
      expect(opening.enterpriseId).toBe(worker.enterpriseId);
      expect(['any', worker.gender]).toContain(opening.genderRequirement);
      const age = ageOn(worker.birthDate, DEFAULT_DEMO_TODAY);
      expect(age).toBeGreaterThanOrEqual(opening.ageMin);
      expect(age).toBeLessThanOrEqual(opening.ageMax);
    }
    for (const worker of demo.workers.filter((candidate) => candidate.openingId === null)) {
      expect(worker.enterpriseId).toBeNull();
    }
  });

  it('includes names with rare characters, including one outside the BMP, and with a middle dot', () => {
    const names = demo.workers.map((worker) => worker.name);
    expect(names.some((name) => /[堃喆燊赟䶮昇]/u.test(name))).toBe(true);
    expect(names.some((name) => /[\u{20000}-\u{2FFFF}]/u.test(name))).toBe(true);
    expect(names.some((name) => name.includes('\u00b7'))).toBe(true);
    // Even a small set gets some.
    const small = makeDemoData({ seed: 3, workers: 60 }).workers.map((worker) => worker.name);
    expect(small.some((name) => /[堃喆燊赟䶮昇]|[\u{20000}-\u{2FFFF}]/u.test(name))).toBe(true);
    expect(small.some((name) => name.includes('\u00b7'))).toBe(true);
  });
});

describe('demo enterprises and openings', () => {
  it('scales the number of enterprises modestly with the workers', () => {
    expect(demo.enterprises).toHaveLength(demoEnterpriseCount(WORKERS));
    expect(demoEnterpriseCount(100)).toBe(12);
    expect(demoEnterpriseCount(100_000)).toBe(32);
    expect(demoEnterpriseCount(10_000_000)).toBe(60);
  });

  it('gives every enterprise a valid, unique credit code registered in Guangzhou or Shenzhen', () => {
    for (const enterprise of demo.enterprises) {
      expect(parseCreditCode(enterprise.creditCode), enterprise.creditCode).toEqual({
        ok: true,
        code: enterprise.creditCode,
      });
      expect(enterprise.creditCode.slice(2, 6)).toBe(enterprise.city === '广州市' ? '4401' : '4403');
      expect(['广州市', '深圳市']).toContain(enterprise.city);
      expect(enterprise.name.startsWith(enterprise.city)).toBe(true);
      expect(enterprise.address.startsWith(`${enterprise.city}${enterprise.district}`)).toBe(true);
      expect(parsePhone(enterprise.contactPhone)).toMatchObject({ ok: true });
    }
    expect(new Set(demo.enterprises.map((enterprise) => enterprise.creditCode)).size).toBe(demo.enterprises.length);
    expect(new Set(demo.enterprises.map((enterprise) => enterprise.name)).size).toBe(demo.enterprises.length);
  });

  it('makes a third of them key enterprises, and some introduced by an HR agency', () => {
    const keyCount = demo.enterprises.filter((enterprise) => enterprise.isKeyEnterprise).length;
    expect(keyCount).toBe(Math.round(demo.enterprises.length / 3));
    expect(demo.enterprises.some((enterprise) => enterprise.hrAgency !== '')).toBe(true);
  });

  it('gives each enterprise 2 to 4 sensible openings with room for the workers matched to them', () => {
    for (const enterprise of demo.enterprises) {
      const openings = demo.openings.filter((opening) => opening.enterpriseId === enterprise.id);
      expect(openings.length).toBeGreaterThanOrEqual(2);
      expect(openings.length).toBeLessThanOrEqual(4);
    }
    for (const opening of demo.openings) {
      expect(opening.wageMin).toBeLessThan(opening.wageMax);
      expect(opening.ageMin).toBeGreaterThanOrEqual(18);
      expect(opening.ageMin).toBeLessThan(opening.ageMax);
      const matched = demo.workers.filter((worker) => worker.openingId === opening.id).length;
      expect(opening.headcount).toBeGreaterThanOrEqual(matched);
    }
  });
});

describe('demo route, batches and assignments', () => {
  it('has one route: coach to 百色站, train to 广州南站, coach to the enterprises; a pickup point per county', () => {
    expect(demo.routes).toHaveLength(1);
    const [route] = demo.routes;
    expect(route?.legs.map((leg) => [leg.mode, leg.from, leg.to])).toEqual([
      ['coach', '各县（市、区）集合点', '百色站'],
      ['train', '百色站', '广州南站'],
      ['coach', '广州南站', '各接收企业'],
    ]);
    expect(route?.pickupPoints.map((point) => point.county)).toEqual(BAISE_COUNTIES.map((county) => county.name));
  });

  it('plans two batches after the demo date, on the route, with vehicles on every leg', () => {
    const [route] = demo.routes;
    const legIds = route?.legs.map((leg) => leg.id);
    expect(coming(demo).map((batch) => batch.date)).toEqual(['2026-02-15', '2026-02-22']);
    expect(coming(demo).map((batch) => batch.status)).toEqual(['planned', 'draft']);
    // And the batches that left weeks and months ago, handed over since.
    const past = demo.batches.filter((batch) => !coming(demo).includes(batch));
    expect(past.map((batch) => batch.date)).toEqual(
      PAST_BATCH_DAYS.map((days) => addCalendarDays(DEFAULT_DEMO_TODAY, -days)),
    );
    expect(past.every((batch) => batch.status === 'handed-over')).toBe(true);
    for (const batch of demo.batches) {
      expect(batch.routeId).toBe(route?.id);
      expect(batch.legs.map((leg) => leg.legId)).toEqual(legIds);
      expect(batch.organizer).not.toBe('');
      expect(batch.escorts.length).toBeGreaterThan(0);
      expect(batch.medics.length).toBeGreaterThan(0);
      for (const leg of batch.legs) expect(leg.vehicles.length).toBeGreaterThan(0);
    }
  });

  it('labels train carriages 01, 02 … and coaches with 桂L or 粤A plates, all distinct', () => {
    const plates: string[] = [];
    for (const batch of demo.batches) {
      const [pickup, train, delivery] = batch.legs;
      expect(train?.vehicles.map((vehicle) => vehicle.label)).toEqual(
        train?.vehicles.map((_, index) => String(index + 1).padStart(2, '0')),
      );
      for (const carriage of train?.vehicles ?? []) {
        expect(
          (carriage.kind === 'train-second-class' && carriage.seatCount === 90) ||
            (carriage.kind === 'train-hard-seat' && carriage.seatCount === 118),
        ).toBe(true);
      }
      for (const coach of [...(pickup?.vehicles ?? []), ...(delivery?.vehicles ?? [])]) {
        expect(coach.kind).toBe('coach');
        expect(coach.seatCount).toBeGreaterThanOrEqual(45);
        expect(coach.seatCount).toBeLessThanOrEqual(55);
        plates.push(coach.label);
      }
      expect(pickup?.vehicles.every((coach) => /^桂L·\d{5}$/.test(coach.label))).toBe(true);
      expect(delivery?.vehicles.every((coach) => /^粤A·\d{5}$/.test(coach.label))).toBe(true);
    }
    expect(new Set(plates).size).toBe(plates.length);
  });

  it('seats every passenger at half load on the train', () => {
    for (const batch of demo.batches) {
      const passengers = demo.assignments.filter((assignment) => assignment.batchId === batch.id).length;
      const seats = batch.legs[1]?.vehicles.reduce((sum, vehicle) => sum + vehicle.seatCount, 0) ?? 0;
      expect(seats * 0.5).toBeGreaterThanOrEqual(passengers);
    }
  });

  it('assigns up to 300 and 200 workers, each to at most one batch, all pending and unseated', () => {
    const [first, second] = coming(demo);
    const inFirst = demo.assignments.filter((assignment) => assignment.batchId === first?.id);
    const inSecond = demo.assignments.filter((assignment) => assignment.batchId === second?.id);
    expect(inFirst.length).toBeGreaterThan(280);
    expect(inFirst.length).toBeLessThanOrEqual(300);
    expect(inSecond.length).toBeGreaterThan(180);
    expect(inSecond.length).toBeLessThanOrEqual(200);
    expect(inFirst.length + inSecond.length).toBe(comingAssignments(demo).length);
    expect(new Set(demo.assignments.map((assignment) => assignment.workerId)).size).toBe(demo.assignments.length);
    for (const assignment of comingAssignments(demo)) {
      expect(assignment).toMatchObject({ seats: [], boarding: 'pending' });
    }
  });

  it('sends only workers who have a receiving enterprise that has resumed work, marked assigned', () => {
    const workers = new Map(demo.workers.map((worker) => [worker.id, worker]));
    const enterprises = new Map(demo.enterprises.map((enterprise) => [enterprise.id, enterprise]));
    const assigned = new Set(demo.assignments.map((assignment) => assignment.workerId));
    const upcoming = new Set(comingAssignments(demo));
    // Those who left on a past batch were handed over (onboarded, or left since), or not (still assigned).
    const followedUp = new Set(demo.followUps.map((followUp) => followUp.workerId));
    for (const assignment of demo.assignments) {
      const worker = workers.get(assignment.workerId);
      if (upcoming.has(assignment)) expect(worker?.status).toBe('assigned');
      else expect(worker?.status).toMatch(followedUp.has(assignment.workerId) ? /^(onboarded|left)$/ : /^assigned$/);
      const enterprise = enterprises.get(worker?.enterpriseId ?? '');
      expect(enterprise).toBeDefined();
      expect(enterprise?.resumptionStatus).not.toBe('not-resumed');
    }
    for (const worker of demo.workers) {
      if (!assigned.has(worker.id)) expect(worker.status).toBe('registered');
    }
  });

  it('scales batch sizes down with a small roster', () => {
    const small = makeDemoData({ seed: 5, workers: 100 });
    expect(coming(small)).toHaveLength(2);
    expect(comingAssignments(small).length).toBeLessThanOrEqual(10 + 7);
    const empty = makeDemoData({ seed: 5, workers: 0 });
    expect(empty.assignments).toHaveLength(0);
    expect(empty.batches).toHaveLength(2);
  });
});

describe('demo record integrity', () => {
  it('links every reference to a record that exists', () => {
    const enterpriseIds = new Set(demo.enterprises.map((enterprise) => enterprise.id));
    const openingIds = new Set(demo.openings.map((opening) => opening.id));
    const workerIds = new Set(demo.workers.map((worker) => worker.id));
    const batchIds = new Set(demo.batches.map((batch) => batch.id));
    const routeLegIds = new Set(demo.routes.flatMap((route) => route.legs.map((leg) => leg.id)));
    const routeIds = new Set(demo.routes.map((route) => route.id));

    for (const opening of demo.openings) expect(enterpriseIds.has(opening.enterpriseId)).toBe(true);
    for (const worker of demo.workers) {
      if (worker.enterpriseId !== null) expect(enterpriseIds.has(worker.enterpriseId)).toBe(true);
      if (worker.openingId !== null) expect(openingIds.has(worker.openingId)).toBe(true);
    }
    for (const assignment of demo.assignments) {
      expect(batchIds.has(assignment.batchId)).toBe(true);
      expect(workerIds.has(assignment.workerId)).toBe(true);
    }
    for (const batch of demo.batches) {
      expect(routeIds.has(batch.routeId)).toBe(true);
      for (const leg of batch.legs) expect(routeLegIds.has(leg.legId)).toBe(true);
    }
  });

  it('gives every record a unique UUID, the demo mark and the fixed time of the demo date', () => {
    const records = [
      ...demo.workers,
      ...demo.enterprises,
      ...demo.openings,
      ...demo.routes,
      ...demo.batches,
      ...demo.assignments,
    ];
    const nested = [
      ...demo.routes.flatMap((route) => [...route.legs, ...route.pickupPoints]),
      ...demo.batches.flatMap((batch) => batch.legs.flatMap((leg) => leg.vehicles)),
    ];
    const ids = [...records, ...nested].map((record) => record.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    for (const record of records) {
      expect(record.demo).toBe(true);
      expect(record.createdAt).toBe('2026-02-10T00:00:00.000Z');
      expect(record.updatedAt).toBe(record.createdAt);
    }
  });
});

describe('demo determinism', () => {
  it('gives a deeply equal data set for the same seed and options', () => {
    expect(makeDemoData({ seed: 2020, workers: WORKERS })).toEqual(demo);
    expect(makeDemoData({ seed: 'baise', workers: 500 })).toEqual(makeDemoData({ seed: 'baise', workers: 500 }));
  });

  it('gives a different data set for another seed', () => {
    const other = makeDemoData({ seed: 2021, workers: WORKERS });
    expect(other.workers[0]?.residentId).not.toBe(demo.workers[0]?.residentId);
    expect(other.enterprises.map((enterprise) => enterprise.creditCode)).not.toEqual(
      demo.enterprises.map((enterprise) => enterprise.creditCode),
    );
    const shared = new Set(demo.workers.map((worker) => worker.residentId));
    expect(other.workers.filter((worker) => shared.has(worker.residentId)).length).toBeLessThan(WORKERS / 100);
  });

  it('moves ages and batch dates with the demo date, not with the clock', () => {
    const later = makeDemoData({ seed: 2020, workers: 50, today: '2027-06-01' });
    expect(coming(later).map((batch) => batch.date)).toEqual(['2027-06-06', '2027-06-13']);
    for (const worker of later.workers) {
      const age = ageOn(worker.birthDate, '2027-06-01');
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(60);
    }
  });

  it('refuses a bad worker count or date', () => {
    expect(() => makeDemoData({ seed: 1, workers: -1 })).toThrow(RangeError);
    expect(() => makeDemoData({ seed: 1, workers: 2.5 })).toThrow(RangeError);
    expect(() => makeDemoData({ seed: 1, workers: 10, today: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('createRandom', () => {
  it('repeats its sequence for a seed and stays within bounds', () => {
    const a = createRandom('seed');
    const b = createRandom('seed');
    const fromA = Array.from({ length: 1000 }, () => a.int(-3, 3));
    expect(Array.from({ length: 1000 }, () => b.int(-3, 3))).toEqual(fromA);
    expect(new Set(fromA)).toEqual(new Set([-3, -2, -1, 0, 1, 2, 3]));
    expect(createRandom('other').uuid()).not.toBe(createRandom('seed').uuid());
  });

  it('makes UUIDs in version 4 format', () => {
    const random = createRandom(7);
    for (let i = 0; i < 200; i += 1) expect(random.uuid()).toMatch(UUID_V4);
  });

  it('weights picks by their weights and never picks a zero weight', () => {
    const random = createRandom(11);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i += 1) {
      counts[
        random.weightedPick([
          ['a', 3],
          ['b', 1],
          ['never', 0],
        ] as const)
      ] += 1;
    }
    expect(counts.never).toBe(0);
    expect(counts.a / 10_000).toBeCloseTo(0.75, 1);
  });

  it('refuses empty picks and inverted bounds', () => {
    const random = createRandom(1);
    expect(() => random.pick([])).toThrow(RangeError);
    expect(() => random.weightedPick([['a', 0]])).toThrow(RangeError);
    expect(() => random.int(5, 4)).toThrow(RangeError);
  });
});
