import { beforeEach, describe, expect, it } from 'vitest';
import {
  createWorker,
  deleteWorker,
  getWorker,
  RecordNotFoundError,
  restoreWorker,
  updateSettings,
  updateWorker,
  workerHistory,
  type PlannerDatabase,
} from '@renderer/db';
import { makeWorkerInput } from '../../fixtures/factories';
import { freshDatabase, rejection } from './test-database';

let db: PlannerDatabase;
beforeEach(() => {
  db = freshDatabase();
});

describe('registering a worker', () => {
  it('stores what the ID says (gender, birth date, region) and audits it under the operator', async () => {
    await updateSettings({ operatorName: '韦干事' });
    const input = makeWorkerInput({ residentId: ' 11010519491231002x ', gender: null, phone: '+86 138-0013-8000' });
    const worker = await createWorker(input);
    expect(worker).toMatchObject({
      residentId: '11010519491231002X',
      gender: 'female',
      birthDate: '1949-12-31',
      countyCode: '110105',
      phone: '13800138000',
    });
    const [entry] = await workerHistory(worker.id);
    expect(entry).toMatchObject({ action: 'create', operator: '韦干事', after: { residentId: '11010519491231002X' } });
  });

  it('refuses a wrong ID or phone with the reason per field, and stores nothing', async () => {
    const error = await rejection(createWorker(makeWorkerInput({ residentId: '11010519491231002Y', phone: '12345' })));
    expect(error.problems.map((p) => [p.field, p.code]).sort()).toEqual([
      ['phone', 'phone-length'],
      ['residentId', 'resident-id-characters'],
    ]);
    await expect(db.workers.count()).resolves.toBe(0);
    await expect(db.audit.count()).resolves.toBe(0);
  });

  it('keeps one person per resident ID, and brings a deleted person back instead of a second record', async () => {
    const first = await createWorker(makeWorkerInput());
    const again = makeWorkerInput({ residentId: first.residentId, name: '黄文光' });
    expect((await rejection(createWorker(again))).problems).toEqual([
      { field: 'residentId', code: 'resident-id-duplicate' },
    ]);

    await deleteWorker(first.id);
    const revived = await createWorker(again);
    expect(revived.id).toBe(first.id);
    expect(revived.deletedAt).toBeNull();
    await expect(db.workers.count()).resolves.toBe(1);
    expect((await workerHistory(first.id)).map((e) => e.action)).toEqual(['create', 'delete', 'restore']);
  });
});

describe('editing and deleting a worker', () => {
  it('updates with the same checks, refuses another person’s ID, and audits before and after', async () => {
    const a = await createWorker(makeWorkerInput());
    const b = await createWorker(makeWorkerInput());
    const edited = await updateWorker(a.id, { ...makeWorkerInput({ residentId: a.residentId }), village: '百林村' }, a);
    expect(edited.village).toBe('百林村');
    const error = await rejection(updateWorker(a.id, makeWorkerInput({ residentId: b.residentId }), edited));
    expect(error.problems[0]?.code).toBe('resident-id-duplicate');
    const [, update] = await workerHistory(a.id);
    expect(update).toMatchObject({ action: 'update', after: { village: '百林村' } });
  });

  it('soft-deletes and restores', async () => {
    const worker = await createWorker(makeWorkerInput());
    await deleteWorker(worker.id);
    await expect(getWorker(worker.id)).resolves.toMatchObject({ deletedAt: expect.any(String) as string });
    await expect(updateWorker(worker.id, makeWorkerInput(), worker)).rejects.toBeInstanceOf(RecordNotFoundError);
    await restoreWorker(worker.id);
    await expect(getWorker(worker.id)).resolves.toMatchObject({ deletedAt: null });
  });
});
