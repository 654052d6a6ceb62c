import { describe, expect, it } from 'vitest';

import type { VehicleKind } from '@shared/domain/records';
import { normalizeSeatCode, seatLayout } from '@shared/seating/layout';
import type { LayoutSeat, SeatLayout } from '@shared/seating/layout';

/** Each row as the seat map draws it: seat codes, `|` for the aisle, `.` for no seat. */
function drawn(layout: SeatLayout): string[] {
  return layout.rows.map((row) =>
    row.cells.map((cell) => (cell.kind === 'seat' ? cell.code : cell.kind === 'aisle' ? '|' : '.')).join(' '),
  );
}

function seat(layout: SeatLayout, code: string): LayoutSeat {
  const found = layout.seatByCode.get(code);
  if (found === undefined) throw new Error(`no seat ${code}`);
  return found;
}

describe('seatLayout draws the vehicle as it is built', () => {
  it('second class: 18 rows of A B C | D F for 90 seats, F and A at the window, B in the middle', () => {
    const layout = seatLayout('train-second-class', 90);
    expect(layout.rows).toHaveLength(18);
    expect(drawn(layout)[0]).toBe('1A 1B 1C | 1D 1F');
    expect(drawn(layout)[17]).toBe('18A 18B 18C | 18D 18F');
    expect(seat(layout, '12F').position).toBe('window');
    expect(seat(layout, '12A').position).toBe('window');
    expect(seat(layout, '12B').position).toBe('middle');
    expect(seat(layout, '12C').position).toBe('aisle');
    expect(seat(layout, '12D').position).toBe('aisle');
    expect(seat(layout, '12C').block).not.toBe(seat(layout, '12D').block);
    expect(layout.seatByCode.has('12E')).toBe(false);
  });

  it('first class: A C | D F', () => {
    const layout = seatLayout('train-first-class', 56);
    expect(layout.rows).toHaveLength(14);
    expect(drawn(layout)[3]).toBe('4A 4C | 4D 4F');
    expect(layout.seats.some((s) => s.position === 'middle')).toBe(false);
  });

  it('hard seat: 118 numbered seats, 3 + 2, windows at numbers ending in 1, 5, 6 and 0, a short last row', () => {
    const layout = seatLayout('train-hard-seat', 118);
    expect(layout.seats).toHaveLength(118);
    expect(drawn(layout)[0]).toBe('1 2 3 | 4 5');
    expect(drawn(layout)[1]).toBe('6 7 8 | 9 10');
    expect(drawn(layout)[23]).toBe('116 117 118 | . .');
    const windows = layout.seats.filter((s) => s.position === 'window').map((s) => Number(s.code) % 10);
    expect(new Set(windows)).toEqual(new Set([1, 5, 6, 0]));
    expect(seat(layout, '57').position).toBe('middle');
  });

  it('coach: 2 + 2 numbered from 1, a back bench of 5 when one seat is left over', () => {
    const layout = seatLayout('coach', 45);
    expect(drawn(layout)[0]).toBe('1 2 | 3 4');
    expect(drawn(layout).at(-1)).toBe('41 42 43 44 45');
    expect(layout.rows.at(-1)?.cells.every((cell) => cell.kind === 'seat')).toBe(true);
    expect(
      seatLayout('coach', 44)
        .rows.at(-1)
        ?.cells.map((cell) => cell.kind),
    ).toEqual(['seat', 'seat', 'aisle', 'seat', 'seat']);
    expect(drawn(seatLayout('coach', 46)).at(-1)).toBe('45 46 | . .');
    expect(drawn(seatLayout('coach', 19)).at(-1)).toBe('17 18 | 19 .');
  });

  it.each<[VehicleKind, number]>([
    ['train-second-class', 90],
    ['train-second-class', 87],
    ['train-first-class', 53],
    ['train-hard-seat', 118],
    ['coach', 19],
    ['coach', 53],
    ['coach', 60],
  ])('%s with %i seats: every seat once, every row as wide as the grid', (kind, count) => {
    const layout = seatLayout(kind, count);
    expect(layout.seats).toHaveLength(count);
    expect(new Set(layout.seats.map((s) => s.code)).size).toBe(count);
    for (const row of layout.rows) expect(row.cells).toHaveLength(layout.columns);
    layout.seats.forEach((s, order) => {
      expect(s.order).toBe(order);
      expect(layout.rows[s.row]?.cells[s.column]).toBe(s);
    });
  });

  it('gives no rows for a seat count that is no positive integer', () => {
    expect(seatLayout('coach', 0).rows).toEqual([]);
    expect(seatLayout('train-second-class', 4.5).seats).toEqual([]);
  });
});

describe('normalizeSeatCode reads a seat as a coordinator types it', () => {
  it.each([
    ['05F', '5F'],
    ['12f', '12F'],
    ['１２Ｆ', '12F'],
    [' 057号 ', '57'],
    ['3号座', '3'],
    ['12 F', '12F'],
  ])('%s is %s', (typed, code) => {
    expect(normalizeSeatCode(typed)).toBe(code);
  });

  it('leaves text that is no seat as typed, trimmed', () => {
    expect(normalizeSeatCode(' window ')).toBe('window');
  });
});
