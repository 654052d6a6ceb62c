/**
 * The journal of roster imports (issue 16, item 6; docs/architecture.md#roster-import): one entry per
 * import, kept in the `imports` table (never backed up), so that an import cut off half-way (the
 * window closed, the PC switched off) is reported on the next start and can be finished with the
 * same file. Pure: the repository (renderer/db/repositories/import-journal.ts) stores it.
 */
import type { ColumnMapping } from './columns';

/**
 * Where an import stands:
 * - `running`: being stored, or cut off before it could say otherwise (the next start tells which);
 * - `finished`: every chunk stored (set in the last chunk's own transaction);
 * - `cancelled` / `failed`: stopped by the user, or by an error the page reported at the time;
 * - `interrupted`: found `running` with no window storing it: cut off, waiting to be finished;
 * - `abandoned`: an interrupted import the user chose not to finish; the rows stored stay.
 */
export type ImportState = 'running' | 'finished' | 'cancelled' | 'failed' | 'interrupted' | 'abandoned';

/** What the journal records of the file an import reads. */
export interface ImportedFile {
  fileName: string;
  /** SHA-256 of the file's bytes, lowercase hex: an import is finished only with the same bytes. */
  fileHash: string;
  /** The worksheet read; null for a CSV. */
  sheet: string | null;
  /** The columns as the user confirmed them: a finish reads the file with the same ones. */
  mapping: ColumnMapping;
  /** The file's data rows (header and footer left out), the rows with errors included. */
  rowsTotal: number;
}

/** One entry of the journal. Times are UTC instants, shown in Beijing time. */
export interface ImportJournalEntry extends ImportedFile {
  /** Also the record id of the import's audit rows: `import:<id>`. */
  id: string;
  startedAt: string;
  /** Who started it (settings' operator name at the start; '' when none is set). */
  operator: string;
  /** What happens to a row whose person is registered already. */
  onExisting: 'skip' | 'update';
  /** The rows that passed the checks and are to be stored. */
  rowsToStore: number;
  chunkSize: number;
  chunksTotal: number;
  /**
   * Chunks stored, counted from the file's first storable row: written in the same transaction as
   * each chunk, so the journal never claims a chunk that is not stored.
   */
  chunksCommitted: number;
  /** Storable rows handled by the chunks stored (stored, updated or found registered). */
  rowsStored: number;
  state: ImportState;
  /** When it finished, was cancelled, failed or was abandoned. */
  endedAt: string | null;
  /** When an interrupted import was taken up again to be finished. */
  resumedAt: string | null;
  /** Who abandoned it. */
  abandonedBy: string | null;
  /** What stopped a failed import, as the error said it. */
  failure: string | null;
}

/** How many chunks `rows` rows make. */
export function chunkCount(rows: number, chunkSize: number): number {
  return Math.ceil(rows / Math.max(1, chunkSize));
}

/** The storable rows handled once `chunks` chunks are stored. */
export function rowsAfterChunks(chunks: number, chunkSize: number, rowsToStore: number): number {
  return Math.min(rowsToStore, chunks * Math.max(1, chunkSize));
}

/** SHA-256 of a file's bytes, lowercase hex: what the journal compares a file by. */
export async function fileHash(bytes: Uint8Array): Promise<string> {
  const own =
    bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? new Uint8Array(bytes.buffer)
      : new Uint8Array(bytes);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', own));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
