import { describe, expect, it } from 'vitest';

import type { VehicleKind } from '@shared/domain/records';
import { seatLayout } from '@shared/seating/layout';
import {
  TYPICAL_SEAT_COUNTS,
  VEHICLE_LABEL_MAX_LENGTH,
  VEHICLE_PROBLEM_CODES,
  VEHICLE_SEAT_LIMITS,
  checkVehicle,
  defaultReservedSeats,
  isSeatCountAllowed,
} from '@shared/seating/vehicle';
import type { VehicleProblem } from '@shared/seating/vehicle';
import { makeVehicle } from '../../fixtures/vehicles';

function codes(problems: readonly VehicleProblem[]): string[] {
  return problems.map((problem) => `${problem.field}:${problem.code}`);
}

describe('checkVehicle', () => {
  it('accepts a carriage and a coach with their default reserved seats', () => {
    expect(checkVehicle(makeVehicle())).toEqual([]);
    expect(checkVehicle(makeVehicle({ kind: 'coach', seatCount: 53, label: '粤A·12345' }))).toEqual([]);
  });

  it('asks for a label, one that is not too long and not another vehicle’s', () => {
    expect(codes(checkVehicle(makeVehicle({ label: '  ' })))).toEqual(['label:required']);
    expect(checkVehicle(makeVehicle({ label: '车'.repeat(VEHICLE_LABEL_MAX_LENGTH + 1) }))).toEqual([
      { field: 'label', code: 'label-too-long', params: { max: VEHICLE_LABEL_MAX_LENGTH } },
    ]);
    const other = makeVehicle({ label: '05' });
    expect(checkVehicle(makeVehicle({ label: '5' }), [other])).toEqual([
      { field: 'label', code: 'label-duplicate', params: { label: '05' } },
    ]);
    // The vehicle itself, among the leg's vehicles, is no duplicate.
    expect(checkVehicle(other, [other])).toEqual([]);
  });

  it.each<[VehicleKind, number, number, number]>([
    ['coach', 18, 19, 60],
    ['coach', 61, 19, 60],
    ['train-hard-seat', 119, 1, 118],
    ['train-second-class', 101, 1, 100],
    ['train-first-class', 0, 1, 60],
    ['train-second-class', 89.5, 1, 100],
  ])('refuses a %s of %d seats (%d to %d)', (kind, seatCount, min, max) => {
    expect(checkVehicle(makeVehicle({ kind, seatCount, reserved: [] }))).toEqual([
      { field: 'seatCount', code: 'seat-count-range', params: { min, max } },
    ]);
  });

  it('refuses reserved seats the vehicle does not have, or lists twice', () => {
    const vehicle = makeVehicle({
      reserved: [
        { seat: '1D', role: 'escort' },
        { seat: '12E', role: 'medic' },
        { seat: '1D', role: 'isolation' },
      ],
    });
    expect(checkVehicle(vehicle)).toEqual([
      { field: 'reserved', code: 'reserved-seat-unknown', params: { seat: '12E' } },
      { field: 'reserved', code: 'reserved-seat-duplicate', params: { seat: '1D' } },
    ]);
  });

  it('refuses a vehicle with every seat reserved', () => {
    const seats = seatLayout('coach', 19).seats;
    const vehicle = makeVehicle({
      kind: 'coach',
      seatCount: 19,
      reserved: seats.map((seat) => ({ seat: seat.code, role: 'isolation' as const })),
    });
    expect(codes(checkVehicle(vehicle))).toEqual(['reserved:reserved-every-seat']);
  });

  it('reports every code it lists for translation, and no other', () => {
    const other = makeVehicle({ label: '05' });
    const everySeat = seatLayout('coach', 19).seats.map((seat) => ({ seat: seat.code, role: 'isolation' as const }));
    const reported = [
      checkVehicle(makeVehicle({ label: '', reserved: [{ seat: 'X', role: 'escort' }] })),
      checkVehicle(makeVehicle({ label: '车'.repeat(VEHICLE_LABEL_MAX_LENGTH + 1) })),
      checkVehicle(makeVehicle({ label: '5' }), [other]),
      checkVehicle(makeVehicle({ kind: 'coach', seatCount: 61, reserved: [] })),
      checkVehicle(
        makeVehicle({
          reserved: [
            { seat: '1D', role: 'escort' },
            { seat: '1D', role: 'medic' },
          ],
        }),
      ),
      checkVehicle(makeVehicle({ kind: 'coach', seatCount: 19, reserved: everySeat })),
    ].flatMap((problems) => problems.map((problem) => problem.code));
    expect(reported).toEqual([
      'required',
      'reserved-seat-unknown',
      'label-too-long',
      'label-duplicate',
      'seat-count-range',
      'reserved-seat-duplicate',
      'reserved-every-seat',
    ]);
    expect([...new Set(reported)].sort()).toEqual([...VEHICLE_PROBLEM_CODES].sort());
  });
});

describe('seat counts', () => {
  it.each(Object.entries(TYPICAL_SEAT_COUNTS) as [VehicleKind, number][])(
    'starts a %s at %d seats, a count its limits allow and whose default reserved seats are accepted',
    (kind, seatCount) => {
      expect(isSeatCountAllowed(kind, seatCount)).toBe(true);
      expect(checkVehicle(makeVehicle({ kind, seatCount }))).toEqual([]);
    },
  );

  it('gives the hard-seat carriage its full 118 seats, and no more', () => {
    expect(TYPICAL_SEAT_COUNTS['train-hard-seat']).toBe(118);
    expect(VEHICLE_SEAT_LIMITS['train-hard-seat'].max).toBe(118);
    expect(isSeatCountAllowed('train-hard-seat', 119)).toBe(false);
  });

  it.each<[VehicleKind, number, boolean]>([
    ['coach', 19, true],
    ['coach', 60, true],
    ['coach', 18, false],
    ['coach', 61, false],
    ['train-second-class', 100, true],
    ['train-second-class', 101, false],
    ['train-first-class', 60, true],
    ['train-first-class', 61, false],
    ['train-hard-seat', 1, true],
    ['train-hard-seat', 0, false],
    ['train-second-class', 89.5, false],
    ['coach', NaN, false],
  ])('a %s of %d seats is allowed: %s', (kind, seatCount, allowed) => {
    expect(isSeatCountAllowed(kind, seatCount)).toBe(allowed);
  });
});

describe('defaultReservedSeats', () => {
  it('second class: escort at the front by the aisle, medic before the isolation row, last row free', () => {
    expect(defaultReservedSeats('train-second-class', 90)).toEqual([
      { seat: '1D', role: 'escort' },
      { seat: '17D', role: 'medic' },
      { seat: '18A', role: 'isolation' },
      { seat: '18B', role: 'isolation' },
      { seat: '18C', role: 'isolation' },
      { seat: '18D', role: 'isolation' },
      { seat: '18F', role: 'isolation' },
    ]);
  });

  it('hard seat: the short last row is the isolation row', () => {
    expect(defaultReservedSeats('train-hard-seat', 118)).toEqual([
      { seat: '4', role: 'escort' },
      { seat: '114', role: 'medic' },
      { seat: '116', role: 'isolation' },
      { seat: '117', role: 'isolation' },
      { seat: '118', role: 'isolation' },
    ]);
  });

  it('coach: escort by the door, the back bench kept free', () => {
    const reserved = defaultReservedSeats('coach', 45);
    expect(reserved.slice(0, 2)).toEqual([
      { seat: '3', role: 'escort' },
      { seat: '39', role: 'medic' },
    ]);
    expect(reserved.filter((seat) => seat.role === 'isolation').map((seat) => seat.seat)).toEqual([
      '41',
      '42',
      '43',
      '44',
      '45',
    ]);
  });

  it('keeps only the escort seat in a vehicle of fewer than three rows', () => {
    expect(defaultReservedSeats('train-first-class', 8)).toEqual([{ seat: '1D', role: 'escort' }]);
    expect(defaultReservedSeats('train-second-class', 0)).toEqual([]);
  });

  it.each<[VehicleKind, number]>([
    ['train-second-class', 90],
    ['train-second-class', 63],
    ['train-first-class', 28],
    ['train-hard-seat', 118],
    ['coach', 19],
    ['coach', 60],
  ])('gives a %s of %d seats reserved seats that checkVehicle accepts', (kind, seatCount) => {
    expect(checkVehicle(makeVehicle({ kind, seatCount }))).toEqual([]);
  });
});
