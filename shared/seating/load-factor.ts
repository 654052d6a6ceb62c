/**
 * Which seats strangers may take at the office's load factor (settings `loadFactor`;
 * docs/domain.md#load-factor: during an epidemic a charter sells every other seat and no middle seat).
 *
 * The pattern ("spaced seats"), block by block (seats side by side with no aisle between them):
 * - never a middle seat, never a seat beside a reserved seat (an escort, a medic or an isolation
 *   seat counts as taken by a stranger), never two spaced seats side by side;
 * - a block of three (A B C, 1 2 3) gives its two outer seats, A and C; the back bench of a coach
 *   gives its two windows and its centre seat;
 * - a block of two (D F, A C, a coach's 1 2) gives one seat, the left one on odd rows and the right
 *   one on even rows, so that on a coach and in first class the seats taken make a checkerboard and
 *   no one sits straight behind anyone.
 * Second class and hard seat so keep 3 seats of 5 (60 %), first class and coaches 1 of 2 (50 %).
 *
 * The load factor caps the passengers of a vehicle at floor(seatCount × loadFactor), reserved seats
 * counted in the seat count but never as passengers. While the load factor is at most the density
 * of the pattern (0.6 in second class and hard seat, 0.5 in first class and on a coach, a little more
 * with a back bench), strangers may only take spaced seats, so they never sit
 * side by side, and a vehicle takes the smaller of the cap and its spaced seats: a 45-seat coach
 * with an escort, a medic and the back bench kept free takes 20, not 22, since the escort's and the
 * medic's blocks lose their spaced seat. A load factor above the density (0.75, 1.0) cannot keep
 * strangers apart: the spaced seats are sold first, then other free seats up to the cap, aisle and
 * window seats before middle seats and seats beside a reserved seat last, front to back. At 1.0
 * every free seat is sold.
 *
 * Members of one household may also take a seat next to one another outside the pattern (the
 * middle seat between a family's A and C), within the same cap: a household sits together, it does
 * not raise how many the vehicle takes.
 */
import type { Batch, ReservedRole, ReservedSeat, Vehicle } from '../domain/records';
import { seatBlocks, seatLayout } from './layout';
import type { LayoutSeat, SeatLayout } from './layout';

/** Seat counts are small: a product 1e-9 under an integer is a float error (100 × 0.29), not a fraction. */
const FLOAT_SLACK = 1e-9;

/** Throws for a load factor outside (0, 1]: settings refuse one, so this is a programming error. */
export function assertLoadFactor(loadFactor: number): void {
  if (!Number.isFinite(loadFactor) || loadFactor <= 0 || loadFactor > 1) {
    throw new RangeError(`load factor ${loadFactor} is outside (0, 1]`);
  }
}

/** Where the load factor a batch runs at comes from: its own, or the office's Settings. */
export type LoadFactorSource = 'batch' | 'settings';

/** The load factor a batch runs at, and where it comes from. */
export interface BatchLoadFactor {
  loadFactor: number;
  source: LoadFactorSource;
}

/**
 * The load factor that decides a batch's seats: the batch's own when it has one (a charter sold at
 * another share), else the Settings value. Batches stored before the field existed have none.
 */
export function batchLoadFactor(batch: Pick<Batch, 'loadFactor'>, settingsLoadFactor: number): BatchLoadFactor {
  const own = batch.loadFactor;
  return own === null || own === undefined
    ? { loadFactor: settingsLoadFactor, source: 'settings' }
    : { loadFactor: own, source: 'batch' };
}

/** floor(seatCount × loadFactor): the most passengers a vehicle of that size may carry. */
export function loadFactorCap(seatCount: number, loadFactor: number): number {
  assertLoadFactor(loadFactor);
  return Math.max(0, Math.floor(seatCount * loadFactor + FLOAT_SLACK));
}

/** The seats of the pattern (see the module comment) in layout order, with `reserved` kept free. */
function spacedSeats(layout: SeatLayout, reserved: ReadonlySet<string>): LayoutSeat[] {
  const spaced: LayoutSeat[] = [];
  for (const block of seatBlocks(layout)) {
    const eligible = (index: number): boolean => {
      const seat = block[index];
      if (seat === undefined || seat.position === 'middle' || reserved.has(seat.code)) return false;
      const left = block[index - 1];
      const right = block[index + 1];
      return !(left !== undefined && reserved.has(left.code)) && !(right !== undefined && reserved.has(right.code));
    };
    if (block.length === 2) {
      const preferred = (block[0]?.row ?? 0) % 2;
      const index = [preferred, 1 - preferred].find(eligible);
      const seat = index === undefined ? undefined : block[index];
      if (seat !== undefined) spaced.push(seat);
      continue;
    }
    let previous = -2;
    block.forEach((seat, index) => {
      if (index - previous > 1 && eligible(index)) {
        spaced.push(seat);
        previous = index;
      }
    });
  }
  return spaced.sort((a, b) => a.order - b.order);
}

/**
 * The share of a layout's seats in the pattern when nothing is reserved: the highest load factor at
 * which strangers can be kept apart.
 */
export function spacingDensity(layout: SeatLayout): number {
  if (layout.seats.length === 0) return 0;
  const known = densities.get(layout);
  if (known !== undefined) return known;
  const density = spacedSeats(layout, new Set()).length / layout.seats.length;
  densities.set(layout, density);
  return density;
}

const densities = new WeakMap<SeatLayout, number>();

/** Seats that exist in the layout and are reserved, by code; a seat listed twice keeps its first role. */
function reservedRoles(layout: SeatLayout, reserved: readonly ReservedSeat[]): Map<string, ReservedRole> {
  const roles = new Map<string, ReservedRole>();
  for (const { seat, role } of reserved) {
    if (layout.seatByCode.has(seat) && !roles.has(seat)) roles.set(seat, role);
  }
  return roles;
}

/**
 * The seats strangers may take at `loadFactor`, in layout order (see the module comment): the
 * pattern while the load factor is at most its density, else the pattern and then other free seats
 * up to the cap. Reserved seats that the layout lacks are ignored (`checkVehicle` reports them).
 */
export function sellableSeats(layout: SeatLayout, reserved: readonly ReservedSeat[], loadFactor: number): string[] {
  return [...planSeats(layout, reservedRoles(layout, reserved), loadFactor).sellable];
}

interface PlannedSeats {
  sellable: Set<string>;
  spaced: boolean;
  cap: number;
  neighbours: ReadonlyMap<string, readonly string[]>;
}

function neighbourMap(layout: SeatLayout): ReadonlyMap<string, readonly string[]> {
  const known = neighbourMaps.get(layout);
  if (known !== undefined) return known;
  const neighbours = new Map<string, string[]>();
  for (const block of seatBlocks(layout)) {
    block.forEach((seat, index) => {
      const beside = [block[index - 1], block[index + 1]].filter((other) => other !== undefined);
      neighbours.set(
        seat.code,
        beside.map((other) => other.code),
      );
    });
  }
  neighbourMaps.set(layout, neighbours);
  return neighbours;
}

const neighbourMaps = new WeakMap<SeatLayout, ReadonlyMap<string, readonly string[]>>();

function planSeats(layout: SeatLayout, reserved: ReadonlyMap<string, ReservedRole>, loadFactor: number): PlannedSeats {
  const cap = loadFactorCap(layout.seats.length, loadFactor);
  const neighbours = neighbourMap(layout);
  const reservedCodes = new Set(reserved.keys());
  const spacedList = spacedSeats(layout, reservedCodes);
  const sellable = new Set(spacedList.map((seat) => seat.code));
  const spaced = loadFactor <= spacingDensity(layout) + FLOAT_SLACK;
  if (spaced || cap <= sellable.size) return { sellable, spaced, cap, neighbours };
  const nextToReserved = (seat: LayoutSeat): boolean =>
    (neighbours.get(seat.code) ?? []).some((code) => reservedCodes.has(code));
  const rank = (seat: LayoutSeat): number => (seat.position === 'middle' ? 2 : 0) + (nextToReserved(seat) ? 1 : 0);
  const extras = layout.seats
    .filter((seat) => !sellable.has(seat.code) && !reservedCodes.has(seat.code))
    .map((seat) => ({ seat, rank: rank(seat) }))
    .sort((a, b) => a.rank - b.rank || a.seat.order - b.seat.order)
    .slice(0, cap - sellable.size);
  for (const { seat } of extras) sellable.add(seat.code);
  // Back to layout order, so that callers can list the seats front to back.
  const ordered = layout.seats.filter((seat) => sellable.has(seat.code)).map((seat) => seat.code);
  return { sellable: new Set(ordered), spaced, cap, neighbours };
}

/** A vehicle with its layout and what the load factor lets passengers take. */
export interface VehicleSeatPlan {
  vehicle: Vehicle;
  layout: SeatLayout;
  /** Reserved seats that exist in the layout, with their role. */
  reserved: ReadonlyMap<string, ReservedRole>;
  /** Seats strangers may take, in layout order. */
  sellable: ReadonlySet<string>;
  /** floor(seatCount × loadFactor). */
  cap: number;
  /** How many passengers the vehicle takes: the cap, or fewer when the pattern has fewer seats. */
  capacity: number;
  /** True when the load factor keeps strangers apart; false when it is above the pattern's density. */
  spaced: boolean;
  /** For each seat, the seats beside it with no aisle between. */
  neighbours: ReadonlyMap<string, readonly string[]>;
}

/** The seat plan of one vehicle at `loadFactor`; see the module comment. */
export function vehicleSeatPlan(vehicle: Vehicle, loadFactor: number): VehicleSeatPlan {
  const layout = seatLayout(vehicle.kind, vehicle.seatCount);
  const reserved = reservedRoles(layout, vehicle.reserved);
  const { sellable, spaced, cap, neighbours } = planSeats(layout, reserved, loadFactor);
  return {
    vehicle,
    layout,
    reserved,
    sellable,
    cap,
    capacity: Math.min(cap, sellable.size),
    spaced,
    neighbours,
  };
}

/** How a vehicle's capacity comes about, for the coordinator who asks why a leg is short of seats. */
export interface CapacityBreakdown {
  /** Seats in the vehicle. */
  seats: number;
  /** Seats kept for escorts, medics and isolation. */
  reserved: number;
  /** The load factor, 0 < f <= 1. */
  loadFactor: number;
  /** floor(seats × load factor): the most the load factor allows. */
  cap: number;
  /** Seats strangers may take once reserved seats and spacing are kept (see the module comment). */
  spacedOrFree: number;
  /** What the vehicle takes: the smaller of `cap` and `spacedOrFree`. */
  capacity: number;
}

/** The numbers behind {@link vehicleCapacity}: 49 seats, 7 kept, 50 % allows 24, spacing leaves 20. */
export function capacityBreakdown(vehicle: Vehicle, loadFactor: number): CapacityBreakdown {
  const plan = vehicleSeatPlan(vehicle, loadFactor);
  return {
    seats: vehicle.seatCount,
    reserved: plan.reserved.size,
    loadFactor,
    cap: plan.cap,
    spacedOrFree: plan.sellable.size,
    capacity: plan.capacity,
  };
}

/**
 * How many passengers `vehicle` takes at `loadFactor`: the seats available that the planner shows
 * per leg, and the number the allocation and a coordinator's moves never pass.
 */
export function vehicleCapacity(vehicle: Vehicle, loadFactor: number): number {
  return vehicleSeatPlan(vehicle, loadFactor).capacity;
}
