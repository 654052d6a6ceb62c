import { describe, expect, it } from 'vitest';

import type { Vehicle } from '@shared/domain/records';
import type { SeatAssignment, SeatingPassenger } from '@shared/seating/allocate';
import { allocateSeats } from '@shared/seating/allocate';
import { vehicleSeatPlan } from '@shared/seating/load-factor';
import { SEAT_CHANGE_PROBLEM_CODES, checkSeatChange } from '@shared/seating/seat-change';
import type { SeatChange, SeatChangeProblem } from '@shared/seating/seat-change';
import { makeHousehold, makePassenger, makeTrain } from '../../fixtures/vehicles';

const produced = new Set<string>();

/** A carriage 05 and 06 at 0.5, with their default reserved seats (1D escort, 17D medic, row 18). */
const vehicles = makeTrain(2);
const [car5, car6] = vehicles.map((vehicle, index) => ({ ...vehicle, label: `0${index + 5}` })) as [Vehicle, Vehicle];
const alone = makePassenger();
const other = makePassenger();
const [mother, son] = makeHousehold(2) as [SeatingPassenger, SeatingPassenger];
const unseated = makePassenger();
const passengers = [alone, other, mother, son, unseated];
const seats: SeatAssignment[] = [
  { workerId: alone.workerId, vehicleId: car5.id, seat: '2A' },
  { workerId: other.workerId, vehicleId: car5.id, seat: '2C' },
  { workerId: mother.workerId, vehicleId: car5.id, seat: '3A' },
  { workerId: son.workerId, vehicleId: car5.id, seat: '3B' },
];

function check(change: SeatChange, seating: readonly SeatAssignment[] = seats): SeatChangeProblem[] {
  const problems = checkSeatChange({ vehicles: [car5, car6], loadFactor: 0.5, passengers, seats: seating, change });
  for (const problem of problems) produced.add(problem.code);
  return problems;
}

const move = (workerId: string, vehicleId: string, seat: string): SeatChange => ({
  kind: 'move',
  workerId,
  to: { vehicleId, seat },
});

describe('checkSeatChange accepts changes that keep the rules', () => {
  it('moves a passenger to a free seat in the same carriage or another one', () => {
    expect(check(move(alone.workerId, car5.id, '4A'))).toEqual([]);
    expect(check(move(alone.workerId, car6.id, '9D'))).toEqual([]);
  });

  it('seats an unseated passenger in a free seat', () => {
    expect(check(move(unseated.workerId, car5.id, '5C'))).toEqual([]);
  });

  it('swaps two strangers', () => {
    expect(check({ kind: 'swap', workerIds: [alone.workerId, other.workerId] })).toEqual([]);
  });

  it('lets a family member take the middle seat beside family', () => {
    const apart: SeatAssignment[] = [
      { workerId: mother.workerId, vehicleId: car5.id, seat: '6A' },
      { workerId: son.workerId, vehicleId: car5.id, seat: '9A' },
    ];
    expect(check(move(son.workerId, car5.id, '6B'), apart)).toEqual([]);
  });

  it('does not blame the change for a rule broken elsewhere before it', () => {
    const crowded: SeatAssignment[] = [
      ...seats,
      { workerId: unseated.workerId, vehicleId: car5.id, seat: '10B' },
      { workerId: other.workerId, vehicleId: car5.id, seat: '10A' },
    ].filter((seat, index, all) => all.findIndex((s) => s.workerId === seat.workerId) === index);
    expect(check(move(alone.workerId, car5.id, '4A'), crowded)).toEqual([]);
  });
});

describe('checkSeatChange refuses changes that break a rule', () => {
  it('refuses a seat the vehicle does not have, a reserved one, a taken one and the same one', () => {
    expect(check(move(alone.workerId, car5.id, '12E'))).toEqual([
      { code: 'seat-unknown', params: { vehicle: '05', seat: '12E' } },
    ]);
    expect(check(move(alone.workerId, car5.id, '18A'))).toEqual([
      { code: 'seat-reserved', params: { vehicle: '05', seat: '18A', role: 'isolation' } },
    ]);
    expect(check(move(alone.workerId, car5.id, '2C'))).toEqual([
      { code: 'seat-taken', params: { vehicle: '05', seat: '2C', workerId: other.workerId } },
    ]);
    expect(check(move(alone.workerId, car5.id, '2A'))).toEqual([
      { code: 'seat-unchanged', params: { vehicle: '05', seat: '2A' } },
    ]);
  });

  it('refuses a passenger or a vehicle it does not know', () => {
    expect(check(move('nobody', car5.id, '4A'))).toEqual([
      { code: 'passenger-unknown', params: { workerId: 'nobody' } },
    ]);
    expect(check(move(alone.workerId, 'no-such-car', '4A'))).toEqual([
      { code: 'vehicle-unknown', params: { vehicleId: 'no-such-car' } },
    ]);
  });

  it('refuses to swap with someone without a seat, or with oneself', () => {
    expect(check({ kind: 'swap', workerIds: [alone.workerId, unseated.workerId] })).toEqual([
      { code: 'passenger-not-seated', params: { workerId: unseated.workerId } },
    ]);
    expect(check({ kind: 'swap', workerIds: [alone.workerId, alone.workerId] })).toEqual([
      { code: 'same-passenger', params: { workerId: alone.workerId } },
    ]);
  });

  it('refuses a seat the load factor keeps free', () => {
    expect(check(move(alone.workerId, car5.id, '5B'))).toEqual([
      { code: 'seat-not-open', params: { vehicle: '05', seat: '5B', workerId: alone.workerId } },
    ]);
  });

  it('refuses to seat a stranger beside a family', () => {
    expect(check(move(alone.workerId, car5.id, '3C'))).toEqual([
      {
        code: 'strangers-side-by-side',
        params: { vehicle: '05', seat: '3C', workerId: alone.workerId, otherSeat: '3B', otherWorkerId: son.workerId },
      },
    ]);
  });

  it('tells apart two households written with the same householder’s name in two villages', () => {
    const [ours] = makeHousehold(1, { household: '黄文光', villageKey: '那洪村' });
    const [theirs] = makeHousehold(1, { household: '黄文光', villageKey: '那坡村' });
    if (ours === undefined || theirs === undefined) throw new Error('fixture');
    const problems = checkSeatChange({
      vehicles: [car5],
      loadFactor: 0.5,
      passengers: [ours, theirs],
      seats: [{ workerId: theirs.workerId, vehicleId: car5.id, seat: '7A' }],
      change: move(ours.workerId, car5.id, '7B'),
    });
    expect(problems.map((problem) => problem.code)).toEqual(['seat-not-open', 'strangers-side-by-side']);
  });

  it('refuses a seat beside the escort', () => {
    expect(check(move(alone.workerId, car5.id, '1F'))).toEqual([
      { code: 'seat-not-open', params: { vehicle: '05', seat: '1F', workerId: alone.workerId } },
      {
        code: 'next-to-reserved',
        params: { vehicle: '05', seat: '1F', workerId: alone.workerId, otherSeat: '1D', role: 'escort' },
      },
    ]);
  });

  it('refuses to move a parent away and leave a child alone in a middle seat', () => {
    expect(check(move(mother.workerId, car5.id, '5A'))).toEqual([
      { code: 'seat-not-open', params: { vehicle: '05', seat: '3B', workerId: son.workerId } },
    ]);
  });

  it('refuses a swap that puts a stranger in a family’s middle seat', () => {
    const problems = check({ kind: 'swap', workerIds: [alone.workerId, son.workerId] });
    expect(problems.map((problem) => [problem.code, problem.params.workerId])).toEqual([
      ['seat-not-open', alone.workerId],
      ['strangers-side-by-side', alone.workerId],
    ]);
  });

  it('refuses a passenger more in a full carriage', () => {
    const crowd = Array.from({ length: 45 }, () => makePassenger());
    const { seats: full } = allocateSeats({ vehicles: [car6], passengers: crowd, loadFactor: 0.5 });
    expect(full).toHaveLength(45);
    const taken = new Set(full.map((seat) => seat.seat));
    const free = [...vehicleSeatPlan(car6, 0.5).sellable].find((seat) => !taken.has(seat));
    if (free === undefined) throw new Error('the pattern has 49 seats for 45 passengers');
    const problems = checkSeatChange({
      vehicles: [car5, car6],
      loadFactor: 0.5,
      passengers: [...passengers, ...crowd],
      seats: [...seats, ...full],
      change: move(alone.workerId, car6.id, free),
    });
    for (const problem of problems) produced.add(problem.code);
    expect(problems).toEqual([{ code: 'vehicle-full', params: { vehicle: '06', capacity: 45 } }]);
  });
});

describe('SEAT_CHANGE_PROBLEM_CODES', () => {
  // Runs after the tests above (a file's tests run in order): each listed code is one a user can meet.
  it('lists exactly the codes the checks above met', () => {
    expect([...produced].sort()).toEqual([...SEAT_CHANGE_PROBLEM_CODES].sort());
  });
});
