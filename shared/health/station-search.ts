/**
 * The search field of the health-check station (issue 5, "The station"): one field for a name
 * (also by pinyin or initials: `zs` finds 张三), the last digits of an ID, a whole ID typed or
 * scanned (an ID-card reader or barcode scanner types the characters and then Enter), or a seat.
 * Over one batch's passengers (1,200 at most), so every search is a scan of in-memory keys.
 *
 * A seat is written with a mark that no name or ID has, so the two never mix up:
 * - carriage and seat: `05车12F`, `5车12f`, `05车57号`, `Car 05 Seat 12F`;
 * - a seat alone: `12F` (a lettered train seat: IDs end in a digit or X, never in A-F), `57号`,
 *   `3号座`, `3座`, `Seat 3`. A seat alone matches that seat on every vehicle, so on a
 *   single-carriage leg it names one passenger, and otherwise the short list shows the carriages.
 * Plain digits are always the end of an ID (or a phone), as in the workers list.
 */
import { compactIdentifier, toHalfWidth } from '../domain/half-width';
import { foldNameDots } from '../domain/person-name';
import type { Vehicle } from '../domain/records';
import { WorkerSearchIndex, type SearchableWorker } from '../search/worker-search';
import { carriageLabel } from '../seating/label';
import { normalizeSeatCode } from '../seating/layout';

/** One seat of a passenger: the vehicle's kind and label and the seat as on the ticket. */
export interface StationSeat {
  legId: string;
  vehicle: Pick<Vehicle, 'kind' | 'label'>;
  seat: string;
}

/** A passenger as the station search reads them. */
export interface StationSearchPassenger extends SearchableWorker {
  seats: readonly StationSeat[];
}

/** A typed seat: the carriage (as its number, `5` for 05) when one was given, and the seat code. */
export interface SeatQuery {
  carriage: string | null;
  seat: string;
}

export interface StationSearchResult {
  /** Best matches first, at most the limit asked for. */
  ids: string[];
  /** How many passengers match in all. */
  total: number;
  /** Whether the query was read as a seat or as a name, pinyin or ID digits. */
  kind: 'seat' | 'person' | 'none';
  /**
   * The one passenger the query names for certain: the only match, or among several the only one
   * whose whole ID or whole name is the query. Enter opens this passenger's check at once.
   */
  exact: string | null;
}

const CARRIAGE_AND_SEAT = /^0*(\d{1,2})车(\d{1,3}[A-F]?)(?:号座|号|座)?$/;
const ENGLISH_CARRIAGE_AND_SEAT = /^CAR0*(\d{1,2})SEAT(\d{1,3}[A-F]?)$/;
const SEAT_WITH_MARK = /^(\d{1,3})(?:号座|号|座)$/;
const LETTERED_SEAT = /^(\d{1,3}[A-F])$/;
const ENGLISH_SEAT = /^SEAT(\d{1,3}[A-F]?)$/;

/** Reads a seat as typed (see the module comment), or null when the text is no seat. */
export function parseSeatQuery(text: string): SeatQuery | null {
  const compact = compactIdentifier(text);
  const withCarriage = CARRIAGE_AND_SEAT.exec(compact) ?? ENGLISH_CARRIAGE_AND_SEAT.exec(compact);
  if (withCarriage)
    return { carriage: String(Number(withCarriage[1])), seat: normalizeSeatCode(withCarriage[2] ?? '') };
  const alone = SEAT_WITH_MARK.exec(compact) ?? LETTERED_SEAT.exec(compact) ?? ENGLISH_SEAT.exec(compact);
  if (alone) return { carriage: null, seat: normalizeSeatCode(alone[1] ?? '') };
  return null;
}

/** A carriage's number as typed without leading zeros (05 → 5); a coach plate has none. */
function carriageNumber(vehicle: Pick<Vehicle, 'kind' | 'label'>): string | null {
  if (vehicle.kind === 'coach') return null;
  const label = carriageLabel(vehicle.label);
  return /^\d+$/.test(label) ? String(Number(label)) : label.toUpperCase();
}

function nameKey(text: string): string {
  return foldNameDots(toHalfWidth(text)).replace(/\s+/g, '').toLowerCase();
}

/** The search over one batch's passengers; build it again when the passengers change. */
export class StationSearch {
  private readonly index: WorkerSearchIndex;
  private readonly passengers: readonly StationSearchPassenger[];
  private readonly byId: ReadonlyMap<string, StationSearchPassenger>;

  constructor(passengers: readonly StationSearchPassenger[]) {
    this.passengers = passengers;
    this.index = new WorkerSearchIndex(passengers);
    this.byId = new Map(passengers.map((passenger) => [passenger.id, passenger]));
  }

  get size(): number {
    return this.passengers.length;
  }

  /** Passengers matching `query`, best first; see {@link StationSearchResult}. */
  search(query: string, limit = 20): StationSearchResult {
    if (query.trim() === '') return { ids: [], total: 0, kind: 'none', exact: null };
    const seat = parseSeatQuery(query);
    if (seat) {
      const ids = this.passengers
        .filter((passenger) =>
          passenger.seats.some(
            (place) =>
              normalizeSeatCode(place.seat) === seat.seat &&
              (seat.carriage === null || carriageNumber(place.vehicle) === seat.carriage),
          ),
        )
        .map((passenger) => passenger.id);
      return {
        ids: ids.slice(0, Math.max(0, limit)),
        total: ids.length,
        kind: 'seat',
        exact: ids.length === 1 ? (ids[0] ?? null) : null,
      };
    }
    const found = this.index.search(query, limit);
    return { ids: found.ids, total: found.total, kind: 'person', exact: this.exactOf(query, found.ids, found.total) };
  }

  private exactOf(query: string, ids: readonly string[], total: number): string | null {
    if (total === 1) return ids[0] ?? null;
    const id = compactIdentifier(query);
    const name = nameKey(query);
    const named = ids.filter((candidate) => {
      const passenger = this.byId.get(candidate);
      return passenger !== undefined && (passenger.residentId === id || nameKey(passenger.name) === name);
    });
    return named.length === 1 ? (named[0] ?? null) : null;
  }
}
