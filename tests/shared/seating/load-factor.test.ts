import { describe, expect, it } from 'vitest';

import type { ReservedSeat, VehicleKind } from '@shared/domain/records';
import { seatLayout } from '@shared/seating/layout';
import type { LayoutSeat, SeatLayout } from '@shared/seating/layout';
import {
  batchLoadFactor,
  capacityBreakdown,
  loadFactorCap,
  sellableSeats,
  spacingDensity,
  vehicleCapacity,
  vehicleSeatPlan,
} from '@shared/seating/load-factor';
import { defaultReservedSeats } from '@shared/seating/vehicle';
import { makeVehicle } from '../../fixtures/vehicles';

/** Seats side by side: same row, next cells, no aisle between (read off the grid, not the blocks). */
function besideEachOther(layout: SeatLayout, a: LayoutSeat, b: LayoutSeat): boolean {
  if (a.row !== b.row || Math.abs(a.column - b.column) !== 1) return false;
  const cells = layout.rows[a.row]?.cells ?? [];
  return cells[a.column]?.kind === 'seat' && cells[b.column]?.kind === 'seat';
}

const KINDS: [VehicleKind, number][] = [
  ['train-second-class', 90],
  ['train-first-class', 56],
  ['train-hard-seat', 118],
  ['coach', 45],
  ['coach', 52],
];

describe('the load-factor pattern keeps strangers apart', () => {
  it.each(KINDS)('%s of %d seats at 0.5: no middle seat, none side by side, none beside a reserved seat', (kind, n) => {
    const layout = seatLayout(kind, n);
    const reserved = defaultReservedSeats(kind, n);
    const reservedCodes = new Set(reserved.map((seat) => seat.seat));
    const sellable = sellableSeats(layout, reserved, 0.5).map((code) => layout.seatByCode.get(code));
    for (const seat of sellable) {
      if (seat === undefined) throw new Error('a sellable seat the layout lacks');
      expect(seat.position).not.toBe('middle');
      expect(reservedCodes.has(seat.code)).toBe(false);
      for (const other of layout.seats) {
        if (!besideEachOther(layout, seat, other)) continue;
        expect(sellable).not.toContain(other);
        expect(reservedCodes.has(other.code)).toBe(false);
      }
    }
  });

  it('sells A, C and one of D or F in each second-class row, alternating, so 3 of 5 seats', () => {
    const layout = seatLayout('train-second-class', 90);
    const sellable = sellableSeats(layout, [], 0.5);
    expect(sellable.filter((code) => code.startsWith('2') && code.length === 2)).toEqual(['2A', '2C', '2F']);
    expect(sellable.filter((code) => code.startsWith('3') && code.length === 2)).toEqual(['3A', '3C', '3D']);
    expect(spacingDensity(layout)).toBeCloseTo(0.6);
  });

  it('makes a checkerboard on a coach: no one straight behind anyone', () => {
    const layout = seatLayout('coach', 44);
    const sellable = new Set(sellableSeats(layout, [], 0.5));
    for (const seat of layout.seats) {
      const behind = layout.rows[seat.row + 1]?.cells[seat.column];
      if (sellable.has(seat.code) && behind?.kind === 'seat') expect(sellable.has(behind.code)).toBe(false);
    }
    expect(spacingDensity(layout)).toBe(0.5);
  });
});

describe('the sum behind a capacity', () => {
  it('shows a 45-seat coach at 50%: the kept seats, the cap, and what spacing leaves', () => {
    const coach = makeVehicle({ kind: 'coach', seatCount: 45 });
    const sum = capacityBreakdown(coach, 0.5);
    expect(sum).toMatchObject({ seats: 45, reserved: coach.reserved.length, loadFactor: 0.5, cap: 22, capacity: 18 });
    expect(sum.capacity).toBe(vehicleCapacity(coach, 0.5));
    expect(sum.spacedOrFree).toBe(18);
  });

  it('is the cap when the pattern has seats enough', () => {
    const carriage = makeVehicle({ kind: 'train-second-class', seatCount: 90 });
    const sum = capacityBreakdown(carriage, 0.5);
    expect(sum.capacity).toBe(sum.cap);
    expect(sum.spacedOrFree).toBeGreaterThanOrEqual(sum.cap);
  });
});

describe('vehicleCapacity', () => {
  it('takes floor(seats × load factor) in a 90-seat second-class carriage with its reserved seats', () => {
    const carriage = makeVehicle({ kind: 'train-second-class', seatCount: 90 });
    expect(vehicleCapacity(carriage, 0.5)).toBe(45);
    expect(vehicleCapacity(carriage, 0.3)).toBe(27);
  });

  it('takes fewer than the cap where the pattern has fewer seats: a 45-seat coach at 0.5 takes 18, not 22', () => {
    // 10 rows of 2 + 2 give 20 spaced seats; the escort and the medic each take one block's.
    expect(vehicleCapacity(makeVehicle({ kind: 'coach', seatCount: 45 }), 0.5)).toBe(18);
    expect(vehicleCapacity(makeVehicle({ kind: 'coach', seatCount: 45, reserved: [] }), 0.5)).toBe(22);
  });

  it('sells every free seat at 1.0, and seats beyond the pattern up to the cap at 0.75', () => {
    const carriage = makeVehicle({ kind: 'train-second-class', seatCount: 90 });
    expect(vehicleCapacity(carriage, 1)).toBe(90 - carriage.reserved.length);
    const plan = vehicleSeatPlan(carriage, 0.75);
    expect(plan.spaced).toBe(false);
    expect(plan.capacity).toBe(67);
    expect(plan.sellable.size).toBe(67);
    // Middle seats are sold last.
    const middles = [...plan.sellable].filter((code) => code.endsWith('B'));
    expect(middles.length).toBeLessThan(67 - 49);
  });

  it('never takes more than floor(seats × load factor), whatever the load factor', () => {
    for (const [kind, n] of KINDS) {
      for (let tenth = 1; tenth <= 100; tenth += 1) {
        const loadFactor = tenth / 100;
        const vehicle = makeVehicle({ kind, seatCount: n });
        expect(vehicleCapacity(vehicle, loadFactor)).toBeLessThanOrEqual(Math.floor(n * loadFactor + 1e-9));
      }
    }
  });

  it('counts 100 seats at 0.29 as 29, not 28 (a float product just under an integer)', () => {
    expect(100 * 0.29).toBeLessThan(29);
    expect(loadFactorCap(100, 0.29)).toBe(29);
  });

  it('refuses a load factor outside (0, 1]', () => {
    const carriage = makeVehicle();
    expect(() => vehicleCapacity(carriage, 0)).toThrow(RangeError);
    expect(() => vehicleCapacity(carriage, 1.5)).toThrow(RangeError);
    expect(() => vehicleCapacity(carriage, Number.NaN)).toThrow(RangeError);
  });

  it('ignores reserved seats the vehicle does not have', () => {
    const reserved: ReservedSeat[] = [{ seat: '99Z', role: 'medic' }];
    const layout = seatLayout('train-first-class', 40);
    expect(sellableSeats(layout, reserved, 0.5)).toEqual(sellableSeats(layout, [], 0.5));
  });
});

describe('the load factor a batch runs at', () => {
  it("is the batch's own when it has one, else the Settings value (old batches have none)", () => {
    expect(batchLoadFactor({ loadFactor: 0.6 }, 0.5)).toEqual({ loadFactor: 0.6, source: 'batch' });
    expect(batchLoadFactor({ loadFactor: null }, 0.5)).toEqual({ loadFactor: 0.5, source: 'settings' });
    expect(batchLoadFactor({}, 0.5)).toEqual({ loadFactor: 0.5, source: 'settings' });
  });

  it("changes what a 49-seat coach with 7 kept seats takes: 20 at the office's 50 %, 29 at the batch's 60 %", () => {
    const coach = makeVehicle({
      kind: 'coach',
      seatCount: 49,
      reserved: ['1', '2', '45', '46', '47', '48', '49'].map((seat) => ({ seat, role: 'isolation' as const })),
    });
    const atSettings = capacityBreakdown(coach, batchLoadFactor({}, 0.5).loadFactor);
    const atBatch = capacityBreakdown(coach, batchLoadFactor({ loadFactor: 0.6 }, 0.5).loadFactor);
    expect(atSettings).toMatchObject({ seats: 49, reserved: 7, cap: 24 });
    expect(atBatch).toMatchObject({ seats: 49, reserved: 7, loadFactor: 0.6, cap: 29 });
    expect(atBatch.capacity).toBeGreaterThan(atSettings.capacity);
  });
});
