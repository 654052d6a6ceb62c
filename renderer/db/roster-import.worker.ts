/**
 * Reads, checks and stores a roster off the UI thread (issue 3): a 100,000-row file keeps the
 * window responsive. The table and its verdicts stay here; the page asks for what it shows.
 */
import { expose, transfer } from 'comlink';
import type { WorkerCheckOptions } from '@shared/domain/worker-rules';
import {
  checkRoster,
  readRoster,
  recognizeColumns,
  rejectedRowsFile,
  type ColumnMapping,
  type RejectedRow,
  type RosterField,
  type RosterFile,
  type RosterFooterLine,
  type RosterRowStatus,
  type RosterRowVerdict,
  type RosterTable,
} from '@shared/roster';
import { fileHash } from '@shared/roster/import-journal';
import { registeredResidentIds } from './repositories/roster-columns';
import {
  importWorkers,
  ImportInterruptedError,
  type ExistingChoice,
  type ImportProgress,
  type ImportReport,
} from './repositories/worker-import';

let table: RosterTable | null = null;
/** The file read, kept so that another sheet of a workbook can be read without handing it over again. */
let file: { name: string; bytes: Uint8Array } | null = null;
/** The SHA-256 of the file read, for the import's journal; the bytes themselves may be gone. */
let hash: Promise<string> | null = null;
/** The columns of the last check: the journal keeps them, so that an interrupted import is finished with them. */
let checkedMapping: ColumnMapping = {};
let verdicts: RosterRowVerdict[] = [];
let importing: AbortController | null = null;

function requireTable(): RosterTable {
  if (!table) throw new Error('no roster has been read');
  return table;
}

export interface RosterSummary {
  format: RosterTable['format'];
  encoding: RosterTable['encoding'];
  headerLine: number;
  headers: string[];
  rowCount: number;
  /** The columns recognised from the headers (and the user's earlier choices). */
  mapping: ColumnMapping;
  /** The first rows, to show beside the column choices. */
  samples: string[][];
  /** The worksheet read and every worksheet of the workbook; absent for CSV. */
  sheet?: string;
  sheets?: string[];
  /** The form's footer rows under the people, left out of the rows. */
  footer: RosterFooterLine[];
  /** SHA-256 of the file's bytes, lowercase hex (the import journal's, shared/roster/import-journal.ts). */
  fileHash: string;
}

export interface VerdictCounts {
  valid: number;
  warning: number;
  error: number;
}

export interface CheckOutcome {
  counts: VerdictCounts;
  /** Storable rows whose resident ID is registered already. */
  registered: number;
  /** Storable rows that the checks changed (an ID upgraded, a name's dot, full-width digits). */
  changed: number;
}

/** Checks every row of the table read; the verdicts stay here, the counts go to the page. */
async function checkAll(mapping: ColumnMapping, options: WorkerCheckOptions): Promise<CheckOutcome> {
  const stored = registeredResidentIds();
  checkedMapping = mapping;
  verdicts = checkRoster(requireTable(), mapping, options);
  const counts: VerdictCounts = { valid: 0, warning: 0, error: 0 };
  let changed = 0;
  for (const verdict of verdicts) {
    counts[verdict.status] += 1;
    if (verdict.changes) changed += 1;
  }
  const registeredIds = await stored;
  let registered = 0;
  for (const verdict of verdicts) if (verdict.worker && registeredIds.has(verdict.worker.residentId)) registered += 1;
  return { counts, registered, changed };
}

/**
 * The check begun as soon as the file was read, with the columns recognised from its headers,
 * while the user looks at them: confirmed unchanged, they are checked already.
 */
let early: { key: string; outcome: Promise<CheckOutcome> } | null = null;
/** Whether the page has asked for the check of the table read: then no early one starts. */
let checkAsked = false;

const checkKey = (mapping: ColumnMapping, options: WorkerCheckOptions): string => JSON.stringify([mapping, options]);

/** Reads the file kept (a workbook's `sheet`, by default the one that looks like a roster) and starts its early check. */
async function readKept(
  options: { sheet?: string; mapping?: ColumnMapping },
  remembered: Record<string, RosterField>,
  checkOptions: WorkerCheckOptions,
): Promise<RosterSummary> {
  if (!file || !hash) throw new Error('no roster has been read');
  // A sheet that can not be read leaves the one read before as it was.
  const next = await readRoster(file.name, file.bytes, options.sheet === undefined ? {} : { sheet: options.sheet });
  early = null;
  checkAsked = false;
  verdicts = [];
  table = next;
  const mapping = options.mapping ?? recognizeColumns(table.headers, remembered);
  const read = table;
  // After this answer has gone out: the page shows the columns while the rows are checked.
  setTimeout(() => {
    if (table !== read || checkAsked) return;
    early = { key: checkKey(mapping, checkOptions), outcome: checkAll(mapping, checkOptions) };
  }, 0);
  const summary: RosterSummary = {
    format: table.format,
    encoding: table.encoding,
    headerLine: table.headerLine,
    headers: table.headers,
    rowCount: table.rows.length,
    mapping,
    samples: table.rows.slice(0, 3),
    footer: table.footer ?? [],
    fileHash: await hash,
  };
  if (table.sheet !== undefined) summary.sheet = table.sheet;
  if (table.sheets) summary.sheets = table.sheets;
  return summary;
}

const api = {
  /**
   * Reads a file. To finish an interrupted import, `resume` names the sheet and the columns it
   * read (the journal's), in place of the ones this file's headers suggest.
   */
  async read(
    fileName: string,
    bytes: Uint8Array,
    remembered: Record<string, RosterField>,
    checkOptions: WorkerCheckOptions,
    resume?: { sheet: string | null; mapping: ColumnMapping },
  ): Promise<RosterSummary> {
    file = { name: fileName, bytes };
    // Hashed while the file is read; a few hundred milliseconds at 50 MB.
    hash = fileHash(bytes);
    table = null;
    const summary = await readKept(
      resume ? { ...(resume.sheet === null ? {} : { sheet: resume.sheet }), mapping: resume.mapping } : {},
      remembered,
      checkOptions,
    );
    // Only a workbook of several sheets may be read again: the bytes of any other file go.
    if ((summary.sheets?.length ?? 0) < 2) file = null;
    return summary;
  },

  /** Reads another sheet of the workbook read, in place of the one read. */
  async readSheet(
    sheet: string,
    remembered: Record<string, RosterField>,
    checkOptions: WorkerCheckOptions,
  ): Promise<RosterSummary> {
    return readKept({ sheet }, remembered, checkOptions);
  },

  /**
   * Checks every row, and counts the storable rows whose person is registered already (for the
   * choice between skipping and updating them). The stored IDs are read while the rows are checked,
   * and stay here: handing 100,000 IDs to the window and back cost more than the count. With the
   * columns and settings of the early check, its outcome is the answer.
   */
  async check(mapping: ColumnMapping, options: WorkerCheckOptions): Promise<CheckOutcome> {
    const ready = early;
    early = null;
    checkAsked = true;
    if (ready && ready.key === checkKey(mapping, options)) return ready.outcome;
    return checkAll(mapping, options);
  },

  /** Verdicts for the preview, optionally only those of some statuses, or only those the checks changed. */
  verdicts(
    statuses: readonly RosterRowStatus[],
    offset: number,
    limit: number,
    changedOnly = false,
  ): { total: number; rows: RosterRowVerdict[] } {
    const shown =
      statuses.length === 3 && !changedOnly
        ? verdicts
        : verdicts.filter((verdict) => statuses.includes(verdict.status) && (!changedOnly || verdict.changes));
    return { total: shown.length, rows: shown.slice(offset, offset + limit) };
  },

  /**
   * Stores the rows that can be stored (valid and warning). `onProgress` is a comlink proxy; a
   * failure comes back in `failure`, with the report of what was stored before it.
   */
  async store(
    options: { onExisting: ExistingChoice; source: string; resume?: string },
    onProgress: (progress: ImportProgress) => void,
  ): Promise<{ report: ImportReport; failure?: string }> {
    const rows = verdicts.flatMap((verdict) =>
      verdict.worker ? [{ line: verdict.line, worker: verdict.worker, filled: verdict.filled }] : [],
    );
    const read = requireTable();
    const journaled = {
      fileName: options.source,
      fileHash: hash ? await hash : '',
      sheet: read.sheet ?? null,
      mapping: checkedMapping,
      rowsTotal: read.rows.length,
    };
    importing = new AbortController();
    try {
      return {
        report: await importWorkers(rows, { ...options, file: journaled, onProgress, signal: importing.signal }),
      };
    } catch (error) {
      if (error instanceof ImportInterruptedError) {
        return {
          report: error.report,
          failure: error.cause instanceof Error ? error.cause.message : String(error.cause),
        };
      }
      throw error;
    } finally {
      importing = null;
    }
  },

  /** Stops the import under way after the chunk being written; what was stored stays. */
  cancel(): void {
    importing?.abort();
  },

  /** The problems of the rows with errors, for the rejected-rows file. */
  errorRows(): { line: number; problems: RosterRowVerdict['problems'] }[] {
    return verdicts
      .filter((verdict) => verdict.status === 'error')
      .map((verdict) => ({ line: verdict.line, problems: verdict.problems }));
  },

  async rejectedFile(rejected: RejectedRow[], reasonHeader: string): Promise<RosterFile> {
    const file = await rejectedRowsFile(requireTable(), rejected, reasonHeader);
    return transfer(file, [file.bytes.buffer]);
  },
};

export type RosterApi = typeof api;

expose(api);
