/**
 * Reads a roster file (XLSX or CSV) into a table of text cells. Nothing is interpreted here beyond
 * turning every cell into the text the cadre sees, so that the checks report what is in the file;
 * in particular a resident ID that Excel stored as a number reaches the ID parser as a number that
 * has visibly lost digits (see {@link numberCellText}).
 *
 * Runs in the renderer's import Web Worker and in Node tests alike: read-excel-file's `universal`
 * entry takes an ArrayBuffer and uses no DOM, no Node module and no worker of its own for the XML
 * (the `browser` entry would start workers from inside our worker; the `node` one imports node:
 * modules). It unzips with fflate, which in a browser may start its own workers for large parts;
 * the CSP allows `worker-src blob:` for that.
 */
import Papa from 'papaparse';
import readXlsxFile, { InvalidInputError } from 'read-excel-file/universal';
import { utcDateToCalendarDate } from '../dates';
import { parsePhone } from '../domain/phone';
import { parseResidentId } from '../domain/resident-id';
import { fieldForHeader } from './columns';
import { decodeText } from './decode';
import type { TextEncodingName } from './decode';

export type RosterFormat = 'csv' | 'xlsx';

export interface RosterTable {
  format: RosterFormat;
  /** How a CSV file was encoded; absent for XLSX. */
  encoding?: TextEncodingName;
  /**
   * The row number of the header as Excel shows it: 1, unless empty rows or a title row such as
   * "田东县2020年外出务工人员花名册" come first.
   */
  headerLine: number;
  headers: string[];
  /**
   * The rows below the header, in file order, empty rows included, so that `rows[i]` is on line
   * `headerLine + 1 + i`; empty rows at the end are left out. Rows may be shorter or longer than
   * the header.
   */
  rows: string[][];
  /**
   * Rows below the people that are the form's footer, not people: 填表人：…, 审核人, 填报日期, 合计.
   * They are not in `rows`, so no check counts them as errors; the preview shows them as left out,
   * with their line and their text, so that the user sees nothing was lost.
   */
  footer?: RosterFooterLine[];
  /** The worksheet read, for a workbook; absent for CSV. */
  sheet?: string;
  /** Every worksheet of the workbook in order, so that the user can choose another; absent for CSV. */
  sheets?: string[];
}

/** A footer row left out of the rows: its line as Excel shows it, and its non-empty cells. */
export interface RosterFooterLine {
  line: number;
  cells: string[];
}

/** How to read a file: a workbook's sheet by name (by default the one that looks like a roster). */
export interface RosterReadOptions {
  sheet?: string;
}

export type RosterReadErrorCode =
  'unsupported-format' | 'legacy-xls' | 'empty' | 'no-header' | 'damaged' | 'sheet-not-found';

/**
 * Why a file could not be read. The message is the code too, because an Error's own properties do
 * not survive the structured clone from the import worker, and its message does.
 */
export class RosterReadError extends Error {
  readonly code: RosterReadErrorCode;
  /** The row where a CSV file breaks (an unclosed quote), when known. */
  readonly line?: number;

  constructor(code: RosterReadErrorCode, options: { cause?: unknown; line?: number } = {}) {
    super(code, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RosterReadError';
    this.code = code;
    if (options.line !== undefined) this.line = options.line;
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
/** OLE2 compound file: legacy .xls, and WPS's .et. read-excel-file reads neither. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const XLSX_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xltx', 'xltm']);
const TEXT_EXTENSIONS = new Set(['csv', 'txt', 'tsv']);
/** Zip archives that are not workbooks read-excel-file can read: say so rather than "damaged". */
const OTHER_ZIP_EXTENSIONS = new Set(['docx', 'pptx', 'ods', 'odt', 'odp', 'zip', 'xlsb']);
/** How far to look for NUL bytes when deciding whether a file of unknown kind is text. */
const TEXT_SNIFF_BYTES = 8192;
/** How many non-empty rows at the top may be a title above the header. */
const HEADER_SEARCH_ROWS = 10;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  return !bytes.subarray(0, TEXT_SNIFF_BYTES).includes(0);
}

/**
 * Excel keeps 15 significant digits of a number, so a numeric cell of 1e15 or more has lost the
 * digits beyond the fifteenth by definition: a resident ID typed into a General cell is stored as
 * 452601199001011000 whatever its last three characters were. Such a number is written the way
 * Excel shows it, in scientific notation (4.52601199001011E+17), so that the ID parser says
 * `precision-lost` whatever the lost digits were. Written in full, it would pass for a real ID one
 * time in eleven, whenever the check digit of the damaged number happens to come out right.
 * Smaller numbers (phones, 15-digit legacy IDs, household numbers) are exact and written in full.
 */
export function numberCellText(value: number): string {
  if (Number.isFinite(value) && Math.abs(value) >= 1e15) return value.toExponential().toUpperCase();
  return String(value);
}

/** The text a cell shows. Dates become yyyy-MM-dd, booleans Excel's TRUE and FALSE. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return numberCellText(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return utcDateToCalendarDate(cell) ?? '';
  return '';
}

function isEmptyRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

function recognisedCount(row: readonly string[]): number {
  return row.reduce((count, cell) => count + (fieldForHeader(cell) ? 1 : 0), 0);
}

/** A resident ID or a mobile number where a header should be: the file has no header row. */
function looksLikeData(row: readonly string[]): boolean {
  return row.some((cell) => {
    const text = cell.trim();
    if (!/\d{6}/.test(text)) return false;
    const id = parseResidentId(text);
    return id.ok || id.reason === 'precision-lost' || parsePhone(text).ok;
  });
}

/**
 * The first cell of a footer row, with its spaces taken out (forms space the words out: 填 表 人):
 * who filled in, checked or approved the form and when, the totals, and the notes. Offices'
 * templates end with such rows under the last person (填表人：韦某 审核人：… 填报日期：…, 合计：35 人).
 */
const FOOTER_START =
  /^(?:填表|填报|制表|审核|审批|复核|核对|统计人|负责人|单位负责人|分管领导|经办人|联系人|单位(?:盖章|[(（]盖章[)）])|盖章|签字|填报单位|制表单位|说明|备注|注|合计|总计|小计|共计|日期)/;
/** A footer row that is only the date the form was filled in: 2026年2月1日, 2026-02-01. */
const FOOTER_DATE = /^\d{4}(?:年\d{1,2}月\d{1,2}日?|[-./]\d{1,2}[-./]\d{1,2})$/;

/** A row under the people that is the form's footer: it starts with a footer word and holds no ID or phone. */
function isFooterRow(row: readonly string[]): boolean {
  const first = row.find((cell) => cell.trim() !== '');
  if (first === undefined) return false;
  const start = first.replace(/\s+/gu, '');
  return (FOOTER_START.test(start) || FOOTER_DATE.test(start)) && !looksLikeData(row);
}

/**
 * Makes a table of a file's rows. The header is the first non-empty row, unless it names fewer
 * than two known columns and one of the next rows names two or more: then the rows above that one
 * are a title and are left out.
 */
function tableOf(grid: string[][], format: RosterFormat, encoding?: TextEncodingName): RosterTable {
  let end = grid.length;
  while (end > 0 && isEmptyRow(grid[end - 1] ?? [])) end -= 1;
  const candidates: number[] = [];
  for (let index = 0; index < end && candidates.length < HEADER_SEARCH_ROWS; index += 1) {
    if (!isEmptyRow(grid[index] ?? [])) candidates.push(index);
  }
  const first = candidates[0];
  if (first === undefined) throw new RosterReadError('empty');
  let headerIndex = first;
  if (recognisedCount(grid[first] ?? []) < 2) {
    headerIndex = candidates.find((index) => recognisedCount(grid[index] ?? []) >= 2) ?? first;
  }
  const headers = (grid[headerIndex] ?? []).map((cell) => cell.trim());
  if (looksLikeData(headers)) throw new RosterReadError('no-header');
  // Footer rows at the end, with empty rows between them, are left out of the rows.
  const footer: RosterFooterLine[] = [];
  let lastPerson = end;
  while (lastPerson > headerIndex + 1) {
    const row = grid[lastPerson - 1] ?? [];
    if (isEmptyRow(row)) lastPerson -= 1;
    else if (isFooterRow(row)) {
      lastPerson -= 1;
      footer.unshift({ line: lastPerson + 1, cells: row.map((cell) => cell.trim()).filter((cell) => cell !== '') });
    } else break;
  }
  if (footer.length === 0) lastPerson = end;
  const rows = grid.slice(headerIndex + 1, lastPerson);
  const table: RosterTable = { format, headerLine: headerIndex + 1, headers, rows, footer };
  if (encoding) table.encoding = encoding;
  return table;
}

const EQUALS_SIGN = 0x3d;
const APOSTROPHE = 0x27;
const FORMULA_GUARD = /^'[=+\-@\t\r]/;

/**
 * A cell that this planner (or a person) wrote as ="452601199001011234" so that Excel shows it as
 * text when it opens the CSV file; and a cell that was guarded against formula injection with a
 * leading apostrophe (see write.ts). Both are read back as the plain text.
 */
function unguardCsvCell(cell: string): string {
  if (cell.length > 3 && cell.startsWith('="') && cell.endsWith('"')) return cell.slice(2, -1).replaceAll('""', '"');
  if (FORMULA_GUARD.test(cell)) return cell.slice(1);
  return cell;
}

/** Unguards the cells in place; only cells starting with = or ' can need it, a cheap first test. */
function unguardCsvRows(rows: string[][]): string[][] {
  for (const row of rows) {
    for (let index = 0; index < row.length; index += 1) {
      const cell = row[index] ?? '';
      const first = cell.charCodeAt(0);
      if (first === EQUALS_SIGN || first === APOSTROPHE) row[index] = unguardCsvCell(cell);
    }
  }
  return rows;
}

const DELIMITERS = [',', ';', '\t'];
/** Rows that the delimiter is guessed from. */
const DELIMITER_SAMPLE_ROWS = 20;

/**
 * The delimiter, guessed from the first rows with empty lines skipped: papaparse's own guess
 * counts an empty line as a row of one field and so misses the semicolons of a short file.
 */
function guessDelimiter(text: string): string {
  const sample = Papa.parse<string[]>(text, {
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: 'greedy',
    preview: DELIMITER_SAMPLE_ROWS,
  });
  return sample.meta.delimiter;
}

function readCsv(bytes: Uint8Array): RosterTable {
  const { text, encoding } = decodeText(bytes);
  // Some government systems export an HTML table under an .xls or .csv name.
  if (/^\s*</.test(text.slice(0, 512))) throw new RosterReadError('unsupported-format');
  const parsed = Papa.parse<string[]>(text, {
    delimiter: guessDelimiter(text),
    // Empty lines stay, so that a row's index is its line as Excel shows it; the check skips them.
    skipEmptyLines: false,
    // Every cell stays text: a number conversion is exactly how IDs get damaged.
    dynamicTyping: false,
    header: false,
  });
  const broken = parsed.errors.find((error) => error.code === 'MissingQuotes');
  if (broken) {
    // An unclosed quote swallows the rest of the file into one cell: refuse rather than lose rows.
    throw new RosterReadError('damaged', { line: (broken.row ?? 0) + 1 });
  }
  return tableOf(unguardCsvRows(parsed.data), 'csv', encoding);
}

function exactArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) return buffer;
  return new Uint8Array(bytes).buffer;
}

/** How many of a sheet's first rows name known roster columns: the sheet with most is the roster. */
function rosterLikeness(grid: readonly unknown[][]): number {
  let best = 0;
  for (const row of grid.slice(0, HEADER_SEARCH_ROWS)) best = Math.max(best, recognisedCount(row.map(cellText)));
  return best;
}

async function readXlsx(bytes: Uint8Array, options: RosterReadOptions): Promise<RosterTable> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    // Not trimmed: the rejected-rows file gives the cadre back the cells as they were.
    sheets = await readXlsxFile(exactArrayBuffer(bytes), { trim: false });
  } catch (error) {
    if (error instanceof InvalidInputError) {
      if (error.code === 'NO_DATA') throw new RosterReadError('empty', { cause: error });
      if (error.code === 'XLS_FILE_NOT_SUPPORTED') throw new RosterReadError('legacy-xls', { cause: error });
      if (error.code === 'FILE_NOT_SUPPORTED') throw new RosterReadError('unsupported-format', { cause: error });
    }
    throw new RosterReadError('damaged', { cause: error });
  }
  // Offices' workbooks often open with a 填表说明 sheet: by default read the sheet whose first rows
  // name the most roster columns (the first such sheet on a tie).
  let chosen = sheets[0];
  if (options.sheet !== undefined) {
    chosen = sheets.find((candidate) => candidate.sheet === options.sheet);
    if (!chosen) throw new RosterReadError('sheet-not-found');
  } else {
    let bestScore = -1;
    for (const candidate of sheets) {
      const score = rosterLikeness(candidate.data);
      if (score > bestScore) [chosen, bestScore] = [candidate, score];
    }
  }
  if (!chosen) throw new RosterReadError('empty');
  const table = tableOf(
    chosen.data.map((row) => row.map(cellText)),
    'xlsx',
  );
  return { ...table, sheet: chosen.sheet, sheets: sheets.map((candidate) => candidate.sheet) };
}

/**
 * Reads a roster. The content decides the format (an XLSX file is a zip archive), then the name:
 * a zip named .docx, .ods and the like is not supported, any other zip is read as XLSX; a file
 * named .xlsx that is not a zip is damaged; a legacy .xls is `legacy-xls` (save it as .xlsx);
 * anything else that is text is read as CSV, with the delimiter (comma, semicolon, tab) and the
 * encoding detected.
 */
export async function readRoster(
  fileName: string,
  bytes: Uint8Array,
  options: RosterReadOptions = {},
): Promise<RosterTable> {
  if (bytes.length === 0) throw new RosterReadError('empty');
  const extension = extensionOf(fileName);
  if (startsWith(bytes, ZIP_MAGIC)) {
    if (OTHER_ZIP_EXTENSIONS.has(extension)) throw new RosterReadError('unsupported-format');
    return readXlsx(bytes, options);
  }
  // A legacy .xls (or WPS .et) workbook: the message says how to save it as .xlsx.
  if (startsWith(bytes, OLE_MAGIC)) throw new RosterReadError('legacy-xls');
  if (XLSX_EXTENSIONS.has(extension)) throw new RosterReadError('damaged');
  if (TEXT_EXTENSIONS.has(extension) || looksLikeText(bytes)) return readCsv(bytes);
  throw new RosterReadError('unsupported-format');
}
