/**
 * Figure of the seat allocation (issue "Seats", "Performance": median under 50 ms): the seats of
 * one leg for 1,200 passengers, on a train of 27 second-class carriages of 90 seats with their
 * default reserved seats, at the default load factor 0.5. At 0.5 such a carriage takes 45, so 27
 * carriages (1,215 places) are the shortest train that seats them all: a shorter one would time
 * the easier job of turning the surplus away.
 */
import { makeDemoData } from '@shared/demo';
import { DEFAULT_SETTINGS } from '@shared/domain/records';
import type { Worker } from '@shared/domain/records';
import { allocateSeats } from '@shared/seating/allocate';
import type { SeatAllocationInput, SeatingPassenger } from '@shared/seating/allocate';
import { makeTrain } from '../fixtures/vehicles';
import { timeRuns } from './measure';
import type { Figure } from './measure';

const SEED = 20200218;
const PASSENGERS = 1_200;
const CARRIAGES = 27;
/** Demo workers to draw the passengers from: enough for 1,200 placed in an enterprise. */
const DEMO_WORKERS = 4_000;
const WARM_UP_RUNS = 5;
const RUNS = 50;

/**
 * Passengers as the planner would hand them over: demo workers placed in an enterprise, whole
 * households (户) taken until 1,200, each with its village and enterprise. The demo draws each
 * worker's enterprise on its own, so most households are bound for two enterprises: a harder case
 * for keeping enterprises together than real rosters, where a family usually goes to one factory.
 */
function passengersOf(workers: readonly Worker[]): SeatingPassenger[] {
  const households = new Map<string, Worker[]>();
  for (const worker of workers) {
    if (worker.enterpriseId === null) continue;
    households.set(worker.household, [...(households.get(worker.household) ?? []), worker]);
  }
  const passengers: SeatingPassenger[] = [];
  for (const members of households.values()) {
    if (passengers.length + members.length > PASSENGERS) continue;
    for (const worker of members) {
      passengers.push({
        workerId: worker.id,
        household: worker.household,
        villageKey: `${worker.countyCode}/${worker.township}/${worker.village}`,
        enterpriseId: worker.enterpriseId,
      });
    }
    if (passengers.length === PASSENGERS) break;
  }
  return passengers;
}

export async function seatingFigures(print: (figure: Figure) => void): Promise<void> {
  const passengers = passengersOf(makeDemoData({ seed: SEED, workers: DEMO_WORKERS }).workers);
  if (passengers.length !== PASSENGERS) throw new Error(`only ${passengers.length} demo passengers`);
  const input: SeatAllocationInput = {
    vehicles: makeTrain(CARRIAGES, { kind: 'train-second-class', seatCount: 90 }),
    passengers,
    loadFactor: DEFAULT_SETTINGS.loadFactor,
  };
  const check = allocateSeats(input);
  if (check.seats.length !== PASSENGERS) throw new Error(`${check.unseated.length} passengers left unseated`);

  // Baseline: a JSON round trip of the same input, a copy of every passenger and carriage by the
  // engine's native code, so the ratio reads as "the allocation costs N copies of its input" on
  // a fast and on a slow PC alike.
  await timeRuns(WARM_UP_RUNS, () => JSON.parse(JSON.stringify(input)) as unknown);
  const baseline: Figure = {
    name: 'json-roundtrip-seating-1200',
    unit: 'ms',
    samples: await timeRuns(RUNS, () => JSON.parse(JSON.stringify(input)) as unknown),
  };
  print(baseline);

  let seated = 0;
  await timeRuns(WARM_UP_RUNS, () => allocateSeats(input));
  const samples = await timeRuns(RUNS, () => {
    seated += allocateSeats(input).seats.length;
  });
  print({ name: 'seat-allocation-1200', unit: 'ms', samples, baseline });
  // Keeps the work above from being optimized away.
  if (seated < 0) print({ name: 'seat-allocation-seated', unit: 'x', samples: [seated] });
}
