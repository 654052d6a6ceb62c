/**
 * Every field's bound from the domain (shared/domain/field-bounds.ts, issue 16, item 7): each rule
 * refuses a value beyond it, with the bound in the problem, and takes the value at it.
 */
import { describe, expect, it } from 'vitest';
import { checkBatch, pastDateWarning } from '@shared/domain/batch-rules';
import { checkEnterprise, checkOpening, type OpeningInput } from '@shared/domain/enterprise-rules';
import { characterCount, ENTERPRISE_TEXT_BOUNDS, OPENING_BOUNDS, textProblem } from '@shared/domain/field-bounds';
import { checkRoute } from '@shared/domain/route-rules';
import { checkBackupRecords } from '@shared/backup/records';
import { makeEnterprise, makeOpening, makeWorker } from '../../fixtures/factories';
import { makeBatch, makeBatchInput, makeRouteInput } from '../../fixtures/batches';

function openingInput(overrides: Partial<OpeningInput> = {}): OpeningInput {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...input } = makeOpening();
  return { ...input, ...overrides };
}

describe('an opening', () => {
  it('takes every value at its bounds', () => {
    const { headcount, wage, age } = OPENING_BOUNDS;
    expect(checkOpening(openingInput({ headcount: headcount.min, wageMin: wage.min, ageMin: age.min }))).toEqual([]);
    expect(checkOpening(openingInput({ headcount: headcount.max, wageMax: wage.max, ageMax: age.max }))).toEqual([]);
    // A wage in jiao, as the rule always allowed.
    expect(checkOpening(openingInput({ wageMin: 4500.5 }))).toEqual([]);
  });

  it('refuses a headcount of 0, −5, 2.5, 10,001 or 1,000,000,000, naming the range', () => {
    for (const headcount of [0, -5, 2.5, 10_001, 1_000_000_000, Number.NaN]) {
      expect(checkOpening(openingInput({ headcount }))).toEqual([
        { field: 'headcount', code: 'headcount-invalid', params: { min: 1, max: 10_000 } },
      ]);
    }
  });

  it('refuses a negative wage and a wage of 10^15, each on its own field', () => {
    expect(checkOpening(openingInput({ wageMin: -1, wageMax: 1e15 }))).toEqual([
      { field: 'wageMin', code: 'wage-invalid', params: { min: 0, max: 100_000 } },
      { field: 'wageMax', code: 'wage-invalid', params: { min: 0, max: 100_000 } },
    ]);
    expect(checkOpening(openingInput({ wageMin: 6000, wageMax: 5000 }))).toEqual([
      { field: 'wageMax', code: 'wage-range' },
    ]);
  });

  it('refuses an age range of 10 to 9 on both fields, and 40 to 30 as an order', () => {
    expect(checkOpening(openingInput({ ageMin: 10, ageMax: 9 }))).toEqual([
      { field: 'ageMin', code: 'age-invalid', params: { min: 16, max: 70 } },
      { field: 'ageMax', code: 'age-invalid', params: { min: 16, max: 70 } },
    ]);
    expect(checkOpening(openingInput({ ageMin: 40, ageMax: 30 }))).toEqual([{ field: 'ageMax', code: 'age-range' }]);
    expect(checkOpening(openingInput({ ageMin: 18.5 }))[0]).toMatchObject({ field: 'ageMin', code: 'age-invalid' });
    expect(checkOpening(openingInput({ ageMax: 71 }))[0]).toMatchObject({ field: 'ageMax', code: 'age-invalid' });
  });

  it('refuses a position over 50 characters and requirements over 1,000', () => {
    expect(checkOpening(openingInput({ position: '岗'.repeat(51), requirements: '要'.repeat(1_001) }))).toEqual([
      { field: 'position', code: 'label-too-long', params: { max: 50 } },
      { field: 'requirements', code: 'label-too-long', params: { max: 1_000 } },
    ]);
    expect(checkOpening(openingInput({ position: '岗'.repeat(50), requirements: '要'.repeat(1_000) }))).toEqual([]);
  });
});

describe('an enterprise', () => {
  it('refuses each text over its bound, and takes it at the bound', () => {
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = makeEnterprise();
    expect(checkEnterprise(input, [])).toEqual([]);
    for (const [field, max] of Object.entries(ENTERPRISE_TEXT_BOUNDS)) {
      expect(checkEnterprise({ ...input, [field]: '字'.repeat(max) }, [])).toEqual([]);
      expect(checkEnterprise({ ...input, [field]: '字'.repeat(max + 1) }, [])).toEqual([
        { field, code: 'label-too-long', params: { max } },
      ]);
    }
  });
});

describe('a batch', () => {
  const route = { id: 'route-1', ...makeRouteInput() };

  it('refuses a name, organizer, notes or staff name over its bound', () => {
    const input = makeBatchInput(route, {
      name: '批'.repeat(101),
      organizer: '组'.repeat(101),
      notes: '注'.repeat(2_001),
      escorts: [{ id: 'e1', name: '张'.repeat(51), phone: '13800138000' }],
    });
    expect(checkBatch(input, route)).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'label-too-long', params: { max: 100 } },
        { field: 'organizer', code: 'label-too-long', params: { max: 100 } },
        { field: 'notes', code: 'label-too-long', params: { max: 2_000 } },
        { field: 'escorts.0.name', code: 'label-too-long', params: { max: 50 } },
      ]),
    );
  });

  it('dated before today is refused when new, and only a warning for one stored', () => {
    const input = makeBatchInput(route, { date: '2026-03-01' });
    expect(checkBatch(input, route, { newOn: '2026-03-02' })).toEqual([
      { field: 'date', code: 'date-past', params: { today: '2026-03-02' } },
    ]);
    expect(checkBatch(input, route, { newOn: '2026-03-01' })).toEqual([]);
    // A stored batch keeps its past date: editing its history is not blocked.
    expect(checkBatch(input, route)).toEqual([]);
    expect(pastDateWarning('2026-03-01', '2026-03-02')).toEqual({
      field: 'date',
      code: 'date-past-warning',
      params: { count: 1 },
    });
    expect(pastDateWarning('2023-03-01', '2026-03-01')).toMatchObject({ params: { count: 1096 } });
    expect(pastDateWarning('2026-03-01', '2026-03-01')).toBeNull();
    expect(pastDateWarning('not a date', '2026-03-01')).toBeNull();
  });
});

describe('a route', () => {
  it("refuses a name, a leg's places and stops, and a pickup point's county and place over their bounds", () => {
    const input = makeRouteInput();
    const [leg] = input.legs;
    const [point] = input.pickupPoints;
    if (!leg || !point) throw new Error('the fixture has a leg and a pickup point');
    const long = {
      ...input,
      name: '线'.repeat(101),
      legs: [{ ...leg, from: '站'.repeat(51), stops: ['停'.repeat(51)] }, ...input.legs.slice(1)],
      pickupPoints: [{ ...point, county: '县'.repeat(51), place: '场'.repeat(201) }, ...input.pickupPoints.slice(1)],
    };
    expect(checkRoute(long, [])).toEqual([
      { field: 'name', code: 'label-too-long', params: { max: 100 } },
      { field: 'legs.0.from', code: 'label-too-long', params: { max: 50 } },
      { field: 'legs.0.stops', code: 'label-too-long', params: { max: 50 } },
      { field: 'pickupPoints.0.county', code: 'label-too-long', params: { max: 50 } },
      { field: 'pickupPoints.0.place', code: 'label-too-long', params: { max: 200 } },
    ]);
    const manyStops = { ...input, legs: [{ ...leg, stops: Array.from({ length: 61 }, (_, i) => `站${i}`) }] };
    expect(checkRoute(manyStops, [])).toEqual([{ field: 'legs.0.stops', code: 'stops-too-many', params: { max: 60 } }]);
  });
});

describe('a text bound', () => {
  it('counts characters as a person does and does not count the spaces around the text', () => {
    expect(characterCount('𠮷𠮷')).toBe(2);
    expect(textProblem('village', '𠮷'.repeat(50), 50)).toBeNull();
    expect(textProblem('village', `  ${'村'.repeat(50)}  `, 50)).toBeNull();
    expect(textProblem('village', '村'.repeat(51), 50)).toEqual({
      field: 'village',
      code: 'label-too-long',
      params: { max: 50 },
    });
  });
});

describe('a restore', () => {
  it('refuses an opening, a worker and a batch beyond their bounds, naming the field and the rule', () => {
    const options = { today: '2026-12-07' };
    // 1,000,000,000 is refused by the backup's shape already; 20,000 only by the opening's rule.
    const opening = makeOpening({ headcount: 20_000 });
    expect(checkBackupRecords('openings', [makeOpening(), opening], 'id', options)).toMatchObject({
      table: 'openings',
      position: 2,
      field: 'headcount',
      code: 'rule',
      rule: 'headcount-invalid',
      ruleParams: { min: 1, max: 10_000 },
    });
    const worker = makeWorker({ village: '村'.repeat(10_000) });
    expect(checkBackupRecords('workers', [worker], 'id', options)).toMatchObject({
      field: 'village',
      rule: 'label-too-long',
      ruleParams: { max: 50 },
    });
    const route = { id: 'route-1', ...makeRouteInput() };
    const batch = makeBatch({ routeId: route.id, notes: '注'.repeat(2_001) });
    expect(checkBackupRecords('batches', [batch], 'id', options)).toMatchObject({
      field: 'notes',
      rule: 'label-too-long',
      ruleParams: { max: 2_000 },
    });
    expect(checkBackupRecords('batches', [makeBatch({ routeId: route.id })], 'id', options)).toBeNull();
  });
});
