import { describe, expect, it } from 'vitest';
import type { Worker } from '@shared/domain/records';
import { vehicleSeatPlan } from '@shared/seating';
import type { Passenger } from '@renderer/db';
import { legSeatingOf, seatingLookupsOf } from '@renderer/features/batches/seating/leg-seating';
import { makeEnterprise, makeWorker } from '../../fixtures/factories';
import { makeVehicle } from '../../fixtures/vehicles';

const AT = '2026-02-10T09:00:00+08:00';
const car = makeVehicle({ id: 'car-5', label: '05' });
const plans = [vehicleSeatPlan(car, 1)];

function passenger(worker: Partial<Worker>, seats: Passenger['assignment']['seats']): Passenger {
  const made = makeWorker(worker);
  return {
    worker: made,
    enterprise: null,
    assignment: {
      id: `a-${made.id}`,
      createdAt: AT,
      updatedAt: AT,
      batchId: 'b1',
      workerId: made.id,
      seats,
      boarding: 'pending',
    },
  };
}

describe('who sits where on a leg', () => {
  it('seats a passenger on the seat of the leg, and no one twice on a seat', () => {
    const first = passenger({ id: 'w1', name: '黄文光' }, [{ legId: 'train', vehicleId: 'car-5', seat: '2A' }]);
    const second = passenger({ id: 'w2', name: '韦小红' }, [{ legId: 'train', vehicleId: 'car-5', seat: '2A' }]);
    const seating = legSeatingOf([first, second], plans, 'train');
    expect(seating.places.get('w1')).toEqual({ vehicleId: 'car-5', seat: '2A' });
    expect(seating.occupants.get('car-5')?.get('2A')).toEqual({ workerId: 'w1', name: '黄文光' });
    expect(seating.unseated.map((one) => one.worker.id)).toEqual(['w2']);
  });

  it('counts a seat on another leg, a vehicle no longer on the leg or a seat the layout lacks as no seat', () => {
    const passengers = [
      passenger({ id: 'w1' }, [{ legId: 'bus', vehicleId: 'car-5', seat: '2A' }]),
      passenger({ id: 'w2' }, [{ legId: 'train', vehicleId: 'car-9', seat: '2A' }]),
      passenger({ id: 'w3' }, [{ legId: 'train', vehicleId: 'car-5', seat: '40A' }]),
    ];
    const seating = legSeatingOf(passengers, plans, 'train');
    expect(seating.places.size).toBe(0);
    expect(seating.unseated.map((one) => one.worker.id)).toEqual(['w1', 'w2', 'w3']);
  });

  it('names passengers, households and enterprises for the seating texts', () => {
    const enterprise = makeEnterprise({ id: 'e1', name: '广州宏达电子' });
    const passengers = [
      { ...passenger({ id: 'w1', name: '黄文光', household: 'H1' }, []), enterprise },
      passenger({ id: 'w2', name: '黄小燕', household: 'H1' }, []),
      passenger({ id: 'w3', name: '农秀英', household: ' ' }, []),
    ];
    const lookups = seatingLookupsOf(passengers, 'zh-CN', [car]);
    expect(lookups.nameOf('w2')).toBe('黄小燕');
    expect(lookups.nameOf('nobody')).toBe('');
    expect(lookups.householdNames('H1')).toEqual(['黄文光', '黄小燕']);
    expect(lookups.householdNames(' ')).toEqual([]);
    expect(lookups.enterpriseNameOf('e1')).toBe('广州宏达电子');
    expect(lookups.vehicles).toEqual([car]);
  });
});
