import { beforeEach, describe, expect, it } from 'vitest';
import {
  batchHistory,
  createBatch,
  deleteBatch,
  PRINT_REASON_MAX_LENGTH,
  recordFullNumbersPrint,
  RecordNotFoundError,
  saveRoute,
  updateSettings,
  type PlannerDatabase,
} from '@renderer/db';
import { makeBatchInput, makeRouteInput } from '../../fixtures/batches';
import { freshDatabase, rejection } from './test-database';

let db: PlannerDatabase;
beforeEach(() => {
  db = freshDatabase();
});

async function aBatch() {
  const route = await saveRoute(null, makeRouteInput());
  return createBatch(makeBatchInput(route));
}

describe('recording a print with full numbers', () => {
  it('writes one audit row on the batch: who, which document, why, shown in the batch’s history', async () => {
    await updateSettings({ operatorName: '黄丽华' });
    const batch = await aBatch();
    const entry = await recordFullNumbersPrint(batch.id, 'manifest', '  保险公司投保名单 ');
    expect(entry).toMatchObject({
      table: 'batches',
      recordId: batch.id,
      action: 'print',
      operator: '黄丽华',
      before: null,
      after: { document: 'manifest', fullNumbers: true },
      reason: '保险公司投保名单',
    });
    const history = await batchHistory(batch.id);
    expect(history.map((row) => row.action)).toEqual(['create', 'print']);
  });

  it('records every print on its own row, names the enterprise of a handover sheet, and keeps no empty reason', async () => {
    await updateSettings({ operatorName: '黄丽华' });
    const batch = await aBatch();
    await recordFullNumbersPrint(batch.id, 'all');
    await recordFullNumbersPrint(batch.id, 'handover', '', 'enterprise-1');
    const prints = (await batchHistory(batch.id)).filter((row) => row.action === 'print');
    expect(prints.map((row) => row.after)).toEqual([
      { document: 'all', fullNumbers: true },
      { document: 'handover', fullNumbers: true, enterpriseId: 'enterprise-1' },
    ]);
    expect(prints.every((row) => row.reason === undefined)).toBe(true);
  });

  it('cuts an overlong reason, counting characters, not UTF-16 units', async () => {
    await updateSettings({ operatorName: '黄丽华' });
    const batch = await aBatch();
    const entry = await recordFullNumbersPrint(batch.id, 'manifest', '𠀇'.repeat(PRINT_REASON_MAX_LENGTH + 5));
    expect(Array.from(entry.reason ?? '')).toHaveLength(PRINT_REASON_MAX_LENGTH);
  });

  it('refuses while no operator is named, and writes nothing', async () => {
    const batch = await aBatch();
    expect((await rejection(recordFullNumbersPrint(batch.id, 'manifest'))).problems).toEqual([
      { field: 'operator', code: 'operator-missing' },
    ]);
    await updateSettings({ operatorName: '   ' });
    await rejection(recordFullNumbersPrint(batch.id, 'manifest'));
    await expect(db.audit.filter((row) => row.action === 'print').count()).resolves.toBe(0);
  });

  it('refuses a batch that was deleted or never existed', async () => {
    await updateSettings({ operatorName: '黄丽华' });
    const batch = await aBatch();
    await deleteBatch(batch.id);
    await expect(recordFullNumbersPrint(batch.id, 'manifest')).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(recordFullNumbersPrint('no-such-batch', 'cover')).rejects.toBeInstanceOf(RecordNotFoundError);
    expect((await batchHistory(batch.id)).some((row) => row.action === 'print')).toBe(false);
  });
});
