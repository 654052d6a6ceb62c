/**
 * The coordinator's choices on the "Plan batches" screen, checked field by field, and what one
 * vehicle of each chosen type takes. Pure: the form shows the problems beside their inputs as the
 * coordinator types, and the repository refuses the same choices before it plans anything.
 */
import { isCalendarDate } from '../dates';
import type { FieldProblem } from '../domain/problems';
import type { CalendarDate, Route, Vehicle, VehicleKind } from '../domain/records';
import { VEHICLE_SEAT_LIMITS, defaultReservedSeats, isSeatCountAllowed, vehicleCapacity } from '../seating';
import type { LegVehicleType } from './plan-batches';

/** The vehicle type the coordinator chose for one leg. */
export interface LegVehicleChoice {
  kind: VehicleKind;
  seatCount: number;
  /** Vehicles one batch may use on this leg; the planner's default (16 carriages, 40 coaches) when absent. */
  maxVehicles?: number;
}

/** What the screen asks for besides the pool's filter. */
export interface PlanningChoices {
  /** First and last day a batch may leave, both included. */
  firstDate: CalendarDate;
  lastDate: CalendarDate;
  /** Live routes to plan on, in order of preference: a worker rides the first that picks up from their county. */
  routeIds: readonly string[];
  /** Route id → leg id → the vehicle type of that leg. */
  vehicles: Readonly<Record<string, Readonly<Record<string, LegVehicleChoice>>>>;
  /** Route id → batches a day; 1 when absent. */
  batchesPerDay?: Readonly<Record<string, number>>;
}

/**
 * Problem codes of planning that `problems.*` does not have; the screen finds their texts under
 * `planning.problems.*`.
 * - `planning-date-order`: the last day is before the first.
 * - `planning-no-capacity`: at the load factor a vehicle of this type takes nobody (`{ seats }`).
 * - `planning-count-invalid`: a number of batches or vehicles is not a whole number of 1 or more.
 * - `planning-route-changed`: a route's legs changed after the proposal was made (`{ name }`).
 * - `planning-passengers-taken`: proposed passengers joined a batch or were deleted meanwhile
 *   (`{ count, names }`).
 */
export const PLANNING_PROBLEM_CODES = [
  'planning-date-order',
  'planning-no-capacity',
  'planning-count-invalid',
  'planning-route-changed',
  'planning-passengers-taken',
] as const;

/** A whole number of 1 or more. */
function isCount(value: number | undefined): boolean {
  return value !== undefined && Number.isSafeInteger(value) && value >= 1;
}

/** Passengers one vehicle of this type takes at the load factor, its default reserved seats kept free. */
export function choiceCapacity(choice: Pick<LegVehicleChoice, 'kind' | 'seatCount'>, loadFactor: number): number {
  if (!isSeatCountAllowed(choice.kind, choice.seatCount)) return 0;
  const probe: Vehicle = {
    id: 'probe',
    kind: choice.kind,
    label: '01',
    seatCount: choice.seatCount,
    reserved: defaultReservedSeats(choice.kind, choice.seatCount),
    escortId: null,
  };
  return vehicleCapacity(probe, loadFactor);
}

/**
 * What is wrong with the screen's choices, field by field (`firstDate`, `lastDate`, `routeIds`,
 * `vehicles.<route>.<leg>.seatCount`, `vehicles.<route>.<leg>.maxVehicles`, `batchesPerDay.<route>`),
 * the paths matching the options' shape so a form shows each beside its input. `routes` are the live
 * routes; a chosen route not among them is `route-missing`.
 */
export function checkPlanningOptions(
  options: PlanningChoices,
  routes: readonly Pick<Route, 'id' | 'legs'>[],
  loadFactor: number,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const firstOk = isCalendarDate(options.firstDate);
  const lastOk = isCalendarDate(options.lastDate);
  if (!firstOk) problems.push({ field: 'firstDate', code: 'date-invalid' });
  if (!lastOk) problems.push({ field: 'lastDate', code: 'date-invalid' });
  // yyyy-MM-dd compares as text in calendar order.
  if (firstOk && lastOk && options.lastDate < options.firstDate) {
    problems.push({ field: 'lastDate', code: 'planning-date-order' });
  }
  if (options.routeIds.length === 0) problems.push({ field: 'routeIds', code: 'required' });
  const byId = new Map(routes.map((route) => [route.id, route]));
  for (const routeId of options.routeIds) {
    const route = byId.get(routeId);
    if (!route) {
      problems.push({ field: 'routeIds', code: 'route-missing' });
      continue;
    }
    const perDay = options.batchesPerDay?.[routeId];
    if (perDay !== undefined && !isCount(perDay)) {
      problems.push({ field: `batchesPerDay.${routeId}`, code: 'planning-count-invalid' });
    }
    for (const leg of route.legs) {
      const field = `vehicles.${routeId}.${leg.id}`;
      const choice = options.vehicles[routeId]?.[leg.id];
      if (!choice) {
        problems.push({ field: `${field}.kind`, code: 'required' });
        continue;
      }
      if (!isSeatCountAllowed(choice.kind, choice.seatCount)) {
        const { min, max } = VEHICLE_SEAT_LIMITS[choice.kind];
        problems.push({ field: `${field}.seatCount`, code: 'seat-count-range', params: { min, max } });
      } else if (choiceCapacity(choice, loadFactor) < 1) {
        problems.push({
          field: `${field}.seatCount`,
          code: 'planning-no-capacity',
          params: { seats: choice.seatCount },
        });
      }
      if (choice.maxVehicles !== undefined && !isCount(choice.maxVehicles)) {
        problems.push({ field: `${field}.maxVehicles`, code: 'planning-count-invalid' });
      }
    }
  }
  return problems;
}

/** The planner's vehicle types of the chosen routes, and what one vehicle takes on each leg. */
export interface ChosenVehicles {
  /** Route id → leg id → passengers one vehicle takes at the load factor. */
  capacities: Record<string, Record<string, number>>;
  /** Route id → leg id → the vehicle type as the planner takes it. */
  vehicles: Record<string, Record<string, LegVehicleType>>;
}

/**
 * Each leg's vehicle type with its capacity: that of a vehicle of the chosen type with its default
 * reserved seats (escort, medic, the last row for isolation) at the load factor, so a saved batch
 * holds exactly what its vehicles take. A leg without a choice is left out (the checks refuse it).
 */
export function chosenVehicles(
  routes: readonly Pick<Route, 'id' | 'legs'>[],
  choices: PlanningChoices['vehicles'],
  loadFactor: number,
): ChosenVehicles {
  const capacities: ChosenVehicles['capacities'] = {};
  const vehicles: ChosenVehicles['vehicles'] = {};
  for (const route of routes) {
    const routeCapacities: Record<string, number> = {};
    const routeVehicles: Record<string, LegVehicleType> = {};
    for (const leg of route.legs) {
      const choice = choices[route.id]?.[leg.id];
      if (!choice) continue;
      const capacity = choiceCapacity(choice, loadFactor);
      routeCapacities[leg.id] = capacity;
      routeVehicles[leg.id] = {
        kind: choice.kind,
        seatCount: choice.seatCount,
        capacity,
        ...(choice.maxVehicles === undefined ? {} : { maxVehicles: choice.maxVehicles }),
      };
    }
    capacities[route.id] = routeCapacities;
    vehicles[route.id] = routeVehicles;
  }
  return { capacities, vehicles };
}
