/**
 * The passenger manifest (乘客名单): one section per leg and vehicle, A4 landscape, the passengers
 * in seat order. Each page carries the section's header (batch, route, date, leg, vehicle, escort)
 * and, in its footer, the vehicle's totals (passengers, men, women, registered-poor households
 * and their share). The last page of each vehicle has signature lines for the escort, the driver
 * or conductor and the medic. Passengers of a leg who have no seat on it yet follow in a section
 * of their own, so nobody on the batch is missing from the papers.
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
}

function drawSectionHeader(sheet: Sheet, papers: BatchPapers, section: Section): number {
  const labels = localized(MANIFEST_LABELS, sheet.language);
  const { leg, vehicle } = section;
  let y = sheet.newPage('landscape');
  // The office that made the manifest (Settings' organisation name), as every other document has it.
  const organization = sheet.print.organization.trim();
  if (organization !== '') y = sheet.line(organization, MARGIN, y, { size: FONT_SIZE.body, colour: COLOURS.muted });
  y = sheet.line(
    `${labels.title}${GAP}${section.vehicle ? carriageTitle(section.vehicle) : labels.unseatedTitle}`,
    MARGIN,
    y,
    {
      size: FONT_SIZE.title,
      bold: true,
    },
  );
  y = sheet.line(
    fill(labels.header, {
      batch: papers.batch.name,
      route: papers.route.name,
      date: formatCalendarDate(papers.batch.date, sheet.language),
    }),
    MARGIN,
    y + 1,
    { size: FONT_SIZE.body },
  );
  const legLine = fill(labels.legLine, {
    number: section.legNumber,
    mode: localized(LEG_MODE_LABELS, sheet.language)[leg.mode],
    from: leg.from,
    to: leg.to,
    time: beijingClockTime(leg.departureAt),
  });
  const parts = [legLine];
  if (vehicle) {
    parts.push(fill(labels.vehicleLine, { vehicle: carriageTitle(vehicle), seats: vehicle.seatCount }));
    parts.push(
      vehicle.escort
        ? fill(labels.escortLine, { name: vehicle.escort.name, phone: vehicle.escort.phone })
        : labels.noEscort,
    );
  }
  y = sheet.paragraph(parts.join(GAP), MARGIN, y, sheet.contentWidth, { size: FONT_SIZE.body });
  return y + 2;
}

function carriageTitle(vehicle: PaperVehicle): string {
  return vehicle.kind === 'coach' ? vehicle.label : carriageLabel(vehicle.label);
}

/** Height of the signature block below a vehicle's table. */
function signaturesHeight(sheet: Sheet): number {
  return 6 + sheet.lineHeight() * 3 + 2;
}

function signaturesFit(sheet: Sheet, tableEnd: number): boolean {
  return tableEnd + signaturesHeight(sheet) <= sheet.contentBottom;
}

function drawSignatures(sheet: Sheet, papers: BatchPapers, section: Section, startY: number): void {
  const labels = localized(MANIFEST_LABELS, sheet.language);
  const common = localized(COMMON_LABELS, sheet.language);
  let y = startY + 6;
  if (!signaturesFit(sheet, startY)) {
    y = drawSectionHeader(sheet, papers, section) + 4;
  }
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

function sections(papers: BatchPapers): Section[] {
  const byId = new Map(papers.passengers.map((passenger) => [passenger.workerId, passenger]));
  return papers.legs.flatMap((leg, index) => {
    const seated = leg.vehicles.map((vehicle): Section => ({
      leg,
      legNumber: index + 1,
      vehicle,
      rows: vehicle.seats.flatMap(({ workerId, seat }, position) => {
        const passenger = byId.get(workerId);
        return passenger ? [{ sequence: position + 1, passenger, seat }] : [];
      }),
    }));
    const unseated = leg.unseated.flatMap((workerId, position) => {
      const passenger = byId.get(workerId);
      return passenger ? [{ sequence: position + 1, passenger, seat: '' }] : [];
    });
    return unseated.length > 0 ? [...seated, { leg, legNumber: index + 1, vehicle: null, rows: unseated }] : seated;
  });
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Draws the manifest of `papers` onto `sheet`, one section per leg and vehicle. */
export async function drawManifest(sheet: Sheet, papers: BatchPapers, options: DocumentOptions = {}): Promise<void> {
  const labels = localized(MANIFEST_LABELS, sheet.language);
  const columns = chosenColumns(options);
  const weight = columns.reduce((sum, column) => sum + COLUMN_WEIGHTS[column], 0);
  const enterprises = new Map(papers.enterprises.map((enterprise) => [enterprise.id, enterprise.name]));
  const boardedColumn = columns.indexOf('boarded');
  const all = sections(papers);
  const total = all.reduce((sum, section) => sum + section.rows.length, 0);
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
    const body = section.rows.map((row) =>
      columns.map((column) =>
        column === 'enterprise'
          ? (enterprises.get(row.passenger.enterpriseId ?? '') ?? '')
          : cellText(column, row, sheet, seatOf),
      ),
    );
    /** Draws the section's header and table; returns its first page and the y below the table. */
    const drawSection = (reserveBottom: number): { firstPage: number; end: number } => {
      const startY = drawSectionHeader(sheet, papers, section);
      const firstPage = sheet.pageNumber;
      if (body.length === 0)
        return { firstPage, end: sheet.line(labels.empty, MARGIN, startY + 2, { colour: COLOURS.muted }) };
      // Measured on the section's own (landscape) page.
      const widths = columns.map((column) => (COLUMN_WEIGHTS[column] / weight) * sheet.contentWidth);
      const end = sheet.table({
        head: [columns.map((column) => labels[column])],
        body,
        startY,
        widths,
        reserveBottom,
        columnStyles: Object.fromEntries(
          columns.flatMap((column, index) => (CENTRED.has(column) ? [[index, { halign: 'center' }]] : [])),
        ),
        onPage: (pageNumber) => {
          // A page of this section beyond the first repeats the section's header line in small print.
          if (pageNumber > firstPage) {
            sheet.line(
              `${labels.title}${GAP}${papers.batch.name}${GAP}${vehicle ? carriageTitle(vehicle) : labels.unseatedTitle}`,
              MARGIN,
              MARGIN - 7,
              { size: FONT_SIZE.footer, colour: COLOURS.muted },
            );
          }
        },
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
      return { firstPage, end };
    };
    let { firstPage: sectionFirstPage, end: y } = drawSection(0);
    if (vehicle && !signaturesFit(sheet, y)) {
      // The signatures would sit alone on a page of their own: draw the table again, keeping room
      // for them at the foot of its pages, so they share the last page with the last rows.
      sheet.discardPagesFrom(sectionFirstPage);
      ({ firstPage: sectionFirstPage, end: y } = drawSection(signaturesHeight(sheet)));
    }
    if (vehicle) drawSignatures(sheet, papers, section, y);
    for (let page = sectionFirstPage; page <= sheet.pageCount; page += 1) {
      sheet.setPageNote(page, [note]);
    }
    done += section.rows.length;
  }
  options.onProgress?.(total, total);
}
