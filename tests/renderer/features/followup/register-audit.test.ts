import { beforeEach, describe, expect, it } from 'vitest';
import { batchHistory, createBatch, saveRoute, updateSettings } from '@renderer/db';
import { recordRegisterFullNumbers } from '@renderer/features/followup/register/register-audit';
import { makeBatchInput, makeRouteInput } from '@tests/fixtures/batches';
import { freshDatabase, rejection } from '@tests/renderer/db/test-database';

beforeEach(() => {
  freshDatabase();
});

async function aBatch(name: string) {
  const route = await saveRoute(null, makeRouteInput());
  return createBatch({ ...makeBatchInput(route), name });
}

describe('recording a register exported with full numbers', () => {
  it('writes a print row on each batch of the register, with who, how many rows and why', async () => {
    await updateSettings({ operatorName: '黄丽华' });
    const first = await aBatch('第1批');
    const second = await aBatch('第2批');
    await recordRegisterFullNumbers([first.id, second.id], 120, ' 社保核对 ');
    for (const batch of [first, second]) {
      const prints = (await batchHistory(batch.id)).filter((row) => row.action === 'print');
      expect(prints).toHaveLength(1);
      expect(prints[0]).toMatchObject({
        operator: '黄丽华',
        after: { document: 'followup-register', fullNumbers: true, rows: 120 },
        reason: '社保核对',
      });
    }
  });

  it('refuses while no operator is named, and records nothing', async () => {
    const batch = await aBatch('第1批');
    const error = await rejection(recordRegisterFullNumbers([batch.id], 3));
    expect(error.problems).toEqual([{ field: 'operator', code: 'operator-missing' }]);
    expect((await batchHistory(batch.id)).filter((row) => row.action === 'print')).toEqual([]);
  });
});
