/**
 * Automatic seat allocation for one leg (issue "Seats"): a pure function of the vehicles, the
 * passengers, the load factor and the seats to keep, so the same input always gives the same seats,
 * whatever order the lists come in (everything is sorted by id, vehicles keep the leg's order).
 *
 * In order of what matters most:
 * 1. No vehicle takes more than its capacity (load-factor.ts) and no one takes a reserved seat, or
 *    sits where the pattern forbids (occupancy.ts).
 * 2. A household is one party: it goes to one vehicle whole, and sits side by side in one block,
 *    else across the aisle in one row, else over nearby rows. A household bound for two
 *    enterprises travels with the enterprise most of its members are bound for.
 * 3. An enterprise goes to one vehicle when one has room for it, else to as few as the packing finds:
 *    largest enterprises first, each into the vehicle it fills best, an enterprise too large for
 *    any vehicle filling the emptiest ones in turn (consecutive carriages on an empty train).
 * 4. Within a vehicle parties sit by enterprise, then village, front to back; the back rows, by the
 *    isolation row, fill last.
 * When the leg has fewer places than passengers, whole households of the smallest enterprises (by
 * size, then id) are left unseated (`no-capacity`) rather than a family being cut; otherwise a
 * household is split over vehicles only when no vehicle has room for it whole. Every rule that could
 * not be kept is explained by a note.
 */
import type { Vehicle } from '../domain/records';
import { assertLoadFactor, spacingDensity, vehicleSeatPlan } from './load-factor';
import { VehicleOccupancy, householdKey } from './occupancy';
import type { SeatRuleViolation } from './occupancy';
import { checkVehicle } from './vehicle';

/** A passenger of the leg, as the allocation needs them. */
export interface SeatingPassenger {
  workerId: string;
  /** Household number (户编号) or householder's name; '' for someone travelling alone. */
  household: string;
  /** Any text naming the home village, the same for everyone from it (e.g. township + village). */
  villageKey: string;
  /** The receiving enterprise; null while the worker is not placed. */
  enterpriseId: string | null;
}

/** One passenger's seat on the leg. */
export interface SeatAssignment {
  workerId: string;
  vehicleId: string;
  /** As printed on a ticket, without the carriage: 12F, 57, 3. */
  seat: string;
}

/**
 * Why a passenger got no seat: `no-capacity`, the vehicles of the leg are full at the load factor;
 * `no-seat`, places are left in number but no free seat keeps the rules. The second is a guard
 * rather than an outcome: with these layouts a household never shuts more places than it fills, so
 * 3,000 random legs with random kept seats never met it; it stays so that no one is dropped unsaid.
 */
export const UNSEATED_REASONS = ['no-capacity', 'no-seat'] as const;
export type UnseatedReason = (typeof UNSEATED_REASONS)[number];

export interface UnseatedPassenger {
  workerId: string;
  reason: UnseatedReason;
}

/**
 * What the allocation could not do as wished, each an i18n key under `seating.notes.` with params:
 * - `no-capacity` `{ passengers, capacity }`: more passengers than places on the leg;
 * - `household-split-vehicles` `{ household, vehicles }`: a household in several vehicles;
 * - `household-split-rows` `{ household, vehicle, rows }`: a household in one vehicle, several rows;
 * - `household-partly-unseated` `{ household, unseated }`: some of a household got no seat;
 * - `enterprise-split` `{ enterpriseId, passengers, vehicles, minimum }`: an enterprise in several
 *   vehicles, `minimum` being the fewest that could hold it (equal when the split was unavoidable);
 * - `spacing-not-possible` `{ kind, loadFactor, density }`: the load factor is above what the layout
 *   can seat with strangers apart (density, a share), so strangers sit side by side;
 * - `kept-seat-dropped` `{ workerId, reason }`: a seat to keep broke a rule (reason: a seat-change
 *   problem code) and the passenger was seated again;
 * - `vehicle-skipped` `{ vehicleId, vehicle, reason }`: a vehicle with a seat count out of range
 *   (`seat-count-range`) or an id used twice (`vehicle-duplicate`) was not used;
 * - `passenger-duplicate` `{ workerId }`: a passenger listed twice was seated once.
 */
export const SEATING_NOTE_CODES = [
  'no-capacity',
  'household-split-vehicles',
  'household-split-rows',
  'household-partly-unseated',
  'enterprise-split',
  'spacing-not-possible',
  'kept-seat-dropped',
  'vehicle-skipped',
  'passenger-duplicate',
] as const;
export type SeatingNoteCode = (typeof SEATING_NOTE_CODES)[number];

export interface SeatingNote {
  code: SeatingNoteCode;
  params: Readonly<Record<string, string | number>>;
}

export interface SeatAllocationInput {
  /** The vehicles of the leg, in the order of the train or the convoy. */
  vehicles: readonly Vehicle[];
  passengers: readonly SeatingPassenger[];
  /** Settings `loadFactor`, in (0, 1]. */
  loadFactor: number;
  /**
   * Seats to keep as they are (a coordinator's moves, passengers seated before others were added);
   * a kept seat that breaks a rule is dropped with a note and its passenger seated again.
   */
  keep?: readonly SeatAssignment[];
}

export interface SeatAllocation {
  /** Seats by vehicle (in the leg's order), then front to back. */
  seats: SeatAssignment[];
  /** By worker id. */
  unseated: UnseatedPassenger[];
  notes: SeatingNote[];
}

/** A household, or someone travelling alone, who should sit together. */
interface Party {
  key: string;
  household: string;
  members: string[];
  village: string;
  enterprise: string;
}

interface VehicleSlot {
  index: number;
  vehicle: Vehicle;
  occupancy: VehicleOccupancy;
  /** Places not yet promised to a party. */
  room: number;
}

/** Code-unit order: the same on every PC, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The most common value, ties to the smallest. */
function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && compareText(value, best) < 0)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function partySize(parties: readonly Party[]): number {
  let size = 0;
  for (const party of parties) size += party.members.length;
  return size;
}

/** Seats `household` takes in one run: start (layout order) and length. */
interface Run {
  start: number;
  length: number;
  waste: number;
}

/** The run of exactly `length` seats `household` may take in the block with least waste, then leftmost. */
function bestRunOf(
  occupancy: VehicleOccupancy,
  block: { start: number; end: number },
  length: number,
  household: string,
): Run | null {
  let best: Run | null = null;
  for (let start = block.start; start + length <= block.end; start += 1) {
    if (!occupancy.runFits(start, length, household)) continue;
    const waste = occupancy.runWaste(start, length);
    if (best === null || waste < best.waste) best = { start, length, waste };
  }
  return best;
}

/** The longest run of at most `most` seats `household` may take in the block. */
function bestRunIn(
  occupancy: VehicleOccupancy,
  block: { start: number; end: number },
  most: number,
  household: string,
): Run | null {
  for (let length = Math.min(most, block.end - block.start); length >= 1; length -= 1) {
    const run = bestRunOf(occupancy, block, length, household);
    if (run !== null) return run;
  }
  return null;
}

/**
 * Runs for `count` people of `household` in one row, longest first (a household of four in second
 * class: A B C and D). Blocks are independent, so the runs hold together.
 */
function runsInRow(occupancy: VehicleOccupancy, row: number, count: number, household: string): Run[] {
  const runs: Run[] = [];
  const used = new Set<number>();
  let left = count;
  const blocks = occupancy.rowBlocks[row] ?? [];
  while (left > 0) {
    let chosen: Run | null = null;
    let chosenBlock = -1;
    for (let index = 0; index < blocks.length; index += 1) {
      const block = blocks[index];
      if (block === undefined || used.has(index)) continue;
      const run = bestRunIn(occupancy, block, left, household);
      if (run === null) continue;
      if (chosen === null || run.length > chosen.length || (run.length === chosen.length && run.waste < chosen.waste)) {
        chosen = run;
        chosenBlock = index;
      }
    }
    if (chosen === null) break;
    runs.push(chosen);
    used.add(chosenBlock);
    left -= chosen.length;
  }
  return runs;
}

/** Rows in the order a party looks at them: from the row its family already sits in, else the front. */
function rowOrder(occupancy: VehicleOccupancy, household: string): number[] {
  const rows = occupancy.rowBlocks.length;
  const first = Math.max(0, occupancy.familyRow(household));
  return Array.from({ length: rows }, (_, offset) => (first + offset) % rows);
}

/**
 * Seats a party in a vehicle: in one block if it can (the first row where it wastes no place the
 * pattern leaves strangers, else where it wastes least), else across one row, else over rows in
 * turn. Returns the members left without a seat.
 */
function seatParty(occupancy: VehicleOccupancy, household: string, members: readonly string[]): string[] {
  const apply = (runs: readonly Run[], people: readonly string[]): string[] => {
    let next = 0;
    for (const run of runs) {
      for (let i = 0; i < run.length; i += 1) {
        const workerId = people[next];
        if (workerId === undefined) break;
        occupancy.sit(run.start + i, household, workerId);
        next += 1;
      }
    }
    return people.slice(next);
  };
  const size = members.length;
  const rows = rowOrder(occupancy, household);
  let fallback: Run | null = null;
  for (const row of rows) {
    let inRow: Run | null = null;
    for (const block of occupancy.rowBlocks[row] ?? []) {
      if (block.end - block.start < size) continue;
      const run = bestRunOf(occupancy, block, size, household);
      if (run !== null && (inRow === null || run.waste < inRow.waste)) inRow = run;
    }
    if (inRow === null) continue;
    if (inRow.waste <= 0) return apply([inRow], members);
    if (fallback === null || inRow.waste < fallback.waste) fallback = inRow;
  }
  if (fallback !== null) return apply([fallback], members);
  for (const row of rows) {
    const runs = runsInRow(occupancy, row, size, household);
    if (runs.reduce((sum, run) => sum + run.length, 0) === size) return apply(runs, members);
  }
  let left: readonly string[] = members;
  for (const row of rows) {
    if (left.length === 0) break;
    left = apply(runsInRow(occupancy, row, left.length, household), left);
  }
  return [...left];
}

function seatOrder(slot: VehicleSlot, seat: string): number {
  return slot.occupancy.indexOf(seat);
}

/** Vehicles that can be used: a seat count in range and an id not seen before. */
function usableVehicles(vehicles: readonly Vehicle[], loadFactor: number, notes: SeatingNote[]): VehicleSlot[] {
  const slots: VehicleSlot[] = [];
  const ids = new Set<string>();
  for (const vehicle of vehicles) {
    const skip = (reason: string): void => {
      notes.push({ code: 'vehicle-skipped', params: { vehicleId: vehicle.id, vehicle: vehicle.label, reason } });
    };
    if (ids.has(vehicle.id)) {
      skip('vehicle-duplicate');
      continue;
    }
    ids.add(vehicle.id);
    if (checkVehicle(vehicle).some((problem) => problem.code === 'seat-count-range')) {
      skip('seat-count-range');
      continue;
    }
    const occupancy = new VehicleOccupancy(vehicleSeatPlan(vehicle, loadFactor));
    slots.push({ index: slots.length, vehicle, occupancy, room: occupancy.plan.capacity });
  }
  return slots;
}

/**
 * Seats from `keep` that hold: the passenger is on the leg, the vehicle and seat exist, the seat is
 * free and not reserved, the vehicle has room, and no seating rule is broken (checked once all are
 * in, since a family member may hold a seat only beside another kept one).
 */
function seatKept(
  keep: readonly SeatAssignment[],
  passengers: ReadonlyMap<string, SeatingPassenger>,
  slots: readonly VehicleSlot[],
  notes: SeatingNote[],
): Set<string> {
  const slotById = new Map(slots.map((slot) => [slot.vehicle.id, slot]));
  const drop = (workerId: string, reason: string): void => {
    notes.push({ code: 'kept-seat-dropped', params: { workerId, reason } });
  };
  const seen = new Set<string>();
  const candidates = keep
    .filter((entry) => passengers.has(entry.workerId))
    .map((entry) => ({ entry, slot: slotById.get(entry.vehicleId) }))
    .sort(
      (a, b) =>
        (a.slot?.index ?? -1) - (b.slot?.index ?? -1) ||
        (a.slot === undefined || b.slot === undefined
          ? 0
          : seatOrder(a.slot, a.entry.seat) - seatOrder(b.slot, b.entry.seat)) ||
        compareText(a.entry.workerId, b.entry.workerId) ||
        compareText(a.entry.seat, b.entry.seat),
    );
  const seatedAt = new Map<string, { slot: VehicleSlot; index: number }>();
  for (const { entry, slot } of candidates) {
    if (seen.has(entry.workerId)) continue;
    seen.add(entry.workerId);
    if (slot === undefined) {
      drop(entry.workerId, 'vehicle-unknown');
      continue;
    }
    const { occupancy } = slot;
    const index = occupancy.indexOf(entry.seat);
    const passenger = passengers.get(entry.workerId);
    if (passenger === undefined) continue;
    if (index < 0) drop(entry.workerId, 'seat-unknown');
    else if (occupancy.isReserved(index)) drop(entry.workerId, 'seat-reserved');
    else if (!occupancy.isFree(index)) drop(entry.workerId, 'seat-taken');
    else if (occupancy.count >= occupancy.plan.capacity) drop(entry.workerId, 'vehicle-full');
    else {
      occupancy.sit(index, householdKey(passenger), entry.workerId);
      seatedAt.set(entry.workerId, { slot, index });
    }
  }
  // Drop one rule breaker at a time, the last in seat order: moving it may mend its neighbour.
  for (;;) {
    let worst: { workerId: string; slot: VehicleSlot; index: number; violation: SeatRuleViolation } | null = null;
    for (const [workerId, { slot, index }] of seatedAt) {
      const violation = slot.occupancy.violations(index)[0];
      if (violation === undefined) continue;
      if (worst === null || slot.index > worst.slot.index || (slot.index === worst.slot.index && index > worst.index)) {
        worst = { workerId, slot, index, violation };
      }
    }
    if (worst === null) break;
    worst.slot.occupancy.leave(worst.index);
    seatedAt.delete(worst.workerId);
    drop(worst.workerId, worst.violation.code);
  }
  for (const { slot } of seatedAt.values()) slot.room -= 1;
  return new Set(seatedAt.keys());
}

/** The parties of the passengers not kept, sorted by village, then household key. */
function partiesOf(passengers: readonly SeatingPassenger[]): Party[] {
  const byKey = new Map<string, SeatingPassenger[]>();
  for (const passenger of passengers) {
    const key = householdKey(passenger);
    const members = byKey.get(key) ?? [];
    members.push(passenger);
    byKey.set(key, members);
  }
  const parties: Party[] = [];
  for (const [key, members] of byKey) {
    parties.push({
      key,
      household: members[0]?.household.trim() ?? '',
      members: members.map((member) => member.workerId),
      village: mostCommon(members.map((member) => member.villageKey)),
      enterprise: mostCommon(members.map((member) => member.enterpriseId ?? '')),
    });
  }
  return parties.sort((a, b) => compareText(a.village, b.village) || compareText(a.key, b.key));
}

/** Vehicles in which a household or an enterprise already has someone (kept seats). */
function holdings(slots: readonly VehicleSlot[], keyOf: (workerId: string) => string): Map<string, Set<number>> {
  const held = new Map<string, Set<number>>();
  for (const slot of slots) {
    for (let index = 0; index < slot.occupancy.codes.length; index += 1) {
      const workerId = slot.occupancy.workerAt(index);
      if (workerId === null) continue;
      const key = keyOf(workerId);
      const set = held.get(key) ?? new Set<number>();
      set.add(slot.index);
      held.set(key, set);
    }
  }
  return held;
}

/**
 * Promises each party a vehicle (see the module comment). Returns the parties of each vehicle and
 * those that found no vehicle with room for them whole.
 */
function packParties(
  parties: readonly Party[],
  slots: readonly VehicleSlot[],
  householdHeld: ReadonlyMap<string, ReadonlySet<number>>,
  enterpriseHeld: Map<string, Set<number>>,
): { assigned: Party[][]; leftover: Party[] } {
  const assigned: Party[][] = slots.map(() => []);
  const leftover: Party[] = [];
  const assign = (party: Party, slot: VehicleSlot): void => {
    assigned[slot.index]?.push(party);
    slot.room -= party.members.length;
    const held = enterpriseHeld.get(party.enterprise) ?? new Set<number>();
    held.add(slot.index);
    enterpriseHeld.set(party.enterprise, held);
  };
  // Family of a kept passenger joins them when their vehicle has room.
  const pool: Party[] = [];
  for (const party of parties) {
    const held = [...(householdHeld.get(party.key) ?? [])].sort((a, b) => a - b);
    const slot = held.map((index) => slots[index]).find((candidate) => (candidate?.room ?? 0) >= party.members.length);
    if (slot === undefined) pool.push(party);
    else assign(party, slot);
  }
  const byEnterprise = new Map<string, Party[]>();
  for (const party of pool) {
    const group = byEnterprise.get(party.enterprise) ?? [];
    group.push(party);
    byEnterprise.set(party.enterprise, group);
  }
  const enterprises = [...byEnterprise.entries()].sort(
    ([a, groupA], [b, groupB]) => partySize(groupB) - partySize(groupA) || compareText(a, b),
  );
  for (const [enterprise, group] of enterprises) {
    let rest = group;
    const tried = new Set<number>();
    while (rest.length > 0) {
      const held = enterpriseHeld.get(enterprise);
      const isHeld = (slot: VehicleSlot): number => (held?.has(slot.index) === true ? 0 : 1);
      const size = partySize(rest);
      // One vehicle for all: one the enterprise is in already, else the one it fills best.
      const whole = slots
        .filter((slot) => slot.room >= size)
        .sort((a, b) => isHeld(a) - isHeld(b) || a.room - b.room || a.index - b.index)[0];
      if (whole !== undefined) {
        for (const party of rest) assign(party, whole);
        break;
      }
      // Else the emptiest vehicle takes the parties that fit, village by village.
      const emptiest = slots
        .filter((slot) => slot.room > 0 && !tried.has(slot.index))
        .sort((a, b) => isHeld(a) - isHeld(b) || b.room - a.room || a.index - b.index)[0];
      if (emptiest === undefined) {
        leftover.push(...rest);
        break;
      }
      tried.add(emptiest.index);
      const next: Party[] = [];
      for (const party of rest) {
        if (party.members.length <= emptiest.room) assign(party, emptiest);
        else next.push(party);
      }
      rest = next;
    }
  }
  return { assigned, leftover };
}

/** The fewest vehicles whose capacities could hold `passengers`. */
function fewestVehicles(passengers: number, capacities: readonly number[]): number {
  const sorted = [...capacities].sort((a, b) => b - a);
  let total = 0;
  for (let count = 0; count < sorted.length; count += 1) {
    total += sorted[count] ?? 0;
    if (total >= passengers) return count + 1;
  }
  return sorted.length;
}

/** Allocates the seats of one leg; see the module comment. Throws for a load factor outside (0, 1]. */
export function allocateSeats(input: SeatAllocationInput): SeatAllocation {
  assertLoadFactor(input.loadFactor);
  const notes: SeatingNote[] = [];
  const slots = usableVehicles(input.vehicles, input.loadFactor, notes);

  const passengers = new Map<string, SeatingPassenger>();
  const sortedPassengers = [...input.passengers].sort((a, b) => compareText(a.workerId, b.workerId));
  const duplicates = new Set<string>();
  for (const passenger of sortedPassengers) {
    if (passengers.has(passenger.workerId)) duplicates.add(passenger.workerId);
    else passengers.set(passenger.workerId, passenger);
  }
  for (const workerId of duplicates) notes.push({ code: 'passenger-duplicate', params: { workerId } });

  const kept = seatKept(input.keep ?? [], passengers, slots, notes);
  const householdOf = (workerId: string): string => {
    const passenger = passengers.get(workerId);
    return passenger === undefined
      ? householdKey({ workerId, household: '', villageKey: '' })
      : householdKey(passenger);
  };
  const enterpriseOf = (workerId: string): string => passengers.get(workerId)?.enterpriseId ?? '';
  const householdHeld = holdings(slots, householdOf);
  const enterpriseHeld = holdings(slots, enterpriseOf);

  const toSeat = [...passengers.values()].filter((passenger) => !kept.has(passenger.workerId));
  const parties = partiesOf(toSeat);
  const room = slots.reduce((sum, slot) => sum + slot.room, 0);
  const surplus = toSeat.length > room;
  const { assigned, leftover } = packParties(parties, slots, householdHeld, enterpriseHeld);

  // Parties left over: split over the vehicles with room when everyone can be seated; else they stay off whole.
  const unseated: UnseatedPassenger[] = [];
  const enterpriseRank = new Map<string, number>();
  const rankOf = (enterprise: string): number => {
    if (!enterpriseRank.has(enterprise)) enterpriseRank.set(enterprise, enterpriseRank.size);
    return enterpriseRank.get(enterprise) ?? 0;
  };
  for (const party of leftover) {
    if (surplus) {
      for (const workerId of party.members) unseated.push({ workerId, reason: 'no-capacity' });
      continue;
    }
    let members = party.members;
    const held = enterpriseHeld.get(party.enterprise);
    const order = slots
      .filter((slot) => slot.room > 0)
      .sort(
        (a, b) =>
          (held?.has(a.index) === true ? 0 : 1) - (held?.has(b.index) === true ? 0 : 1) ||
          b.room - a.room ||
          a.index - b.index,
      );
    for (const slot of order) {
      if (members.length === 0) break;
      const part = members.slice(0, slot.room);
      members = members.slice(part.length);
      assigned[slot.index]?.push({ ...party, members: part });
      slot.room -= part.length;
    }
    for (const workerId of members) unseated.push({ workerId, reason: 'no-capacity' });
  }

  // Seat each vehicle's parties: kept families first, then each enterprise together, village by village.
  const stranded: Party[] = [];
  for (const slot of slots) {
    const parties = assigned[slot.index] ?? [];
    for (const party of parties) rankOf(party.enterprise);
    const ordered = [...parties].sort(
      (a, b) =>
        (householdHeld.has(a.key) ? 0 : 1) - (householdHeld.has(b.key) ? 0 : 1) ||
        rankOf(a.enterprise) - rankOf(b.enterprise) ||
        compareText(a.village, b.village) ||
        b.members.length - a.members.length ||
        compareText(a.key, b.key),
    );
    for (const party of ordered) {
      const left = seatParty(slot.occupancy, party.key, party.members);
      if (left.length > 0) {
        slot.room += left.length;
        stranded.push({ ...party, members: left });
      }
    }
  }
  // Members no seat in their vehicle would take: any vehicle with room and a seat that keeps the rules.
  for (const party of stranded) {
    let members = party.members;
    for (const slot of slots) {
      if (members.length === 0) break;
      if (slot.room <= 0) continue;
      const tried = members.slice(0, slot.room);
      const left = seatParty(slot.occupancy, party.key, tried);
      slot.room -= tried.length - left.length;
      members = [...left, ...members.slice(tried.length)];
    }
    for (const workerId of members) unseated.push({ workerId, reason: 'no-seat' });
  }

  const seats: SeatAssignment[] = [];
  for (const slot of slots) {
    const { occupancy, vehicle } = slot;
    for (let index = 0; index < occupancy.codes.length; index += 1) {
      const workerId = occupancy.workerAt(index);
      if (workerId !== null) seats.push({ workerId, vehicleId: vehicle.id, seat: occupancy.codes[index] ?? '' });
    }
  }
  unseated.sort((a, b) => compareText(a.workerId, b.workerId));
  notes.unshift(...leadNotes(unseated, passengers.size, slots));
  notes.push(...splitNotes(seats, unseated, passengers, slots), ...spacingNotes(slots, input.loadFactor));
  return { seats, unseated, notes };
}

function leadNotes(
  unseated: readonly UnseatedPassenger[],
  passengers: number,
  slots: readonly VehicleSlot[],
): SeatingNote[] {
  if (!unseated.some((entry) => entry.reason === 'no-capacity')) return [];
  const capacity = slots.reduce((sum, slot) => sum + slot.occupancy.plan.capacity, 0);
  return [{ code: 'no-capacity', params: { passengers, capacity } }];
}

function splitNotes(
  seats: readonly SeatAssignment[],
  unseated: readonly UnseatedPassenger[],
  passengers: ReadonlyMap<string, SeatingPassenger>,
  slots: readonly VehicleSlot[],
): SeatingNote[] {
  const slotById = new Map(slots.map((slot) => [slot.vehicle.id, slot]));
  const households = new Map<
    string,
    { household: string; vehicles: Set<string>; rows: Set<number>; unseated: number }
  >();
  const enterprises = new Map<string, { vehicles: Set<string>; passengers: number }>();
  const householdEntry = (passenger: SeatingPassenger) => {
    const key = householdKey(passenger);
    const entry = households.get(key) ?? {
      household: passenger.household.trim(),
      vehicles: new Set<string>(),
      rows: new Set<number>(),
      unseated: 0,
    };
    households.set(key, entry);
    return entry;
  };
  for (const { workerId, vehicleId, seat } of seats) {
    const passenger = passengers.get(workerId);
    if (passenger === undefined) continue;
    if (passenger.household.trim() !== '') {
      const entry = householdEntry(passenger);
      entry.vehicles.add(vehicleId);
      const occupancy = slotById.get(vehicleId)?.occupancy;
      if (occupancy !== undefined) entry.rows.add(occupancy.rowOf(occupancy.indexOf(seat)));
    }
    if (passenger.enterpriseId !== null) {
      const entry = enterprises.get(passenger.enterpriseId) ?? { vehicles: new Set<string>(), passengers: 0 };
      entry.vehicles.add(vehicleId);
      entry.passengers += 1;
      enterprises.set(passenger.enterpriseId, entry);
    }
  }
  for (const { workerId } of unseated) {
    const passenger = passengers.get(workerId);
    if (passenger !== undefined && passenger.household.trim() !== '') householdEntry(passenger).unseated += 1;
  }
  const notes: SeatingNote[] = [];
  const byKey = <T>(map: ReadonlyMap<string, T>): [string, T][] =>
    [...map.entries()].sort(([a], [b]) => compareText(a, b));
  for (const [, entry] of byKey(households)) {
    const { household } = entry;
    if (entry.vehicles.size > 1) {
      notes.push({ code: 'household-split-vehicles', params: { household, vehicles: entry.vehicles.size } });
    } else if (entry.rows.size > 1) {
      const vehicleId = [...entry.vehicles][0] ?? '';
      const vehicle = slotById.get(vehicleId)?.vehicle.label ?? '';
      notes.push({ code: 'household-split-rows', params: { household, vehicle, rows: entry.rows.size } });
    }
    if (entry.unseated > 0 && entry.vehicles.size > 0) {
      notes.push({ code: 'household-partly-unseated', params: { household, unseated: entry.unseated } });
    }
  }
  const capacities = slots.map((slot) => slot.occupancy.plan.capacity);
  for (const [enterpriseId, entry] of byKey(enterprises)) {
    if (entry.vehicles.size <= 1) continue;
    notes.push({
      code: 'enterprise-split',
      params: {
        enterpriseId,
        passengers: entry.passengers,
        vehicles: entry.vehicles.size,
        minimum: fewestVehicles(entry.passengers, capacities),
      },
    });
  }
  return notes;
}

function spacingNotes(slots: readonly VehicleSlot[], loadFactor: number): SeatingNote[] {
  const notes: SeatingNote[] = [];
  const kinds = new Set<string>();
  for (const { occupancy, vehicle } of slots) {
    if (occupancy.plan.spaced || kinds.has(vehicle.kind) || occupancy.count === 0) continue;
    kinds.add(vehicle.kind);
    const density = Math.floor(spacingDensity(occupancy.plan.layout) * 100) / 100;
    notes.push({ code: 'spacing-not-possible', params: { kind: vehicle.kind, loadFactor, density } });
  }
  return notes;
}
