import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import {
  BackupRefusedError,
  newestUpgradableVersion,
  packBackup,
  UNBACKED_TABLES,
  type BackupRefusalReason,
} from '@shared/backup';
import { makeDemoData } from '@shared/demo';
import type { AuditEntry, HealthCheck } from '@shared/domain/records';
import {
  backupBeforeUpgrade,
  countBackedUpRecords,
  inspectBackup,
  loadDemoData,
  makeBackup,
  restoreBackup,
  updateSettings,
  type MadeBackup,
  type PlannerDatabase,
} from '@renderer/db';
import { SCHEMA_V1 } from '@renderer/db/schema/v1';
import { SCHEMA_V2 } from '@renderer/db/schema/v2';
import { makeManifestInput, tablesDigest } from '../../fixtures/backups';
import { FIXTURE_TIME, makeWorker } from '../../fixtures/factories';
import { freshDatabase } from './test-database';

let db: PlannerDatabase;
beforeEach(() => {
  db = freshDatabase();
});

/** Every table but `caches`, as [name, records]: what a backup holds. */
async function contents(database: PlannerDatabase = db): Promise<[string, unknown[]][]> {
  const tables = database.tables.filter((table) => !UNBACKED_TABLES.has(table.name));
  return Promise.all(tables.map(async (table) => [table.name, await table.toArray()] as [string, unknown[]]));
}

async function digest(database: PlannerDatabase = db, without: string[] = []): Promise<string> {
  return tablesDigest((await contents(database)).filter(([name]) => !without.includes(name)));
}

/** Demo data in every table: workers, enterprises, a route, batches, assignments, checks, ticks, follow-ups. */
async function fillDatabase(workers = 1500): Promise<void> {
  const data = makeDemoData({ seed: 11, workers });
  await loadDemoData(data);
  await updateSettings({ operatorName: '韦小燕' });
  const [assignment] = data.assignments;
  const stamp = { createdAt: FIXTURE_TIME, updatedAt: FIXTURE_TIME };
  if (!assignment) throw new Error('the demo has no assignment');
  const check: HealthCheck = {
    id: crypto.randomUUID(),
    batchId: assignment.batchId,
    workerId: assignment.workerId,
    checkedAt: FIXTURE_TIME,
    examiner: '黄医生',
    temperatureC: 36.6,
    symptoms: [],
    healthCode: 'green',
    contactWithConfirmedCase: false,
    result: 'pass',
    note: '',
    ...stamp,
  };
  await db.healthChecks.add(check);
  await db.checklistTicks.add({
    id: crypto.randomUUID(),
    batchId: assignment.batchId,
    item: 'organization.roster-locked',
    tickedBy: '韦小燕',
    tickedAt: FIXTURE_TIME,
    note: '',
    ...stamp,
  });
  const handoverId = crypto.randomUUID();
  const followUpId = crypto.randomUUID();
  const enterpriseId = data.enterprises[0]?.id ?? '';
  await db.arrivals.add({
    id: crypto.randomUUID(),
    batchId: assignment.batchId,
    legId: 'leg-1',
    arrivedAt: FIXTURE_TIME,
    place: '深圳北站',
    recordedBy: '韦小燕',
    note: '',
    ...stamp,
  });
  await db.handovers.add({
    id: handoverId,
    batchId: assignment.batchId,
    enterpriseId,
    receiverName: '李主管',
    receiverPhone: '0755-12345678',
    handedOverAt: FIXTURE_TIME,
    place: '',
    workerIds: [assignment.workerId],
    exceptions: [],
    recordedBy: '韦小燕',
    note: '',
    ...stamp,
  });
  await db.followUps.add({
    id: followUpId,
    workerId: assignment.workerId,
    batchId: assignment.batchId,
    handoverId,
    enterpriseId,
    handedOverOn: '2026-02-20',
    staffId: null,
    stationId: null,
    nextDue: null,
    lastContactOn: null,
    lastOutcome: null,
    ...stamp,
  });
  await db.contacts.add({
    id: crypto.randomUUID(),
    followUpId,
    workerId: assignment.workerId,
    date: '2026-02-27',
    method: 'phone',
    by: '韦小燕',
    outcome: 'in-post',
    enterpriseId,
    employerName: '',
    employerCity: '',
    startedOn: null,
    leftOn: null,
    leftReason: '',
    monthlyIncome: 4800,
    difficulties: '',
    needs: [],
    action: '',
    nextDate: null,
    ...stamp,
  });
  await db.employmentPeriods.add({
    id: `${followUpId}:1`,
    followUpId,
    workerId: assignment.workerId,
    enterpriseId,
    employerName: '',
    employerCity: '',
    start: '2026-02-20',
    startSource: 'handover',
    end: null,
    endReason: null,
    endNote: '',
    ...stamp,
  });
  // The subsidies' records (issue 18), one of each table, and an enterprise's bank account.
  const account = {
    bankName: '中国农业银行田东支行',
    accountNumber: '6228480123456789012',
    accountName: '田东县劳务公司',
  };
  await db.enterprises.update(enterpriseId, { bankAccount: { ...account, accountName: '深圳市鹏达电子' } });
  const schemeId = crypto.randomUUID();
  const agencyId = crypto.randomUUID();
  await db.subsidySchemes.add({
    id: schemeId,
    name: '2026 年吸纳就业补贴',
    year: 2026,
    kind: 'hiring',
    payee: 'enterprise',
    amountFen: 100_000,
    tiers: [],
    conditions: {
      householdTypes: [],
      minMonths: 0,
      sameEmployer: false,
      keyEnterpriseOnly: true,
      organisedBatch: 'any',
      destinations: [],
      startFrom: '2026-01-01',
      startTo: '2026-12-31',
    },
    instalments: [],
    evidence: ['labour-contract'],
    ...stamp,
  });
  await db.agencies.add({
    id: agencyId,
    name: '田东县劳务公司',
    creditCode: '91451022MA5N5YTU18',
    contactName: '黄经理',
    contactPhone: '0776-5212345',
    bankAccount: account,
    notes: '',
    ...stamp,
  });
  await db.introductions.add({
    id: crypto.randomUUID(),
    agencyId,
    workerId: assignment.workerId,
    enterpriseId,
    introducedOn: '2026-02-10',
    notes: '',
    ...stamp,
  });
  await db.subsidyClaims.add({
    id: crypto.randomUUID(),
    schemeId,
    workerId: assignment.workerId,
    year: 2026,
    payee: 'enterprise',
    payeeId: enterpriseId,
    amountFen: 100_000,
    instalment: null,
    dueOn: '2026-02-20',
    periodId: `${followUpId}:1`,
    months: 0,
    status: 'paid',
    noticeFrom: '2026-02-21',
    noticeDays: 7,
    submittedOn: '2026-03-01',
    approvedOn: '2026-03-05',
    paidOn: '2026-03-10',
    paidAmountFen: 100_000,
    voucher: '记-0310',
    rejectedOn: null,
    rejectionReason: '',
    ...stamp,
  });
  await db.caches.put({ id: 'workers-directory' });
}

async function clearEverything(): Promise<void> {
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
}

const keepNothing = () => Promise.resolve();

async function refusalOf(promise: Promise<unknown>): Promise<BackupRefusalReason> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof BackupRefusedError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.reason;
}

describe('backing up and restoring the database', () => {
  it('round trip: demo data backed up, cleared, restored, equal record for record in every table', async () => {
    await fillDatabase();
    const before = await contents();
    for (const [name, records] of before) {
      if (name !== 'settings') expect(records.length, name).toBeGreaterThan(0);
    }
    const beforeAudit = (await db.audit.toArray()).length;
    const progress: string[] = [];
    const backup = await makeBackup({ kind: 'manual', onProgress: ({ phase }) => progress.push(phase) });
    expect(progress).toContain('reading');
    expect(backup.manifest).toMatchObject({
      kind: 'manual',
      operator: '韦小燕',
      schemaVersion: db.verno,
      encrypted: false,
    });
    expect(backup.manifest.counts['workers']).toBe(1500);
    expect(backup.fileName).toMatch(/^planner-backup-\d{8}T\d{9}Z-manual-[0-9a-f]{4}\.ptpbackup$/);

    await clearEverything();
    await expect(countBackedUpRecords()).resolves.toBe(0);
    const report = await restoreBackup(backup.bytes, undefined, { keepCurrent: keepNothing });
    expect(report.restored['workers']).toBe(1500);

    // Every table but the audit trail is exactly as it was; the trail is as it was plus the restore's row.
    expect(await digest(db, ['audit'])).toBe(await tablesDigest(before.filter(([name]) => name !== 'audit')));
    const audit = await db.audit.orderBy('seq').toArray();
    expect(audit).toHaveLength(beforeAudit + 1);
    expect(await tablesDigest([['audit', audit.slice(0, -1)]])).toBe(
      await tablesDigest(before.filter(([name]) => name === 'audit')),
    );
    expect(audit.at(-1)).toMatchObject({ table: '*', recordId: 'backup', action: 'restore', operator: '韦小燕' });
    expect((audit.at(-1) as AuditEntry).after).toMatchObject({ restored: { workers: 1500 } });
  });

  it('clears the caches on restore, so the workers directory rebuilds its snapshot from the records', async () => {
    await fillDatabase(50);
    const backup = await makeBackup({ kind: 'manual' });
    expect(backup.manifest.counts).not.toHaveProperty('caches');
    await restoreBackup(backup.bytes, undefined, { keepCurrent: keepNothing });
    await expect(db.caches.count()).resolves.toBe(0);
  });

  it('replaces what is there: records added after the backup are gone, deleted ones are back', async () => {
    await fillDatabase(100);
    const backup = await makeBackup({ kind: 'manual' });
    const expected = await digest(db, ['audit']);
    await db.workers.add(makeWorker({ name: '后来人' }));
    const someone = await db.workers.toCollection().first();
    if (someone) await db.workers.delete(someone.id);
    await restoreBackup(backup.bytes, undefined, { keepCurrent: keepNothing });
    expect(await digest(db, ['audit'])).toBe(expected);
  });

  it('makes a backup of the current data first and hands it over before replacing anything; it undoes the restore', async () => {
    await fillDatabase(100);
    const original = await digest(db, ['audit']);
    const other = await packBackup(makeManifestInput(), { workers: [makeWorker()], settings: [] });
    let kept: MadeBackup | null = null;
    const keepCurrent = vi.fn(async (backup: MadeBackup) => {
      // Nothing replaced yet when the caller saves it.
      expect(await digest(db, ['audit'])).toBe(original);
      kept = backup;
    });
    // A file built outside the app is unsigned: restored once the person confirmed the warning.
    const report = await restoreBackup(other.bytes, undefined, { keepCurrent, confirmOrigin: true });
    expect(keepCurrent).toHaveBeenCalledOnce();
    await expect(db.workers.count()).resolves.toBe(1);
    const previous = kept as MadeBackup | null;
    if (!previous) throw new Error('no backup kept');
    expect(previous.manifest.kind).toBe('before-restore');
    expect(report.previous.fileName).toBe(previous.fileName);
    await restoreBackup(previous.bytes, undefined, { keepCurrent: keepNothing });
    expect(await digest(db, ['audit'])).toBe(original);
  });

  it('replaces nothing when the backup of the current data cannot be saved', async () => {
    await fillDatabase(50);
    const before = await digest();
    const other = await packBackup(makeManifestInput(), { workers: [makeWorker()] });
    const failing = () => Promise.reject(new Error('disk full'));
    await expect(restoreBackup(other.bytes, undefined, { keepCurrent: failing, confirmOrigin: true })).rejects.toThrow(
      'disk full',
    );
    expect(await digest()).toBe(before);
  });

  it('round trip with a passphrase; a wrong one is refused and changes nothing', async () => {
    await fillDatabase(200);
    const backup = await makeBackup({ kind: 'manual', passphrase: '右江 2026' });
    expect(backup.manifest.encrypted).toBe(true);
    const expected = await digest(db, ['audit']);
    await clearEverything();
    const empty = await digest();
    expect(await refusalOf(restoreBackup(backup.bytes, 'wrong', { keepCurrent: keepNothing }))).toBe(
      'wrong-passphrase',
    );
    expect(await refusalOf(restoreBackup(backup.bytes, undefined, { keepCurrent: keepNothing }))).toBe(
      'passphrase-required',
    );
    expect(await digest()).toBe(empty);
    await restoreBackup(backup.bytes, '右江 2026', { keepCurrent: keepNothing });
    expect(await digest(db, ['audit'])).toBe(expected);
  });

  it('shows what a restore would replace: counts now and in the file, per table', async () => {
    await fillDatabase(120);
    const backup = await makeBackup({ kind: 'manual' });
    await db.workers.bulkAdd([makeWorker(), makeWorker()]);
    const inspection = await inspectBackup(backup.bytes);
    expect(inspection.manifest.kind).toBe('manual');
    expect(inspection.upgradedFrom).toBeNull();
    expect(inspection.tables.find((row) => row.table === 'workers')).toEqual({
      table: 'workers',
      now: 122,
      inFile: 120,
    });
    expect(inspection.tables.map((row) => row.table)).not.toContain('caches');
  });
});

describe('a bad file changes nothing', () => {
  async function goodBackup(): Promise<MadeBackup> {
    await fillDatabase(100);
    const backup = await makeBackup({ kind: 'manual' });
    // The data moves on after the backup, so a restore that happened would show.
    await db.workers.add(makeWorker());
    return backup;
  }

  async function expectUntouched(bytes: Uint8Array, reason: BackupRefusalReason, passphrase?: string) {
    const before = await digest();
    const keepCurrent = vi.fn(keepNothing);
    expect(await refusalOf(inspectBackup(bytes, passphrase))).toBe(reason);
    expect(await refusalOf(restoreBackup(bytes, passphrase, { keepCurrent }))).toBe(reason);
    expect(keepCurrent).not.toHaveBeenCalled();
    expect(await digest()).toBe(before);
  }

  it('a truncated file', async () => {
    const { bytes } = await goodBackup();
    await expectUntouched(bytes.subarray(0, Math.floor(bytes.byteLength * 0.7)), 'truncated');
  });

  it('a file with a wrong checksum', async () => {
    const { bytes } = await goodBackup();
    const changed = bytes.slice();
    const at = changed.byteLength - 100;
    changed[at] = (changed[at] ?? 0) ^ 0xff;
    await expectUntouched(changed, 'checksum-mismatch');
  });

  it('a backup from a newer schema version', async () => {
    await goodBackup();
    const newer = await packBackup(makeManifestInput({ schemaVersion: db.verno + 1 }), { workers: [makeWorker()] });
    await expectUntouched(newer.bytes, 'newer-schema');
  });

  it('a wrong passphrase', async () => {
    await fillDatabase(30);
    const { bytes } = await makeBackup({ kind: 'manual', passphrase: 'the right one' });
    await db.workers.add(makeWorker());
    await expectUntouched(bytes, 'wrong-passphrase', 'not the right one');
  });

  it('a file that is not a backup at all', async () => {
    await goodBackup();
    await expectUntouched(
      new TextEncoder().encode('姓名,身份证号,手机号\n黄文光,452601198501010011,13800000000\n'),
      'not-a-backup',
    );
  });

  it('a file with two workers of one resident ID is refused before anything is replaced, naming the records', async () => {
    await goodBackup();
    const twin = makeWorker();
    const clash = await packBackup(makeManifestInput(), {
      workers: [makeWorker(), twin, { ...twin, id: crypto.randomUUID() }],
    });
    await expectUntouched(clash.bytes, 'duplicate-value');
    const error = await inspectBackup(clash.bytes).catch((e: unknown) => e);
    expect((error as BackupRefusedError).params).toMatchObject({
      table: 'workers',
      field: 'residentId',
      first: 2,
      second: 3,
    });
  });

  it('a file whose checksum fits but whose records the app could not have written', async () => {
    await goodBackup();
    const attacks: [string, Record<string, unknown>][] = [
      ['birthDate', { birthDate: 'garbage' }],
      ['status', { status: 'kidnapped' }],
      ['notes', { notes: '长'.repeat(100_000) }],
    ];
    for (const [field, change] of attacks) {
      const bad = await packBackup(makeManifestInput(), { workers: [makeWorker(), { ...makeWorker(), ...change }] });
      await expectUntouched(bad.bytes, 'invalid-record');
      const error = (await inspectBackup(bad.bytes).catch((e: unknown) => e)) as BackupRefusedError;
      expect(error.params, field).toMatchObject({ table: 'workers', record: 2, field });
    }
  });
});

describe('cancelling', () => {
  it('a cancel while the records are written aborts the transaction: every table as before', async () => {
    await fillDatabase(3000);
    const backup = await makeBackup({ kind: 'manual' });
    await clearEverything();
    await fillDatabase(40);
    const before = await digest();
    const controller = new AbortController();
    let wrote = 0;
    const restoring = restoreBackup(backup.bytes, undefined, {
      keepCurrent: keepNothing,
      signal: controller.signal,
      onProgress: ({ phase, done }) => {
        if (phase !== 'writing' || done === 0) return;
        wrote = done;
        controller.abort();
      },
    });
    await expect(restoring).rejects.toThrow();
    expect(wrote).toBeGreaterThan(0);
    expect(await digest()).toBe(before);
  });

  it('a cancel while backing up writes nothing and leaves the data alone', async () => {
    await fillDatabase(12_000);
    const before = await digest();
    const controller = new AbortController();
    const making = makeBackup({
      kind: 'manual',
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done >= 5000) controller.abort();
      },
    });
    await expect(making).rejects.toMatchObject({ name: 'AbortError' });
    expect(await digest()).toBe(before);
  });
});

describe('older schema versions', () => {
  it('the upgrade path reaches the database’s schema version from every older one', () => {
    expect(newestUpgradableVersion()).toBeGreaterThanOrEqual(db.verno);
  });

  it('backs up a version 2 database before the upgrade, raw, and restores that backup at version 3', async () => {
    const name = `v2-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    const workers = [makeWorker({ name: '覃𠀾堃' }), makeWorker()];
    await old.table('workers').bulkAdd(workers);
    await old.table('audit').add({
      id: 'a1',
      at: FIXTURE_TIME,
      operator: '',
      table: 'workers',
      recordId: 'x',
      action: 'create',
      before: null,
      after: null,
    });
    old.close();

    const backup = await backupBeforeUpgrade(name);
    if (!backup) throw new Error('no backup before the upgrade');
    expect(backup.manifest).toMatchObject({ kind: 'before-upgrade', schemaVersion: 2 });
    expect(backup.manifest.counts).toMatchObject({ workers: 2, audit: 1 });
    expect(backup.manifest.counts).not.toHaveProperty('caches');

    const inspection = await inspectBackup(backup.bytes);
    expect(inspection.upgradedFrom).toBe(2);
    // Sealed with keys made before the database had a place for them, stored once it opened.
    expect(inspection.sealing).toBe('installation-key');
    expect(inspection.origin.status).toBe('this-installation');
    const report = await restoreBackup(backup.bytes, undefined, { keepCurrent: keepNothing });
    expect(report.upgradedFrom).toBe(2);
    await expect(db.workers.toArray()).resolves.toEqual(expect.arrayContaining(workers));
    await expect(db.audit.get(1)).resolves.toMatchObject({ id: 'a1' });
  });

  it('restores a version 1 backup file', async () => {
    const workers = [makeWorker(), makeWorker()];
    const v1 = await packBackup(makeManifestInput({ schemaVersion: 1 }), { workers, settings: [], audit: [] });
    // Built without a key, as every file before format 2: unsigned, so restored once confirmed.
    await restoreBackup(v1.bytes, undefined, { keepCurrent: keepNothing, confirmOrigin: true });
    expect(await tablesDigest([['workers', await db.workers.toArray()]])).toBe(
      await tablesDigest([['workers', workers]]),
    );
  });

  it('makes no backup before opening when the database is at the current version, or does not exist', async () => {
    await db.open();
    await expect(backupBeforeUpgrade(db.name)).resolves.toBeNull();
    await expect(backupBeforeUpgrade(`missing-${crypto.randomUUID()}`)).resolves.toBeNull();
  });
});
