/**
 * The journal of roster imports (shared/roster/import-journal.ts; docs/architecture.md#roster-import):
 * the import writes its entry before its first chunk and updates it inside every chunk's own
 * transaction, so that after a crash the entry says exactly which chunks are stored. An import
 * holds a Web Lock named after its entry while it runs; an entry found `running` whose lock no one
 * holds was cut off (the window closed, the PC switched off) and is marked `interrupted`, to be
 * reported and finished with the same file, or abandoned.
 *
 * The journal is this installation's record of its imports, not data: it is never backed up, and
 * its writes have no audit rows of their own (an import's chunks have theirs, under `import:<id>`).
 */
import { DEFAULT_SETTINGS } from '@shared/domain/records';
import {
  chunkCount,
  rowsAfterChunks,
  type ImportedFile,
  type ImportJournalEntry,
  type ImportState,
} from '@shared/roster/import-journal';
import { database, type PlannerDatabase } from '../database';
import { UNNAMED_OPERATOR } from '../audit';
import { now } from '../clock';

export type { ImportedFile, ImportJournalEntry, ImportState } from '@shared/roster/import-journal';

/** Why an interrupted import can not be finished as asked (the message is the code, for the page to word). */
export type ImportResumeProblem = 'import-not-interrupted' | 'import-file-mismatch';

export class ImportResumeError extends Error {
  readonly code: ImportResumeProblem;

  constructor(code: ImportResumeProblem) {
    super(code);
    this.name = 'ImportResumeError';
    this.code = code;
  }
}

const LOCK_PREFIX = 'point-to-point-planner:import:';

/** Web Locks where there are (every window and worker of the app; not Node's tests). */
function lockManager(): LockManager | null {
  if (typeof navigator === 'undefined') return null;
  return (navigator as Partial<Navigator>).locks ?? null;
}

/**
 * Runs `body` holding the import's lock: while it is held, no window takes the import for
 * interrupted. The lock goes with the window or worker that holds it, however it ends.
 */
export async function withImportLock<T>(id: string, body: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  if (!locks) return body();
  return await locks.request(`${LOCK_PREFIX}${id}`, body);
}

async function heldLocks(): Promise<Set<string>> {
  const locks = lockManager();
  if (!locks) return new Set();
  const { held = [] } = await locks.query();
  return new Set(held.flatMap((lock) => (lock.name ? [lock.name] : [])));
}

async function operatorName(db: PlannerDatabase): Promise<string> {
  return (await db.settings.get(DEFAULT_SETTINGS.id))?.operatorName ?? UNNAMED_OPERATOR;
}

/** Writes the entry of an import about to store `rowsToStore` rows, before its first chunk. */
export async function startImportJournal(
  db: PlannerDatabase,
  start: { id: string; file: ImportedFile; onExisting: ImportJournalEntry['onExisting'] },
  rowsToStore: number,
  chunkSize: number,
): Promise<ImportJournalEntry> {
  const entry: ImportJournalEntry = {
    ...start.file,
    id: start.id,
    startedAt: now(),
    operator: await operatorName(db),
    onExisting: start.onExisting,
    rowsToStore,
    chunkSize,
    chunksTotal: chunkCount(rowsToStore, chunkSize),
    chunksCommitted: 0,
    rowsStored: 0,
    state: 'running',
    endedAt: null,
    resumedAt: null,
    abandonedBy: null,
    failure: null,
  };
  await db.imports.add(entry);
  return entry;
}

/**
 * Takes up an interrupted import to finish it: refuses one that is not interrupted, and a file
 * whose SHA-256 is not the one the import read. What was stored stays counted.
 */
export async function resumeImportJournal(
  db: PlannerDatabase,
  id: string,
  fileHash: string,
  rowsToStore: number,
  chunkSize: number,
): Promise<ImportJournalEntry> {
  return db.transaction('rw', db.imports, async () => {
    const entry = await db.imports.get(id);
    if (!entry || entry.state !== 'interrupted') throw new ImportResumeError('import-not-interrupted');
    if (entry.fileHash !== fileHash) throw new ImportResumeError('import-file-mismatch');
    const resumed: ImportJournalEntry = {
      ...entry,
      rowsToStore,
      chunkSize,
      chunksTotal: chunkCount(rowsToStore, chunkSize),
      state: 'running',
      resumedAt: now(),
    };
    await db.imports.put(resumed);
    return resumed;
  });
}

/**
 * The entry once the chunks up to `chunksCommitted` are stored: asked for inside that chunk's
 * transaction, so it commits with the chunk or not at all. A finish goes over the file from its
 * start again, so a count never goes below what an earlier run stored. The last chunk finishes it.
 */
export function journalChunk(
  db: PlannerDatabase,
  entry: ImportJournalEntry,
  chunksCommitted: number,
  last: boolean,
): Promise<unknown> {
  const rows = rowsAfterChunks(chunksCommitted, entry.chunkSize, entry.rowsToStore);
  return db.imports.put({
    ...entry,
    chunksCommitted: Math.max(entry.chunksCommitted, chunksCommitted),
    rowsStored: Math.max(entry.rowsStored, rows),
    ...(last ? { state: 'finished' as const, endedAt: now() } : {}),
  });
}

/** Ends a running import as cancelled, failed or (with no rows to store) finished. */
export async function endImportJournal(
  db: PlannerDatabase,
  id: string,
  state: Extract<ImportState, 'finished' | 'cancelled' | 'failed'>,
  failure: string | null = null,
): Promise<void> {
  await db.transaction('rw', db.imports, async () => {
    const entry = await db.imports.get(id);
    if (entry?.state !== 'running') return;
    await db.imports.put({ ...entry, state, endedAt: now(), failure });
  });
}

/**
 * Marks the imports left running with no window storing them as interrupted (called at start and
 * when the import page opens), and returns every interrupted import, the newest first.
 */
export async function findInterruptedImports(): Promise<ImportJournalEntry[]> {
  const db = database();
  const running = (await db.imports.toArray()).filter((entry) => entry.state === 'running');
  if (running.length > 0) {
    const held = await heldLocks();
    const cutOff = running.filter((entry) => !held.has(`${LOCK_PREFIX}${entry.id}`)).map((entry) => entry.id);
    if (cutOff.length > 0) {
      await db.transaction('rw', db.imports, async () => {
        for (const entry of await db.imports.bulkGet(cutOff)) {
          if (entry?.state === 'running') await db.imports.put({ ...entry, state: 'interrupted' });
        }
      });
    }
  }
  return interruptedImports();
}

/** The interrupted imports, the newest first (for a live query: it only reads). */
export async function interruptedImports(): Promise<ImportJournalEntry[]> {
  const entries = await database()
    .imports.orderBy('startedAt')
    .filter((entry) => entry.state === 'interrupted')
    .toArray();
  return entries.reverse();
}

/** One journal entry, or undefined. */
export function importJournalEntry(id: string): Promise<ImportJournalEntry | undefined> {
  return database().imports.get(id);
}

/**
 * Gives up finishing an interrupted import: the rows stored stay, and the entry is kept, marked
 * abandoned, with who abandoned it and when.
 */
export async function abandonImport(id: string): Promise<void> {
  const db = database();
  const operator = await operatorName(db);
  await db.transaction('rw', db.imports, async () => {
    const entry = await db.imports.get(id);
    if (entry?.state !== 'interrupted') return;
    await db.imports.put({ ...entry, state: 'abandoned', endedAt: now(), abandonedBy: operator });
  });
}
