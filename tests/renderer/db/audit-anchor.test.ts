import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealAuditEntry } from '@shared/audit/chain';
import { EMPTY_AUDIT_ANCHOR, anchorOfTrail } from '@shared/audit/anchor';
import { checkRoster, recognizeColumns, type RosterTable } from '@shared/roster';
import type { AuditEntry } from '@shared/domain/records';
import {
  PlannerDatabase,
  createWorker,
  currentAuditAnchor,
  importWorkers,
  makeBackup,
  restoreBackup,
  updateSettings,
  updateWorker,
  verifyAuditChain,
} from '@renderer/db';
import { makeWorker, makeWorkerInput } from '@tests/fixtures/factories';
import { putAuditAnchor } from '@renderer/db/audit';
import { freshDatabase } from './test-database';

let db: PlannerDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => {
  db.close();
});

/** Six changes through the repositories: a settings row, three workers, two edits. */
async function someChanges(): Promise<void> {
  await updateSettings({ operatorName: '黄干事' });
  const workers = [];
  for (let i = 0; i < 3; i++) workers.push(await createWorker(makeWorkerInput()));
  const [first, second] = workers;
  if (!first || !second) throw new Error('no workers');
  await updateWorker(first.id, { ...makeWorkerInput({ residentId: first.residentId }), village: '百林村' }, first);
  await updateWorker(second.id, { ...makeWorkerInput({ residentId: second.residentId }), notes: '会开叉车' }, second);
}

async function rowsInOrder(): Promise<AuditEntry[]> {
  return db.audit.orderBy(':id').toArray();
}

describe('the anchor of the audit chain (issue 16, item 1)', () => {
  it('starts a new database’s chain at its first row, with no older rows accepted', async () => {
    await expect(currentAuditAnchor()).resolves.toBeNull();
    await someChanges();
    const rows = await rowsInOrder();
    const [first] = rows;
    const last = rows.at(-1);
    if (!first?.hash || !last?.hash) throw new Error('no sealed rows');
    await expect(currentAuditAnchor()).resolves.toEqual({
      unsealed: 0,
      start: { id: first.id, hash: first.hash, at: first.at },
      head: { count: 6, hash: last.hash, at: last.at },
    });
    // An "older" row slipped in before the first one is not from before the chain: there was none.
    const { seq: _seq, ...copy } = first;
    await db.audit.clear();
    await db.audit.bulkAdd([
      { ...copy, id: 'forged', hash: undefined, prevHash: undefined },
      ...rows.map(({ seq: _s, ...row }) => row),
    ]);
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: false, problem: 'unsealed' });
  });

  it('reports a trail stripped of every hash, with one row edited, as changed', async () => {
    await someChanges();
    const rows = await rowsInOrder();
    const stripped = rows.map(({ hash: _hash, prevHash: _prev, ...row }) => row as AuditEntry);
    const edited = stripped[3];
    if (!edited) throw new Error('too few rows');
    stripped[3] = { ...edited, after: { ...(edited.after as object), village: '伪造村' } };
    await db.audit.bulkPut(stripped);

    const report = await verifyAuditChain();
    expect(report.intact).toBe(false);
    expect(report.problem).toBe('unsealed');
    expect(report.firstBrokenSeq).toBe(rows[0]?.seq);
    expect(report.unsealed).toBe(0);
  });

  it('reports the newest row deleted: the trail is behind the anchor', async () => {
    await someChanges();
    const last = (await rowsInOrder()).at(-1);
    if (last?.seq === undefined) throw new Error('no rows');
    await db.audit.delete(last.seq);

    const report = await verifyAuditChain();
    expect(report).toMatchObject({ intact: false, anchorFinding: 'behind', rows: 5 });
    expect(report.anchor?.head.count).toBe(6);
    expect(report.firstBrokenSeq).toBeUndefined();

    // Another change through the app does not hide it: the anchor counts on from 6.
    await createWorker(makeWorkerInput());
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: false, anchorFinding: 'behind', rows: 6 });
  });

  it('reports the newest rows rewritten with fresh hashes: the row at the anchor differs', async () => {
    await someChanges();
    const rows = await rowsInOrder();
    const last = rows.at(-1);
    const before = rows.at(-2);
    if (!last || !before?.hash) throw new Error('too few rows');
    const { hash: _h, prevHash: _p, ...content } = last;
    await db.audit.put(sealAuditEntry({ ...content, after: { note: 'rewritten' } }, before.hash));
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: false, anchorFinding: 'differs' });
  });

  it('reports a row added after the anchor outside the app', async () => {
    await someChanges();
    const last = (await rowsInOrder()).at(-1);
    if (!last?.hash) throw new Error('no rows');
    const forged = sealAuditEntry(
      {
        id: 'forged',
        at: last.at,
        operator: '黄干事',
        table: 'workers',
        recordId: 'w-forged',
        action: 'create' as const,
        before: null,
        after: { name: '某某' },
      },
      last.hash,
    );
    await db.audit.add(forged);
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: false, anchorFinding: 'beyond', rows: 7 });
  });

  it('reports a missing anchor while rows exist, and keeps saying it after later changes', async () => {
    await someChanges();
    await db.installation.clear();
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: false, anchorFinding: 'missing', anchor: null });
    // Stripped and with the anchor gone: still not green.
    const rows = await rowsInOrder();
    await db.audit.bulkPut(rows.map(({ hash: _hash, prevHash: _prev, ...row }) => row as AuditEntry));
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: false, anchorFinding: 'missing' });

    await createWorker(makeWorkerInput());
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ intact: false, anchorFinding: 'lost' });
    expect(report.anchor?.lostAt).toBeDefined();
  });

  it('verifies green with the anchor when nothing was touched, and counts a roster import once per chunk', async () => {
    await someChanges();
    const headers = ['姓名', '身份证号', '手机号码', '县(区)', '村'];
    const table: RosterTable = {
      format: 'csv',
      encoding: 'utf-8',
      headerLine: 1,
      headers,
      rows: [makeWorker(), makeWorker(), makeWorker()].map((w) => [w.name, w.residentId, w.phone, w.county, '那洪村']),
    };
    const options = { today: '2026-02-10', workingAge: { min: 16, max: 65 } };
    const rows = checkRoster(table, recognizeColumns(headers), options).flatMap((verdict) =>
      verdict.worker ? [{ line: verdict.line, worker: verdict.worker, filled: verdict.filled }] : [],
    );
    expect(rows).toHaveLength(3);
    await importWorkers(rows, { onExisting: 'skip', source: 'roster.csv', chunkSize: 2 });
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ intact: true, anchorFinding: 'matches', rows: 8 });
    expect(report.anchor?.head.count).toBe(8);
  });

  it('carries the anchor through backup, wipe and restore, and finds the restored trail cut short', async () => {
    await someChanges();
    const anchor = await currentAuditAnchor();
    const backup = await makeBackup({ kind: 'manual' });
    expect(backup.manifest.auditChain).toEqual(anchor);

    // Wiped: this PC's database is gone; a new one takes the backup.
    const name = db.name;
    db.close();
    await PlannerDatabase.delete(name);
    db = freshDatabase();
    await createWorker(makeWorkerInput());
    // A new database is a new installation: the person confirms the backup comes from elsewhere.
    await restoreBackup(backup.bytes, undefined, { keepCurrent: () => Promise.resolve(), confirmOrigin: true });

    const restored = await currentAuditAnchor();
    expect(restored?.start).toEqual(anchor?.start);
    expect(restored?.unsealed).toBe(0);
    expect(restored?.head.count).toBe(7);
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: true, anchorFinding: 'matches', rows: 7 });

    // The restore's own row and the newest restored row removed: behind the anchor.
    const rows = await rowsInOrder();
    await db.audit.bulkDelete(rows.slice(-2).map((row) => row.seq ?? -1));
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: false, anchorFinding: 'behind' });
  });

  it('takes the anchor from the backup, not from the trail it holds, on restore', async () => {
    await someChanges();
    const backup = await makeBackup({ kind: 'manual' });
    // The trail in the backup is the one checked against its manifest's anchor: a backup whose
    // newest rows are gone (rows deleted before a later backup) no longer fools a fresh install.
    const last = (await rowsInOrder()).at(-1);
    if (last?.seq === undefined) throw new Error('no rows');
    await db.audit.delete(last.seq);
    const cut = await makeBackup({ kind: 'manual' });
    expect(cut.manifest.auditChain?.head.count).toBe(backup.manifest.auditChain?.head.count);
    db.close();
    db = freshDatabase();
    await restoreBackup(cut.bytes, undefined, { keepCurrent: () => Promise.resolve(), confirmOrigin: true });
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: false, anchorFinding: 'behind' });
  });

  it('finds, against the newest backup’s anchor, a trail rewritten together with this installation’s anchor', async () => {
    await someChanges();
    const backup = await makeBackup({ kind: 'manual' });
    const witness = { anchor: backup.manifest.auditChain ?? EMPTY_AUDIT_ANCHOR, createdAt: backup.manifest.createdAt };
    await createWorker(makeWorkerInput());
    await expect(verifyAuditChain({ witness })).resolves.toMatchObject({
      intact: true,
      witness: { finding: 'matches' },
    });

    // A careful insider: row 3 edited, every hash after it recomputed, the anchor record rewritten.
    const rows = await rowsInOrder();
    let head: string | null = null;
    const rewritten = rows.map((row, index) => {
      const { hash: _h, prevHash: _p, seq, ...content } = row;
      const changed =
        index === 2 ? { ...content, after: { ...(content.after as object), village: '伪造村' } } : content;
      const sealed = { ...sealAuditEntry(changed, head), seq };
      head = sealed.hash;
      return sealed;
    });
    await db.audit.bulkPut(rewritten);
    await putAuditAnchor(db, anchorOfTrail(rewritten));
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: true });
    await expect(verifyAuditChain({ witness })).resolves.toMatchObject({
      intact: false,
      witness: { finding: 'differs' },
    });

    // Cut short below the backup's position, the anchor rewritten to match: behind the backup.
    await db.audit.bulkDelete(rewritten.slice(-3).map((row) => row.seq ?? -1));
    await putAuditAnchor(db, anchorOfTrail(rewritten.slice(0, -3)));
    await expect(verifyAuditChain({ witness })).resolves.toMatchObject({
      intact: false,
      witness: { finding: 'behind' },
    });
  });

  it('leaves aside a backup’s anchor once a restore replaced the trail', async () => {
    await someChanges();
    const older = await makeBackup({ kind: 'manual' });
    await createWorker(makeWorkerInput());
    const newer = await makeBackup({ kind: 'manual' });
    await restoreBackup(older.bytes, undefined, { keepCurrent: () => Promise.resolve() });
    const witness = { anchor: newer.manifest.auditChain ?? EMPTY_AUDIT_ANCHOR, createdAt: newer.manifest.createdAt };
    await expect(verifyAuditChain({ witness })).resolves.toMatchObject({
      intact: true,
      witness: { finding: 'superseded' },
    });
  });
});
