import { beforeEach, describe, expect, it } from 'vitest';
import { checkRoster, recognizeColumns, type RosterTable } from '@shared/roster';
import { IMPORT_STEP, ImportInterruptedError, importWorkers, type ImportRow, type PlannerDatabase } from '@renderer/db';
import { makeWorker } from '../../fixtures/factories';
import { freshDatabase } from './test-database';

const OPTIONS = { today: '2026-02-10', workingAge: { min: 16, max: 65 } };
const HEADERS = ['姓名', '身份证号', '手机号码', '县(区)', '村'];

function roster(rows: string[][]): RosterTable {
  return { format: 'csv', encoding: 'utf-8', headerLine: 1, headers: HEADERS, rows };
}

function importable(table: RosterTable): ImportRow[] {
  return checkRoster(table, recognizeColumns(table.headers), OPTIONS).flatMap((verdict) =>
    verdict.worker ? [{ line: verdict.line, worker: verdict.worker, filled: verdict.filled }] : [],
  );
}

function goodRow(village = '那洪村'): string[] {
  const worker = makeWorker();
  return [worker.name, worker.residentId, worker.phone, worker.county, village];
}

let db: PlannerDatabase;
beforeEach(() => {
  db = freshDatabase();
});

describe('importing a roster', () => {
  it('stores the good rows and reports each bad one with its reason and line', async () => {
    const good = [goodRow(), goodRow()];
    const table = roster([
      good[0] ?? [],
      ['李四', '4.52601E+17', '13800138000', '田东县', '那洪村'],
      ['王五', '452601199002301234', '13800138001', '田东县', '那洪村'],
      good[1] ?? [],
      [...(good[0] ?? [])],
    ]);
    const verdicts = checkRoster(table, recognizeColumns(HEADERS), OPTIONS);
    expect(verdicts.map((v) => [v.line, v.status, v.problems.map((p) => p.code)])).toEqual([
      [2, 'valid', []],
      [3, 'error', ['resident-id-precision-lost']],
      [4, 'error', ['resident-id-birth-date']],
      [5, 'valid', []],
      [6, 'error', ['duplicate-in-file']],
    ]);
    const report = await importWorkers(importable(table), { onExisting: 'skip', source: 'test.csv' });
    expect(report).toMatchObject({ created: [2, 5], updated: [], unchanged: [], notReached: [], cancelled: false });
    await expect(db.workers.count()).resolves.toBe(2);
  });

  it('changes nothing when the same file is imported again, whatever the choice for registered people', async () => {
    const table = roster([goodRow(), goodRow(), goodRow()]);
    await importWorkers(importable(table), { onExisting: 'skip', source: 'a.csv' });
    const before = await db.workers.toArray();
    const auditBefore = await db.audit.count();
    for (const onExisting of ['skip', 'update'] as const) {
      const report = await importWorkers(importable(table), { onExisting, source: 'a.csv' });
      expect(report).toMatchObject({ created: [], updated: [], unchanged: [2, 3, 4] });
    }
    await expect(db.workers.toArray()).resolves.toEqual(before);
    await expect(db.audit.count()).resolves.toBe(auditBefore);
  });

  it('updates only the fields the file fills', async () => {
    const first = goodRow('旧村');
    await importWorkers(importable(roster([first])), { onExisting: 'skip', source: 'a.csv' });
    // The second file has the village but an empty county cell: the stored county must stay.
    const second = [first[0] ?? '', first[1] ?? '', first[2] ?? '', '', '新村'];
    const report = await importWorkers(importable(roster([second])), { onExisting: 'update', source: 'b.csv' });
    expect(report.updated).toEqual([2]);
    const [worker] = await db.workers.toArray();
    expect(worker).toMatchObject({ village: '新村', county: first[3] });
  });

  it('leaves whole chunks only when cancelled half way through a chunk, and says which lines were stored', async () => {
    const chunkSize = IMPORT_STEP * 2;
    const rows = Array.from({ length: chunkSize * 2 + 10 }, () => goodRow());
    const controller = new AbortController();
    const progress: number[] = [];
    const report = await importWorkers(importable(roster(rows)), {
      onExisting: 'skip',
      source: 'big.csv',
      signal: controller.signal,
      chunkSize,
      onProgress: ({ done }) => {
        progress.push(done);
        // One step into the second chunk: that step is written but not yet committed.
        if (done === chunkSize + IMPORT_STEP) controller.abort();
      },
    });
    expect(progress).toContain(IMPORT_STEP);
    expect(report.cancelled).toBe(true);
    expect(report.created).toHaveLength(chunkSize);
    expect(report.notReached).toHaveLength(chunkSize + 10);
    const stored = new Set((await db.workers.toArray()).map((w) => w.residentId));
    expect(stored.size).toBe(chunkSize);
    // Exactly the reported lines are in the database.
    for (const line of report.created) expect(stored.has(rows[line - 2]?.[1] ?? '')).toBe(true);
    // The audit trail holds the committed chunk only.
    const audits = await db.audit.where('table').equals('workers').toArray();
    expect(audits.flatMap((entry) => (entry.after as { created: string[] }).created)).toHaveLength(chunkSize);
  });

  it('stores no chunk after one that failed, though the next was already handed to the database', async () => {
    const chunkSize = 3;
    const rows = importable(roster(Array.from({ length: chunkSize * 3 }, () => goodRow())));
    // The second chunk's middle row names a person the first chunk registers: the database refuses it.
    const [first, , , , fifth] = rows;
    if (!first || !fifth) throw new Error('rows missing');
    fifth.worker = { ...fifth.worker, residentId: first.worker.residentId };
    const outcome = await importWorkers(rows, { onExisting: 'skip', source: 'clash.csv', chunkSize }).catch(
      (error: unknown) => error,
    );
    if (!(outcome instanceof ImportInterruptedError))
      throw new Error(`expected an interruption, got ${String(outcome)}`);
    expect(outcome.report.created).toEqual([2, 3, 4]);
    expect(outcome.report.notReached).toEqual([5, 6, 7, 8, 9, 10]);
    const stored = (await db.workers.toArray()).map((worker) => worker.residentId).sort();
    expect(stored).toEqual(
      rows
        .slice(0, chunkSize)
        .map((row) => row.worker.residentId)
        .sort(),
    );
    const audits = await db.audit.where('table').equals('workers').toArray();
    expect(audits.flatMap((entry) => (entry.after as { created: string[] }).created)).toHaveLength(chunkSize);
  });
});
