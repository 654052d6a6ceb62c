import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PlannerDatabase,
  auditOperators,
  auditRows,
  auditTrailKeys,
  createWorker,
  makeBackup,
  restoreBackup,
  setDatabase,
  updateSettings,
  updateWorker,
  verifyAuditChain,
  type AuditVerifyProgress,
} from '@renderer/db';
import { recordChange } from '@renderer/db/audit';
import { SCHEMA_V1 } from '@renderer/db/schema/v1';
import { SCHEMA_V2 } from '@renderer/db/schema/v2';
import { SCHEMA_V3 } from '@renderer/db/schema/v3';
import { Dexie } from 'dexie';
import { todayCalendarDate } from '@shared/dates';
import type { AuditEntry } from '@shared/domain/records';
import { makeWorkerInput } from '../../fixtures/factories';
import { freshDatabase } from './test-database';

let db: PlannerDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => {
  db.close();
});

/** Some changes through the repositories: a settings row, three workers, two edits. */
async function someChanges(): Promise<string[]> {
  await updateSettings({ operatorName: '黄干事' });
  const workers = [];
  for (let i = 0; i < 3; i++) workers.push(await createWorker(makeWorkerInput()));
  const [first, second] = workers;
  if (!first || !second) throw new Error('no workers');
  await updateWorker(first.id, { ...makeWorkerInput({ residentId: first.residentId }), village: '百林村' }, first);
  await updateSettings({ operatorName: '韦干事' });
  await updateWorker(second.id, { ...makeWorkerInput({ residentId: second.residentId }), notes: '会开叉车' }, second);
  return workers.map((worker) => worker.id);
}

async function rowsInOrder(): Promise<AuditEntry[]> {
  return db.audit.orderBy(':id').toArray();
}

describe('the hash chain of the audit trail', () => {
  it('links every row to the one before it, and verifies', async () => {
    await someChanges();
    const rows = await rowsInOrder();
    expect(rows).toHaveLength(7);
    expect(rows[0]?.prevHash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
    await expect(verifyAuditChain()).resolves.toMatchObject({
      intact: true,
      checked: 7,
      unsealed: 0,
      headHash: rows.at(-1)?.hash,
      rows: 7,
      anchorFinding: 'matches',
    });
  });

  it('names the record whose audit row was edited in the database directly', async () => {
    const [first] = await someChanges();
    const target = (await rowsInOrder()).find((row) => row.recordId === first && row.action === 'update');
    if (!target) throw new Error('no update row');
    await db.audit.put({ ...target, after: { ...(target.after as object), village: '那洪村' } });

    const report = await verifyAuditChain();
    expect(report).toMatchObject({
      intact: false,
      firstBrokenSeq: target.seq,
      brokenRecord: { seq: target.seq, table: 'workers', recordId: first, at: target.at },
      problem: 'changed',
    });
  });

  it('fails when a row in the middle is deleted, naming the row after the gap', async () => {
    await someChanges();
    const rows = await rowsInOrder();
    const [, , removed, next] = rows;
    if (removed?.seq === undefined || !next) throw new Error('too few rows');
    await db.audit.delete(removed.seq);
    await expect(verifyAuditChain()).resolves.toMatchObject({
      intact: false,
      firstBrokenSeq: next.seq,
      problem: 'link-broken',
      brokenRecord: { recordId: next.recordId },
    });
  });

  it('stays one chain with two windows writing at the same time', async () => {
    const name = db.name;
    const other = new PlannerDatabase(name);
    await other.open();
    const writes = Array.from({ length: 40 }, (_, index) => {
      const window = index % 2 === 0 ? db : other;
      return window.transaction('rw', [window.audit, window.settings, window.installation], () =>
        recordChange(window, {
          table: 'workers',
          recordId: `w${index}`,
          action: 'update',
          before: index,
          after: index + 1,
        }),
      );
    });
    await Promise.all(writes);
    other.close();
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: true, checked: 40 });
  });

  it('stays one chain when one transaction records several changes without waiting for each', async () => {
    await db.transaction('rw', [db.audit, db.settings, db.installation], () =>
      Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          recordChange(db, { table: 'batches', recordId: 'b', action: 'update', before: null, after: index }),
        ),
      ),
    );
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: true, checked: 10 });
  });

  it('writes nothing of the chain when the transaction fails', async () => {
    await someChanges();
    await expect(
      db.transaction('rw', [db.audit, db.settings, db.installation], async () => {
        await recordChange(db, { table: 'workers', recordId: 'x', action: 'update', before: null, after: null });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await createWorker(makeWorkerInput());
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: true, checked: 8 });
  });

  it('counts older rows without a hash and starts the chain after them', async () => {
    // A database of schema 3 whose trail began before the chain: the upgrade anchors it as it stands.
    db.close();
    const name = `v3-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    await old.table('audit').bulkAdd(
      [1, 2, 3].map((n) => ({
        id: `old-${n}`,
        at: `2025-01-0${n}T00:00:00.000Z`,
        operator: '',
        table: 'workers',
        recordId: `w${n}`,
        action: 'create' as const,
        before: null,
        after: { n },
      })),
    );
    old.close();
    db = new PlannerDatabase(name);
    setDatabase(db);
    await someChanges();
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: true, checked: 7, unsealed: 3 });
  });

  it('still verifies after the table is restored from a copy (rows numbered afresh)', async () => {
    await someChanges();
    const copy = JSON.parse(JSON.stringify(await rowsInOrder())) as AuditEntry[];
    await db.audit.clear();
    await db.audit.bulkAdd(copy.map(({ seq: _seq, ...row }) => row));
    await createWorker(makeWorkerInput());
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: true, checked: 8 });
  });

  it('still verifies after a backup is restored, and goes on from there', async () => {
    await someChanges();
    const backup = await makeBackup({ kind: 'manual' });
    await createWorker(makeWorkerInput());
    await restoreBackup(backup.bytes, undefined, { keepCurrent: () => Promise.resolve() });
    await createWorker(makeWorkerInput());
    // 7 rows from the backup, the restore's own row, the worker created after.
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: true, checked: 9 });
  });

  it('reads in pages and reports its progress', async () => {
    await someChanges();
    const seen: AuditVerifyProgress[] = [];
    const report = await verifyAuditChain({ pageSize: 2, onProgress: (progress) => seen.push(progress) });
    expect(report.intact).toBe(true);
    expect(seen.map((progress) => progress.done)).toEqual([0, 2, 4, 6, 7]);
    expect(seen.every((progress) => progress.total === 7)).toBe(true);
  });
});

describe('the audit trail list', () => {
  it('filters by table, record, operator and date, newest first', async () => {
    const [first] = await someChanges();
    const all = await auditTrailKeys();
    expect(all).toHaveLength(7);
    expect([...all].sort((a, b) => b - a)).toEqual(all);

    const workers = await auditRows(await auditTrailKeys({ table: 'workers' }));
    expect(workers.map((row) => row.action)).toEqual(['update', 'update', 'create', 'create', 'create']);

    const ofFirst = await auditRows(await auditTrailKeys({ recordId: first ?? '' }));
    expect(ofFirst.map((row) => row.action)).toEqual(['update', 'create']);
    await expect(auditTrailKeys({ table: 'settings', recordId: first ?? '' })).resolves.toEqual([]);

    const byWei = await auditRows(await auditTrailKeys({ operator: '韦干事', table: 'workers' }));
    expect(byWei).toHaveLength(1);
    expect(byWei[0]?.after).toMatchObject({ notes: '会开叉车' });
    await expect(auditOperators()).resolves.toEqual(['韦干事', '黄干事']);

    // The filter's days are Beijing days, whatever zone the machine running the test is in.
    const day = todayCalendarDate();
    await expect(auditTrailKeys({ from: day, to: day })).resolves.toHaveLength(7);
    await expect(auditTrailKeys({ to: '2020-01-01' })).resolves.toEqual([]);
  });
});
