import { useMemo } from 'react';
import type { HealthCheck, Settings } from '@shared/domain/records';
import { millisecondsBetween } from '@shared/dates';
import {
  StationSearch,
  healthProgress,
  passengerHealth,
  type HealthProgress,
  type PassengerHealth,
  type StationSearchPassenger,
} from '@shared/health';
import {
  getSettings,
  checksByWorker,
  stationChecks,
  stationRoster,
  useRepositoryQuery,
  type StationPassenger,
  type StationRoster,
} from '../../db';

/** One passenger at the station: who, where they sit, and what their checks add up to. */
export interface StationRow extends StationPassenger {
  health: PassengerHealth;
  /** Every check of the passenger on this batch, replaced ones included, in database order. */
  checks: HealthCheck[];
}

/** Everything the station screen shows, kept live. */
export interface Station {
  roster: StationRoster;
  settings: Settings;
  rows: StationRow[];
  rowById: ReadonlyMap<string, StationRow>;
  progress: HealthProgress;
  search: StationSearch;
}

const NONE: readonly HealthCheck[] = [];

/**
 * The batch's checks as stored, with the checks this station has just saved (and the ones its
 * corrections replaced) in place until the live query brings them: the figures follow a save at
 * once instead of after the query's next round (issue 5: "saving a check and the progress figures
 * updated"). A stored record wins as soon as it is as recent; the database's order (by id) is kept.
 */
function withSavedHere(stored: HealthCheck[], savedHere: readonly HealthCheck[]): HealthCheck[] {
  if (savedHere.length === 0) return stored;
  const byId = new Map(stored.map((check) => [check.id, check]));
  let changed = false;
  for (const mine of savedHere) {
    const current = byId.get(mine.id);
    if (current && millisecondsBetween(mine.updatedAt, current.updatedAt) >= 0) continue;
    byId.set(mine.id, mine);
    changed = true;
  }
  if (!changed) return stored;
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The station of a batch: its passengers and their checks, read as two live queries so that
 * saving a check re-reads the batch's checks only, not its passengers; null when the batch does not
 * exist, undefined while loading. `savedHere`: what this station saved, see {@link withSavedHere}.
 */
export function useStation(batchId: string, savedHere: readonly HealthCheck[] = NONE): Station | null | undefined {
  const roster = useRepositoryQuery(() => stationRoster(batchId), [batchId]);
  const stored = useRepositoryQuery(() => stationChecks(batchId), [batchId]);
  const settings = useRepositoryQuery(getSettings, []);
  const checks = useMemo(() => (stored ? withSavedHere(stored, savedHere) : undefined), [stored, savedHere]);

  // Rebuilt only when the passengers change (or their seats), never on a saved check.
  const search = useMemo(() => {
    if (!roster) return null;
    const vehicles = new Map(
      roster.batch.legs.flatMap((leg) => leg.vehicles.map((vehicle) => [vehicle.id, vehicle] as const)),
    );
    const passengers: StationSearchPassenger[] = roster.passengers.map(({ worker, assignment }) => ({
      id: worker.id,
      name: worker.name,
      residentId: worker.residentId,
      phone: worker.phone,
      seats: assignment.seats.flatMap((seat) => {
        const vehicle = vehicles.get(seat.vehicleId);
        return vehicle ? [{ legId: seat.legId, vehicle, seat: seat.seat }] : [];
      }),
    }));
    return new StationSearch(passengers);
  }, [roster]);

  const validityHours = settings?.checkValidityHours;
  const derived = useMemo(() => {
    if (!roster || !checks || validityHours === undefined) return null;
    const byWorker = checksByWorker(checks);
    const rows: StationRow[] = roster.passengers.map((passenger) => {
      const mine = byWorker.get(passenger.worker.id) ?? [];
      return { ...passenger, checks: mine, health: passengerHealth(mine, roster.departureAt, validityHours) };
    });
    return {
      rows,
      rowById: new Map(rows.map((row) => [row.worker.id, row])),
      progress: healthProgress(rows.map((row) => row.health.state)),
    };
  }, [roster, checks, validityHours]);

  if (roster === null) return null;
  if (!roster || !settings || !search || !derived) return undefined;
  return { roster, settings, search, ...derived };
}
