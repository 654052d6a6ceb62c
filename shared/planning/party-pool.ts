/**
 * The travel parties of one planning group waiting for a seat, in village order, with a quick way
 * to find the nearest small party that fills the room left in a vehicle. Used by `planBatches`:
 * taking the next party keeps villages together; taking the nearest party that fits a gap keeps
 * vehicles full. Both are O(1) amortized (O(largest party size) for the gap search), so that
 * 100,000 workers plan in one pass instead of a first-fit search over all open vehicles.
 */

/** Parties of one group, in the order they should board (village order). */
export class PartyPool {
  /** Passengers in each party, by position in boarding order. */
  private readonly sizes: readonly number[];
  private readonly taken: Uint8Array;
  /** First position not yet taken: every earlier party has boarded. */
  private cursor = 0;
  /** Positions of the parties of each size (index = size), ascending. */
  private readonly bySize: number[][];
  /** Per size, the first index into `bySize[size]` that may still be free. */
  private readonly bySizeHead: number[];
  /** Each party's index in `bySize[its size]`, so that a party put back is found again. */
  private readonly indexBySize: Int32Array;
  private partiesLeft: number;
  private passengersLeft: number;

  constructor(sizes: readonly number[]) {
    this.sizes = sizes;
    this.taken = new Uint8Array(sizes.length);
    this.partiesLeft = sizes.length;
    let largest = 0;
    let passengers = 0;
    for (const size of sizes) {
      if (!Number.isInteger(size) || size < 1) throw new RangeError(`a party has 1 or more passengers, got ${size}`);
      largest = Math.max(largest, size);
      passengers += size;
    }
    this.passengersLeft = passengers;
    this.bySize = Array.from({ length: largest + 1 }, () => []);
    this.bySizeHead = new Array<number>(largest + 1).fill(0);
    this.indexBySize = new Int32Array(sizes.length);
    sizes.forEach((size, position) => {
      const bucket = this.bySize[size];
      if (!bucket) return;
      this.indexBySize[position] = bucket.length;
      bucket.push(position);
    });
  }

  get isEmpty(): boolean {
    return this.partiesLeft === 0;
  }

  /** Passengers in the parties not taken yet. */
  get passengers(): number {
    return this.passengersLeft;
  }

  /** Passengers in the party at `position` (0 past the end). */
  sizeAt(position: number): number {
    return this.sizes[position] ?? 0;
  }

  /** The next party in boarding order, or -1 when all have boarded. */
  next(): number {
    while (this.cursor < this.sizes.length && this.taken[this.cursor] === 1) this.cursor += 1;
    return this.cursor < this.sizes.length ? this.cursor : -1;
  }

  /**
   * The party nearest in boarding order (so most likely from the same village) with at most `room`
   * passengers, or -1 when none is that small.
   */
  nearestFitting(room: number): number {
    let best = -1;
    const largest = Math.min(room, this.bySize.length - 1);
    for (let size = 1; size <= largest; size += 1) {
      const positions = this.bySize[size] ?? [];
      let head = this.bySizeHead[size] ?? 0;
      while (head < positions.length && this.taken[positions[head] ?? 0] === 1) head += 1;
      this.bySizeHead[size] = head;
      const position = positions[head];
      if (position !== undefined && (best === -1 || position < best)) best = position;
    }
    return best;
  }

  /** Boards the party: it is skipped by `next` and `nearestFitting` from now on. */
  take(position: number): void {
    if (this.taken[position] === 1) throw new Error(`party ${position} has boarded already`);
    this.taken[position] = 1;
    this.partiesLeft -= 1;
    this.passengersLeft -= this.sizeAt(position);
  }

  /** Puts a boarded party back in its place, for a batch that gives back its last passengers. */
  putBack(position: number): void {
    if (this.taken[position] !== 1) throw new Error(`party ${position} has not boarded`);
    this.taken[position] = 0;
    this.partiesLeft += 1;
    const size = this.sizeAt(position);
    this.passengersLeft += size;
    this.cursor = Math.min(this.cursor, position);
    this.bySizeHead[size] = Math.min(this.bySizeHead[size] ?? 0, this.indexBySize[position] ?? 0);
  }
}
