/**
 * The passenger manifest (乘客名单): one section per leg and vehicle, A4 landscape, the passengers
 * in seat order. A section's first page carries its full header (batch, route, date, leg, vehicle,
 * escort); every page after it a running header (marked 续 / continued) with the batch, the leg and
 * the vehicle, then the table's header again; each page says which of the section's pages it is
 * (本车第 2 页 / 共 3 页). The footer has the vehicle's totals (passengers, men, women,
 * registered-poor households and their share). The last page of each vehicle has signature lines
 * for the escort, the driver or conductor and the medic, with at least the last three rows on it
 * (see drawKeptTable in parts.ts). Passengers of a leg who have no seat on it yet follow in a
 * section of their own, so nobody on the batch is missing from the papers.
 *
 * A vehicle with nobody in it gets no page: there is no one to check off and nothing to sign. The
 * header of its leg's first section names it (本段无乘客的车辆（不另列名单）：桂L99999), so its
 * escort sees it is not forgotten. A batch with no passengers gets one page that says so.
 */
import { beijingClockTime, formatCalendarDate, formatShortTimestamp } from '../dates';
import { maskPhone, maskResidentId } from '../domain/masking';
import type { ManifestColumn } from '../domain/records';
import { DEFAULT_MANIFEST_COLUMNS, MANIFEST_COLUMNS } from '../domain/records';
import { carriageLabel, seatLabel } from '../seating';
import {
  COMMON_LABELS,
  GENDER_LABELS,
  LEG_MODE_LABELS,
  POVERTY_LABELS,
  VERDICT_LABELS,
  fill,
  localized,
} from './labels';
import { MANIFEST_LABELS } from './manifest-labels';
import type { BatchPapers, DocumentOptions, PaperLeg, PaperPassenger, PaperVehicle } from './model';
import { drawKeptTable, legLabel, vehicleName } from './parts';
import { COLOURS, FONT_SIZE, MARGIN, throwIfAborted } from './sheet';
import type { Sheet } from './sheet';

/** Relative widths of the columns; the chosen ones share the page width in these proportions. */
const COLUMN_WEIGHTS: Readonly<Record<ManifestColumn, number>> = {
  sequence: 9,
  name: 22,
  gender: 9,
  age: 9,
  residentId: 34,
  phone: 22,
  home: 34,
  enterprise: 44,
  seat: 24,
  health: 25,
  boarded: 13,
  povertyStatus: 20,
  remarks: 20,
};

const CENTRED: ReadonlySet<ManifestColumn> = new Set(['sequence', 'gender', 'age', 'boarded']);

const BOX_SIZE = 3.2;

/** The ideographic space that separates parts of a Chinese heading. */
const GAP = '\u3000';

interface ManifestRow {
  sequence: number;
  passenger: PaperPassenger;
  seat: string;
}

/** Totals printed in every page's footer of a section. */
export interface SectionTotals {
  count: number;
  men: number;
  women: number;
  poor: number;
}

export function sectionTotals(passengers: readonly PaperPassenger[]): SectionTotals {
  return {
    count: passengers.length,
    men: passengers.filter((passenger) => passenger.gender === 'male').length,
    women: passengers.filter((passenger) => passenger.gender === 'female').length,
    poor: passengers.filter((passenger) => passenger.povertyStatus === 'registered-poor').length,
  };
}

/** A share as people write it: 26.7%; nothing when there is nobody to count. */
function share(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`;
}

function chosenColumns(options: DocumentOptions): ManifestColumn[] {
  const known: readonly string[] = MANIFEST_COLUMNS;
  const chosen = (options.manifestColumns ?? DEFAULT_MANIFEST_COLUMNS).filter((column) => known.includes(column));
  const unique = [...new Set(chosen)];
  return unique.includes('name') ? unique : ['name', ...unique];
}

function cellText(column: ManifestColumn, row: ManifestRow, sheet: Sheet, seatOf: (seat: string) => string): string {
  const { passenger } = row;
  const language = sheet.language;
  switch (column) {
    case 'sequence':
      return String(row.sequence);
    case 'name':
      return passenger.name;
    case 'gender':
      return localized(GENDER_LABELS, language)[passenger.gender];
    case 'age':
      return String(passenger.age);
    case 'residentId':
      return sheet.print.fullNumbers ? passenger.residentId : maskResidentId(passenger.residentId);
    case 'phone':
      return sheet.print.fullNumbers ? passenger.phone : maskPhone(passenger.phone);
    case 'home':
      return [passenger.county, passenger.township, passenger.village].filter((part) => part !== '').join('');
    case 'enterprise':
      return passenger.enterpriseId ?? '';
    case 'seat':
      return row.seat === '' ? '—' : seatOf(row.seat);
    case 'health': {
      const verdicts = localized(VERDICT_LABELS, language);
      if (!passenger.health) return verdicts.unchecked;
      return `${verdicts[passenger.health.result]} ${formatShortTimestamp(passenger.health.checkedAt, language)}`;
    }
    case 'boarded':
      return '';
    case 'povertyStatus':
      return localized(POVERTY_LABELS, language)[passenger.povertyStatus];
    case 'remarks':
      // Left blank for the escort's notes at boarding.
      return '';
  }
}

interface Section {
  leg: PaperLeg;
  legNumber: number;
  vehicle: PaperVehicle | null;
  rows: ManifestRow[];
  /** The leg's vehicles with nobody in them, named in the header of the leg's first section. */
  emptyVehicles: PaperVehicle[];
}

/** What a section is called: its vehicle, the passengers without a seat, or a leg with nobody on it. */
function sectionName(sheet: Sheet, section: Section): string {
  const labels = localized(MANIFEST_LABELS, sheet.language);
  if (section.vehicle) return carriageTitle(section.vehicle);
  return section.rows.length > 0 ? labels.unseatedTitle : labels.legEmpty;
}

function batchLine(sheet: Sheet, papers: BatchPapers): string {
  return fill(localized(MANIFEST_LABELS, sheet.language).header, {
    batch: papers.batch.name,
    route: papers.route.name,
    date: formatCalendarDate(papers.batch.date, sheet.language),
  });
}

/** The leg and, for a vehicle's section, the vehicle and its escort. */
function legParts(sheet: Sheet, section: Section): string[] {
  const labels = localized(MANIFEST_LABELS, sheet.language);
  const { leg, vehicle } = section;
  const parts = [
    fill(labels.legLine, {
      number: section.legNumber,
      mode: localized(LEG_MODE_LABELS, sheet.language)[leg.mode],
      from: leg.from,
      to: leg.to,
      time: beijingClockTime(leg.departureAt),
    }),
  ];
  if (vehicle) {
    parts.push(fill(labels.vehicleLine, { vehicle: carriageTitle(vehicle), seats: vehicle.seatCount }));
    parts.push(
      vehicle.escort
        ? fill(labels.escortLine, { name: vehicle.escort.name, phone: vehicle.escort.phone })
        : labels.noEscort,
    );
  }
  return parts;
}

/** Draws the section's header on a new page; returns the y below it and the y of its title line. */
function drawSectionHeader(sheet: Sheet, papers: BatchPapers, section: Section): { y: number; titleY: number } {
  const labels = localized(MANIFEST_LABELS, sheet.language);
  let y = sheet.newPage('landscape');
  // The office that made the manifest (Settings' organisation name), as every other document has it.
  const organization = sheet.print.organization.trim();
  if (organization !== '') y = sheet.line(organization, MARGIN, y, { size: FONT_SIZE.body, colour: COLOURS.muted });
  const titleY = y;
  y = sheet.line(`${labels.title}${GAP}${sectionName(sheet, section)}`, MARGIN, y, {
    size: FONT_SIZE.title,
    bold: true,
  });
  y = sheet.line(batchLine(sheet, papers), MARGIN, y + 1, { size: FONT_SIZE.body });
  y = sheet.paragraph(legParts(sheet, section).join(GAP), MARGIN, y, sheet.contentWidth, {
    size: FONT_SIZE.body,
  });
  if (section.emptyVehicles.length > 0) {
    const names = section.emptyVehicles.map((vehicle) => vehicleName(vehicle, sheet.language));
    const text = fill(labels.emptyVehicles, { vehicles: names.join(sheet.language === 'en' ? ', ' : '、') });
    y = sheet.paragraph(text, MARGIN, y, sheet.contentWidth, { size: FONT_SIZE.body, colour: COLOURS.muted });
  }
  return { y: y + 2, titleY };
}

/** Room kept at the right of the running header for "page x of y". */
const PAGE_LABEL_ROOM = 45;

/**
 * The running header of a section's pages after the first, in one line where it fits: the title
 * marked continued, the batch, the leg and the vehicle, so that a page that comes loose still says
 * where it belongs. Returned wrapped to the page, beside the page label.
 */
function runningHeader(sheet: Sheet, papers: BatchPapers, section: Section): string[] {
  const labels = localized(MANIFEST_LABELS, sheet.language);
  const { vehicle } = section;
  const parts = [
    `${labels.title}${labels.continued}`,
    papers.batch.name,
    legLabel(section.leg, section.legNumber - 1, sheet.language),
    vehicle
      ? fill(labels.vehicleLine, { vehicle: carriageTitle(vehicle), seats: vehicle.seatCount })
      : sectionName(sheet, section),
  ];
  sheet.setStyle({ size: FONT_SIZE.body, bold: true });
  return sheet.wrap(parts.join(GAP), sheet.contentWidthOf('landscape') - PAGE_LABEL_ROOM);
}

function runningHeaderHeight(sheet: Sheet, lines: readonly string[]): number {
  return sheet.lineHeight(FONT_SIZE.body) * lines.length + 2;
}

function drawRunningHeader(sheet: Sheet, lines: readonly string[], pageLabel: string): void {
  sheet.line(pageLabel, sheet.pageWidth - MARGIN, MARGIN, { size: FONT_SIZE.body, align: 'right' });
  let y = MARGIN;
  for (const line of lines) y = sheet.line(line, MARGIN, y, { size: FONT_SIZE.body, bold: true });
}

function carriageTitle(vehicle: PaperVehicle): string {
  return vehicle.kind === 'coach' ? vehicle.label : carriageLabel(vehicle.label);
}

/** Height of the signature block below a vehicle's table. */
function signaturesHeight(sheet: Sheet): number {
  return 6 + sheet.lineHeight() * 3 + 2;
}

function drawSignatures(sheet: Sheet, section: Section, startY: number): void {
  const labels = localized(MANIFEST_LABELS, sheet.language);
  const common = localized(COMMON_LABELS, sheet.language);
  let y = startY + 6;
  const driver = section.leg.mode === 'train' ? labels.signConductor : labels.signDriver;
  const columnWidth = sheet.contentWidth / 3;
  [labels.signEscort, driver, labels.signMedic].forEach((label, index) => {
    sheet.signature(label, MARGIN + index * columnWidth, y, columnWidth - 8);
  });
  y += sheet.lineHeight() * 2 + 2;
  [0, 1, 2].forEach((index) => {
    sheet.signature(common.date, MARGIN + index * columnWidth, y, columnWidth - 8);
  });
}

/**
 * The sections of the manifest, leg by leg: each vehicle with passengers, then the passengers with
 * no seat on the leg. A vehicle with nobody in it gets no page: the leg's first section names it in
 * its header (an escort of an empty coach finds it said there, and no blank list to sign). A leg
 * with nobody on it at all gets one short section that says so.
 */
function sections(papers: BatchPapers): Section[] {
  const byId = new Map(papers.passengers.map((passenger) => [passenger.workerId, passenger]));
  return papers.legs.flatMap((leg, index) => {
    const legNumber = index + 1;
    const seated = leg.vehicles.map((vehicle): Section => ({
      leg,
      legNumber,
      vehicle,
      rows: vehicle.seats.flatMap(({ workerId, seat }, position) => {
        const passenger = byId.get(workerId);
        return passenger ? [{ sequence: position + 1, passenger, seat }] : [];
      }),
      emptyVehicles: [],
    }));
    const unseated = leg.unseated.flatMap((workerId, position) => {
      const passenger = byId.get(workerId);
      return passenger ? [{ sequence: position + 1, passenger, seat: '' }] : [];
    });
    const withPassengers = seated.filter((section) => section.rows.length > 0);
    if (unseated.length > 0) withPassengers.push({ leg, legNumber, vehicle: null, rows: unseated, emptyVehicles: [] });
    const emptyVehicles = seated.flatMap((section) =>
      section.rows.length === 0 && section.vehicle ? [section.vehicle] : [],
    );
    const [first] = withPassengers;
    if (!first) return [{ leg, legNumber, vehicle: null, rows: [], emptyVehicles }];
    first.emptyVehicles = emptyVehicles;
    return withPassengers;
  });
}

/** The one page of a manifest with nobody to list: what the batch is, and that there is nothing to print. */
function drawNothingToList(sheet: Sheet, papers: BatchPapers): void {
  const labels = localized(MANIFEST_LABELS, sheet.language);
  let y = sheet.newPage('landscape');
  const organization = sheet.print.organization.trim();
  if (organization !== '') y = sheet.line(organization, MARGIN, y, { size: FONT_SIZE.body, colour: COLOURS.muted });
  y = sheet.line(labels.title, MARGIN, y, { size: FONT_SIZE.title, bold: true });
  y = sheet.line(batchLine(sheet, papers), MARGIN, y + 1, { size: FONT_SIZE.body });
  sheet.paragraph(labels.noPassengers, MARGIN, y + 6, sheet.contentWidth, { size: FONT_SIZE.heading, bold: true });
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Draws the manifest of `papers` onto `sheet`, one section per leg and vehicle with passengers.
 * Every page of a section after the first repeats, above the table's header, a running header with
 * the batch, the leg and the vehicle and "page x of y" of the section. A vehicle's signature lines
 * share their page with at least its last three rows (or its whole list, when shorter).
 */
export async function drawManifest(sheet: Sheet, papers: BatchPapers, options: DocumentOptions = {}): Promise<void> {
  const labels = localized(MANIFEST_LABELS, sheet.language);
  const columns = chosenColumns(options);
  const weight = columns.reduce((sum, column) => sum + COLUMN_WEIGHTS[column], 0);
  const enterprises = new Map(papers.enterprises.map((enterprise) => [enterprise.id, enterprise.name]));
  const boardedColumn = columns.indexOf('boarded');
  const all = sections(papers);
  const total = all.reduce((sum, section) => sum + section.rows.length, 0);
  if (papers.passengers.length === 0) {
    throwIfAborted(options.signal);
    drawNothingToList(sheet, papers);
    options.onProgress?.(total, total);
    return;
  }
  let done = 0;
  for (const section of all) {
    throwIfAborted(options.signal);
    options.onProgress?.(done, total);
    await yieldToEventLoop();
    const vehicle = section.vehicle;
    const seatOf = (seat: string): string => (vehicle ? seatLabel(vehicle, seat, sheet.language) : seat);
    const totals = sectionTotals(section.rows.map((row) => row.passenger));
    const note = fill(vehicle ? labels.totals : labels.unseatedTotals, {
      ...totals,
      share: share(totals.poor, totals.count),
    });
    if (section.rows.length === 0) {
      // A leg with nobody on it: its header, its empty vehicles, and no table.
      drawSectionHeader(sheet, papers, section);
      continue;
    }
    const body = section.rows.map((row) =>
      columns.map((column) =>
        column === 'enterprise'
          ? (enterprises.get(row.passenger.enterpriseId ?? '') ?? '')
          : cellText(column, row, sheet, seatOf),
      ),
    );
    const header = runningHeader(sheet, papers, section);
    let titleY = MARGIN;
    const { firstPage, end } = drawKeptTable(sheet, {
      orientation: 'landscape',
      start: () => {
        const drawn = drawSectionHeader(sheet, papers, section);
        titleY = drawn.titleY;
        return drawn.y;
      },
      closingHeight: vehicle ? signaturesHeight(sheet) : 0,
      continuationTop: runningHeaderHeight(sheet, header),
      head: [columns.map((column) => labels[column])],
      body,
      // Measured for the section's own (landscape) pages, whichever page is current now.
      widths: columns.map((column) => (COLUMN_WEIGHTS[column] / weight) * sheet.contentWidthOf('landscape')),
      columnStyles: Object.fromEntries(
        columns.flatMap((column, index) => (CENTRED.has(column) ? [[index, { halign: 'center' }]] : [])),
      ),
      onRow: (rowIndex) => {
        if (rowIndex % 100 === 99) options.onProgress?.(done + rowIndex + 1, total);
      },
      didDrawCell: (data) => {
        if (data.section === 'body' && data.column.index === boardedColumn) {
          const x = data.cell.x + (data.cell.width - BOX_SIZE) / 2;
          const top = data.cell.y + (data.cell.height - BOX_SIZE) / 2;
          sheet.doc.setDrawColor(...COLOURS.text);
          sheet.doc.setLineWidth(0.25);
          sheet.doc.rect(x, top, BOX_SIZE, BOX_SIZE);
        }
      },
    });
    if (vehicle) drawSignatures(sheet, section, end);
    const lastPage = sheet.pageCount;
    const pages = lastPage - firstPage + 1;
    for (let page = firstPage; page <= lastPage; page += 1) {
      sheet.doc.setPage(page);
      const pageLabel = fill(vehicle ? labels.vehiclePage : labels.sectionPage, { page: page - firstPage + 1, pages });
      if (page === firstPage) {
        // On the title's baseline, so that it reads as the same line.
        const top = titleY + (sheet.lineHeight(FONT_SIZE.title) - sheet.lineHeight(FONT_SIZE.body)) * 0.8;
        sheet.line(pageLabel, sheet.pageWidth - MARGIN, top, { size: FONT_SIZE.body, align: 'right' });
      } else {
        drawRunningHeader(sheet, header, pageLabel);
      }
      sheet.setPageNote(page, [note]);
    }
    sheet.doc.setPage(lastPage);
    done += section.rows.length;
  }
  options.onProgress?.(total, total);
}
