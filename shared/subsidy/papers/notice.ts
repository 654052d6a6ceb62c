/**
 * The public notice (公示名单, issue 18, item 5): the people proposed for a subsidy, posted on a
 * wall for the notice period so that anyone may object. It is public, so it holds only name,
 * gender, age, period of work, place of work, employer and amount: never a resident ID (masked or
 * not), a phone, a household type or a remark. The builders first reduce each row to a
 * {@link NoticePerson}, which has none of those fields, so nothing else can reach the paper.
 */
import type { Styles } from 'jspdf-autotable';
import { ageOn, formatCalendarDate } from '../../dates';
import type { CalendarDate, Gender, Language } from '../../domain/records';
import type { DocumentFonts } from '../../documents/fonts';
import { GENDER_LABELS } from '../../documents/labels';
import type { PrintContext } from '../../documents/model';
import { drawKeptTable, drawTitle } from '../../documents/parts';
import { FONT_SIZE, MARGIN } from '../../documents/sheet';
import { formatYuan, type Fen } from '../money';
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
import { NOTICE_COLUMNS, NOTICE_LABELS, fill, localized, schemeNameBesideYear, type NoticeColumn } from './labels';
import type { NoticeHeader, SubsidyPaperRow } from './model';

/** All a public notice knows of a person. */
export interface NoticePerson {
  name: string;
  gender: Gender;
  /** Age on the first day of the notice. */
  age: number;
  startDate: CalendarDate;
  endDate: CalendarDate | null;
  workPlace: string;
  employer: string;
  amountFen: Fen;
}

/** The row as the notice may show it: nothing that identifies the person beyond name, gender and age. */
export function noticePerson(row: SubsidyPaperRow, header: Pick<NoticeHeader, 'from'>): NoticePerson {
  return {
    name: row.name,
    gender: row.gender,
    age: ageOn(row.birthDate, header.from),
    startDate: row.startDate,
    endDate: row.endDate,
    workPlace: row.workPlace,
    employer: row.employer,
    amountFen: row.amountFen,
  };
}

/** What is wrong with a notice's input; empty when it can be made. */
export function noticeProblems(header: NoticeHeader, rows: readonly SubsidyPaperRow[]): PaperProblem[] {
  const problems = rowProblems(rows);
  if (header.to < header.from) problems.unshift({ code: 'notice-dates', params: { from: header.from, to: header.to } });
  return problems;
}

export function noticeTitle(header: NoticeHeader, language: Language): string {
  return fill(localized(NOTICE_LABELS, language).title, {
    county: header.county,
    year: header.scheme.year,
    scheme: schemeNameBesideYear(header.scheme),
  });
}

/** The paragraph under the title: who, how much in all, the notice period and where to object. */
export function noticeIntro(header: NoticeHeader, rows: readonly SubsidyPaperRow[], language: Language): string {
  return fill(localized(NOTICE_LABELS, language).intro, {
    scheme: header.scheme.name,
    count: rows.length,
    amount: formatYuan(totalFen(rows)),
    from: formatCalendarDate(header.from, language),
    to: formatCalendarDate(header.to, language),
    bureau: header.bureau,
    phone: header.bureauPhone,
  });
}

/** 2026-02-01至2026-11-30, 2026-02-01至今. */
function workPeriod(person: NoticePerson, language: Language): string {
  const labels = localized(NOTICE_LABELS, language);
  return person.endDate === null
    ? fill(labels.ongoing, { from: person.startDate })
    : fill(labels.period, { from: person.startDate, to: person.endDate });
}

/** One person's cells, in {@link NOTICE_COLUMNS} order. */
function noticeCells(person: NoticePerson, index: number, language: Language): (string | number)[] {
  return [
    index + 1,
    person.name,
    localized(GENDER_LABELS, language)[person.gender],
    person.age,
    workPeriod(person, language),
    person.workPlace,
    person.employer,
    person.amountFen,
  ];
}

const AMOUNT = NOTICE_COLUMNS.indexOf('amount');
const CENTRED: ReadonlySet<NoticeColumn> = new Set(['sequence', 'gender', 'age', 'workPeriod']);

function totalsText(rows: readonly SubsidyPaperRow[], language: Language): string {
  return fill(localized(NOTICE_LABELS, language).totals, {
    count: rows.length,
    amount: formatYuan(totalFen(rows)),
  });
}

// ---------------------------------------------------------------------------------------------
// XLSX

const XLSX_WIDTHS: Readonly<Record<NoticeColumn, number>> = {
  sequence: 6,
  name: 10,
  gender: 6,
  age: 6,
  workPeriod: 24,
  workPlace: 22,
  employer: 32,
  amount: 14,
};

const BORDER = { borderStyle: 'thin', borderColor: '#000000' } as const;

function spanned(value: string, span: number, style: object = {}): SheetData[number] {
  return [{ value, type: String, columnSpan: span, ...style }, ...Array.from({ length: span - 1 }, () => null)];
}

/** The notice as an XLSX file, to print or to send to the townships that post it. */
export async function buildNoticeXlsx(
  header: NoticeHeader,
  rows: readonly SubsidyPaperRow[],
  language: Language,
): Promise<Uint8Array> {
  throwIfProblems(noticeProblems(header, rows));
  const labels = localized(NOTICE_LABELS, language);
  const columns = NOTICE_COLUMNS.length;
  const data: SheetData = [
    spanned(noticeTitle(header, language), columns, { fontWeight: 'bold', fontSize: 16, align: 'center', height: 30 }),
    spanned(noticeIntro(header, rows, language), columns, { wrap: true, height: 48, alignVertical: 'top' }),
    NOTICE_COLUMNS.map((column) => ({
      value: labels[column],
      type: String,
      fontWeight: 'bold' as const,
      align: 'center' as const,
      wrap: true,
      backgroundColor: '#E6ECF5',
      ...BORDER,
    })),
  ];
  rows.forEach((row, index) => {
    const cells = noticeCells(noticePerson(row, header), index, language);
    data.push(
      cells.map((value, column) => {
        if (column === AMOUNT) return { value: yuanNumber(value as Fen), type: Number, format: YUAN_FORMAT, ...BORDER };
        const key = NOTICE_COLUMNS[column];
        const align = key && CENTRED.has(key) ? { align: 'center' as const } : {};
        return typeof value === 'number'
          ? { value, type: Number, ...align, ...BORDER }
          : { value, type: String, ...align, ...BORDER };
      }),
    );
  });
  data.push([
    ...spanned(labels.total, 2, { fontWeight: 'bold', align: 'center', ...BORDER }),
    ...spanned(totalsText(rows, language), AMOUNT - 2, { fontWeight: 'bold', ...BORDER }),
    { value: yuanNumber(totalFen(rows)), type: Number, format: YUAN_FORMAT, fontWeight: 'bold', ...BORDER },
  ]);
  data.push([]);
  data.push(spanned(header.bureau, columns, { align: 'right' }));
  data.push(spanned(formatCalendarDate(header.from, language), columns, { align: 'right' }));
  return xlsxBytes([
    {
      data,
      sheet: labels.sheet,
      stickyRowsCount: 3,
      columns: NOTICE_COLUMNS.map((column) => ({
        width: Math.max(XLSX_WIDTHS[column], displayWidth(labels[column]) + 2),
      })),
    },
  ]);
}

// ---------------------------------------------------------------------------------------------
// PDF

const PDF_WEIGHTS: Readonly<Record<NoticeColumn, number>> = {
  sequence: 9,
  name: 16,
  gender: 9,
  age: 9,
  workPeriod: 32,
  workPlace: 30,
  employer: 44,
  amount: 20,
};

/**
 * The notice as a PDF: A4 portrait, the header row on every page, each page's footer with the
 * notice period and page x of y. No operator and no masking line: nothing on it needs masking.
 */
export function buildNoticePdf(
  header: NoticeHeader,
  rows: readonly SubsidyPaperRow[],
  fonts: DocumentFonts,
  print: Pick<PrintContext, 'language' | 'organization' | 'printedAt' | 'operator'>,
): Uint8Array {
  throwIfProblems(noticeProblems(header, rows));
  const { language } = print;
  const labels = localized(NOTICE_LABELS, language);
  const sheet = new PaperSheet(
    fonts,
    // The notice prints no numbers to mask: the flag only keeps the Sheet's contract.
    { ...print, fullNumbers: false },
    {
      lines: [
        fill(labels.noticePeriod, {
          from: formatCalendarDate(header.from, language),
          to: formatCalendarDate(header.to, language),
        }),
      ],
      alert: false,
      pageLabel: (page, pages) => fill(labels.pageOf, { page, pages }),
    },
  );
  const title = noticeTitle(header, language);
  const weight = NOTICE_COLUMNS.reduce((sum, column) => sum + PDF_WEIGHTS[column], 0);
  const columnStyles: Record<number, Partial<Styles>> = { [AMOUNT]: { halign: 'right' } };
  NOTICE_COLUMNS.forEach((column, index) => {
    if (CENTRED.has(column)) columnStyles[index] = { halign: 'center' };
  });
  const continuationTop = sheet.lineHeight(FONT_SIZE.body) + 2;
  const bold: Partial<Styles> = { fontStyle: 'bold' };
  const signOffHeight = 8 + sheet.lineHeight() * 2 + 1;
  // The sign-off keeps the last rows with it: a bureau's name alone on a page signs nothing.
  const { firstPage, end } = drawKeptTable(sheet, {
    orientation: 'portrait',
    start: () => {
      const top = drawTitle(sheet, sheet.newPage('portrait'), title);
      return (
        sheet.paragraph(noticeIntro(header, rows, language), MARGIN, top, sheet.contentWidth, {
          size: FONT_SIZE.body,
        }) + 3
      );
    },
    closingHeight: signOffHeight,
    continuationTop,
    head: [NOTICE_COLUMNS.map((column) => labels[column])],
    body: [
      ...rows.map((row, index) =>
        noticeCells(noticePerson(row, header), index, language).map((value, column) =>
          column === AMOUNT ? formatYuan(value as Fen) : String(value),
        ),
      ),
      [
        { content: labels.total, colSpan: 2, styles: { ...bold, halign: 'center' } },
        { content: totalsText(rows, language), colSpan: AMOUNT - 2, styles: bold },
        { content: formatYuan(totalFen(rows)), styles: { ...bold, halign: 'right' } },
      ],
    ],
    widths: NOTICE_COLUMNS.map((column) => (PDF_WEIGHTS[column] / weight) * sheet.contentWidthOf('portrait')),
    columnStyles,
  });
  // The sign-off at the right: the bureau and the notice's date.
  const right = sheet.pageWidth - MARGIN - 10;
  const signY = sheet.line(header.bureau, right, end + 8, { size: FONT_SIZE.body, align: 'right' });
  sheet.line(formatCalendarDate(header.from, language), right, signY + 1, { size: FONT_SIZE.body, align: 'right' });
  const running = `${title}${labels.continued}`;
  const last = sheet.pageCount;
  for (let page = firstPage + 1; page <= last; page += 1) {
    sheet.doc.setPage(page);
    sheet.line(running, MARGIN, MARGIN, { size: FONT_SIZE.body, bold: true });
  }
  sheet.doc.setPage(last);
  return sheet.finish();
}
