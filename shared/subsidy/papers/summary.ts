/**
 * The summary by scheme, township and payee (汇总表, issue 18, item 5): how many people and how
 * much, line by line, with a subtotal per scheme and a grand total in figures and in capital
 * numerals. Every sum names the people behind it: each line carries the key of its cell, and
 * {@link claimsBehind} answers the claims that make it up, in the order the people sheet lists them.
 * As XLSX (the summary, and on request a sheet of the people behind every line) and as PDF.
 */
import type { Styles } from 'jspdf-autotable';
import { beijingCalendarDate, formatCalendarDate, formatTimestamp } from '../../dates';
import type { Language } from '../../domain/records';
import type { DocumentFonts } from '../../documents/fonts';
import { GENDER_LABELS } from '../../documents/labels';
import type { PrintContext } from '../../documents/model';
import { drawTitle } from '../../documents/parts';
import { FONT_SIZE, MARGIN } from '../../documents/sheet';
import { capitalYuan, formatYuan, sumFen, type Fen } from '../money';
import {
  PaperSheet,
  YUAN_FORMAT,
  displayWidth,
  rowProblems,
  throwIfProblems,
  xlsxBytes,
  yuanNumber,
  type PaperProblem,
  type SheetData,
} from './common';
import {
  SUMMARY_COLUMNS,
  SUMMARY_LABELS,
  SUMMARY_PEOPLE_COLUMNS,
  fill,
  localized,
  schemeNameBesideYear,
} from './labels';
import type { PaperScheme, SummaryClaim, SummaryHeader } from './model';
import { rosterResidentId } from './roster';

/** Which claims a cell of the summary counts: those matching every field given. */
export interface SummaryKey {
  schemeId?: string;
  township?: string;
  payeeId?: string;
}

export interface SummaryLine {
  /** A scheme, township and payee; a scheme's subtotal; the grand total. */
  level: 'line' | 'subtotal' | 'total';
  key: SummaryKey;
  scheme: string;
  township: string;
  payee: string;
  count: number;
  amountFen: Fen;
}

/**
 * The payee a summary line stands for. Workers paid in person are one payee, 务工人员本人, whatever
 * id each claim gives them (a stored claim may name the worker as its payee): a township's transport
 * subsidies are one line, not one line per person.
 */
export const WORKERS_PAYEE_ID = 'workers';

export function summaryPayeeId(claim: SummaryClaim): string {
  return claim.payee.kind === 'worker' ? WORKERS_PAYEE_ID : claim.payee.id;
}

/** Whether `claim` is counted in the cell of `key`. */
export function inCell(claim: SummaryClaim, key: SummaryKey): boolean {
  return (
    (key.schemeId === undefined || claim.scheme.id === key.schemeId) &&
    (key.township === undefined || claim.row.township === key.township) &&
    (key.payeeId === undefined || summaryPayeeId(claim) === key.payeeId)
  );
}

const collator = new Intl.Collator('zh-CN');

function schemeName(scheme: PaperScheme, language: Language): string {
  return fill(localized(SUMMARY_LABELS, language).schemeYear, {
    scheme: schemeNameBesideYear(scheme),
    year: scheme.year,
  });
}

function payeeName(claim: SummaryClaim, language: Language): string {
  return claim.payee.kind === 'worker' ? localized(SUMMARY_LABELS, language).workers : claim.payee.name;
}

/**
 * The claims in summary order: by scheme (year, then name), township, payee, then person (name,
 * then claim), so that the people behind one line stand together.
 */
export function summaryOrder(claims: readonly SummaryClaim[], language: Language): SummaryClaim[] {
  return [...claims].sort(
    (a, b) =>
      a.scheme.year - b.scheme.year ||
      collator.compare(a.scheme.name, b.scheme.name) ||
      a.scheme.id.localeCompare(b.scheme.id) ||
      collator.compare(a.row.township, b.row.township) ||
      collator.compare(payeeName(a, language), payeeName(b, language)) ||
      summaryPayeeId(a).localeCompare(summaryPayeeId(b)) ||
      collator.compare(a.row.name, b.row.name) ||
      a.row.claimId.localeCompare(b.row.claimId),
  );
}

/** The claims behind the cell of `key`, in summary order: the people a sum is made of. */
export function claimsBehind(claims: readonly SummaryClaim[], key: SummaryKey, language: Language): SummaryClaim[] {
  return summaryOrder(
    claims.filter((claim) => inCell(claim, key)),
    language,
  );
}

/** The summary's lines: one per scheme, township and payee, a subtotal after each scheme, the grand total last. */
export function summaryLines(claims: readonly SummaryClaim[], language: Language): SummaryLine[] {
  const labels = localized(SUMMARY_LABELS, language);
  const lines: SummaryLine[] = [];
  let schemeLine: SummaryLine | null = null;
  let line: SummaryLine | null = null;
  const amounts = new Map<SummaryLine, Fen[]>();
  const add = (target: SummaryLine, fen: Fen): void => {
    target.count += 1;
    amounts.get(target)?.push(fen);
  };
  const start = (target: SummaryLine): SummaryLine => {
    amounts.set(target, []);
    return target;
  };
  const closeScheme = (): void => {
    if (schemeLine) lines.push(schemeLine);
  };
  for (const claim of summaryOrder(claims, language)) {
    const { scheme, row } = claim;
    if (schemeLine?.key.schemeId !== scheme.id) {
      closeScheme();
      schemeLine = start({
        level: 'subtotal',
        key: { schemeId: scheme.id },
        scheme: schemeName(scheme, language),
        township: '',
        payee: labels.subtotal,
        count: 0,
        amountFen: 0,
      });
      line = null;
    }
    if (line?.key.township !== row.township || line.key.payeeId !== summaryPayeeId(claim)) {
      line = start({
        level: 'line',
        key: { schemeId: scheme.id, township: row.township, payeeId: summaryPayeeId(claim) },
        scheme: schemeName(scheme, language),
        township: row.township,
        payee: payeeName(claim, language),
        count: 0,
        amountFen: 0,
      });
      lines.push(line);
    }
    add(line, row.amountFen);
    add(schemeLine, row.amountFen);
  }
  closeScheme();
  for (const [target, fens] of amounts) target.amountFen = sumFen(fens);
  lines.push({
    level: 'total',
    key: {},
    scheme: labels.total,
    township: '',
    payee: '',
    count: claims.length,
    amountFen: sumFen(claims.map((claim) => claim.row.amountFen)),
  });
  return lines;
}

export function summaryProblems(claims: readonly SummaryClaim[]): PaperProblem[] {
  return rowProblems(claims.map((claim) => claim.row));
}

export function summaryTitle(header: SummaryHeader, language: Language): string {
  return fill(localized(SUMMARY_LABELS, language).title, { county: header.county, period: header.period });
}

function capitalLine(total: Fen, language: Language): string {
  return fill(localized(SUMMARY_LABELS, language).capital, { capital: capitalYuan(total), amount: formatYuan(total) });
}

function madeLines(print: PrintContext): string[] {
  const labels = localized(SUMMARY_LABELS, print.language);
  return [
    fill(labels.madeAt, { at: formatTimestamp(print.printedAt, print.language) }),
    fill(labels.madeBy, { operator: print.operator.trim() || '—' }),
  ];
}

// ---------------------------------------------------------------------------------------------
// XLSX

const BORDER = { borderStyle: 'thin', borderColor: '#000000' } as const;
const SUMMARY_WIDTHS = [30, 14, 36, 10, 16];
const PEOPLE_WIDTHS = [30, 14, 36, 10, 6, 21, 36, 14];

function spanned(value: string, span: number, style: object = {}): SheetData[number] {
  return [{ value, type: String, columnSpan: span, ...style }, ...Array.from({ length: span - 1 }, () => null)];
}

function headerRow(labels: readonly string[]): SheetData[number] {
  return labels.map((value) => ({
    value,
    type: String,
    fontWeight: 'bold' as const,
    align: 'center' as const,
    backgroundColor: '#E6ECF5',
    ...BORDER,
  }));
}

export interface SummaryOptions {
  /** Add a sheet of the people behind every line (IDs masked unless `print.fullNumbers`). */
  withPeople: boolean;
}

/** The summary as an XLSX file; with `withPeople`, a second sheet lists everyone behind each line. */
export async function buildSummaryXlsx(
  header: SummaryHeader,
  claims: readonly SummaryClaim[],
  print: PrintContext,
  { withPeople }: SummaryOptions,
): Promise<Uint8Array> {
  throwIfProblems(summaryProblems(claims));
  const { language } = print;
  const labels = localized(SUMMARY_LABELS, language);
  const columns = SUMMARY_COLUMNS.length;
  const lines = summaryLines(claims, language);
  const data: SheetData = [
    spanned(summaryTitle(header, language), columns, { fontWeight: 'bold', fontSize: 16, align: 'center', height: 30 }),
    spanned(
      fill(labels.madeOn, { date: formatCalendarDate(beijingCalendarDate(print.printedAt), language) }),
      columns,
      {
        align: 'right',
      },
    ),
    headerRow(SUMMARY_COLUMNS.map((column) => labels[column])),
  ];
  for (const line of lines) {
    const bold = line.level === 'line' ? {} : { fontWeight: 'bold' as const };
    const shade = line.level === 'line' ? {} : { backgroundColor: '#F2F2F2' };
    data.push([
      { value: line.scheme, type: String, ...bold, ...shade, ...BORDER },
      { value: line.township || undefined, type: String, ...shade, ...BORDER },
      { value: line.payee || undefined, type: String, ...bold, ...shade, ...BORDER },
      { value: line.count, type: Number, align: 'center', ...bold, ...shade, ...BORDER },
      { value: yuanNumber(line.amountFen), type: Number, format: YUAN_FORMAT, ...bold, ...shade, ...BORDER },
    ]);
  }
  const total = lines.at(-1)?.amountFen ?? 0;
  data.push(
    spanned(capitalLine(total, language), columns, { fontWeight: 'bold', height: 24, alignVertical: 'center' }),
  );
  data.push(spanned(madeLines(print).join('  ·  '), columns, { textColor: '#646464' }));
  const sheets = [
    {
      data,
      sheet: labels.sheet,
      stickyRowsCount: 3,
      columns: SUMMARY_WIDTHS.map((width, index) => ({
        width: Math.max(width, displayWidth(labels[SUMMARY_COLUMNS[index] ?? 'scheme']) + 2),
      })),
    },
  ];
  if (withPeople) {
    const people: SheetData = [headerRow(SUMMARY_PEOPLE_COLUMNS.map((column) => labels[column]))];
    for (const claim of summaryOrder(claims, language)) {
      const { row } = claim;
      people.push([
        { value: schemeName(claim.scheme, language), type: String },
        { value: row.township, type: String },
        { value: payeeName(claim, language), type: String },
        { value: row.name, type: String },
        { value: localized(GENDER_LABELS, language)[row.gender], type: String },
        { value: rosterResidentId(row.residentId, print.fullNumbers), type: String },
        { value: row.employer, type: String },
        { value: yuanNumber(row.amountFen), type: Number, format: YUAN_FORMAT },
      ]);
    }
    people.push([]);
    people.push(
      spanned(privacyLine(print), SUMMARY_PEOPLE_COLUMNS.length, {
        textColor: print.fullNumbers ? '#BE1414' : '#646464',
      }),
    );
    sheets.push({
      data: people,
      sheet: labels.peopleSheet,
      stickyRowsCount: 1,
      columns: PEOPLE_WIDTHS.map((width) => ({ width })),
    });
  }
  return xlsxBytes(sheets);
}

// ---------------------------------------------------------------------------------------------
// PDF

const PDF_WEIGHTS = [34, 16, 40, 10, 20];

const PEOPLE_PDF_WEIGHTS = [28, 13, 32, 13, 10, 33, 38, 18];

/** The privacy line of a paper that lists people: masked, or who made the full-numbers version when. */
function privacyLine(print: PrintContext): string {
  const labels = localized(SUMMARY_LABELS, print.language);
  return print.fullNumbers
    ? fill(labels.fullNumbers, {
        operator: print.operator.trim() || '—',
        at: formatTimestamp(print.printedAt, print.language),
      })
    : labels.masked;
}

/**
 * The summary as a PDF (A4 portrait): the lines with subtotals shaded, the grand total in capital
 * numerals; with `withPeople`, then the people behind the lines, in the same order, from a new page
 * (IDs masked unless `print.fullNumbers`, as the roster).
 */
export function buildSummaryPdf(
  header: SummaryHeader,
  claims: readonly SummaryClaim[],
  fonts: DocumentFonts,
  print: PrintContext,
  { withPeople }: SummaryOptions = { withPeople: false },
): Uint8Array {
  throwIfProblems(summaryProblems(claims));
  const { language } = print;
  const labels = localized(SUMMARY_LABELS, language);
  const fullNumbers = withPeople && print.fullNumbers;
  const sheet = new PaperSheet(
    fonts,
    { ...print, fullNumbers },
    {
      // Only a summary with people on it has IDs to speak of.
      lines: [...(withPeople ? [privacyLine(print)] : []), madeLines(print).join('  ·  ')],
      alert: fullNumbers,
      pageLabel: (page, pages) => fill(labels.pageOf, { page, pages }),
    },
  );
  const lines = summaryLines(claims, language);
  const title = summaryTitle(header, language);
  let y = drawTitle(sheet, sheet.newPage('portrait'), title);
  y = sheet.line(
    fill(labels.madeOn, { date: formatCalendarDate(beijingCalendarDate(print.printedAt), language) }),
    sheet.pageWidth - MARGIN,
    y,
    { size: FONT_SIZE.body, align: 'right' },
  );
  const weight = PDF_WEIGHTS.reduce((sum, part) => sum + part, 0);
  const shaded: Partial<Styles> = { fontStyle: 'bold', fillColor: [242, 242, 242] };
  const end = sheet.table({
    head: [SUMMARY_COLUMNS.map((column) => labels[column])],
    body: lines.map((line) => {
      const cells = [line.scheme, line.township, line.payee, String(line.count), formatYuan(line.amountFen)];
      return line.level === 'line' ? cells : cells.map((content) => ({ content, styles: shaded }));
    }),
    startY: y + 2,
    widths: PDF_WEIGHTS.map((part) => (part / weight) * sheet.contentWidth),
    columnStyles: { 3: { halign: 'center' }, 4: { halign: 'right' } },
  });
  let closing = end + 4;
  if (closing + sheet.lineHeight() * 2 > sheet.contentBottom) closing = sheet.newPage('portrait');
  sheet.paragraph(capitalLine(lines.at(-1)?.amountFen ?? 0, language), MARGIN, closing, sheet.contentWidth, {
    size: FONT_SIZE.body,
    bold: true,
  });
  if (withPeople) {
    const top = sheet.line(`${title}\u3000${labels.peopleSheet}`, MARGIN, sheet.newPage('portrait'), {
      size: FONT_SIZE.heading,
      bold: true,
    });
    const peopleWeight = PEOPLE_PDF_WEIGHTS.reduce((sum, part) => sum + part, 0);
    sheet.table({
      head: [SUMMARY_PEOPLE_COLUMNS.map((column) => labels[column])],
      body: summaryOrder(claims, language).map((claim) => [
        schemeName(claim.scheme, language),
        claim.row.township,
        payeeName(claim, language),
        claim.row.name,
        localized(GENDER_LABELS, language)[claim.row.gender],
        rosterResidentId(claim.row.residentId, print.fullNumbers),
        claim.row.employer,
        formatYuan(claim.row.amountFen),
      ]),
      startY: top + 2,
      widths: PEOPLE_PDF_WEIGHTS.map((part) => (part / peopleWeight) * sheet.contentWidth),
      columnStyles: { 4: { halign: 'center' }, 7: { halign: 'right' } },
    });
  }
  return sheet.finish();
}
