import { beforeEach, describe, expect, it } from 'vitest';
import type { EnterpriseInput } from '@shared/domain/enterprise-rules';
import {
  createEnterprise,
  deleteEnterprise,
  deleteOpening,
  enterpriseHistory,
  getEnterprise,
  listEnterpriseCities,
  listEnterprises,
  listOpenings,
  RecordNotFoundError,
  restoreEnterprise,
  saveOpening,
  updateEnterprise,
  updateSettings,
  type PlannerDatabase,
} from '@renderer/db';
import { freshDatabase, rejection } from './test-database';

const TENCENT = '91440300708461136T';
const HUAWEI = '914403001922038216';
const XIAOMI = '91110108551385082Q';

function input(overrides: Partial<EnterpriseInput> = {}): EnterpriseInput {
  return {
    name: '深圳市测试电子有限公司',
    creditCode: TENCENT,
    city: '深圳市',
    district: '南山区',
    address: '科技园路 1 号',
    contactName: '李经理',
    contactPhone: '0755-86013388',
    handoverPoint: '南门',
    resumptionStatus: 'resumed',
    isKeyEnterprise: false,
    hrAgency: '',
    notes: '',
    ...overrides,
  };
}

let db: PlannerDatabase;
beforeEach(() => {
  db = freshDatabase();
});

describe('creating an enterprise', () => {
  it('stores the normalized record and an audit row naming the operator', async () => {
    await updateSettings({ operatorName: '覃主任' });
    const created = await createEnterprise(
      input({ name: '  深圳市测试电子有限公司 ', creditCode: ' ９１４４０３００７０８４６１１３６ｔ ' }),
    );
    expect(created.name).toBe('深圳市测试电子有限公司');
    expect(created.creditCode).toBe(TENCENT);
    await expect(getEnterprise(created.id)).resolves.toEqual(created);
    const history = await enterpriseHistory(created.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'create', operator: '覃主任', before: null, after: created });
  });

  it('refuses a wrong check character and stores nothing, not even an audit row', async () => {
    const error = await rejection(createEnterprise(input({ creditCode: '91440300708461136U' })));
    expect(error.problems).toEqual([
      { field: 'creditCode', code: 'credit-code-check-digit', params: { expected: 'T' } },
    ]);
    await expect(db.enterprises.count()).resolves.toBe(0);
    await expect(db.audit.count()).resolves.toBe(0);
  });

  it('names every missing required field', async () => {
    const error = await rejection(createEnterprise(input({ name: ' ', city: '', creditCode: '' })));
    expect(error.problems.map((p) => p.field).sort()).toEqual(['city', 'creditCode', 'name']);
  });

  it('refuses a credit code that a live enterprise already has, but not one of a deleted enterprise', async () => {
    const first = await createEnterprise(input());
    const error = await rejection(createEnterprise(input({ name: '另一家公司' })));
    expect(error.problems).toEqual([{ field: 'creditCode', code: 'credit-code-duplicate' }]);
    await deleteEnterprise(first.id);
    await expect(createEnterprise(input({ name: '另一家公司' }))).resolves.toMatchObject({ creditCode: TENCENT });
  });
});

describe('editing, deleting and undoing', () => {
  it('records the record before and after an edit', async () => {
    const created = await createEnterprise(input());
    const updated = await updateEnterprise(created.id, input({ contactName: '黄经理' }), created);
    expect(updated.contactName).toBe('黄经理');
    expect(updated.createdAt).toBe(created.createdAt);
    const [, edit] = await enterpriseHistory(created.id);
    expect(edit).toMatchObject({
      action: 'update',
      before: { contactName: '李经理' },
      after: { contactName: '黄经理' },
    });
  });

  it('keeps an edit from taking another enterprise’s credit code', async () => {
    await createEnterprise(input());
    const second = await createEnterprise(input({ name: '华为', creditCode: HUAWEI }));
    const error = await rejection(updateEnterprise(second.id, input({ name: '华为', creditCode: TENCENT }), second));
    expect(error.problems[0]?.code).toBe('credit-code-duplicate');
    await expect(getEnterprise(second.id)).resolves.toMatchObject({ creditCode: HUAWEI });
  });

  it('soft-deletes: gone from the list, still stored, and restored by undo', async () => {
    const created = await createEnterprise(input());
    await deleteEnterprise(created.id);
    await expect(listEnterprises()).resolves.toEqual([]);
    await expect(getEnterprise(created.id)).resolves.toMatchObject({ deletedAt: expect.any(String) as string });
    await expect(updateEnterprise(created.id, input(), created)).rejects.toBeInstanceOf(RecordNotFoundError);

    await restoreEnterprise(created.id);
    const [row] = await listEnterprises();
    expect(row?.id).toBe(created.id);
    expect(row?.deletedAt).toBeNull();
    expect((await enterpriseHistory(created.id)).map((entry) => entry.action)).toEqual(['create', 'delete', 'restore']);
  });

  it('refuses to undo a delete once another enterprise took the credit code', async () => {
    const created = await createEnterprise(input());
    await deleteEnterprise(created.id);
    await createEnterprise(input({ name: '新公司' }));
    const error = await rejection(restoreEnterprise(created.id));
    expect(error.problems[0]?.code).toBe('credit-code-duplicate');
    await expect(getEnterprise(created.id)).resolves.toMatchObject({ deletedAt: expect.any(String) as string });
  });
});

describe('the enterprise list', () => {
  beforeEach(async () => {
    await createEnterprise(
      input({ name: '深圳市腾讯计算机系统有限公司', creditCode: TENCENT, isKeyEnterprise: false }),
    );
    await createEnterprise(input({ name: '华为技术有限公司', creditCode: HUAWEI, isKeyEnterprise: true }));
    await createEnterprise(
      input({ name: '小米科技有限责任公司', creditCode: XIAOMI, city: '北京市', district: '海淀区' }),
    );
  });

  it('finds by part of the name, by city and by key flag', async () => {
    expect((await listEnterprises({ search: '华为' })).map((e) => e.creditCode)).toEqual([HUAWEI]);
    expect((await listEnterprises({ city: '北京市' })).map((e) => e.creditCode)).toEqual([XIAOMI]);
    expect((await listEnterprises({ keyOnly: true })).map((e) => e.creditCode)).toEqual([HUAWEI]);
    expect(await listEnterprises({ search: '科技', city: '深圳市' })).toEqual([]);
    await expect(listEnterpriseCities()).resolves.toEqual(['北京市', '深圳市']);
  });

  it('sums the live openings of each enterprise', async () => {
    const [huawei] = await listEnterprises({ search: '华为' });
    if (!huawei) throw new Error('missing');
    const opening = {
      enterpriseId: huawei.id,
      position: '普工',
      headcount: 30,
      wageMin: 4500,
      wageMax: 6000,
      ageMin: 18,
      ageMax: 45,
      genderRequirement: 'any' as const,
      requirements: '',
    };
    await saveOpening(null, opening);
    const second = await saveOpening(null, { ...opening, position: '质检员', headcount: 12 });
    expect((await listEnterprises({ search: '华为' }))[0]).toMatchObject({ openingCount: 2, headcount: 42 });
    await deleteOpening(second.id);
    expect((await listEnterprises({ search: '华为' }))[0]).toMatchObject({ openingCount: 1, headcount: 30 });
  });
});

describe('job openings', () => {
  it('refuses an age range upside down and an opening of a deleted enterprise', async () => {
    const enterprise = await createEnterprise(input());
    const opening = {
      enterpriseId: enterprise.id,
      position: '普工',
      headcount: 10,
      wageMin: 4000,
      wageMax: 5000,
      ageMin: 45,
      ageMax: 30,
      genderRequirement: 'female' as const,
      requirements: '',
    };
    const error = await rejection(saveOpening(null, opening));
    expect(error.problems).toEqual([{ field: 'ageMax', code: 'age-range' }]);
    const saved = await saveOpening(null, { ...opening, ageMax: 50 });
    const edited = await saveOpening(saved.id, { ...opening, ageMax: 50, headcount: 20 }, saved);
    await expect(listOpenings(enterprise.id)).resolves.toEqual([edited]);

    await deleteEnterprise(enterprise.id);
    await expect(saveOpening(null, { ...opening, ageMax: 50 })).rejects.toBeInstanceOf(RecordNotFoundError);
  });
});
