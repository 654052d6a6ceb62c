import { beforeEach, describe, expect, it } from 'vitest';
import {
  createWorker,
  deleteWorker,
  getSettings,
  getWorker,
  RecordChangedError,
  restoreWorker,
  updateSettings,
  updateWorker,
  workerHistory,
  type PlannerDatabase,
} from '@renderer/db';
import { conflictFields, mergedValues, proposedChoices } from '@renderer/components/conflict-merge';
import { checkBackupRecords } from '@shared/backup';
import { workerInputOf } from '@shared/domain/worker-rules';
import { revisionOf, type Worker } from '@shared/domain/records';
import { makeWorkerInput } from '../../fixtures/factories';
import { freshDatabaseWithOperator } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦干事');
});

/** The error a save ends with; the test fails on a save that went through. */
async function refusal(promise: Promise<unknown>): Promise<RecordChangedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof RecordChangedError)) throw new Error(`expected a RecordChangedError, got ${String(error)}`);
  return error;
}

/** A worker's form values with some fields changed, as the user would save them. */
function edited(worker: Worker, changes: Partial<ReturnType<typeof workerInputOf>>) {
  return { ...workerInputOf(worker), ...changes };
}

describe('a revision on every record', () => {
  it('starts at 1 and counts every update, delete and restore', async () => {
    const worker = await createWorker(makeWorkerInput());
    expect(worker.revision).toBe(1);
    const changed = await updateWorker(worker.id, edited(worker, { village: '百林村' }), worker);
    expect(changed.revision).toBe(2);
    await deleteWorker(worker.id);
    await restoreWorker(worker.id);
    await expect(getWorker(worker.id)).resolves.toMatchObject({ revision: 4, village: '百林村' });
    // The audit rows say nothing of the counter: the history shows what people changed.
    const rows = await workerHistory(worker.id);
    expect(rows.map((row) => row.action)).toEqual(['create', 'update', 'delete', 'restore']);
    expect(rows[1]?.after).toMatchObject({ revision: 2 });
  });

  it('counts a record stored before revisions existed as 0', async () => {
    const worker = await createWorker(makeWorkerInput());
    const { revision: _revision, ...old } = worker;
    await db.workers.put(old);
    const loaded = await getWorker(worker.id);
    expect(revisionOf(loaded)).toBe(0);
    const saved = await updateWorker(worker.id, edited(old, { notes: '旧记录' }), old);
    expect(saved.revision).toBe(1);
  });

  it('is accepted by a restore when it is a count, and refused when it is not', () => {
    const base = { id: 'w1', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
    const enterprise = {
      ...base,
      name: '广州鞋厂',
      creditCode: '91440101MA59XXXX0X',
      city: '广州市',
      district: '',
      address: '',
      contactName: '',
      contactPhone: '',
      handoverPoint: '',
      resumptionStatus: 'resumed',
      isKeyEnterprise: false,
      hrAgency: '',
      notes: '',
    };
    const today = '2026-02-01';
    const check = (revision: unknown) =>
      checkBackupRecords('enterprises', [{ ...enterprise, revision }], 'id', { today })?.field ?? null;
    expect(check(7)).not.toBe('revision');
    expect(check('garbage')).toBe('revision');
    expect(check(-1)).toBe('revision');
  });
});

describe('two saves based on the same revision', () => {
  it('refuses the second, writes nothing, and says both versions and who changed it', async () => {
    const loaded = await createWorker(makeWorkerInput({ name: '黄春燕', phone: '13800138000' }));
    // Two windows load the same worker; the first saves a new phone.
    await updateWorker(loaded.id, edited(loaded, { phone: '13900139000' }), loaded);
    await updateSettings({ operatorName: '李干事' });
    // The second, still showing the old phone, saves a new name.
    const error = await refusal(updateWorker(loaded.id, edited(loaded, { name: '黄春花' }), loaded));

    const stored = await getWorker(loaded.id);
    expect(stored).toMatchObject({ name: '黄春燕', phone: '13900139000', revision: 2 });
    const rows = await workerHistory(loaded.id);
    expect(rows).toHaveLength(2);
    expect(error).toMatchObject({
      table: 'workers',
      recordId: loaded.id,
      base: { revision: 1, name: '黄春燕', phone: '13800138000' },
      mine: { name: '黄春花', phone: '13800138000' },
      theirs: { revision: 2, name: '黄春燕', phone: '13900139000' },
      changedBy: { operator: '韦干事', at: rows[1]?.at },
    });
  });

  it('saves the fields chosen from each version against the stored revision, as a normal update', async () => {
    const loaded = await createWorker(makeWorkerInput({ name: '黄春燕', phone: '13800138000', village: '那坡村' }));
    await updateWorker(loaded.id, edited(loaded, { phone: '13900139000', village: '百林村' }), loaded);
    const error = await refusal(updateWorker(loaded.id, edited(loaded, { name: '黄春花', village: '那拉村' }), loaded));

    const [base, mine, theirs] = [error.base, error.mine, error.theirs].map((record) =>
      workerInputOf(record as Worker),
    ) as [Worker, Worker, Worker];
    const fields = conflictFields(base, mine, theirs);
    // Only the fields that differ are to choose; the phone the other window changed proposes theirs,
    // the name only this window changed proposes mine, and the village both changed is marked so.
    expect(
      fields
        .filter((field) => field.differs)
        .map((field) => field.field)
        .sort(),
    ).toEqual(['name', 'phone', 'village']);
    expect(fields.find((field) => field.field === 'village')).toMatchObject({ bothChanged: true, proposed: 'mine' });
    const choices = { ...proposedChoices(fields), village: 'theirs' as const };
    expect(choices).toEqual({ name: 'mine', phone: 'theirs', village: 'theirs' });

    const saved = await updateWorker(loaded.id, mergedValues(mine, theirs, choices), error.theirs as Worker);
    expect(saved).toMatchObject({ name: '黄春花', phone: '13900139000', village: '百林村', revision: 3 });
    const rows = await workerHistory(loaded.id);
    expect(rows.map((row) => row.action)).toEqual(['create', 'update', 'update']);
    expect(rows[2]?.before).toMatchObject({ name: '黄春燕', revision: 2 });
  });

  it('refuses a save based on a worker the roster import changed meanwhile', async () => {
    const loaded = await createWorker(makeWorkerInput());
    // What the import writes for a changed worker (worker-import.ts): one more revision.
    const imported = { ...loaded, phone: '13700137000', revision: revisionOf(loaded) + 1 };
    await db.workers.put(imported);
    await refusal(updateWorker(loaded.id, edited(loaded, { notes: '会开叉车' }), loaded));
    await expect(getWorker(loaded.id)).resolves.toMatchObject({ phone: '13700137000', notes: loaded.notes });
  });
});

describe('settings saved from two windows', () => {
  it('refuses a change to a field that was changed meanwhile, and keeps changes to the other fields', async () => {
    const loaded = await getSettings();
    await updateSettings({ feverThresholdC: 37.5 }, loaded);
    const error = await refusal(updateSettings({ feverThresholdC: 37.2 }, loaded));
    expect(error).toMatchObject({
      table: 'settings',
      theirs: { feverThresholdC: 37.5 },
      mine: { feverThresholdC: 37.2 },
    });
    await expect(getSettings()).resolves.toMatchObject({ feverThresholdC: 37.5 });
    // Another card's field: both changes stay.
    await updateSettings({ retentionDays: 400 }, { retentionDays: loaded.retentionDays });
    await expect(getSettings()).resolves.toMatchObject({ feverThresholdC: 37.5, retentionDays: 400 });
  });
});
