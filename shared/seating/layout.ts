/**
 * The seat layouts of the vehicles a charter uses (docs/domain.md#seats), as a grid shaped like the
 * real vehicle so that the seat map can draw it cell by cell. Every row of one layout has the same
 * cells, so the columns line up; an aisle is a cell, and a short last row pads with empty cells.
 *
 * - Second class (二等座): rows of A B C | D F, A and F at the windows, B in the middle. No E: the
 *   letter marks the seat a wider car would have, as on every China Railway ticket.
 * - First class (一等座): rows of A C | D F.
 * - Hard seat (硬座, the 25G/25K YZ car): 3 + 2 rows numbered in order, 1 2 3 | 4 5, 6 7 8 | 9 10…,
 *   so seats ending in 1, 5, 6 and 0 are at the window, as railway staff tell passengers. 118 seats
 *   are 23 full rows and a short 24th row of 116 117 118 on the three-seat side.
 * - Coach (大客车): rows of 2 + 2 numbered left to right, 1 2 | 3 4. When one seat is left over
 *   (45, 49, 53 seats) the back row is a bench of 5 across the aisle; otherwise the last row holds
 *   what is left, from the left.
 * A train class whose seat count is not a whole number of rows also ends with a short row that holds
 * the rest from the left (an end car of 85 seats: 17 rows and A B C D).
 */
import { toHalfWidth } from '../domain/half-width';
import type { VehicleKind } from '../domain/records';

/** Where a seat sits in its block: the middle seat is the one with a neighbour on each side. */
export type SeatPosition = 'window' | 'middle' | 'aisle';

export interface LayoutSeat {
  kind: 'seat';
  /** As printed on a ticket, without the carriage: 12F, 57, 3. */
  code: string;
  /** Index of the row, from 0 at the front. */
  row: number;
  /** The row as numbered on the vehicle, from 1 (the number in 12F). */
  rowNumber: number;
  /** Index of the cell in its row, counting aisle and empty cells, so that columns line up. */
  column: number;
  /**
   * Seats side by side with no aisle between them share a block; blocks count from 0 at the left of
   * each row (the back bench of a coach is one block).
   */
  block: number;
  position: SeatPosition;
  /** Index in {@link SeatLayout.seats}: front to back, left to right. */
  order: number;
}

export interface AisleCell {
  kind: 'aisle';
}

/** Where a full row has a seat and this short row has none. */
export interface EmptyCell {
  kind: 'empty';
}

export type SeatCell = LayoutSeat | AisleCell | EmptyCell;

export interface SeatRow {
  /** From 0 at the front. */
  index: number;
  cells: readonly SeatCell[];
}

export interface SeatLayout {
  kind: VehicleKind;
  seatCount: number;
  /** Cells in every row. */
  columns: number;
  rows: readonly SeatRow[];
  /** Every seat, front to back and left to right. */
  seats: readonly LayoutSeat[];
  /** Seats by their code. */
  seatByCode: ReadonlyMap<string, LayoutSeat>;
}

/** One cell of a row: a seat with its letter (on lettered trains), position and block; the aisle; no seat. */
type CellSpec = { letter: string; position: SeatPosition; block: number } | 'aisle' | 'empty';

const SECOND_CLASS: readonly CellSpec[] = [
  { letter: 'A', position: 'window', block: 0 },
  { letter: 'B', position: 'middle', block: 0 },
  { letter: 'C', position: 'aisle', block: 0 },
  'aisle',
  { letter: 'D', position: 'aisle', block: 1 },
  { letter: 'F', position: 'window', block: 1 },
];

const FIRST_CLASS: readonly CellSpec[] = [
  { letter: 'A', position: 'window', block: 0 },
  { letter: 'C', position: 'aisle', block: 0 },
  'aisle',
  { letter: 'D', position: 'aisle', block: 1 },
  { letter: 'F', position: 'window', block: 1 },
];

/** Hard seat: same shape as second class, numbered instead of lettered. */
const THREE_TWO: readonly CellSpec[] = SECOND_CLASS.map((cell) =>
  typeof cell === 'string' ? cell : { ...cell, letter: '' },
);

/** Coach: same shape as first class, numbered. */
const TWO_TWO: readonly CellSpec[] = FIRST_CLASS.map((cell) =>
  typeof cell === 'string' ? cell : { ...cell, letter: '' },
);

/** The back bench fills the aisle too; its centre seat faces the aisle, so it counts as an aisle seat. */
const BENCH_OF_FIVE: readonly CellSpec[] = [
  { letter: '', position: 'window', block: 0 },
  { letter: '', position: 'middle', block: 0 },
  { letter: '', position: 'aisle', block: 0 },
  { letter: '', position: 'middle', block: 0 },
  { letter: '', position: 'window', block: 0 },
];

function fullRow(kind: VehicleKind): readonly CellSpec[] {
  switch (kind) {
    case 'train-second-class':
      return SECOND_CLASS;
    case 'train-first-class':
      return FIRST_CLASS;
    case 'train-hard-seat':
      return THREE_TWO;
    case 'coach':
      return TWO_TWO;
  }
}

/** Whether seats are written row + letter (12F) rather than numbered through the vehicle (57). */
export function hasLetteredSeats(kind: VehicleKind): boolean {
  return kind === 'train-second-class' || kind === 'train-first-class';
}

/** Seats per row: the row shapes of the layouts, last row included. */
function rowShapes(kind: VehicleKind, seatCount: number): (readonly CellSpec[])[] {
  const full = fullRow(kind);
  const perRow = full.filter((cell) => typeof cell !== 'string').length;
  const shapes: (readonly CellSpec[])[] = [];
  let left = seatCount;
  const bench = kind === 'coach' && seatCount % perRow === 1 && seatCount >= perRow + 1;
  while (left > 0) {
    if (bench && left === BENCH_OF_FIVE.length) {
      shapes.push(BENCH_OF_FIVE);
      break;
    }
    if (left >= perRow) {
      shapes.push(full);
      left -= perRow;
      continue;
    }
    // A short row keeps the first `left` seats from the left; the others become empty cells.
    let kept = 0;
    shapes.push(
      full.map((cell) => {
        if (typeof cell === 'string') return cell;
        kept += 1;
        return kept <= left ? cell : 'empty';
      }),
    );
    left = 0;
  }
  return shapes;
}

/** Layouts built so far: a leg's 27 carriages share one, and the allocation of a leg stays fast. */
const layouts = new Map<string, SeatLayout>();
/** Above every kind's limit: a count typed by mistake (9000) is drawn but not kept. */
const MOST_SEATS_CACHED = 200;

/**
 * The grid of a vehicle of `kind` with `seatCount` seats (see the module comment for the layouts).
 * A seat count that is not a positive integer gives a layout without rows; `checkVehicle` reports it.
 * The layout is frozen and shared by every vehicle of that kind and size.
 */
export function seatLayout(kind: VehicleKind, seatCount: number): SeatLayout {
  const key = `${kind}/${seatCount}`;
  const known = layouts.get(key);
  if (known !== undefined) return known;
  const layout = buildLayout(kind, seatCount);
  if (layout.seatCount <= MOST_SEATS_CACHED) layouts.set(key, layout);
  return layout;
}

function buildLayout(kind: VehicleKind, seatCount: number): SeatLayout {
  const lettered = hasLetteredSeats(kind);
  const rows: SeatRow[] = [];
  const seats: LayoutSeat[] = [];
  const seatByCode = new Map<string, LayoutSeat>();
  const count = Number.isInteger(seatCount) && seatCount > 0 ? seatCount : 0;
  const columns = fullRow(kind).length;
  rowShapes(kind, count).forEach((shape, index) => {
    const cells: SeatCell[] = shape.map((spec, column) => {
      if (spec === 'aisle') return { kind: 'aisle' };
      if (spec === 'empty') return { kind: 'empty' };
      const number = seats.length + 1;
      const seat: LayoutSeat = {
        kind: 'seat',
        code: lettered ? `${index + 1}${spec.letter}` : String(number),
        row: index,
        rowNumber: index + 1,
        column,
        block: spec.block,
        position: spec.position,
        order: seats.length,
      };
      seats.push(Object.freeze(seat));
      seatByCode.set(seat.code, seat);
      return seat;
    });
    rows.push(Object.freeze({ index, cells: Object.freeze(cells) }));
  });
  return Object.freeze({
    kind,
    seatCount: count,
    columns,
    rows: Object.freeze(rows),
    seats: Object.freeze(seats),
    seatByCode,
  });
}

/**
 * The seats of one block of one row, left to right: the runs within which people sit side by side.
 * Blocks are listed front to back and left to right, the order in which seats are filled.
 */
export function seatBlocks(layout: SeatLayout): readonly (readonly LayoutSeat[])[] {
  const known = blocksOf.get(layout);
  if (known !== undefined) return known;
  const blocks: LayoutSeat[][] = [];
  for (const row of layout.rows) {
    const inRow = new Map<number, LayoutSeat[]>();
    for (const cell of row.cells) {
      if (cell.kind !== 'seat') continue;
      const block = inRow.get(cell.block) ?? [];
      block.push(cell);
      inRow.set(cell.block, block);
    }
    for (const block of [...inRow.keys()].sort((a, b) => a - b)) blocks.push(inRow.get(block) ?? []);
  }
  blocksOf.set(layout, blocks);
  return blocks;
}

const blocksOf = new WeakMap<SeatLayout, readonly (readonly LayoutSeat[])[]>();

const TYPED_SEAT = /^0*(\d+)([A-Z]?)$/;

/**
 * A seat as a coordinator types it, in the form the layouts use: `05F`, `5f` and `５Ｆ` all become
 * `5F`, `057号` becomes `57`, `3号座` becomes `3`. Text that is no seat comes back trimmed, to be
 * reported as unknown.
 */
export function normalizeSeatCode(text: string): string {
  const compact = toHalfWidth(text)
    .replace(/\s+/gu, '')
    .replace(/(?:号座|号|座)$/u, '')
    .toUpperCase();
  const match = TYPED_SEAT.exec(compact);
  if (match === null) return text.trim();
  return `${Number(match[1])}${match[2] ?? ''}`;
}
