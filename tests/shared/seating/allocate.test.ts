import { describe, expect, it } from 'vitest';

import { createRandom } from '@shared/demo/random';
import type { Vehicle, VehicleKind } from '@shared/domain/records';
import { SEATING_NOTE_CODES, allocateSeats } from '@shared/seating/allocate';
import type { SeatAllocation, SeatAllocationInput, SeatAssignment, SeatingPassenger } from '@shared/seating/allocate';
import { seatLayout } from '@shared/seating/layout';
import type { LayoutSeat, SeatLayout } from '@shared/seating/layout';
import { vehicleCapacity } from '@shared/seating/load-factor';
import { makeHousehold, makePassenger, makePassengerMix, makeTrain, makeVehicle } from '../../fixtures/vehicles';

const produced = new Set<string>();

/** {@link allocateSeats}, noting which note codes the tests meet. */
function allocate(input: SeatAllocationInput): SeatAllocation {
  const result = allocateSeats(input);
  for (const note of result.notes) produced.add(note.code);
  return result;
}

/** Seats side by side: same row, next cells, no aisle between (read off the grid). */
function beside(layout: SeatLayout, a: LayoutSeat, b: LayoutSeat): boolean {
  if (a.row !== b.row || Math.abs(a.column - b.column) !== 1) return false;
  const cells = layout.rows[a.row]?.cells ?? [];
  return cells[a.column]?.kind === 'seat' && cells[b.column]?.kind === 'seat';
}

/**
 * The rules a user cares about, checked from the layout grid alone (not from the allocation's own
 * code): every passenger seated once or listed unseated, seats that exist, no reserved seat, no
 * vehicle past floor(seats × load factor); and at a load factor of 0.5 or less, strangers never side
 * by side, no one beside a reserved seat, a middle seat only beside family.
 */
function brokenRules(
  vehicles: readonly Vehicle[],
  passengers: readonly SeatingPassenger[],
  loadFactor: number,
  result: SeatAllocation,
): string[] {
  const broken: string[] = [];
  const household = new Map(passengers.map((p) => [p.workerId, p.household === '' ? p.workerId : p.household]));
  const seen = new Set<string>();
  for (const { workerId } of [...result.seats, ...result.unseated]) {
    if (seen.has(workerId)) broken.push(`${workerId} listed twice`);
    seen.add(workerId);
  }
  if (seen.size !== household.size) broken.push(`${seen.size} listed of ${household.size}`);
  for (const vehicle of vehicles) {
    const layout = seatLayout(vehicle.kind, vehicle.seatCount);
    const reserved = new Set(vehicle.reserved.map((r) => r.seat));
    const mine = result.seats.filter((s) => s.vehicleId === vehicle.id);
    if (mine.length > Math.floor(vehicle.seatCount * loadFactor + 1e-9)) broken.push(`${vehicle.label} over the cap`);
    const at = new Map<string, string>();
    for (const { seat, workerId } of mine) {
      if (!layout.seatByCode.has(seat)) broken.push(`${vehicle.label} ${seat} does not exist`);
      if (reserved.has(seat)) broken.push(`${vehicle.label} ${seat} is reserved`);
      if (at.has(seat)) broken.push(`${vehicle.label} ${seat} taken twice`);
      at.set(seat, workerId);
    }
    if (loadFactor > 0.5) continue;
    for (const seat of layout.seats) {
      const workerId = at.get(seat.code);
      if (workerId === undefined) continue;
      const neighbours = layout.seats.filter((other) => beside(layout, seat, other));
      let family = false;
      for (const other of neighbours) {
        const otherWorker = at.get(other.code);
        if (reserved.has(other.code)) broken.push(`${vehicle.label} ${seat.code} beside reserved ${other.code}`);
        if (otherWorker === undefined) continue;
        if (household.get(otherWorker) === household.get(workerId)) family = true;
        else broken.push(`${vehicle.label} ${seat.code} beside a stranger in ${other.code}`);
      }
      if (seat.position === 'middle' && !family) broken.push(`${vehicle.label} ${seat.code} middle seat alone`);
    }
  }
  return broken;
}

function seatOf(result: SeatAllocation, workerId: string): SeatAssignment {
  const seat = result.seats.find((s) => s.workerId === workerId);
  if (seat === undefined) throw new Error(`${workerId} has no seat`);
  return seat;
}

function rowOf(vehicle: Vehicle, seat: string): number {
  return seatLayout(vehicle.kind, vehicle.seatCount).seatByCode.get(seat)?.row ?? -1;
}

const FLEETS: Record<string, (random: ReturnType<typeof createRandom>) => Vehicle[]> = {
  train: (random) => makeTrain(random.int(1, 6)),
  'hard-seat train': (random) => makeTrain(random.int(1, 4), { kind: 'train-hard-seat', seatCount: 118 }),
  coaches: (random) =>
    Array.from({ length: random.int(1, 5) }, () => makeVehicle({ kind: 'coach', seatCount: random.int(19, 60) })),
  mixed: (random) =>
    (['train-first-class', 'train-second-class', 'coach'] as VehicleKind[]).map((kind) =>
      makeVehicle({ kind, seatCount: kind === 'coach' ? 49 : random.int(40, 60) }),
    ),
};

describe('allocateSeats keeps the rules for any leg', () => {
  const cases = Object.keys(FLEETS).flatMap((fleet) =>
    [0.3, 0.5, 0.6, 0.75, 1].flatMap((loadFactor) => [1, 2, 3].map((seed) => ({ fleet, loadFactor, seed }))),
  );
  it.each(cases)('$fleet at $loadFactor, seed $seed', ({ fleet, loadFactor, seed }) => {
    const random = createRandom(`${fleet}-${loadFactor}-${seed}`);
    const vehicles = (FLEETS[fleet] ?? (() => []))(random);
    const capacity = vehicles.reduce((sum, vehicle) => sum + vehicleCapacity(vehicle, loadFactor), 0);
    // From half the places to a fifth more passengers than places.
    const count = random.int(Math.floor(capacity / 2), Math.ceil(capacity * 1.2));
    const passengers = makePassengerMix({ seed, count, mixedHouseholds: 0.2 });
    const result = allocate({ vehicles, passengers, loadFactor });
    expect(brokenRules(vehicles, passengers, loadFactor, result)).toEqual([]);
    // Places are not wasted: either everyone is seated or the leg is nearly full.
    if (result.unseated.length > 0) expect(result.seats.length).toBeGreaterThanOrEqual(capacity - 5);
    else expect(result.seats).toHaveLength(passengers.length);
    for (const entry of result.unseated) expect(entry.reason).toBe('no-capacity');
  });
});

describe('allocateSeats seats families, villages and enterprises together', () => {
  it('seats a household of 3 side by side in one block when there is room', () => {
    const [carriage] = makeTrain(1);
    if (carriage === undefined) throw new Error('no carriage');
    const family = makeHousehold(3);
    const passengers = [makePassenger(), ...family, makePassenger(), makePassenger()];
    const result = allocate({ vehicles: [carriage], passengers, loadFactor: 0.5 });
    const seats = family.map((member) => seatOf(result, member.workerId).seat);
    const layout = seatLayout(carriage.kind, carriage.seatCount);
    const placed = seats.map((code) => layout.seatByCode.get(code));
    expect(new Set(placed.map((seat) => `${seat?.row}/${seat?.block}`)).size).toBe(1);
    expect(placed.map((seat) => seat?.code.slice(-1)).sort()).toEqual(['A', 'B', 'C']);
    expect(result.notes).toEqual([]);
  });

  it('seats every household (2 to 5 people) in one row of one carriage when the leg has room to spare', () => {
    const vehicles = makeTrain(3);
    const passengers = makePassengerMix({ seed: 'families', count: 60 });
    const result = allocate({ vehicles, passengers, loadFactor: 0.5 });
    const byHousehold = new Map<string, SeatAssignment[]>();
    for (const p of passengers) {
      if (p.household === '') continue;
      byHousehold.set(p.household, [...(byHousehold.get(p.household) ?? []), seatOf(result, p.workerId)]);
    }
    for (const [, seats] of byHousehold) {
      const vehicle = vehicles.find((v) => v.id === seats[0]?.vehicleId);
      if (vehicle === undefined) throw new Error('unknown vehicle');
      expect(new Set(seats.map((s) => s.vehicleId)).size).toBe(1);
      expect(new Set(seats.map((s) => rowOf(vehicle, s.seat))).size).toBe(1);
    }
  });

  it('seats a household of 5 in one second-class row', () => {
    const vehicles = makeTrain(1);
    const family = makeHousehold(5);
    const result = allocate({ vehicles, passengers: [makePassenger(), ...family], loadFactor: 0.5 });
    const rows = family.map((member) => seatOf(result, member.workerId).seat.replace(/[A-F]$/, ''));
    expect(new Set(rows).size).toBe(1);
  });

  it('puts each enterprise in one carriage when one has room for it', () => {
    const vehicles = makeTrain(3);
    const passengers = [
      ...Array.from({ length: 30 }, () => makePassenger({ enterpriseId: 'shenzhen-electronics' })),
      ...Array.from({ length: 40 }, () => makePassenger({ enterpriseId: 'guangzhou-garments' })),
      ...Array.from({ length: 20 }, () => makePassenger({ enterpriseId: 'dongguan-furniture' })),
      ...makeHousehold(3, { enterpriseId: 'dongguan-furniture' }),
    ];
    const result = allocate({ vehicles, passengers, loadFactor: 0.5 });
    const enterpriseOf = new Map(passengers.map((p) => [p.workerId, p.enterpriseId]));
    const carriages = new Map<string | null | undefined, Set<string>>();
    for (const seat of result.seats) {
      const enterprise = enterpriseOf.get(seat.workerId);
      carriages.set(enterprise, (carriages.get(enterprise) ?? new Set()).add(seat.vehicleId));
    }
    for (const [, set] of carriages) expect(set.size).toBe(1);
    expect(result.notes).toEqual([]);
  });

  it('spreads an enterprise too large for one carriage over as few as it needs, and says so', () => {
    const vehicles = makeTrain(4);
    const passengers = Array.from({ length: 100 }, () => makePassenger({ enterpriseId: 'big' }));
    const result = allocate({ vehicles, passengers, loadFactor: 0.5 });
    expect(new Set(result.seats.map((s) => s.vehicleId))).toEqual(new Set(vehicles.slice(0, 3).map((v) => v.id)));
    expect(result.notes).toEqual([
      { code: 'enterprise-split', params: { enterpriseId: 'big', passengers: 100, vehicles: 3, minimum: 3 } },
    ]);
  });

  it('seats a village together: one village’s passengers in consecutive rows', () => {
    const vehicles = makeTrain(1);
    const passengers = [
      ...Array.from({ length: 6 }, () => makePassenger({ villageKey: 'b-village' })),
      ...Array.from({ length: 6 }, () => makePassenger({ villageKey: 'a-village' })),
    ];
    const result = allocate({ vehicles, passengers, loadFactor: 0.5 });
    const [carriage] = vehicles;
    if (carriage === undefined) throw new Error('no carriage');
    const rowsOf = (village: string): number[] =>
      passengers.filter((p) => p.villageKey === village).map((p) => rowOf(carriage, seatOf(result, p.workerId).seat));
    expect(Math.max(...rowsOf('a-village'))).toBeLessThan(Math.min(...rowsOf('b-village')) + 1);
  });

  it('tells when a household has to sit over two rows', () => {
    const coach = makeVehicle({ kind: 'coach', seatCount: 45 });
    const family = makeHousehold(6);
    const result = allocate({ vehicles: [coach], passengers: family, loadFactor: 0.5 });
    expect(result.seats).toHaveLength(6);
    expect(result.notes).toEqual([
      { code: 'household-split-rows', params: { household: family[0]?.household, vehicle: coach.label, rows: 2 } },
    ]);
  });

  it('splits a household over vehicles only when no vehicle has room for it whole', () => {
    const vehicles = makeTrain(2);
    const family = makeHousehold(4);
    const others = Array.from({ length: 43 }, () => makePassenger({ enterpriseId: 'e0' }));
    const more = Array.from({ length: 43 }, () => makePassenger({ enterpriseId: 'e2' }));
    const result = allocate({ vehicles, passengers: [...others, ...more, ...family], loadFactor: 0.5 });
    expect(result.unseated).toEqual([]);
    expect(result.notes).toContainEqual({
      code: 'household-split-vehicles',
      params: { household: family[0]?.household, vehicles: 2 },
    });
  });
});

describe('allocateSeats is deterministic', () => {
  const vehicles = [...makeTrain(3), makeVehicle({ kind: 'coach', seatCount: 53 })];
  const passengers = makePassengerMix({ seed: 'determinism', count: 150, mixedHouseholds: 0.3 });

  it('gives the same seats for the same input', () => {
    const first = allocate({ vehicles, passengers, loadFactor: 0.5 });
    expect(allocate({ vehicles, passengers, loadFactor: 0.5 })).toEqual(first);
  });

  it('gives the same seats whatever order the passengers come in', () => {
    const first = allocate({ vehicles, passengers, loadFactor: 0.5 });
    const shuffled = createRandom('shuffle').shuffle([...passengers]);
    expect(allocate({ vehicles, passengers: shuffled, loadFactor: 0.5 })).toEqual(first);
  });
});

describe('allocateSeats past capacity and with odd input', () => {
  it('leaves the surplus unseated with no-capacity, families whole, and says how many places there are', () => {
    const vehicles = makeTrain(1);
    const big = Array.from({ length: 43 }, () => makePassenger({ enterpriseId: 'big' }));
    const family = makeHousehold(3, { enterpriseId: 'small' });
    const loner = makePassenger({ enterpriseId: 'small' });
    const result = allocate({ vehicles, passengers: [...big, ...family, loner, makePassenger()], loadFactor: 0.5 });
    expect(result.seats).toHaveLength(45);
    const unseated = result.unseated.map((entry) => entry.workerId);
    // 45 places: 43 + 1 + 1 fit, and the family of 3 does not, so it stays off whole.
    expect(unseated.sort()).toEqual(family.map((member) => member.workerId).sort());
    expect(result.unseated.every((entry) => entry.reason === 'no-capacity')).toBe(true);
    expect(result.notes[0]).toEqual({ code: 'no-capacity', params: { passengers: 48, capacity: 45 } });
  });

  it('keeps kept seats and seats a kept passenger’s family beside them', () => {
    const vehicles = makeTrain(2);
    const family = makeHousehold(2);
    const [first, second] = family;
    const [, carriage] = vehicles;
    if (first === undefined || second === undefined || carriage === undefined) throw new Error('fixture');
    const keep = [{ workerId: first.workerId, vehicleId: carriage.id, seat: '9A' }];
    const result = allocate({ vehicles, passengers: [makePassenger(), ...family], loadFactor: 0.5, keep });
    expect(seatOf(result, first.workerId)).toEqual(keep[0]);
    expect(seatOf(result, second.workerId)).toEqual({ workerId: second.workerId, vehicleId: carriage.id, seat: '9B' });
    expect(result.notes).toEqual([]);
  });

  it('drops a kept seat that breaks a rule, with a note, and seats the passenger again', () => {
    const vehicles = makeTrain(1);
    const [carriage] = vehicles;
    if (carriage === undefined) throw new Error('fixture');
    const [a, b, c, d] = [makePassenger(), makePassenger(), makePassenger(), makePassenger()];
    const keep: SeatAssignment[] = [
      { workerId: a.workerId, vehicleId: carriage.id, seat: '1D' },
      { workerId: b.workerId, vehicleId: carriage.id, seat: '5B' },
      { workerId: c.workerId, vehicleId: 'no-such-car', seat: '5A' },
      { workerId: d.workerId, vehicleId: carriage.id, seat: '99Z' },
    ];
    const passengers = [a, b, c, d];
    const result = allocate({ vehicles, passengers, loadFactor: 0.5, keep });
    expect(result.notes).toEqual(
      expect.arrayContaining([
        { code: 'kept-seat-dropped', params: { workerId: a.workerId, reason: 'seat-reserved' } },
        { code: 'kept-seat-dropped', params: { workerId: b.workerId, reason: 'seat-not-open' } },
        { code: 'kept-seat-dropped', params: { workerId: c.workerId, reason: 'vehicle-unknown' } },
        { code: 'kept-seat-dropped', params: { workerId: d.workerId, reason: 'seat-unknown' } },
      ]),
    );
    expect(result.seats).toHaveLength(4);
    expect(brokenRules(vehicles, passengers, 0.5, result)).toEqual([]);
  });

  it('tells when a kept passenger’s family finds no place left', () => {
    const vehicles = makeTrain(1);
    const [carriage] = vehicles;
    if (carriage === undefined) throw new Error('fixture');
    const [parent, child] = makeHousehold(2) as [SeatingPassenger, SeatingPassenger];
    const others = Array.from({ length: 44 }, () => makePassenger());
    const first = allocate({ vehicles, passengers: [parent, ...others], loadFactor: 0.5 });
    expect(first.seats).toHaveLength(45);
    const result = allocate({ vehicles, passengers: [parent, child, ...others], loadFactor: 0.5, keep: first.seats });
    expect(result.seats).toEqual(first.seats);
    expect(result.unseated).toEqual([{ workerId: child.workerId, reason: 'no-capacity' }]);
    expect(result.notes).toContainEqual({
      code: 'household-partly-unseated',
      params: { household: parent.household, unseated: 1 },
    });
  });

  it('does not use a vehicle with a seat count out of range, and seats a passenger listed twice once', () => {
    const broken = makeVehicle({ kind: 'coach', seatCount: 80, reserved: [] });
    const good = makeVehicle({ kind: 'coach', seatCount: 45 });
    const passenger = makePassenger();
    const result = allocate({ vehicles: [broken, good], passengers: [passenger, passenger], loadFactor: 0.5 });
    expect(result.seats).toEqual([{ workerId: passenger.workerId, vehicleId: good.id, seat: '1' }]);
    expect(result.notes).toEqual([
      { code: 'vehicle-skipped', params: { vehicleId: broken.id, vehicle: broken.label, reason: 'seat-count-range' } },
      { code: 'passenger-duplicate', params: { workerId: passenger.workerId } },
    ]);
    const twice = allocate({ vehicles: [good, good], passengers: [passenger], loadFactor: 0.5 });
    expect(twice.notes).toEqual([
      { code: 'vehicle-skipped', params: { vehicleId: good.id, vehicle: good.label, reason: 'vehicle-duplicate' } },
    ]);
  });

  it('says when the load factor is too high to keep strangers apart', () => {
    const vehicles = makeTrain(1);
    const result = allocate({ vehicles, passengers: [makePassenger()], loadFactor: 0.75 });
    expect(result.notes).toEqual([
      { code: 'spacing-not-possible', params: { kind: 'train-second-class', loadFactor: 0.75, density: 0.6 } },
    ]);
  });

  it('seats no one on a leg without vehicles', () => {
    const passenger = makePassenger();
    const result = allocate({ vehicles: [], passengers: [passenger], loadFactor: 0.5 });
    expect(result.unseated).toEqual([{ workerId: passenger.workerId, reason: 'no-capacity' }]);
    expect(result.notes).toEqual([{ code: 'no-capacity', params: { passengers: 1, capacity: 0 } }]);
  });
});

describe('SEATING_NOTE_CODES', () => {
  // Runs after the tests above (a file's tests run in order): each listed code is one a user can meet.
  it('lists exactly the notes the allocations above gave', () => {
    expect([...produced].sort()).toEqual([...SEATING_NOTE_CODES].sort());
  });
});
