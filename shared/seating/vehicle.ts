/**
 * What makes a vehicle on a leg acceptable, and the seats a new vehicle keeps free by default
 * (docs/domain.md#seats: the last row for isolation, escorts and medics at the carriage ends). The
 * vehicle form shows the problems next to their fields; the allocation leaves out a vehicle that
 * has any.
 */
import type { FieldProblem } from '../domain/problems';
import type { ReservedSeat, Vehicle, VehicleKind } from '../domain/records';
import { seatLayout } from './layout';
import type { LayoutSeat, SeatRow } from './layout';
import { carriageLabel } from './label';

/**
 * Seat counts a vehicle of each kind may have. Coaches run from a 19-seat midibus to a 60-seat
 * coach (issue "Seats"); a hard-seat car has 118 seats at most (YZ25G); the largest China Railway
 * second-class car has 100 (CRH2A, 20 rows) and first-class cars stay under 60.
 */
export const VEHICLE_SEAT_LIMITS: Readonly<Record<VehicleKind, { min: number; max: number }>> = {
  'train-second-class': { min: 1, max: 100 },
  'train-first-class': { min: 1, max: 60 },
  'train-hard-seat': { min: 1, max: 118 },
  coach: { min: 19, max: 60 },
};

/**
 * Seats of a typical vehicle of each kind, what a new vehicle (by hand or in a batch plan) starts
 * with before the coordinator types what was booked: a 49-seat coach, a 90-seat second-class car
 * (CRH2A, 18 rows), a 56-seat first-class car and a full 118-seat hard-seat car.
 */
export const TYPICAL_SEAT_COUNTS: Readonly<Record<VehicleKind, number>> = {
  coach: 49,
  'train-second-class': 90,
  'train-first-class': 56,
  'train-hard-seat': 118,
};

/** Whether a vehicle of this kind may have this many seats: a whole number within {@link VEHICLE_SEAT_LIMITS}. */
export function isSeatCountAllowed(kind: VehicleKind, seatCount: number): boolean {
  const { min, max } = VEHICLE_SEAT_LIMITS[kind];
  return Number.isInteger(seatCount) && seatCount >= min && seatCount <= max;
}

/** Longer than any carriage number or plate (粤A·12345D); a longer text is a typo. */
export const VEHICLE_LABEL_MAX_LENGTH = 20;

/**
 * Every problem code that {@link checkVehicle} reports, each an i18n key under `problems.`:
 * `required` (the label), `label-too-long` (`{ max }`), `label-duplicate` (`{ label }`, another
 * vehicle of the leg has it), `seat-count-range` (`{ min, max }`), `reserved-seat-unknown` and
 * `reserved-seat-duplicate` (`{ seat }`), `reserved-every-seat` (no seat is left for passengers).
 */
export const VEHICLE_PROBLEM_CODES = [
  'required',
  'label-too-long',
  'label-duplicate',
  'seat-count-range',
  'reserved-seat-unknown',
  'reserved-seat-duplicate',
  'reserved-every-seat',
] as const;

export type VehicleProblemCode = (typeof VEHICLE_PROBLEM_CODES)[number];

export type VehicleField = 'label' | 'seatCount' | 'reserved';

export interface VehicleProblem extends FieldProblem<VehicleField> {
  code: VehicleProblemCode;
}

/**
 * Checks a vehicle. `others` are the other vehicles of the same leg: two carriages numbered 05 (or
 * 5) on one train would put two passengers on one ticket seat.
 */
export function checkVehicle(
  vehicle: Pick<Vehicle, 'id' | 'kind' | 'label' | 'seatCount' | 'reserved'>,
  others: readonly Pick<Vehicle, 'id' | 'label'>[] = [],
): VehicleProblem[] {
  const problems: VehicleProblem[] = [];
  const label = vehicle.label.trim();
  if (label === '') {
    problems.push({ field: 'label', code: 'required' });
  } else if (Array.from(label).length > VEHICLE_LABEL_MAX_LENGTH) {
    problems.push({ field: 'label', code: 'label-too-long', params: { max: VEHICLE_LABEL_MAX_LENGTH } });
  } else if (
    others.some((other) => other.id !== vehicle.id && carriageLabel(other.label) === carriageLabel(vehicle.label))
  ) {
    problems.push({ field: 'label', code: 'label-duplicate', params: { label: carriageLabel(vehicle.label) } });
  }
  if (!isSeatCountAllowed(vehicle.kind, vehicle.seatCount)) {
    const { min, max } = VEHICLE_SEAT_LIMITS[vehicle.kind];
    problems.push({ field: 'seatCount', code: 'seat-count-range', params: { min, max } });
    // Without a seat count the reserved seats can not be checked against the layout.
    return problems;
  }
  const layout = seatLayout(vehicle.kind, vehicle.seatCount);
  const seen = new Set<string>();
  for (const { seat } of vehicle.reserved) {
    if (!layout.seatByCode.has(seat)) {
      problems.push({ field: 'reserved', code: 'reserved-seat-unknown', params: { seat } });
    } else if (seen.has(seat)) {
      problems.push({ field: 'reserved', code: 'reserved-seat-duplicate', params: { seat } });
    }
    seen.add(seat);
  }
  const free = layout.seats.filter((seat) => !seen.has(seat.code)).length;
  if (free === 0) problems.push({ field: 'reserved', code: 'reserved-every-seat' });
  return problems;
}

/** Vehicles with fewer rows keep only the escort's seat: an isolation row would leave no room. */
const ROWS_FOR_ISOLATION = 3;

function seatsOf(row: SeatRow | undefined): LayoutSeat[] {
  return (row?.cells ?? []).filter((cell) => cell.kind === 'seat');
}

/**
 * The aisle seat of the block right of the aisle (1D, 4 on a hard-seat car, 3 on a coach), where the
 * person can stand up without climbing over anyone and sees down the whole vehicle; any aisle seat,
 * then any seat, when the row has none.
 */
function staffSeat(row: SeatRow | undefined): LayoutSeat | undefined {
  const seats = seatsOf(row);
  const aisle = seats.filter((seat) => seat.position === 'aisle');
  return aisle.find((seat) => seat.block === 1) ?? aisle[0] ?? seats[0];
}

/**
 * The seats a new vehicle keeps free, front to back: the escort at the front end, in the first
 * row's aisle seat right of the aisle (by a coach's door, which is at the front right); the medic at
 * the rear end, in the same seat of the row before the last, beside the isolation row it serves;
 * and the whole last row for isolation (116 to 118 on a 118-seat hard-seat car, the back bench of a
 * coach). A vehicle of fewer than three rows keeps only the escort's seat.
 */
export function defaultReservedSeats(kind: VehicleKind, seatCount: number): ReservedSeat[] {
  const { rows } = seatLayout(kind, seatCount);
  const escort = staffSeat(rows[0]);
  if (escort === undefined) return [];
  if (rows.length < ROWS_FOR_ISOLATION) return [{ seat: escort.code, role: 'escort' }];
  const medic = staffSeat(rows[rows.length - 2]);
  return [
    { seat: escort.code, role: 'escort' },
    ...(medic === undefined ? [] : [{ seat: medic.code, role: 'medic' as const }]),
    ...seatsOf(rows[rows.length - 1]).map((seat) => ({ seat: seat.code, role: 'isolation' as const })),
  ];
}
