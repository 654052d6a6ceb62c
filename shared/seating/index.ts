/**
 * Seats on the vehicles of a leg (issue "Seats", docs/domain.md#seats): layouts, reserved seats,
 * what the load factor lets passengers take, the automatic allocation, the checks of a
 * coordinator's changes and seats written as on a ticket. Pure: it runs in the renderer and in tests.
 */
export type { AisleCell, EmptyCell, LayoutSeat, SeatCell, SeatLayout, SeatPosition, SeatRow } from './layout';
export { hasLetteredSeats, normalizeSeatCode, seatLayout } from './layout';

export type { VehicleField, VehicleProblem, VehicleProblemCode } from './vehicle';
export {
  VEHICLE_LABEL_MAX_LENGTH,
  VEHICLE_PROBLEM_CODES,
  VEHICLE_SEAT_LIMITS,
  TYPICAL_SEAT_COUNTS,
  checkVehicle,
  defaultReservedSeats,
  isSeatCountAllowed,
} from './vehicle';

export type { VehicleSeatPlan } from './load-factor';
export type { BatchLoadFactor, CapacityBreakdown, LoadFactorSource } from './load-factor';
export {
  batchLoadFactor,
  capacityBreakdown,
  loadFactorCap,
  sellableSeats,
  spacingDensity,
  vehicleCapacity,
  vehicleSeatPlan,
} from './load-factor';

export type {
  SeatAllocation,
  SeatAllocationInput,
  SeatAssignment,
  SeatingNote,
  SeatingNoteCode,
  SeatingPassenger,
  UnseatedPassenger,
  UnseatedReason,
} from './allocate';
export { SEATING_NOTE_CODES, UNSEATED_REASONS, allocateSeats } from './allocate';

export type { SeatChange, SeatChangeInput, SeatChangeProblem, SeatChangeProblemCode } from './seat-change';
export { SEAT_CHANGE_PROBLEM_CODES, checkSeatChange } from './seat-change';

export { carriageLabel, seatLabel } from './label';
