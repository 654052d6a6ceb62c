import { beforeEach, describe, expect, it } from 'vitest';
import { getSettings, RecordRejectedError, updateSettings, type PlannerDatabase } from '@renderer/db';
import { freshDatabase } from './test-database';

let db: PlannerDatabase;
beforeEach(() => {
  db = freshDatabase();
});

describe('settings', () => {
  it('start with the policy defaults of the domain: Chinese, 37.3 °C, 72 hours, 50%', async () => {
    await expect(getSettings()).resolves.toMatchObject({
      language: 'zh-CN',
      feverThresholdC: 37.3,
      checkValidityHours: 72,
      loadFactor: 0.5,
      operatorName: '',
    });
  });

  it('remember a change and audit it under the new operator name', async () => {
    await updateSettings({ operatorName: ' 黄干事 ', language: 'en', loadFactor: 0.6 });
    await expect(getSettings()).resolves.toMatchObject({ operatorName: '黄干事', language: 'en', loadFactor: 0.6 });
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ table: 'settings', operator: '黄干事', action: 'create' });
  });

  it('refuse values outside the policy ranges and keep what was stored', async () => {
    await updateSettings({ feverThresholdC: 37.5 });
    for (const patch of [
      { feverThresholdC: 373 },
      { feverThresholdC: Number.NaN },
      { checkValidityHours: 0 },
      { checkValidityHours: 72.5 },
      { loadFactor: 1.5 },
      { loadFactor: 0 },
      { operatorName: '名'.repeat(61) },
      { workingAgeMin: 40, workingAgeMax: 30 },
      { workingAgeMax: 99 },
    ]) {
      await expect(updateSettings(patch)).rejects.toBeInstanceOf(RecordRejectedError);
    }
    await expect(getSettings()).resolves.toMatchObject({
      feverThresholdC: 37.5,
      checkValidityHours: 72,
      loadFactor: 0.5,
    });
    await expect(db.audit.count()).resolves.toBe(1);
  });
});
