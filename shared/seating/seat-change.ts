/**
 * Checks a coordinator's change on the seat map of one leg (issue "Seats"): moving a passenger to a
 * free seat (or seating an unseated one) or swapping two passengers. The change is held to the rules
 * the allocation keeps (occupancy.ts), and only to what it changes: a rule already broken before,
 * which this change does not touch, is not the coordinator's doing and is not reported.
 */
import type { Vehicle } from '../domain/records';
import type { SeatAssignment, SeatingPassenger } from './allocate';
import { assertLoadFactor, vehicleSeatPlan } from './load-factor';
import { VehicleOccupancy, householdKey } from './occupancy';
import type { SeatRuleViolation } from './occupancy';

export type SeatChange =
  /** To a free seat; a passenger without a seat on the leg is seated there. */
  | { kind: 'move'; workerId: string; to: { vehicleId: string; seat: string } }
  | { kind: 'swap'; workerIds: readonly [string, string] };

export interface SeatChangeInput {
  /** The vehicles of the leg. */
  vehicles: readonly Vehicle[];
  /** Settings `loadFactor`, in (0, 1]. */
  loadFactor: number;
  /** The passengers of the leg: who is of one household. */
  passengers: readonly Pick<SeatingPassenger, 'workerId' | 'household' | 'villageKey'>[];
  /** The seats of the leg before the change. */
  seats: readonly SeatAssignment[];
  change: SeatChange;
}

/**
 * Every problem code of {@link checkSeatChange}, each an i18n key under `problems.`, with params:
 * `passenger-unknown`, `passenger-not-seated`, `same-passenger` `{ workerId }`; `vehicle-unknown`
 * `{ vehicleId }`; `seat-unknown`, `seat-unchanged` `{ vehicle, seat }`; `seat-reserved`
 * `{ vehicle, seat, role }`; `seat-taken` `{ vehicle, seat, workerId }` (who sits there: swap
 * instead); `vehicle-full` `{ vehicle, capacity }`; and the seating rules, `{ vehicle, seat,
 * workerId }` plus: `seat-not-open` (a seat the load factor keeps free, not beside family),
 * `strangers-side-by-side` `{ otherSeat, otherWorkerId }`, `next-to-reserved` `{ otherSeat, role }`.
 * `vehicle` is the vehicle's label (carriage number or plate).
 */
export const SEAT_CHANGE_PROBLEM_CODES = [
  'passenger-unknown',
  'passenger-not-seated',
  'same-passenger',
  'vehicle-unknown',
  'seat-unknown',
  'seat-unchanged',
  'seat-reserved',
  'seat-taken',
  'vehicle-full',
  'seat-not-open',
  'strangers-side-by-side',
  'next-to-reserved',
] as const;

export type SeatChangeProblemCode = (typeof SEAT_CHANGE_PROBLEM_CODES)[number];

export interface SeatChangeProblem {
  code: SeatChangeProblemCode;
  params: Readonly<Record<string, string | number>>;
}

interface Place {
  occupancy: VehicleOccupancy;
  index: number;
}

/** Problems with `change`; none means the change keeps every rule. Throws for a load factor outside (0, 1]. */
export function checkSeatChange(input: SeatChangeInput): SeatChangeProblem[] {
  assertLoadFactor(input.loadFactor);
  const { change } = input;
  const households = new Map(input.passengers.map((passenger) => [passenger.workerId, householdKey(passenger)]));
  const householdOf = (workerId: string): string =>
    households.get(workerId) ?? householdKey({ workerId, household: '', villageKey: '' });

  const occupancies = new Map<string, VehicleOccupancy>();
  for (const vehicle of input.vehicles) {
    if (!occupancies.has(vehicle.id)) {
      occupancies.set(vehicle.id, new VehicleOccupancy(vehicleSeatPlan(vehicle, input.loadFactor)));
    }
  }
  const places = new Map<string, Place>();
  for (const { workerId, vehicleId, seat } of input.seats) {
    const occupancy = occupancies.get(vehicleId);
    const index = occupancy?.indexOf(seat) ?? -1;
    if (occupancy === undefined || index < 0 || places.has(workerId) || !occupancy.isFree(index)) continue;
    occupancy.sit(index, householdOf(workerId), workerId);
    places.set(workerId, { occupancy, index });
  }

  const label = (occupancy: VehicleOccupancy): string => occupancy.plan.vehicle.label;
  const problems: SeatChangeProblem[] = [];
  const movers = change.kind === 'move' ? [change.workerId] : [...change.workerIds];
  for (const workerId of movers) {
    if (!households.has(workerId)) problems.push({ code: 'passenger-unknown', params: { workerId } });
  }
  if (problems.length > 0) return problems;

  // Where each mover goes: [worker, from, to].
  let moves: [string, Place | undefined, Place][];
  if (change.kind === 'swap') {
    const [first, second] = change.workerIds;
    if (first === second) return [{ code: 'same-passenger', params: { workerId: first } }];
    const from = places.get(first);
    const to = places.get(second);
    for (const [workerId, place] of [
      [first, from],
      [second, to],
    ] as const) {
      if (place === undefined) problems.push({ code: 'passenger-not-seated', params: { workerId } });
    }
    if (from === undefined || to === undefined) return problems;
    moves = [
      [first, from, to],
      [second, to, from],
    ];
  } else {
    const occupancy = occupancies.get(change.to.vehicleId);
    if (occupancy === undefined) return [{ code: 'vehicle-unknown', params: { vehicleId: change.to.vehicleId } }];
    const vehicle = label(occupancy);
    const seat = change.to.seat;
    const index = occupancy.indexOf(seat);
    const from = places.get(change.workerId);
    if (index < 0) return [{ code: 'seat-unknown', params: { vehicle, seat } }];
    if (from !== undefined && from.occupancy === occupancy && from.index === index) {
      return [{ code: 'seat-unchanged', params: { vehicle, seat } }];
    }
    if (occupancy.isReserved(index)) {
      return [{ code: 'seat-reserved', params: { vehicle, seat, role: occupancy.plan.reserved.get(seat) ?? '' } }];
    }
    const sitting = occupancy.workerAt(index);
    if (sitting !== null) return [{ code: 'seat-taken', params: { vehicle, seat, workerId: sitting } }];
    if (from?.occupancy !== occupancy && occupancy.count + 1 > occupancy.plan.capacity) {
      problems.push({ code: 'vehicle-full', params: { vehicle, capacity: occupancy.plan.capacity } });
    }
    moves = [[change.workerId, from, { occupancy, index }]];
  }

  // The seats the change touches and those beside them: the only ones whose rules can change.
  const touched = new Map<VehicleOccupancy, Set<number>>();
  const touch = ({ occupancy, index }: Place): void => {
    const set = touched.get(occupancy) ?? new Set<number>();
    for (const seat of [index, ...occupancy.besides(index)]) set.add(seat);
    touched.set(occupancy, set);
  };
  for (const [, from, to] of moves) {
    if (from !== undefined) touch(from);
    touch(to);
  }
  const violations = (): { occupancy: VehicleOccupancy; violation: SeatRuleViolation }[] =>
    [...touched].flatMap(([occupancy, indexes]) =>
      [...indexes]
        .sort((a, b) => a - b)
        .flatMap((index) => occupancy.violations(index).map((violation) => ({ occupancy, violation }))),
    );
  const keyOf = (occupancy: VehicleOccupancy, violation: SeatRuleViolation): string =>
    [occupancy.plan.vehicle.id, violation.code, violation.seat, violation.workerId, violation.otherSeat ?? ''].join(
      '|',
    );
  const before = new Set(violations().map(({ occupancy, violation }) => keyOf(occupancy, violation)));

  for (const [, from] of moves) if (from !== undefined) from.occupancy.leave(from.index);
  for (const [workerId, , to] of moves) to.occupancy.sit(to.index, householdOf(workerId), workerId);

  const moved = new Set(movers);
  const reportedPairs = new Set<string>();
  const found = violations()
    .filter(({ occupancy, violation }) => !before.has(keyOf(occupancy, violation)))
    // A mover's own view of a problem first, so the message names the passenger who was moved.
    .sort((a, b) => (moved.has(a.violation.workerId) ? 0 : 1) - (moved.has(b.violation.workerId) ? 0 : 1));
  for (const { occupancy, violation } of found) {
    if (violation.code === 'strangers-side-by-side') {
      const pair = [occupancy.plan.vehicle.id, ...[violation.seat, violation.otherSeat ?? ''].sort()].join('|');
      if (reportedPairs.has(pair)) continue;
      reportedPairs.add(pair);
    }
    problems.push({ code: violation.code, params: ruleParams(label(occupancy), violation) });
  }
  return problems;
}

function ruleParams(vehicle: string, violation: SeatRuleViolation): Record<string, string> {
  const params: Record<string, string> = { vehicle, seat: violation.seat, workerId: violation.workerId };
  if (violation.otherSeat !== undefined) params.otherSeat = violation.otherSeat;
  if (violation.otherWorkerId !== undefined) params.otherWorkerId = violation.otherWorkerId;
  if (violation.role !== undefined) params.role = violation.role;
  return params;
}
