/**
 * The application roster (花名册, issue 18, item 5): the list a payee hands the bureau for one
 * scheme, one person a line, with the total in figures and in Chinese capital numerals, and room
 * for the payee's and the bureau's signatures and stamps. As XLSX and as PDF (A4 landscape, the
 * header row on every page, page numbers).
 *
 * Resident IDs follow the batch documents' rule (docs/domain.md#masking): masked unless the person
 * making the roster chose full numbers (`PrintContext.fullNumbers`), and the paper says which
 * version it is. A payee that is paid by transfer (an enterprise, an agency) must have a bank
 * account on record: a roster without one could not be paid, so it is refused.
 */
import type { CellInput, RowInput, Styles } from 'jspdf-autotable';
import { beijingCalendarDate, formatCalendarDate, formatTimestamp } from '../../dates';
import type { Language } from '../../domain/records';
import { maskResidentId } from '../../domain/masking';
import type { DocumentFonts } from '../../documents/fonts';
import { GENDER_LABELS } from '../../documents/labels';
import type { PrintContext } from '../../documents/model';
import { drawFacts, drawKeptTable, drawTitle } from '../../documents/parts';
import { FONT_SIZE, MARGIN } from '../../documents/sheet';
import { shownResidentId } from '../../privacy/anonymise';
import { capitalYuan, formatYuan, type Fen } from '../money';
import {
  PaperSheet,
  YUAN_FORMAT,
  displayWidth,
  rowProblems,
  throwIfProblems,
  totalFen,
  xlsxBytes,
  yuanNumber,
  type PaperProblem,
  type SheetData,
} from './common';
import {
  HOUSEHOLD_TYPE_LABELS,
  ROSTER_COLUMNS,
  ROSTER_LABELS,
  SCHEME_KIND_LABELS,
  fill,
  localized,
  schemeNameBesideYear,
  type RosterColumn,
} from './labels';
import type { RosterHeader, SubsidyPaperRow } from './model';

/** What is wrong with a roster's input; empty when it can be made. */
export function rosterProblems(header: RosterHeader, rows: readonly SubsidyPaperRow[]): PaperProblem[] {
  const problems = rowProblems(rows);
  const { payee } = header;
  if (payee.kind !== 'worker' && (payee.bankAccount.trim() === '' || payee.bankName.trim() === '')) {
    problems.unshift({ code: 'no-bank-account', params: { payee: payee.name } });
  }
  return problems;
}

/** The resident ID as the roster prints it: masked unless full numbers were chosen. */
export function rosterResidentId(residentId: string, fullNumbers: boolean): string {
  const shown = shownResidentId(residentId);
  return fullNumbers ? shown : maskResidentId(shown);
}

/** One row's cells, in {@link ROSTER_COLUMNS} order; amounts and months as numbers. */
export function rosterRow(
  row: SubsidyPaperRow,
  index: number,
  { language, fullNumbers }: Pick<PrintContext, 'language' | 'fullNumbers'>,
): (string | number)[] {
  return [
    index + 1,
    row.name,
    localized(GENDER_LABELS, language)[row.gender],
    rosterResidentId(row.residentId, fullNumbers),
    row.householdPlace,
    localized(HOUSEHOLD_TYPE_LABELS, language)[row.householdType],
    row.employer,
    row.workPlace,
    row.startDate,
    row.months,
    row.standardFen,
    row.amountFen,
    row.note,
  ];
}

const STANDARD = ROSTER_COLUMNS.indexOf('standard');
const AMOUNT = ROSTER_COLUMNS.indexOf('amount');
const CENTRED: ReadonlySet<RosterColumn> = new Set(['sequence', 'gender', 'startDate', 'months']);
const RIGHT: ReadonlySet<RosterColumn> = new Set(['standard', 'amount']);

/** The roster's title. */
export function rosterTitle(header: RosterHeader, language: Language): string {
  return fill(localized(ROSTER_LABELS, language).title, {
    county: header.county,
    year: header.scheme.year,
    scheme: schemeNameBesideYear(header.scheme),
  });
}

/** The day the roster is made, in Beijing: 2026年12月7日. */
function madeOn(print: PrintContext): string {
  return formatCalendarDate(beijingCalendarDate(print.printedAt), print.language);
}

function payeeName(header: RosterHeader, language: Language): string {
  return header.payee.kind === 'worker' ? localized(ROSTER_LABELS, language).workersPayee : header.payee.name;
}

/** The facts at the head of the roster: label and value, three pairs to a line. */
function headFacts(header: RosterHeader, print: PrintContext): [string, string][] {
  const labels = localized(ROSTER_LABELS, print.language);
  const kind = localized(SCHEME_KIND_LABELS, print.language)[header.scheme.kind];
  // The kind in brackets only where the scheme's own name does not say it already.
  const scheme = header.scheme.name.includes(kind)
    ? header.scheme.name
    : fill(labels.schemeValue, { scheme: header.scheme.name, kind });
  const worker = header.payee.kind === 'worker';
  return [
    [labels.payee, payeeName(header, print.language)],
    [labels.creditCode, worker ? '' : header.payee.creditCode],
    [labels.madeOn, madeOn(print)],
    [labels.scheme, scheme],
    [labels.bankName, worker ? '' : header.payee.bankName],
    [labels.bankAccount, worker ? '' : header.payee.bankAccount],
  ];
}

/** The line under the totals: count, and the sum in figures and in capital numerals. */
export function rosterSummary(rows: readonly SubsidyPaperRow[], language: Language): string {
  const total = totalFen(rows);
  return fill(localized(ROSTER_LABELS, language).summary, {
    count: rows.length,
    capital: capitalYuan(total),
    amount: formatYuan(total),
  });
}

/** The privacy line: masked, or who made the full-numbers version when. */
function privacyLine(print: PrintContext): string {
  const labels = localized(ROSTER_LABELS, print.language);
  return print.fullNumbers
    ? fill(labels.fullNumbers, {
        operator: print.operator.trim() || '—',
        at: formatTimestamp(print.printedAt, print.language),
      })
    : labels.masked;
}

/** The two signature blocks: the payee (or, for a worker scheme, the submitting office) and the bureau. */
function signatureLines(header: RosterHeader, language: Language): { left: string[]; right: string[] } {
  const labels = localized(ROSTER_LABELS, language);
  return {
    left: [
      header.payee.kind === 'worker' ? labels.signOffice : labels.signPayee,
      labels.signPayeeHead,
      labels.signHandler,
      labels.signDate,
    ],
    right: [fill(labels.signBureau, { bureau: header.bureau }), labels.signReviewer, '', labels.signDate],
  };
}

// ---------------------------------------------------------------------------------------------
// XLSX

const XLSX_WIDTHS: Readonly<Record<RosterColumn, number>> = {
  sequence: 6,
  name: 10,
  gender: 6,
  residentId: 21,
  householdPlace: 24,
  householdType: 14,
  employer: 28,
  workPlace: 18,
  startDate: 12,
  months: 9,
  standard: 14,
  amount: 14,
  note: 16,
};

/** A signature line of the XLSX: tall, the label at the bottom, room above it for the stamp. */
const SIGNATURE_ROW = { height: 30, alignVertical: 'bottom' } as const;

const BORDER = { borderStyle: 'thin', borderColor: '#000000' } as const;

/** A line of text across `span` columns, followed by the cells it covers. */
function spanned(value: string, span: number, style: object = {}): SheetData[number] {
  return [{ value, type: String, columnSpan: span, ...style }, ...Array.from({ length: span - 1 }, () => null)];
}

/** The roster as an XLSX file: title, head facts, the table with its total, the sum in capitals, signatures. */
export async function buildRosterXlsx(
  header: RosterHeader,
  rows: readonly SubsidyPaperRow[],
  print: PrintContext,
): Promise<Uint8Array> {
  throwIfProblems(rosterProblems(header, rows));
  const { language } = print;
  const labels = localized(ROSTER_LABELS, language);
  const columns = ROSTER_COLUMNS.length;
  const separator = language === 'en' ? ': ' : '：';
  const facts = headFacts(header, print).map(([label, value]) => `${label}${separator}${value}`);
  const data: SheetData = [
    spanned(rosterTitle(header, language), columns, { fontWeight: 'bold', fontSize: 16, align: 'center', height: 30 }),
    [...spanned(facts[0] ?? '', 5), ...spanned(facts[1] ?? '', 4), ...spanned(facts[2] ?? '', 4)],
    [...spanned(facts[3] ?? '', 5), ...spanned(facts[4] ?? '', 4), ...spanned(facts[5] ?? '', 4)],
    ROSTER_COLUMNS.map((column) => ({
      value: labels[column],
      type: String,
      fontWeight: 'bold' as const,
      align: 'center' as const,
      alignVertical: 'center' as const,
      wrap: true,
      backgroundColor: '#E6ECF5',
      ...BORDER,
    })),
  ];
  rows.forEach((row, index) => {
    data.push(
      rosterRow(row, index, print).map((value, column) => {
        if (column === STANDARD || column === AMOUNT) {
          return { value: yuanNumber(value as Fen), type: Number, format: YUAN_FORMAT, ...BORDER };
        }
        const key = ROSTER_COLUMNS[column];
        if (typeof value === 'number') return { value, type: Number, align: 'center' as const, ...BORDER };
        return {
          value: value === '' ? undefined : value,
          type: String,
          ...(key && CENTRED.has(key) ? { align: 'center' as const } : {}),
          ...BORDER,
        };
      }),
    );
  });
  const total = totalFen(rows);
  data.push([
    ...spanned(labels.total, 2, { fontWeight: 'bold', align: 'center', ...BORDER }),
    ...spanned(fill(labels.people, { count: rows.length }), STANDARD - 2, { fontWeight: 'bold', ...BORDER }),
    { type: String, ...BORDER },
    { value: yuanNumber(total), type: Number, format: YUAN_FORMAT, fontWeight: 'bold', ...BORDER },
    { type: String, ...BORDER },
  ]);
  data.push(
    spanned(rosterSummary(rows, language), columns, { fontWeight: 'bold', height: 24, alignVertical: 'center' }),
  );
  data.push([]);
  const signatures = signatureLines(header, language);
  signatures.left.forEach((left, index) => {
    data.push([...spanned(left, 6, SIGNATURE_ROW), ...spanned(signatures.right[index] ?? '', 7, SIGNATURE_ROW)]);
  });
  data.push([]);
  data.push(spanned(privacyLine(print), columns, { textColor: print.fullNumbers ? '#BE1414' : '#646464' }));
  data.push(
    spanned(
      [
        fill(labels.madeAt, { at: formatTimestamp(print.printedAt, language) }),
        fill(labels.madeBy, { operator: print.operator.trim() || '—' }),
      ].join('  ·  '),
      columns,
      { textColor: '#646464' },
    ),
  );
  return xlsxBytes([
    {
      data,
      sheet: labels.sheet,
      stickyRowsCount: 4,
      orientation: 'landscape',
      columns: ROSTER_COLUMNS.map((column) => ({
        width: Math.max(XLSX_WIDTHS[column], displayWidth(labels[column]) + 2),
      })),
    },
  ]);
}

// ---------------------------------------------------------------------------------------------
// PDF

/** Relative widths of the PDF's columns, which share the landscape page's width in these proportions. */
const PDF_WEIGHTS: Readonly<Record<RosterColumn, number>> = {
  sequence: 9,
  name: 16,
  gender: 8,
  residentId: 33,
  householdPlace: 34,
  householdType: 17,
  employer: 36,
  workPlace: 24,
  startDate: 19,
  months: 13,
  standard: 17,
  amount: 19,
  note: 18,
};

/** Text of a row for the PDF: amounts as 1,000.00. */
function pdfRow(row: SubsidyPaperRow, index: number, print: PrintContext): string[] {
  return rosterRow(row, index, print).map((value, column) =>
    column === STANDARD || column === AMOUNT ? formatYuan(value as Fen) : String(value),
  );
}

/** The height of the block after the table: the summary line and the two signature blocks. */
function closingHeight(sheet: PaperSheet): number {
  return 3 + sheet.lineHeight() * 2 + 4 + 4 * signatureStep(sheet);
}

function signatureStep(sheet: PaperSheet): number {
  return sheet.lineHeight() * 2.2;
}

function drawClosing(sheet: PaperSheet, header: RosterHeader, rows: readonly SubsidyPaperRow[], end: number): void {
  let y = sheet.paragraph(rosterSummary(rows, sheet.language), MARGIN, end + 3, sheet.contentWidth, {
    size: FONT_SIZE.body,
    bold: true,
  });
  y += 4;
  const half = sheet.contentWidth / 2;
  const { left, right } = signatureLines(header, sheet.language);
  left.forEach((label, index) => {
    const top = y + index * signatureStep(sheet);
    sheet.signature(label, MARGIN, top, half - 10);
    const other = right[index] ?? '';
    if (other !== '') sheet.signature(other, MARGIN + half, top, half);
  });
}

/** The roster as a PDF: A4 landscape, the header row on every page, page x of y in the footer. */
export function buildRosterPdf(
  header: RosterHeader,
  rows: readonly SubsidyPaperRow[],
  fonts: DocumentFonts,
  print: PrintContext,
): Uint8Array {
  throwIfProblems(rosterProblems(header, rows));
  const labels = localized(ROSTER_LABELS, print.language);
  const sheet = new PaperSheet(fonts, print, {
    lines: [
      privacyLine(print),
      [
        fill(labels.madeAt, { at: formatTimestamp(print.printedAt, print.language) }),
        fill(labels.madeBy, { operator: print.operator.trim() || '—' }),
      ].join('  ·  '),
    ],
    alert: print.fullNumbers,
    pageLabel: (page, pages) => fill(labels.pageOf, { page, pages }),
  });
  const title = rosterTitle(header, print.language);
  const width = sheet.contentWidthOf('landscape');
  const weight = ROSTER_COLUMNS.reduce((sum, column) => sum + PDF_WEIGHTS[column], 0);
  const columnStyles: Record<number, Partial<Styles>> = {};
  ROSTER_COLUMNS.forEach((column, index) => {
    if (CENTRED.has(column)) columnStyles[index] = { halign: 'center' };
    if (RIGHT.has(column)) columnStyles[index] = { halign: 'right' };
  });
  const bold: Partial<Styles> = { fontStyle: 'bold' };
  const totalRow: CellInput[] = [
    { content: labels.total, colSpan: 2, styles: { ...bold, halign: 'center' } },
    { content: fill(labels.people, { count: rows.length }), colSpan: STANDARD - 2, styles: bold },
    '',
    { content: formatYuan(totalFen(rows)), styles: { ...bold, halign: 'right' } },
    '',
  ];
  const body: RowInput[] = rows.map((row, index) => pdfRow(row, index, print));
  body.push(totalRow);
  const continuationTop = sheet.lineHeight(FONT_SIZE.body) + 2;
  const { firstPage, end } = drawKeptTable(sheet, {
    orientation: 'landscape',
    start: () => {
      const top = sheet.newPage('landscape');
      const y = drawTitle(sheet, top, title);
      return drawFacts(sheet, y, headFacts(header, print), { width, pairs: 3, labelWidth: 30 }) + 3;
    },
    closingHeight: closingHeight(sheet),
    continuationTop,
    head: [ROSTER_COLUMNS.map((column) => labels[column])],
    body,
    widths: ROSTER_COLUMNS.map((column) => (PDF_WEIGHTS[column] / weight) * width),
    columnStyles,
  });
  drawClosing(sheet, header, rows, end);
  // Pages after the first say which roster they belong to, above the repeated header row.
  const running = `${title}${labels.continued}\u3000${payeeName(header, print.language)}`;
  const last = sheet.pageCount;
  for (let page = firstPage + 1; page <= last; page += 1) {
    sheet.doc.setPage(page);
    sheet.line(running, MARGIN, MARGIN, { size: FONT_SIZE.body, bold: true });
  }
  sheet.doc.setPage(last);
  return sheet.finish();
}
