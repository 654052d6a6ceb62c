/**
 * Who sits where on one leg, read from the passengers' assignments: the seat map's occupants per
 * vehicle, each seated passenger's place, and who has no seat. Pure, beside the leg's screen.
 */
import type { Language, Vehicle } from '@shared/domain/records';
import type { VehicleSeatPlan } from '@shared/seating';
import type { Passenger } from '@renderer/db';
import type { SeatOccupant } from './SeatMap';
import type { SeatingLookups } from './seating-text';

/** Where a passenger sits on the leg. */
export interface Place {
  vehicleId: string;
  seat: string;
}

/** The leg's seating as the screen shows it. */
export interface LegSeatingState {
  /** Every passenger by worker id. */
  byWorker: ReadonlyMap<string, Passenger>;
  /** Vehicle id → seat code → who sits there. */
  occupants: ReadonlyMap<string, ReadonlyMap<string, SeatOccupant>>;
  /** Worker id → where the passenger sits. */
  places: ReadonlyMap<string, Place>;
  /** Passengers without a seat on the leg, in roster order. */
  unseated: readonly Passenger[];
}

/** Reads the passengers' seats on the leg `legId`, whose vehicles have the seat plans `plans`. */
export function legSeatingOf(
  passengers: readonly Passenger[],
  plans: readonly VehicleSeatPlan[],
  legId: string,
): LegSeatingState {
  const byWorker = new Map(passengers.map((passenger) => [passenger.worker.id, passenger]));
  const occupants = new Map(plans.map((plan) => [plan.vehicle.id, new Map<string, SeatOccupant>()]));
  const places = new Map<string, Place>();
  const unseated: Passenger[] = [];
  for (const passenger of passengers) {
    const place = passenger.assignment.seats.find((seat) => seat.legId === legId);
    const vehicle = place === undefined ? undefined : plans.find((plan) => plan.vehicle.id === place.vehicleId);
    const seats = vehicle === undefined ? undefined : occupants.get(vehicle.vehicle.id);
    // A seat on a vehicle no longer on the leg, or one its layout lost, is no seat: the rules say so too.
    if (place === undefined || vehicle === undefined || seats === undefined) {
      unseated.push(passenger);
      continue;
    }
    if (!vehicle.layout.seatByCode.has(place.seat) || seats.has(place.seat)) {
      unseated.push(passenger);
      continue;
    }
    seats.set(place.seat, { workerId: passenger.worker.id, name: passenger.worker.name });
    places.set(passenger.worker.id, { vehicleId: place.vehicleId, seat: place.seat });
  }
  return { byWorker, occupants, places, unseated };
}

/** What the seating texts need to name the leg's passengers, households, enterprises and vehicles. */
export function seatingLookupsOf(
  passengers: readonly Passenger[],
  language: Language,
  vehicles: readonly Vehicle[],
): SeatingLookups {
  const byWorker = new Map(passengers.map((passenger) => [passenger.worker.id, passenger.worker.name]));
  const households = new Map<string, string[]>();
  for (const { worker } of passengers) {
    if (worker.household.trim() === '') continue;
    households.set(worker.household, [...(households.get(worker.household) ?? []), worker.name]);
  }
  const enterprises = new Map(
    passengers.flatMap(({ enterprise }) => (enterprise ? [[enterprise.id, enterprise.name] as const] : [])),
  );
  return {
    language,
    vehicles,
    nameOf: (workerId) => byWorker.get(workerId) ?? '',
    enterpriseNameOf: (enterpriseId) => enterprises.get(enterpriseId) ?? '',
    householdNames: (household) => households.get(household) ?? [],
  };
}
