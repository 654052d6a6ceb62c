import { describe, expect, it } from 'vitest';
import { checkPlacements } from '@shared/domain/placement';
import { makeOpening, makeWorker } from '../../fixtures/factories';

const TODAY = '2026-02-10';

describe('checkPlacements', () => {
  const opening = makeOpening({ headcount: 2, ageMin: 18, ageMax: 45, genderRequirement: 'female' });

  it('accepts workers who fit, and counts those placed already once', () => {
    const woman = makeWorker({ gender: 'female', birthDate: '1996-05-01' });
    const placed = makeWorker({ gender: 'female', birthDate: '1990-01-01' });
    const checks = checkPlacements([placed, woman], opening, new Set([placed.id]), TODAY);
    expect(checks).toEqual([
      { workerId: placed.id, problems: [] },
      { workerId: woman.id, problems: [] },
    ]);
  });

  it('tells the workers past the headcount that the opening is full', () => {
    const workers = [1, 2, 3].map(() => makeWorker({ gender: 'female', birthDate: '1996-05-01' }));
    const checks = checkPlacements(workers, opening, new Set(), TODAY);
    expect(checks.map((c) => c.problems.map((p) => p.code))).toEqual([[], [], ['opening-full']]);
  });

  it('reports the age range at its edges and the gender requirement', () => {
    const turns46Today = makeWorker({ gender: 'female', birthDate: '1980-02-10' });
    const is45 = makeWorker({ gender: 'female', birthDate: '1980-02-11' });
    const man = makeWorker({ gender: 'male', birthDate: '1996-05-01' });
    const checks = checkPlacements([turns46Today, is45, man], { ...opening, headcount: 10 }, new Set(), TODAY);
    expect(checks[0]?.problems).toEqual([{ code: 'age-outside-opening', params: { age: 46, min: 18, max: 45 } }]);
    expect(checks[1]?.problems).toEqual([]);
    expect(checks[2]?.problems).toEqual([{ code: 'gender-not-wanted', params: { gender: 'female' } }]);
  });
});
