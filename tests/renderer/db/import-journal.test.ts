import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkRoster, recognizeColumns, type RosterTable } from '@shared/roster';
import { fileHash, type ImportedFile } from '@shared/roster/import-journal';
import {
  IMPORT_STEP,
  ImportInterruptedError,
  ImportResumeError,
  PlannerDatabase,
  abandonImport,
  findInterruptedImports,
  importJournalEntry,
  importWorkers,
  interruptedImports,
  withImportLock,
  setDatabase,
  updateSettings,
  type ImportRow,
} from '@renderer/db';
import { makeWorker } from '../../fixtures/factories';
import { freshDatabase } from './test-database';

const OPTIONS = { today: '2026-02-10', workingAge: { min: 16, max: 65 } };
const HEADERS = ['姓名', '身份证号', '手机号码', '县(区)', '村'];
/**
 * The smallest chunk in which a progress report comes before the chunk's end (addAll reports every
 * IMPORT_STEP rows but the last): the "kill" below happens there, half-way through the second chunk.
 */
const CHUNK = IMPORT_STEP + 2;

function table(rows: string[][]): RosterTable {
  return { format: 'csv', encoding: 'utf-8', headerLine: 1, headers: HEADERS, rows };
}

function importable(rows: string[][]): ImportRow[] {
  const read = table(rows);
  return checkRoster(read, recognizeColumns(read.headers), OPTIONS).flatMap((verdict) =>
    verdict.worker ? [{ line: verdict.line, worker: verdict.worker, filled: verdict.filled }] : [],
  );
}

function goodRow(): string[] {
  const worker = makeWorker();
  return [worker.name, worker.residentId, worker.phone, worker.county, '那洪村'];
}

/** The roster as the file it came in, and what the journal records of that file. */
async function rosterFile(rows: string[][], fileName = '田东县花名册.csv'): Promise<ImportedFile> {
  const bytes = new TextEncoder().encode([HEADERS, ...rows].map((row) => row.join(',')).join('\r\n'));
  return {
    fileName,
    fileHash: await fileHash(bytes),
    sheet: null,
    mapping: recognizeColumns(HEADERS),
    rowsTotal: rows.length,
  };
}

let db: PlannerDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await updateSettings({ operatorName: '王调度' });
});

/**
 * Imports `rows` in chunks of CHUNK and kills the import half-way through the second chunk, as a
 * closed window or a power cut would: the chunk's transaction is aborted and nothing after it runs
 * (the database is gone). Then "starts the app again": a new connection to the same database.
 */
async function importKilledInSecondChunk(rows: ImportRow[], file: ImportedFile): Promise<PlannerDatabase> {
  const outcome = await importWorkers(rows, {
    onExisting: 'skip',
    source: file.fileName,
    file,
    chunkSize: CHUNK,
    onProgress: ({ done }) => {
      if (done !== CHUNK + IMPORT_STEP) return;
      db.close();
      // Thrown in IndexedDB's answer to one of the chunk's writes: the chunk's transaction aborts.
      throw new Error('the window was closed');
    },
  }).catch((error: unknown) => error);
  expect(outcome).toBeInstanceOf(ImportInterruptedError);
  const reopened = new PlannerDatabase(db.name);
  setDatabase(reopened);
  return reopened;
}

describe('the import journal', { timeout: 60_000 }, () => {
  it('after a kill in chunk 2 of 2, says 1 chunk is stored, and the next start reports the import', async () => {
    const lines = Array.from({ length: CHUNK * 2 }, goodRow);
    const file = await rosterFile(lines);
    const rows = importable(lines);
    const reopened = await importKilledInSecondChunk(rows, file);

    await expect(reopened.workers.count()).resolves.toBe(CHUNK);
    const [entry] = await findInterruptedImports();
    expect(entry).toMatchObject({
      fileName: '田东县花名册.csv',
      fileHash: file.fileHash,
      rowsTotal: CHUNK * 2,
      rowsToStore: CHUNK * 2,
      chunksTotal: 2,
      chunksCommitted: 1,
      rowsStored: CHUNK,
      operator: '王调度',
      state: 'interrupted',
    });
    expect(entry?.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // The rows the journal counts are exactly the ones stored: the file's first chunk.
    const stored = new Set((await reopened.workers.toArray()).map((worker) => worker.residentId));
    expect(rows.slice(0, CHUNK).every((row) => stored.has(row.worker.residentId))).toBe(true);
    // Reported once: a second look finds the same one, still interrupted.
    await expect(findInterruptedImports()).resolves.toHaveLength(1);
  });

  it('finished with the same file, stores only the rest, each person once, and completes the journal', async () => {
    const lines = Array.from({ length: CHUNK * 2 }, goodRow);
    const file = await rosterFile(lines);
    const rows = importable(lines);
    const reopened = await importKilledInSecondChunk(rows, file);
    const [entry] = await findInterruptedImports();
    if (!entry) throw new Error('the interrupted import was not reported');

    const report = await importWorkers(importable(lines), {
      onExisting: entry.onExisting,
      source: file.fileName,
      file: await rosterFile(lines),
      chunkSize: CHUNK,
      resume: entry.id,
    });

    expect(report.created).toEqual(rows.slice(CHUNK).map((row) => row.line));
    expect(report.unchanged).toEqual(rows.slice(0, CHUNK).map((row) => row.line));
    const workers = await reopened.workers.toArray();
    expect(workers).toHaveLength(CHUNK * 2);
    expect(new Set(workers.map((worker) => worker.residentId)).size).toBe(CHUNK * 2);
    // The audit trail names every person created once, all under the one import.
    const audits = await reopened.audit
      .where('[table+recordId]')
      .equals(['workers', `import:${entry.id}`])
      .toArray();
    const created = audits.flatMap((row) => (row.after as { created: string[] }).created);
    expect(new Set(created).size).toBe(CHUNK * 2);
    expect(created).toHaveLength(CHUNK * 2);
    await expect(importJournalEntry(entry.id)).resolves.toMatchObject({
      state: 'finished',
      chunksCommitted: 2,
      rowsStored: CHUNK * 2,
    });
    await expect(findInterruptedImports()).resolves.toEqual([]);
  });

  it('refuses to finish an import with a different file, and stores nothing of it', async () => {
    const lines = Array.from({ length: CHUNK * 2 }, goodRow);
    const file = await rosterFile(lines);
    const reopened = await importKilledInSecondChunk(importable(lines), file);
    const [entry] = await findInterruptedImports();
    if (!entry) throw new Error('the interrupted import was not reported');
    // The same name, one more person: not the file the import read.
    const other = [...lines, goodRow()];

    const outcome = await importWorkers(importable(other), {
      onExisting: 'skip',
      source: file.fileName,
      file: await rosterFile(other),
      chunkSize: CHUNK,
      resume: entry.id,
    }).catch((error: unknown) => error);

    expect(outcome).toBeInstanceOf(ImportResumeError);
    expect((outcome as ImportResumeError).code).toBe('import-file-mismatch');
    await expect(reopened.workers.count()).resolves.toBe(CHUNK);
    await expect(importJournalEntry(entry.id)).resolves.toMatchObject({ state: 'interrupted', chunksCommitted: 1 });
  });

  it('keeps an abandoned import, marked with who gave it up, and no longer reports it', async () => {
    const lines = Array.from({ length: CHUNK * 2 }, goodRow);
    const reopened = await importKilledInSecondChunk(importable(lines), await rosterFile(lines));
    const [entry] = await findInterruptedImports();
    if (!entry) throw new Error('the interrupted import was not reported');

    await abandonImport(entry.id);

    await expect(interruptedImports()).resolves.toEqual([]);
    await expect(findInterruptedImports()).resolves.toEqual([]);
    await expect(importJournalEntry(entry.id)).resolves.toMatchObject({
      state: 'abandoned',
      abandonedBy: '王调度',
      chunksCommitted: 1,
    });
    await expect(reopened.workers.count()).resolves.toBe(CHUNK);
    // An abandoned import can not be finished any more.
    await expect(
      importWorkers(importable(lines), { onExisting: 'skip', source: 'x.csv', resume: entry.id }),
    ).rejects.toThrow('import-not-interrupted');
  });

  it('marks a cancelled import cancelled and a failed one failed, with the chunks stored, and reports neither', async () => {
    const lines = Array.from({ length: CHUNK * 2 }, goodRow);
    const controller = new AbortController();
    await importWorkers(importable(lines), {
      onExisting: 'skip',
      source: 'cancelled.csv',
      chunkSize: CHUNK,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === CHUNK + IMPORT_STEP) controller.abort();
      },
    });
    const clashing = importable(Array.from({ length: 6 }, goodRow));
    const [first, , , , fifth] = clashing;
    if (!first || !fifth) throw new Error('rows missing');
    fifth.worker = { ...fifth.worker, residentId: first.worker.residentId };
    await importWorkers(clashing, { onExisting: 'skip', source: 'clash.csv', chunkSize: 3 }).catch(() => undefined);

    const entries = await db.imports.orderBy('startedAt').toArray();
    expect(
      entries.map(({ fileName, state, chunksCommitted, chunksTotal }) => [
        fileName,
        state,
        chunksCommitted,
        chunksTotal,
      ]),
    ).toEqual([
      ['cancelled.csv', 'cancelled', 1, 2],
      ['clash.csv', 'failed', 1, 2],
    ]);
    expect(entries[1]?.failure).toBeTruthy();
    await expect(findInterruptedImports()).resolves.toEqual([]);
  });

  it('marks an import finished in its last chunk, and one of no rows at once', async () => {
    const lines = Array.from({ length: 5 }, goodRow);
    await importWorkers(importable(lines), {
      onExisting: 'skip',
      source: 'five.csv',
      file: await rosterFile(lines, 'five.csv'),
      chunkSize: 2,
    });
    await importWorkers([], { onExisting: 'skip', source: 'empty.csv' });
    const entries = await db.imports.orderBy('startedAt').toArray();
    expect(
      entries.map(({ fileName, state, chunksCommitted, chunksTotal, rowsStored }) => [
        fileName,
        state,
        chunksCommitted,
        chunksTotal,
        rowsStored,
      ]),
    ).toEqual([
      ['five.csv', 'finished', 3, 3, 5],
      ['empty.csv', 'finished', 0, 0, 0],
    ]);
    expect(entries[0]?.endedAt).toBeTruthy();
    await expect(findInterruptedImports()).resolves.toEqual([]);
  });

  describe('with Web Locks, as in the app', () => {
    /** Web Locks as a browser keeps them (Node has none): a name is held while its callback runs. */
    const held = new Set<string>();
    beforeEach(() => {
      vi.stubGlobal('navigator', {
        locks: {
          request: async (name: string, body: () => Promise<unknown>) => {
            held.add(name);
            try {
              return await body();
            } finally {
              held.delete(name);
            }
          },
          query: () => Promise.resolve({ held: [...held].map((name) => ({ name })), pending: [] }),
        },
      });
    });
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('leaves an import that another window is storing alone, and reports it once that window is gone', async () => {
      const lines = Array.from({ length: 4 }, goodRow);
      await importWorkers(importable(lines), { onExisting: 'skip', source: 'other-window.csv', chunkSize: 2 });
      const [entry] = await db.imports.toArray();
      if (!entry) throw new Error('no journal entry');
      // The other window's import, still running: its entry says so and its lock is held.
      await db.imports.put({ ...entry, state: 'running', chunksCommitted: 1, rowsStored: 2 });
      let closeWindow: () => void = () => undefined;
      const windowOpen = new Promise<void>((resolve) => {
        closeWindow = resolve;
      });
      const otherWindow = withImportLock(entry.id, () => windowOpen);

      await expect(findInterruptedImports()).resolves.toEqual([]);
      await expect(importJournalEntry(entry.id)).resolves.toMatchObject({ state: 'running' });

      closeWindow();
      await otherWindow;
      await expect(findInterruptedImports()).resolves.toMatchObject([
        { id: entry.id, state: 'interrupted', chunksCommitted: 1, rowsStored: 2 },
      ]);
    });
  });
});
