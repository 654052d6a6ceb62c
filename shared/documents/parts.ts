/**
 * Pieces that the batch papers (cover sheet, handover sheet, health-check sheet, boarding cards)
 * share: where each passenger sits on each leg, how a seat and a leg are written, the title block,
 * a grid of facts, and the pause between sections that lets a worker hear a cancel.
 */
import type { RowInput, Styles } from 'jspdf-autotable';
import { addMinutesToTimestamp, beijingClockTime, formatCalendarDate, formatTimestamp } from '../dates';
import type { BatchStatus, Language } from '../domain/records';
import { carriageLabel, seatLabel } from '../seating/label';
import { LEG_MODE_LABELS, fill } from './labels';
import type { Labels } from './labels';
import type { BatchPapers, PaperLeg, PaperVehicle } from './model';
import { COLOURS, FONT_SIZE, MARGIN } from './sheet';
import type { Orientation, Rgb, Sheet, SheetTableOptions } from './sheet';

/** Lets the event loop run (a cancel message, a progress update) before the next section. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export const STATUS_LABELS: Labels<BatchStatus> = {
  'zh-CN': {
    draft: '草稿',
    planned: '已编排',
    ready: '可出发',
    departed: '已出发',
    arrived: '已到达',
    'handed-over': '已交接',
    closed: '已结束',
  },
  en: {
    draft: 'Draft',
    planned: 'Planned',
    ready: 'Ready',
    departed: 'Departed',
    arrived: 'Arrived',
    'handed-over': 'Handed over',
    closed: 'Closed',
  },
};

const PART_LABELS: Labels<'legNumbered' | 'arrow'> = {
  'zh-CN': { legNumbered: '第{n}段', arrow: ' → ' },
  en: { legNumbered: 'Leg {n}', arrow: ' → ' },
};

/** One passenger's place on one leg. */
export interface SeatPlace {
  leg: PaperLeg;
  legIndex: number;
  vehicle: PaperVehicle;
  /** As stored on the assignment (`05-12F`, `12`). */
  seat: string;
}

/** Every passenger's seat on every leg: `places.get(legId)?.get(workerId)`. */
export type SeatPlaces = ReadonlyMap<string, ReadonlyMap<string, SeatPlace>>;

export function seatPlaces(papers: BatchPapers): SeatPlaces {
  const places = new Map<string, Map<string, SeatPlace>>();
  papers.legs.forEach((leg, legIndex) => {
    const onLeg = new Map<string, SeatPlace>();
    for (const vehicle of leg.vehicles) {
      for (const { workerId, seat } of vehicle.seats) onLeg.set(workerId, { leg, legIndex, vehicle, seat });
    }
    places.set(leg.id, onLeg);
  });
  return places;
}

/**
 * A seat as a reader finds it: a train seat names its carriage already (05车12F); a coach seat gets
 * the plate in front (桂L12345 3号座), since a leg may run several coaches.
 */
export function placeLabel(vehicle: Pick<PaperVehicle, 'kind' | 'label'>, seat: string, language: Language): string {
  const label = seatLabel(vehicle, seat, language);
  return vehicle.kind === 'coach' ? `${vehicle.label.trim()} ${label}` : label;
}

/** A vehicle as people name it: the plate of a coach, `05车` / `Car 05` for a carriage. */
export function vehicleName(vehicle: Pick<PaperVehicle, 'kind' | 'label'>, language: Language): string {
  if (vehicle.kind === 'coach') return vehicle.label.trim();
  const car = carriageLabel(vehicle.label);
  return language === 'en' ? `Car ${car}` : `${car}车`;
}

/** A colour as jspdf-autotable's styles take it. */
export function rgb(colour: Rgb): [number, number, number] {
  return [colour[0], colour[1], colour[2]];
}

/** `第1段 汽车 田东县汽车站 → 南宁东站` / `Leg 1 Coach ...`. */
export function legLabel(leg: PaperLeg, legIndex: number, language: Language): string {
  const labels = PART_LABELS[language];
  return `${fill(labels.legNumbered, { n: legIndex + 1 })} ${LEG_MODE_LABELS[language][leg.mode]} ${legRoute(leg, language)}`;
}

/** `田东县汽车站 → 南宁东站`. */
export function legRoute(leg: Pick<PaperLeg, 'from' | 'to'>, language: Language): string {
  return `${leg.from}${PART_LABELS[language].arrow}${leg.to}`;
}

/** Starts a new page when `height` more millimetres would run into the footer; returns where to draw. */
export function ensureRoom(sheet: Sheet, y: number, height: number, orientation: Orientation): number {
  return y + height > sheet.contentBottom ? sheet.newPage(orientation) : y;
}

/**
 * The title block: the printing organisation (muted), the document's title (centred, bold), an
 * optional line under it, and a rule. Returns the y below it.
 */
export function drawTitle(sheet: Sheet, y: number, title: string, subtitle?: string): number {
  const centre = sheet.pageWidth / 2;
  let next = y;
  const organization = sheet.print.organization.trim();
  if (organization !== '') {
    next = sheet.line(organization, centre, next, { size: FONT_SIZE.body, colour: COLOURS.muted, align: 'center' });
  }
  next = sheet.line(title, centre, next + 0.5, { size: FONT_SIZE.title, bold: true, align: 'center' });
  if (subtitle) {
    for (const line of sheet.wrap(subtitle, sheet.contentWidth)) {
      next = sheet.line(line, centre, next, { size: FONT_SIZE.body, colour: COLOURS.muted, align: 'center' });
    }
  }
  next += 1.5;
  sheet.doc.setDrawColor(...COLOURS.text);
  sheet.doc.setLineWidth(0.5);
  sheet.doc.line(MARGIN, next, sheet.pageWidth - MARGIN, next);
  return next + 3;
}

/** A section heading (bold, with a thin rule under it); returns the y below it. */
export function drawHeading(sheet: Sheet, y: number, text: string, aside?: string): number {
  const next = sheet.line(text, MARGIN, y, { size: FONT_SIZE.heading, bold: true });
  if (aside) {
    // On the heading's baseline, so that it reads as the same line.
    const top = y + (sheet.lineHeight(FONT_SIZE.heading) - sheet.lineHeight(FONT_SIZE.body)) * 0.8;
    sheet.line(aside, sheet.pageWidth - MARGIN, top, { size: FONT_SIZE.body, colour: COLOURS.muted, align: 'right' });
  }
  sheet.rule(MARGIN, next + 0.3, sheet.pageWidth - MARGIN, COLOURS.text);
  return next + 2;
}

/** One fact of a fact grid: a label and what it says. */
export type Fact = readonly [label: string, value: string];

/**
 * Facts in a bordered grid, `pairs` label-value pairs to a row, labels shaded: the head of an
 * official form. Long values wrap inside their cell. Returns the y below the grid.
 */
export function drawFacts(
  sheet: Sheet,
  y: number,
  facts: readonly Fact[],
  options: { width: number; pairs: number; labelWidth: number },
): number {
  const valueWidth = options.width / options.pairs - options.labelWidth;
  const rows: string[][] = [];
  for (let start = 0; start < facts.length; start += options.pairs) {
    const row: string[] = [];
    for (let pair = 0; pair < options.pairs; pair += 1) {
      const fact = facts[start + pair];
      row.push(fact?.[0] ?? '', fact?.[1] ?? '');
    }
    rows.push(row);
  }
  const widths: number[] = [];
  const columnStyles: Record<number, Partial<Styles>> = {};
  for (let pair = 0; pair < options.pairs; pair += 1) {
    widths.push(options.labelWidth, valueWidth);
    columnStyles[pair * 2] = { fillColor: rgb(COLOURS.heading), fontStyle: 'bold' };
  }
  return sheet.table({ head: [], body: rows, startY: y, widths, columnStyles, fontSize: FONT_SIZE.body });
}

/** The batch's date as people read it. */
export function batchDate(papers: BatchPapers, language: Language): string {
  return formatCalendarDate(papers.batch.date, language);
}

/** A moment as people read it, or an empty string when there is none. */
export function moment(at: string | null | undefined, language: Language): string {
  return at ? formatTimestamp(at, language) : '';
}

/**
 * A timetable moment (a departure, an assembly time) in Beijing time, as timetables print it
 * whatever zone the office PC's clock is set to: 2026年2月18日 06:30 / Feb 18, 2026 06:30.
 */
export function timetableMoment(at: string, language: Language): string {
  let day: string;
  try {
    // The instant eight hours on, read in UTC, is the Beijing calendar day (no daylight saving since 1991).
    day = addMinutesToTimestamp(at, 8 * 60).slice(0, 10);
  } catch {
    return at;
  }
  return `${formatCalendarDate(day, language)} ${beijingClockTime(at)}`;
}

/**
 * Puts `note` in the footer of pages `from` to the last, wrapped to the page's width (a long
 * enterprise name must not run off the page).
 */
export function noteOnPages(sheet: Sheet, from: number, note: string): void {
  sheet.setStyle({ size: FONT_SIZE.footer, bold: true });
  const lines = sheet.wrap(note, sheet.contentWidth);
  for (let page = from; page <= sheet.pageCount; page += 1) sheet.setPageNote(page, lines);
}

/** The fewest rows that go with a table's closing block (totals, signatures) onto a page after the first. */
export const ROWS_KEPT_WITH_CLOSING = 3;

export interface KeptTableOptions extends Omit<SheetTableOptions, 'startY' | 'body' | 'reserveTop' | 'reserveBottom'> {
  body: RowInput[];
  orientation: Orientation;
  /** Starts the table's first page (a new page with the document's head); returns where the table starts. */
  start: () => number;
  /** Height of what must follow the last row on the same page: totals, signature lines. */
  closingHeight: number;
  /** Room kept free at the top of every page after the first, for a running header drawn afterwards. */
  continuationTop?: number;
}

/**
 * A table whose closing block (signatures and the like) never stands alone on a page, nor with just
 * one or two rows on a page after the first: when it would, the last {@link ROWS_KEPT_WITH_CLOSING}
 * rows (or all of them, for a short table) go on the next page with it. Only the pages from the
 * one that changes are drawn again. Returns the table's first page and the y below its last row,
 * where the closing block has room. `didDrawCell` sees row indexes counted within the part drawn.
 */
export function drawKeptTable(sheet: Sheet, options: KeptTableOptions): { firstPage: number; end: number } {
  const { body, orientation, start, closingHeight, continuationTop = 0, onRow, ...table } = options;
  const pageOfRow: number[] = [];
  const draw = (from: number, to: number, startY: number): number =>
    sheet.table({
      ...table,
      body: body.slice(from, to),
      startY,
      reserveTop: continuationTop,
      onRow: (index) => {
        pageOfRow[from + index] = sheet.pageNumber;
        onRow?.(from + index);
      },
    });
  const continuation = (): number => sheet.newPage(orientation) + continuationTop;
  const startY = start();
  const first = sheet.pageNumber;
  const end = draw(0, body.length, startY);
  const last = sheet.pageNumber;
  const keep = Math.min(ROWS_KEPT_WITH_CLOSING, body.length);
  const rowsOnLast = pageOfRow.filter((page) => page === last).length;
  const fits = end + closingHeight <= sheet.contentBottom;
  if (fits && (last === first || rowsOnLast >= keep)) return { firstPage: first, end };
  const split = body.length - keep;
  const splitPage = pageOfRow[split] ?? last;
  const from = pageOfRow.indexOf(splitPage);
  if (split <= 0 || from === split) {
    // Rows so tall that three of them and the closing block do not share a page: the block goes
    // on the next page, under the running header.
    return { firstPage: first, end: continuation() };
  }
  sheet.discardPagesFrom(splitPage);
  if (splitPage === first) {
    draw(0, split, start());
  } else {
    draw(from, split, continuation());
  }
  return { firstPage: first, end: draw(split, body.length, continuation()) };
}
