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
 * Plain digits are the end of an ID (or a phone), as in the workers list, except that a number of
 * at most three digits, a seat's size, finds the passengers in that seat first (`21` is seat 21
 * before it is an ID ending in 21; a doctor reading a boarding card types the seat as printed).
 *
 * Every match says why it matched (`StationMatch`): the station shows it beside the row, so that
 * a doctor can see that 138…21 matched by its phone, not by the name they were looking for.
 */
import { compactIdentifier, toHalfWidth } from '../domain/half-width';
import { foldNameDots } from '../domain/person-name';
import { residentIdCheckChar } from '../domain/resident-id';
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

/** Why a passenger matched the query, as the station shows it beside the row. */
export type StationMatchReason =
  | { by: 'seat'; seat: StationSeat }
  | { by: 'name' }
  | { by: 'pinyin' }
  | { by: 'resident-id' }
  | { by: 'id-suffix' }
  | { by: 'phone' };

/** One passenger found, and why. */
export interface StationMatch {
  id: string;
  reason: StationMatchReason;
}

export interface StationSearchResult {
  /** Best matches first, at most the limit asked for. */
  ids: string[];
  /** The same passengers as `ids`, in the same order, each with why it matched. */
  matches: StationMatch[];
  /** How many passengers match in all. */
  total: number;
  /**
   * Whether the query was read as a seat, as a name, pinyin or ID digits, or (a bare number of a
   * seat's size) as both: seats first, then IDs and phones.
   */
  kind: 'seat' | 'person' | 'seat-or-person' | 'none';
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
/** A bare number that may be a seat: no seat of a carriage or coach has more than three digits. */
const BARE_SEAT_NUMBER = /^\d{1,3}$/;
const DIGITS = /^\d+X?$/;
const LATIN = /^[a-z]+$/;

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

/** The 18-character form of a legacy 15-digit ID, as the worker index matches it; else null. */
function upgradedLegacyId(digits: string): string | null {
  if (!/^\d{15}$/.test(digits)) return null;
  const first17 = `${digits.slice(0, 6)}19${digits.slice(6)}`;
  return `${first17}${residentIdCheckChar(first17)}`;
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
    const room = Math.max(0, limit);
    if (query.trim() === '') return { ids: [], matches: [], total: 0, kind: 'none', exact: null };
    const seat = parseSeatQuery(query);
    if (seat) {
      const seated = this.seatedIn(seat);
      return this.result(seated.slice(0, room), seated.length, 'seat', seated.length === 1 ? seated[0] : undefined);
    }
    // As the worker index reads digits: phones come with dashes or +86.
    const compact = compactIdentifier(query)
      .replace(/-/g, '')
      .replace(/^\+86(?=\d)/, '');
    const found = this.index.search(query, room);
    const people = found.ids.map((id) => ({ id, reason: this.personReason(id, compact) }));
    if (!BARE_SEAT_NUMBER.test(compact)) {
      return this.result(people, found.total, 'person', this.exactOf(query, found.ids, found.total));
    }
    const seated = this.seatedIn({ carriage: null, seat: normalizeSeatCode(compact) });
    if (seated.length === 0)
      return this.result(people, found.total, 'person', this.exactOf(query, found.ids, found.total));
    const inSeat = new Set(seated.map((match) => match.id));
    const others = people.filter((match) => !inSeat.has(match.id));
    // A passenger both in the seat and with an ID ending in it counts once, as the seat.
    const total = seated.length + found.total - (people.length - others.length);
    return this.result(
      [...seated, ...others].slice(0, room),
      total,
      'seat-or-person',
      total === 1 ? seated[0] : undefined,
    );
  }

  private result(
    matches: StationMatch[],
    total: number,
    kind: StationSearchResult['kind'],
    exact: StationMatch | string | null | undefined,
  ): StationSearchResult {
    const exactId = typeof exact === 'string' ? exact : (exact?.id ?? null);
    return { ids: matches.map((match) => match.id), matches, total, kind, exact: exactId };
  }

  /** Passengers with a seat that the typed seat names, each with the first such seat. */
  private seatedIn(seat: SeatQuery): StationMatch[] {
    const matches: StationMatch[] = [];
    for (const passenger of this.passengers) {
      const place = passenger.seats.find(
        (candidate) =>
          normalizeSeatCode(candidate.seat) === seat.seat &&
          (seat.carriage === null || carriageNumber(candidate.vehicle) === seat.carriage),
      );
      if (place) matches.push({ id: passenger.id, reason: { by: 'seat', seat: place } });
    }
    return matches;
  }

  /** Why the worker index found this passenger for the query (the index ranks, it does not say). */
  private personReason(id: string, compact: string): StationMatchReason {
    const passenger = this.byId.get(id);
    const residentId = passenger ? compactIdentifier(passenger.residentId) : '';
    if (DIGITS.test(compact)) {
      if (residentId === compact || residentId === upgradedLegacyId(compact)) return { by: 'resident-id' };
      return residentId.endsWith(compact) ? { by: 'id-suffix' } : { by: 'phone' };
    }
    return LATIN.test(compact.toLowerCase()) && !nameKey(passenger?.name ?? '').includes(compact.toLowerCase())
      ? { by: 'pinyin' }
      : { by: 'name' };
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
