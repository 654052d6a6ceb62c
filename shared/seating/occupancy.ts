/**
 * Who sits where in one vehicle, and the seating rules that the allocation and a coordinator's
 * moves both keep (load-factor.ts explains the pattern):
 * - a passenger sits in a seat open to strangers (sellable) or beside a member of the household;
 * - two people side by side who are not of one household must both sit in seats open to strangers,
 *   a reserved seat counting as taken by a stranger who may sit beside a sellable seat only.
 * While the load factor keeps strangers apart no two sellable seats are side by side and none is
 * beside a reserved seat, so the second rule then means: strangers never side by side, and no
 * passenger beside an escort, a medic or an isolation seat.
 *
 * Arrays indexed by a seat's layout order keep the allocation of 1,200 passengers in a few
 * milliseconds (issue "Seats", benchmark `seat-allocation-1200`).
 */
import type { ReservedRole } from '../domain/records';
import type { VehicleSeatPlan } from './load-factor';

/** A seating rule broken by the passenger in `seat`. */
export interface SeatRuleViolation {
  code: 'seat-not-open' | 'strangers-side-by-side' | 'next-to-reserved';
  seat: string;
  workerId: string;
  /** The seat beside it: the stranger's or the reserved one. */
  otherSeat?: string;
  otherWorkerId?: string;
  role?: ReservedRole;
}

/** A run of seats side by side in one row, `start` to `end` (excluded), by layout order. */
export interface SeatBlockSpan {
  start: number;
  end: number;
}

/** Who counts as one household: the fields {@link householdKey} reads. */
export interface HouseholdMember {
  workerId: string;
  household: string;
  villageKey: string;
}

/**
 * The key that tells households apart. Someone travelling alone is a household of one. The village
 * is part of the key because a household may be written as its householder's name (records.ts), and
 * two villages of a county may well each have a 黄文光.
 */
export function householdKey(passenger: HouseholdMember): string {
  const household = passenger.household.trim();
  return household === '' ? `worker:${passenger.workerId}` : `household:${passenger.villageKey}\u0000${household}`;
}

export class VehicleOccupancy {
  readonly plan: VehicleSeatPlan;
  /** Seat codes by layout order. */
  readonly codes: readonly string[];
  /** Blocks of each row, front to back. */
  readonly rowBlocks: readonly (readonly SeatBlockSpan[])[];
  /** Passengers seated. */
  count = 0;
  private readonly reserved: Uint8Array;
  private readonly sellable: Uint8Array;
  private readonly blockStart: Int32Array;
  private readonly blockEnd: Int32Array;
  private readonly rows: Int32Array;
  private readonly households: (string | null)[];
  private readonly workers: (string | null)[];
  /** The frontmost seat of each household seated here, where its family looks for seats first. */
  private readonly firstSeats = new Map<string, number>();

  constructor(plan: VehicleSeatPlan) {
    this.plan = plan;
    const seats = plan.layout.seats;
    const size = seats.length;
    this.codes = seats.map((seat) => seat.code);
    this.reserved = new Uint8Array(size);
    this.sellable = new Uint8Array(size);
    this.blockStart = new Int32Array(size);
    this.blockEnd = new Int32Array(size);
    this.rows = new Int32Array(size);
    this.households = new Array<string | null>(size).fill(null);
    this.workers = new Array<string | null>(size).fill(null);
    const rowBlocks: SeatBlockSpan[][] = plan.layout.rows.map(() => []);
    let start = 0;
    seats.forEach((seat, index) => {
      this.reserved[index] = plan.reserved.has(seat.code) ? 1 : 0;
      this.sellable[index] = plan.sellable.has(seat.code) ? 1 : 0;
      this.rows[index] = seat.row;
      const next = seats[index + 1];
      if (next === undefined || next.row !== seat.row || next.block !== seat.block) {
        for (let i = start; i <= index; i += 1) {
          this.blockStart[i] = start;
          this.blockEnd[i] = index + 1;
        }
        rowBlocks[seat.row]?.push({ start, end: index + 1 });
        start = index + 1;
      }
    });
    this.rowBlocks = rowBlocks;
  }

  /** Layout order of a seat code, or -1 when the vehicle has no such seat. */
  indexOf(code: string): number {
    return this.plan.layout.seatByCode.get(code)?.order ?? -1;
  }

  rowOf(index: number): number {
    return this.rows[index] ?? -1;
  }

  isReserved(index: number): boolean {
    return this.reserved[index] === 1;
  }

  isFree(index: number): boolean {
    return this.households[index] === null && this.reserved[index] === 0;
  }

  workerAt(index: number): string | null {
    return this.workers[index] ?? null;
  }

  householdAt(index: number): string | null {
    return this.households[index] ?? null;
  }

  sit(index: number, household: string, workerId: string): void {
    this.households[index] = household;
    this.workers[index] = workerId;
    this.count += 1;
    const first = this.firstSeats.get(household);
    if (first === undefined || index < first) this.firstSeats.set(household, index);
  }

  leave(index: number): void {
    const household = this.households[index];
    if (household === null || household === undefined) return;
    this.households[index] = null;
    this.workers[index] = null;
    this.count -= 1;
    if (this.firstSeats.get(household) === index) {
      this.firstSeats.delete(household);
      const next = this.households.indexOf(household);
      if (next >= 0) this.firstSeats.set(household, next);
    }
  }

  /** The row of the frontmost member of `household` seated here, or -1. */
  familyRow(household: string): number {
    const first = this.firstSeats.get(household);
    return first === undefined ? -1 : this.rowOf(first);
  }

  /** Taken by a passenger or reserved: what a neighbour has to be careful of. */
  private taken(index: number): boolean {
    return this.households[index] !== null || this.reserved[index] === 1;
  }

  /** Sellable or reserved: a seat that may be beside a stranger's sellable seat. */
  private open(index: number): boolean {
    return this.sellable[index] === 1 || this.reserved[index] === 1;
  }

  private inBlockOf(index: number, other: number): boolean {
    return other >= (this.blockStart[index] ?? 0) && other < (this.blockEnd[index] ?? 0);
  }

  /** Whether a passenger of a household not yet in this block could take the free seat. */
  private strangerCouldSit(index: number): boolean {
    if (!this.isFree(index) || this.sellable[index] === 0) return false;
    for (const other of [index - 1, index + 1]) {
      if (this.inBlockOf(index, other) && this.taken(other) && !this.open(other)) return false;
    }
    return true;
  }

  /** Whether `household` may take the `length` seats from `start`, all in one block. */
  runFits(start: number, length: number, household: string): boolean {
    const end = start + length;
    if (start < 0 || end > (this.blockEnd[start] ?? 0)) return false;
    for (let i = start; i < end; i += 1) if (!this.isFree(i)) return false;
    const left = start - 1;
    const right = end;
    const leftFamily = this.inBlockOf(start, left) && this.households[left] === household;
    const rightFamily = this.inBlockOf(start, right) && this.households[right] === household;
    // Alone in a seat outside the pattern only beside family.
    if (length === 1 && this.sellable[start] === 0 && !leftFamily && !rightFamily) return false;
    if (this.inBlockOf(start, left) && this.taken(left) && !leftFamily) {
      if (this.sellable[start] === 0 || !this.open(left)) return false;
    }
    if (this.inBlockOf(start, right) && this.taken(right) && !rightFamily) {
      if (this.sellable[end - 1] === 0 || !this.open(right)) return false;
    }
    return true;
  }

  /**
   * Seats open to a stranger that the run would use or shut, less the people it seats: below zero
   * when a household sits closer than strangers could, above when it shuts more than it seats.
   */
  runWaste(start: number, length: number): number {
    const end = start + length;
    let used = 0;
    for (let i = start; i < end; i += 1) if (this.strangerCouldSit(i)) used += 1;
    if (this.inBlockOf(start, start - 1) && this.sellable[start] === 0 && this.strangerCouldSit(start - 1)) used += 1;
    if (this.inBlockOf(start, end) && this.sellable[end - 1] === 0 && this.strangerCouldSit(end)) used += 1;
    return used - length;
  }

  /** The rules the passenger in seat `index` breaks, each pair of neighbours reported from both sides. */
  violations(index: number): SeatRuleViolation[] {
    const household = this.households[index];
    const workerId = this.workers[index];
    if (household === null || household === undefined || workerId === null || workerId === undefined) return [];
    const seat = this.codes[index] ?? '';
    const found: SeatRuleViolation[] = [];
    let beside = false;
    for (const other of [index - 1, index + 1]) {
      if (!this.inBlockOf(index, other)) continue;
      const otherHousehold = this.households[other] ?? null;
      if (otherHousehold === household) {
        beside = true;
      } else if (otherHousehold !== null) {
        if (this.sellable[index] === 0 || this.sellable[other] === 0) {
          found.push({
            code: 'strangers-side-by-side',
            seat,
            workerId,
            otherSeat: this.codes[other] ?? '',
            otherWorkerId: this.workers[other] ?? '',
          });
        }
      } else if (this.reserved[other] === 1 && this.sellable[index] === 0) {
        const otherSeat = this.codes[other] ?? '';
        const role = this.plan.reserved.get(otherSeat);
        found.push({ code: 'next-to-reserved', seat, workerId, otherSeat, ...(role === undefined ? {} : { role }) });
      }
    }
    if (this.sellable[index] === 0 && !beside) found.unshift({ code: 'seat-not-open', seat, workerId });
    return found;
  }

  /** Seats beside `index` in its block. */
  besides(index: number): number[] {
    return [index - 1, index + 1].filter((other) => this.inBlockOf(index, other));
  }
}
