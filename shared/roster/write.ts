/**
 * The files the planner writes for cadres and coordinators: the rows an import left out, with the
 * reason, in the format they came in; a blank roster template; and the worker list (issue 3,
 * "Import" and "Export"). Every cell is text, so that a resident ID never becomes a number again.
 *
 * XLSX goes through write-excel-file's `universal` entry, which returns a Blob in a browser, a Web
 * Worker and Node alike (the `browser` entry starts workers, the `node` one imports node: modules).
 */
import Papa from 'papaparse';
import writeExcelFile from 'write-excel-file/universal';
import type { CellObject, SheetData } from 'write-excel-file/universal';
import type { Language } from '../domain/records';
import type { WorkerFields } from '../domain/worker-rules';
import { shownResidentId } from '../privacy/anonymise';
import { BIRTH_DATE_HEADER, GENDER_WORDS, POVERTY_WORDS, ROSTER_FIELDS, SKILL_SEPARATOR, headerFor } from './columns';
import type { RosterFormat, RosterTable } from './read';

export interface RosterFile {
  bytes: Uint8Array;
  extension: RosterFormat;
  mimeType: string;
}

export interface RejectedRow {
  /** The row's line, as in {@link RosterTable} (header = `headerLine`). */
  line: number;
  /** The text for the reason column, in the user's language. */
  reason: string;
}

const MIME_TYPES: Readonly<Record<RosterFormat, string>> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const BYTE_ORDER_MARK = '\ufeff';
/** Excel shows a General number of 12 digits or more in scientific notation, and keeps only 15. */
const LONG_DIGITS = /^\d{12,}$/;
/** A plain number is harmless; anything else starting like a formula is not. */
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;
/** Text format, so that what the cadre types into the file stays text too. */
const TEXT_FORMAT = '@';
/** Rows of the blank template formatted as text: more than a village's roster. */
const TEMPLATE_ROWS = 1000;
const MIN_COLUMN_WIDTH = 6;
const MAX_COLUMN_WIDTH = 40;
/** Rows looked at to size the columns. */
const WIDTH_SAMPLE_ROWS = 200;

/**
 * A cell as a CSV file should hold it for Excel. Long digit strings (resident IDs, household
 * numbers) are written ="…", which Excel shows as the text itself instead of 4.52601E+17 and saves
 * back as the text; the reader unwraps it. A cell that Excel would run as a formula (=HYPERLINK…,
 * +cmd, @SUM: "CSV injection") gets a leading apostrophe, which the reader removes again.
 */
export function csvCellForExcel(text: string): string {
  if (LONG_DIGITS.test(text)) return `="${text}"`;
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) return `'${text}`;
  return text;
}

function csvFile(rows: readonly (readonly string[])[]): RosterFile {
  const csv = Papa.unparse(
    rows.map((row) => row.map(csvCellForExcel)),
    { newline: '\r\n', escapeFormulae: false },
  );
  // UTF-8 with a byte order mark: without it Excel reads the file as GBK and shows mojibake.
  return {
    bytes: new TextEncoder().encode(`${BYTE_ORDER_MARK}${csv}\r\n`),
    extension: 'csv',
    mimeType: MIME_TYPES.csv,
  };
}

/** Width in Excel's character units: a Chinese character takes two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return width;
}

function columnWidths(rows: readonly (readonly string[])[]): { width: number }[] {
  const widths: number[] = [];
  for (const row of rows.slice(0, WIDTH_SAMPLE_ROWS)) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? MIN_COLUMN_WIDTH, displayWidth(cell) + 2);
    });
  }
  return widths.map((width) => ({ width: Math.min(width, MAX_COLUMN_WIDTH) }));
}

function textCell(text: string): CellObject {
  return text === '' ? { type: String, format: TEXT_FORMAT } : { value: text, type: String, format: TEXT_FORMAT };
}

function plainCell(text: string): CellObject {
  return text === '' ? { type: String } : { value: text, type: String };
}

interface XlsxOptions {
  sheet: string;
  /**
   * Format the cells as text (@), so that what someone types into them later stays text: for files
   * that cadres edit and send back. It doubles the time to write, so the exported list, which is
   * read rather than edited, goes without: its cells are strings anyway, which Excel keeps as such.
   */
  editable: boolean;
  /** Empty text-formatted rows after the data, for the template. */
  blankRows?: number;
}

async function xlsxFile(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  { sheet, editable, blankRows = 0 }: XlsxOptions,
): Promise<RosterFile> {
  const cell = editable ? textCell : plainCell;
  const data: SheetData = [
    header.map((text): CellObject => ({ ...cell(text), fontWeight: 'bold' })),
    ...rows.map((row) => row.map(cell)),
  ];
  for (let index = 0; index < blankRows; index += 1) data.push(header.map(() => textCell('')));
  const blob = await writeExcelFile(data, {
    sheet,
    stickyRowsCount: 1,
    columns: columnWidths([header, ...rows]),
  }).toBlob();
  return { bytes: new Uint8Array(await blob.arrayBuffer()), extension: 'xlsx', mimeType: MIME_TYPES.xlsx };
}

function padded(cells: readonly string[], width: number): string[] {
  const row = cells.slice(0, width);
  while (row.length < width) row.push('');
  return row;
}

/**
 * The rows an import left out, in the format of the file they came from, with the reason as an
 * extra last column (last, so that every other column keeps its letter). Title rows above the
 * header are not repeated. Rows come in the order given; a line that is not a row of the table
 * is a programming error and throws.
 */
export async function rejectedRowsFile(
  table: RosterTable,
  rejected: readonly RejectedRow[],
  reasonHeader: string,
): Promise<RosterFile> {
  const picked = rejected.map(({ line, reason }) => {
    const cells = table.rows[line - table.headerLine - 1];
    if (!cells) throw new RangeError(`line ${line} is not a row of the table`);
    return { cells, reason };
  });
  // A loop, not Math.max(...): a spread of 100,000 arguments overflows the stack.
  const width = picked.reduce((widest, { cells }) => Math.max(widest, cells.length), table.headers.length);
  const header = [...padded(table.headers, width), reasonHeader];
  const rows = picked.map(({ cells, reason }) => [...padded(cells, width), reason]);
  return table.format === 'csv'
    ? csvFile([header, ...rows])
    : xlsxFile(header, rows, { sheet: 'Sheet1', editable: true });
}

const TEMPLATE_SHEET: Readonly<Record<Language, string>> = { 'zh-CN': '花名册', en: 'Roster' };
const WORKERS_SHEET: Readonly<Record<Language, string>> = { 'zh-CN': '务工人员', en: 'Workers' };

/**
 * A blank roster with the headers in the given language. In XLSX the cells below the header are
 * formatted as text, so that an ID typed in stays as typed instead of becoming 4.52601E+17.
 */
export async function rosterTemplate(format: RosterFormat, language: Language): Promise<RosterFile> {
  const header = ROSTER_FIELDS.map((field) => headerFor(field, language));
  return format === 'csv'
    ? csvFile([header])
    : xlsxFile(header, [], { sheet: TEMPLATE_SHEET[language], editable: true, blankRows: TEMPLATE_ROWS });
}

/** The exported list: the roster columns with the birth date after the gender. */
function workerRow(worker: WorkerFields, language: Language): string[] {
  return [
    worker.name,
    // An anonymised person's stored key is not an ID: the list shows its masked form.
    shownResidentId(worker.residentId),
    worker.phone,
    GENDER_WORDS[language][worker.gender],
    worker.birthDate,
    worker.county,
    worker.township,
    worker.village,
    worker.household,
    POVERTY_WORDS[language][worker.povertyStatus],
    worker.skills.join(SKILL_SEPARATOR[language]),
    worker.wantedJob,
    worker.emergencyContactName,
    worker.emergencyContactPhone,
    worker.notes,
  ];
}

/**
 * The worker list (or the current filter of it) as a file, with headers and words in the given
 * language. It imports again as it is: the headers, gender and poverty words are the roster's own.
 */
export async function workersFile(
  workers: readonly WorkerFields[],
  format: RosterFormat,
  language: Language,
): Promise<RosterFile> {
  const header = ROSTER_FIELDS.flatMap((field) =>
    field === 'gender' ? [headerFor(field, language), BIRTH_DATE_HEADER[language]] : [headerFor(field, language)],
  );
  const rows = workers.map((worker) => workerRow(worker, language));
  return format === 'csv'
    ? csvFile([header, ...rows])
    : xlsxFile(header, rows, { sheet: WORKERS_SHEET[language], editable: false });
}
