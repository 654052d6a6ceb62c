import { describe, expect, it } from 'vitest';
import type { Route } from '@shared/domain/records';
import {
  PLANNING_PROBLEM_CODES,
  checkPlanningOptions,
  choiceCapacity,
  chosenVehicles,
  type LegVehicleChoice,
  type PlanningChoices,
} from '@shared/planning';
import { makePlanningChoices, makeRoute } from '../../fixtures/planning';

const route: Route = makeRoute();
const [firstLeg, trainLeg] = route.legs;

/** Coaches of 49 seats and carriages of 90, as the screen proposes them. */
function choices(overrides: Partial<PlanningChoices> = {}): PlanningChoices {
  return makePlanningChoices(route, overrides);
}

describe('what one vehicle of a chosen type takes', () => {
  it('is its seats at the load factor, its default reserved seats kept free', () => {
    expect(choiceCapacity({ kind: 'coach', seatCount: 49 }, 0.5)).toBe(20);
    expect(choiceCapacity({ kind: 'train-second-class', seatCount: 90 }, 0.5)).toBe(45);
  });

  it('is nobody for a seat count the kind can not have', () => {
    expect(choiceCapacity({ kind: 'coach', seatCount: 10 }, 0.5)).toBe(0);
    expect(choiceCapacity({ kind: 'coach', seatCount: 45.5 }, 0.5)).toBe(0);
  });

  it('gives the planner every leg with its type and capacity, and the limit of vehicles where one is set', () => {
    const chosen = choices();
    const coach = firstLeg?.id ?? '';
    const train = trainLeg?.id ?? '';
    const withLimit = {
      ...chosen.vehicles[route.id],
      [train]: { kind: 'train-second-class' as const, seatCount: 90, maxVehicles: 12 },
    };
    const { capacities, vehicles } = chosenVehicles([route], { [route.id]: withLimit }, 0.5);
    expect(capacities[route.id]).toMatchObject({ [coach]: 20, [train]: 45 });
    expect(vehicles[route.id]?.[coach]).toEqual({ kind: 'coach', seatCount: 49, capacity: 20 });
    expect(vehicles[route.id]?.[train]).toEqual({
      kind: 'train-second-class',
      seatCount: 90,
      capacity: 45,
      maxVehicles: 12,
    });
  });
});

describe('the checks of the planning choices', () => {
  it('find nothing wrong with days in order, a live route and a vehicle type for every leg', () => {
    expect(checkPlanningOptions(choices(), [route], 0.5)).toEqual([]);
  });

  it('refuse days that are no dates or out of order, and no route', () => {
    expect(checkPlanningOptions(choices({ firstDate: '2026-02-30', routeIds: [] }), [route], 0.5)).toEqual([
      { field: 'firstDate', code: 'date-invalid' },
      { field: 'routeIds', code: 'required' },
    ]);
    expect(checkPlanningOptions(choices({ lastDate: '2026-02-17' }), [route], 0.5)).toEqual([
      { field: 'lastDate', code: 'planning-date-order' },
    ]);
  });

  it('refuse a route that is not live, and a leg without a vehicle type, beside its input', () => {
    expect(checkPlanningOptions(choices({ routeIds: ['gone'] }), [route], 0.5)).toEqual([
      { field: 'routeIds', code: 'route-missing' },
    ]);
    const coach = firstLeg?.id ?? '';
    const { [coach]: _dropped, ...others } = choices().vehicles[route.id] ?? {};
    expect(checkPlanningOptions(choices({ vehicles: { [route.id]: others } }), [route], 0.5)).toEqual([
      { field: `vehicles.${route.id}.${coach}.kind`, code: 'required' },
    ]);
  });

  it('refuse a seat count out of range, a vehicle that takes nobody, and counts that are not whole and 1 or more', () => {
    const coach = firstLeg?.id ?? '';
    const field = `vehicles.${route.id}.${coach}`;
    const vehicles = (choice: LegVehicleChoice) => ({
      [route.id]: { ...choices().vehicles[route.id], [coach]: choice },
    });
    expect(
      checkPlanningOptions(choices({ vehicles: vehicles({ kind: 'coach', seatCount: 10 }) }), [route], 0.5),
    ).toEqual([{ field: `${field}.seatCount`, code: 'seat-count-range', params: { min: 19, max: 60 } }]);
    expect(
      checkPlanningOptions(choices({ vehicles: vehicles({ kind: 'coach', seatCount: 19 }) }), [route], 0.01),
    ).toContainEqual({ field: `${field}.seatCount`, code: 'planning-no-capacity', params: { seats: 19 } });
    expect(
      checkPlanningOptions(
        choices({
          vehicles: vehicles({ kind: 'coach', seatCount: 49, maxVehicles: 1.5 }),
          batchesPerDay: { [route.id]: 0 },
        }),
        [route],
        0.5,
      ),
    ).toEqual([
      { field: `batchesPerDay.${route.id}`, code: 'planning-count-invalid' },
      { field: `${field}.maxVehicles`, code: 'planning-count-invalid' },
    ]);
  });

  it('use only codes that the planning texts or the common problem texts name', () => {
    const wrong = checkPlanningOptions(
      choices({ lastDate: '2026-02-01', batchesPerDay: { [route.id]: -1 } }),
      [route],
      0.5,
    );
    const planning = wrong.map((problem) => problem.code).filter((code) => code.startsWith('planning-'));
    expect(planning).toEqual(['planning-date-order', 'planning-count-invalid']);
    for (const code of planning) expect(PLANNING_PROBLEM_CODES).toContain(code);
  });
});
