/**
 * Checks every row of a roster with the worker rules of the form, and gives each a verdict for
 * the preview (issue 3, "Import": every row's verdict before anything is written).
 */
import { parseResidentId } from '../domain/resident-id';
import type { Gender, PovertyStatus } from '../domain/records';
import { checkWorker } from '../domain/worker-rules';
import type { WorkerCheckOptions, WorkerFields, WorkerInput, WorkerProblem } from '../domain/worker-rules';
import { ROSTER_FIELDS, parseGenderCell, parsePovertyCell, splitSkillsCell } from './columns';
import type { ColumnMapping, RosterField } from './columns';
import type { RosterTable } from './read';

export type RosterRowStatus = 'valid' | 'warning' | 'error';

/** The stored fields that the checks rewrite rather than keep as typed (trimming aside). */
export const NORMALISED_FIELDS = [
  'name',
  'residentId',
  'phone',
  'county',
  'emergencyContactName',
  'emergencyContactPhone',
] as const satisfies readonly (keyof WorkerFields & RosterField)[];

export type NormalisedField = (typeof NORMALISED_FIELDS)[number];

/**
 * A cell that is stored otherwise than it was typed: a 15-digit ID upgraded to 18, a name's dot
 * made U+00B7 or its spaces taken out, full-width digits made half-width, +86 taken off a phone,
 * 田东 stored as 田东县. The preview shows each, so that nothing changes unseen.
 */
export interface RosterChange {
  field: NormalisedField;
  /** The cell as typed, without the spaces around it. */
  from: string;
  /** What is stored. */
  to: string;
}

export interface RosterRowVerdict {
  /** The row number the user sees in Excel (the header is on `table.headerLine`, usually 1). */
  line: number;
  status: RosterRowStatus;
  /** What would be stored; null when any problem is an error. */
  worker: WorkerFields | null;
  problems: WorkerProblem[];
  /** The row as read, for the preview and the rejected-rows file. */
  cells: string[];
  /**
   * The stored fields that this row's cells fill. An import that updates a registered worker
   * changes only these, so an empty cell or a column the file lacks never wipes what is stored
   * (issue 3: "update the fields that the file fills"). Shared between rows: do not change it.
   */
  filled: readonly (keyof WorkerFields)[];
  /** What the checks changed in a row that can be stored; absent when nothing was. */
  changes?: RosterChange[];
}

/** Which stored fields a non-empty cell of each roster column fills. */
const FILLS: Readonly<Record<RosterField, readonly (keyof WorkerFields)[]>> = {
  name: ['name'],
  // The ID carries gender, birth date and region; a gender column is only compared with it.
  residentId: ['residentId', 'gender', 'birthDate', 'countyCode'],
  phone: ['phone'],
  gender: [],
  county: ['county'],
  township: ['township'],
  village: ['village'],
  household: ['household'],
  povertyStatus: ['povertyStatus'],
  skills: ['skills'],
  wantedJob: ['wantedJob'],
  emergencyContactName: ['emergencyContactName'],
  emergencyContactPhone: ['emergencyContactPhone'],
  notes: ['notes'],
};

/**
 * Whether a cell holds anything but white space. Most cells start with a letter, a digit or a
 * Chinese character: those are answered without trimming (100,000 rows have 1.5 million cells).
 */
function hasText(cell: string): boolean {
  if (cell.length === 0) return false;
  const first = cell.charCodeAt(0);
  if ((first > 0x20 && first < 0x7f) || (first >= 0x4e00 && first <= 0x9fff)) return true;
  return cell.trim() !== '';
}

function isEmptyRow(row: readonly string[]): boolean {
  for (const cell of row) if (hasText(cell)) return false;
  return true;
}

/**
 * The resident ID of a row, normalized, when it is valid: the key for finding the same person
 * twice. Taken from the checked worker when there is one, so only rows with some other error parse
 * the ID a second time.
 */
function personKey(
  worker: WorkerFields | null,
  problems: readonly WorkerProblem[],
  typedId: string,
  today: string,
): string | null {
  if (worker) return worker.residentId;
  if (problems.some((problem) => problem.field === 'residentId' && problem.severity === 'error')) return null;
  const parsed = parseResidentId(typedId, today);
  return parsed.ok ? parsed.id : null;
}

/**
 * What the check changed of the typed cells: each normalised field whose stored value differs from
 * its cell, spaces around it aside. An empty cell that the ID filled (the county) is no change.
 */
function changesOf(worker: WorkerFields, input: WorkerInput): RosterChange[] | undefined {
  let changes: RosterChange[] | undefined;
  for (const field of NORMALISED_FIELDS) {
    const typed = input[field];
    const stored = worker[field];
    // Most cells are stored as typed: one comparison, no trimming.
    if (typed === stored) continue;
    const from = typed.trim();
    if (from === stored || from === '') continue;
    (changes ??= []).push({ field, from, to: stored });
  }
  return changes;
}

/**
 * The stored fields filled by a row whose non-empty mapped columns are the bits of `mask` (bit i
 * for `columns[i]`). Rows of one roster share few patterns, so each list is made once per pattern
 * and shared between verdicts instead of 100,000 times.
 */
function filledFor(
  mask: number,
  columns: readonly (readonly [RosterField, number])[],
  cache: Map<number, readonly (keyof WorkerFields)[]>,
): readonly (keyof WorkerFields)[] {
  let filled = cache.get(mask);
  if (!filled) {
    filled = columns.flatMap(([field], bit) => (mask & (1 << bit) ? FILLS[field] : []));
    cache.set(mask, filled);
  }
  return filled;
}

/**
 * Checks the rows of a table. Columns that the mapping lacks count as empty; rows with every cell
 * empty are skipped (they get no verdict). A resident ID met again in the same file makes the
 * later rows errors (`duplicate-in-file`), whatever their other cells say.
 */
export function checkRoster(
  table: RosterTable,
  mapping: ColumnMapping,
  options: WorkerCheckOptions,
): RosterRowVerdict[] {
  const columns = ROSTER_FIELDS.flatMap((field): (readonly [RosterField, number])[] => {
    const column = mapping[field];
    return column === undefined ? [] : [[field, column]];
  });
  const cellOf = (cells: readonly string[], field: RosterField): string => {
    const column = mapping[field];
    return column === undefined ? '' : (cells[column] ?? '');
  };
  const firstLineOf = new Map<string, number>();
  const filledCache = new Map<number, readonly (keyof WorkerFields)[]>();
  const verdicts: RosterRowVerdict[] = [];

  for (let index = 0; index < table.rows.length; index += 1) {
    const cells = table.rows[index] ?? [];
    if (isEmptyRow(cells)) continue;
    const line = table.headerLine + 1 + index;
    let mask = 0;
    for (let bit = 0; bit < columns.length; bit += 1) {
      const column = columns[bit]?.[1];
      if (column !== undefined && hasText(cells[column] ?? '')) mask |= 1 << bit;
    }

    const rowProblems: WorkerProblem[] = [];
    const typedGender = parseGenderCell(cellOf(cells, 'gender'));
    // An unreadable gender costs nothing: the ID decides it anyway.
    const gender: Gender | null = typedGender ?? null;
    if (typedGender === null) rowProblems.push({ field: 'gender', code: 'gender-unrecognized', severity: 'warning' });
    let povertyStatus: PovertyStatus | null = parsePovertyCell(cellOf(cells, 'povertyStatus'));
    if (povertyStatus === null) {
      rowProblems.push({ field: 'povertyStatus', code: 'poverty-status-unrecognized', severity: 'error' });
      povertyStatus = 'none';
    }

    const input: WorkerInput = {
      name: cellOf(cells, 'name'),
      residentId: cellOf(cells, 'residentId'),
      phone: cellOf(cells, 'phone'),
      gender,
      county: cellOf(cells, 'county'),
      township: cellOf(cells, 'township'),
      village: cellOf(cells, 'village'),
      household: cellOf(cells, 'household'),
      povertyStatus,
      skills: splitSkillsCell(cellOf(cells, 'skills')),
      wantedJob: cellOf(cells, 'wantedJob'),
      emergencyContactName: cellOf(cells, 'emergencyContactName'),
      emergencyContactPhone: cellOf(cells, 'emergencyContactPhone'),
      enterpriseId: null,
      openingId: null,
      status: 'registered',
      notes: cellOf(cells, 'notes'),
    };
    const checked = checkWorker(input, options);
    const problems = rowProblems.length > 0 ? [...rowProblems, ...checked.problems] : checked.problems;

    const key = personKey(checked.worker, checked.problems, input.residentId, options.today);
    if (key !== null) {
      const firstLine = firstLineOf.get(key);
      if (firstLine === undefined) firstLineOf.set(key, line);
      else problems.push({ field: 'residentId', code: 'duplicate-in-file', severity: 'error', params: { firstLine } });
    }

    const hasError = problems.some((problem) => problem.severity === 'error');
    const worker = hasError ? null : checked.worker;
    const verdict: RosterRowVerdict = {
      line,
      status: hasError ? 'error' : problems.length > 0 ? 'warning' : 'valid',
      worker,
      problems,
      cells,
      filled: filledFor(mask, columns, filledCache),
    };
    const changes = worker ? changesOf(worker, input) : undefined;
    if (changes) verdict.changes = changes;
    verdicts.push(verdict);
  }
  return verdicts;
}
