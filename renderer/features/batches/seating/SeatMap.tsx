import { memo, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent } from 'react';
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language, ReservedRole } from '@shared/domain/records';
import { hasLetteredSeats, seatLabel } from '@shared/seating';
import type { LayoutSeat, SeatLayout, VehicleSeatPlan } from '@shared/seating';
import { vehicleName } from './seating-text';
import classes from './SeatMap.module.css';

/** Who sits in a seat. */
export interface SeatOccupant {
  /** The passenger's worker id. */
  workerId: string;
  /** The passenger's full name: the seat shows it shortened, its accessible name in full. */
  name: string;
}

/** What a seat shows: a passenger, nobody, a seat the load factor keeps free, a seat kept for staff. */
export type SeatState = 'taken' | 'free' | 'closed' | 'reserved';

/** The state of `code` on a vehicle with `plan`, given who sits where. */
export function seatState(
  plan: VehicleSeatPlan,
  occupants: ReadonlyMap<string, SeatOccupant>,
  code: string,
): SeatState {
  if (occupants.has(code)) return 'taken';
  if (plan.reserved.has(code)) return 'reserved';
  return plan.sellable.has(code) ? 'free' : 'closed';
}

/** A name that fits a seat: the first part of a minority name, at most three characters and an ellipsis. */
function shortName(name: string): string {
  const first = name.split('·')[0] ?? name;
  const characters = Array.from(first);
  return characters.length <= 4 ? first : `${characters.slice(0, 3).join('')}…`;
}

/** The seat to go to from `seat` for an arrow key, or undefined at an edge. */
function seatToward(layout: SeatLayout, seat: LayoutSeat, key: string): LayoutSeat | undefined {
  if (key === 'ArrowRight') return layout.seats[seat.order + 1];
  if (key === 'ArrowLeft') return layout.seats[seat.order - 1];
  const seatsOfRow = (row: number): LayoutSeat[] =>
    (layout.rows[row]?.cells ?? []).filter((cell): cell is LayoutSeat => cell.kind === 'seat');
  const nearestIn = (row: number): LayoutSeat | undefined =>
    seatsOfRow(row).reduce<LayoutSeat | undefined>(
      (best, candidate) =>
        best === undefined || Math.abs(candidate.column - seat.column) < Math.abs(best.column - seat.column)
          ? candidate
          : best,
      undefined,
    );
  if (key === 'ArrowDown') return nearestIn(seat.row + 1);
  if (key === 'ArrowUp') return nearestIn(seat.row - 1);
  if (key === 'Home') return seatsOfRow(seat.row)[0];
  if (key === 'End') return seatsOfRow(seat.row).at(-1);
  return undefined;
}

const NAVIGATION_KEYS = new Set(['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End']);

interface SeatMapProps {
  /** The vehicle with its layout, reserved seats and the seats the load factor lets passengers take. */
  plan: VehicleSeatPlan;
  /** Who sits where on this vehicle, by seat code. */
  occupants: ReadonlyMap<string, SeatOccupant>;
  /** The seat of the passenger picked up, when that seat is on this vehicle; null otherwise. */
  pickedSeat: string | null;
  /** False while the batch can not be changed: seats can be looked at, not dragged. */
  editable: boolean;
  /** The language seats are written in (05车12F or Car 05 Seat 12F). */
  language: Language;
}

/**
 * The seat map of one vehicle: a grid shaped like its layout, front at the top, with the aisle,
 * row numbers and letters on lettered trains, each seat a button named as on a ticket with who sits
 * there. Only one seat of the map is in the tab order; the arrow keys move between seats. Clicks,
 * drags and drops are handled by the page around it, through each seat's `data-seat` and
 * `data-vehicle`.
 */
export const SeatMap = memo(function SeatMap({ plan, occupants, pickedSeat, editable, language }: SeatMapProps) {
  const { t } = useTranslation();
  const grid = useRef<HTMLDivElement>(null);
  const { vehicle, layout } = plan;
  const [active, setActive] = useState<string | null>(null);
  const tabbable = active !== null && layout.seatByCode.has(active) ? active : (layout.seats[0]?.code ?? null);
  const lettered = hasLetteredSeats(vehicle.kind);
  const name = vehicleName(t, vehicle);

  const aisleColumns = new Set<number>();
  for (const row of layout.rows) {
    row.cells.forEach((cell, column) => {
      if (cell.kind === 'aisle') aisleColumns.add(column);
    });
  }
  const columns = Array.from({ length: layout.columns }, (_, column) =>
    aisleColumns.has(column) ? 'var(--aisle-width)' : 'var(--seat-width)',
  );
  const gridStyle: CSSProperties = { gridTemplateColumns: `var(--row-label-width) ${columns.join(' ')}` };
  const letters = (layout.rows[0]?.cells ?? []).map((cell) =>
    cell.kind === 'seat' ? cell.code.replace(/^\d+/, '') : '',
  );

  const seated = occupants.size;
  const over = seated > plan.capacity;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!NAVIGATION_KEYS.has(event.key)) return;
    const code = (event.target as HTMLElement).closest<HTMLElement>('[data-seat]')?.dataset.seat;
    const from = code === undefined ? undefined : layout.seatByCode.get(code);
    if (from === undefined) return;
    event.preventDefault();
    const to = seatToward(layout, from, event.key);
    if (to === undefined) return;
    setActive(to.code);
    grid.current?.querySelector<HTMLElement>(`[data-seat="${CSS.escape(to.code)}"]`)?.focus();
  };
  const onFocus = (event: FocusEvent<HTMLDivElement>): void => {
    const code = (event.target as HTMLElement).closest<HTMLElement>('[data-seat]')?.dataset.seat;
    if (code !== undefined) setActive(code);
  };

  const seatButton = (seat: LayoutSeat) => {
    const occupant = occupants.get(seat.code);
    const state = seatState(plan, occupants, seat.code);
    const role: ReservedRole | undefined = plan.reserved.get(seat.code);
    const label = seatLabel(vehicle, seat.code, language);
    const accessibleName =
      occupant !== undefined
        ? t('seating.seatName.taken', { seat: label, name: occupant.name })
        : role !== undefined
          ? t('seating.seatName.reserved', { seat: label, role: t(`seating.roleNames.${role}`) })
          : t(`seating.seatName.${state}`, { seat: label });
    const shown =
      occupant !== undefined
        ? shortName(occupant.name)
        : role !== undefined
          ? t(`seating.roles.${role}`)
          : state === 'closed'
            ? t('seating.cell.closed')
            : '';
    const picked = pickedSeat === seat.code;
    return (
      <button
        key={seat.code}
        type="button"
        className={classes.seat}
        aria-label={accessibleName}
        aria-pressed={occupant !== undefined ? picked : undefined}
        title={occupant?.name}
        tabIndex={seat.code === tabbable ? 0 : -1}
        draggable={editable && occupant !== undefined}
        data-seat={seat.code}
        data-vehicle={vehicle.id}
        data-state={state}
        data-role={role}
        data-position={seat.position}
        data-worker={occupant?.workerId}
        data-picked={picked || undefined}
        data-readonly={!editable || undefined}
      >
        <span className={classes.code}>{seat.code}</span>
        <span className={occupant !== undefined ? classes.occupant : classes.mark}>{shown}</span>
      </button>
    );
  };

  return (
    <section
      className={classes.vehicle}
      aria-label={t('seating.mapLabel', { vehicle: name })}
      data-vehicle={vehicle.id}
      data-kind={vehicle.kind}
      data-seated={seated}
      data-capacity={plan.capacity}
      data-over-capacity={over || undefined}
    >
      <Group gap="xs" justify="space-between" wrap="nowrap" mb={4}>
        <Text fw={600}>{name}</Text>
        {over && (
          <Badge color="red" variant="light">
            {t('seating.overCapacity')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('seating.vehicleSummary', {
          kind: t(`seating.kinds.${vehicle.kind}`),
          seats: layout.seats.length,
          seated,
          capacity: plan.capacity,
        })}
      </Text>
      <div className={classes.end}>{t('seating.front')}</div>
      <div ref={grid} className={classes.grid} style={gridStyle} onKeyDown={onKeyDown} onFocus={onFocus}>
        {lettered && (
          <>
            <span aria-hidden />
            {letters.map((letter, column) => (
              <span key={column} className={classes.letter} aria-hidden>
                {letter}
              </span>
            ))}
          </>
        )}
        {layout.rows.map((row) => (
          <div key={row.index} className={classes.row} data-row={row.index + 1}>
            <span className={classes.rowLabel} aria-hidden>
              {lettered ? row.index + 1 : ''}
            </span>
            {row.cells.map((cell, column) =>
              cell.kind === 'seat' ? (
                seatButton(cell)
              ) : (
                <span key={`${cell.kind}-${column}`} className={classes[cell.kind]} data-cell={cell.kind} />
              ),
            )}
          </div>
        ))}
      </div>
      <div className={classes.end}>{t('seating.back')}</div>
    </section>
  );
});
