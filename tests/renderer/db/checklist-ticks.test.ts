import { beforeEach, describe, expect, it } from 'vitest';
import {
  addPassengers,
  batchGate,
  createBatch,
  saveRoute,
  tickItem,
  untickItem,
  type PlannerDatabase,
} from '@renderer/db';
import { makeBatchInput, makeRouteInput } from '../../fixtures/batches';
import { freshDatabaseWithOperator, registerWorkers, rejection } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator();
});

const registered = (count: number) => registerWorkers(db, count);

const batchInput = makeBatchInput;

describe('checklist ticks', () => {
  it('breaks the roster lock when a passenger joins after it, and a tick needs its note', async () => {
    const route = await saveRoute(null, makeRouteInput());
    const batch = await createBatch(batchInput(route));
    const [a, b] = await registered(2);
    await addPassengers(batch.id, [a?.id ?? '']);
    await tickItem(batch.id, 'organization.roster-locked', '');
    expect((await batchGate(batch.id)).unmet).not.toContain('organization.roster-locked');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await addPassengers(batch.id, [b?.id ?? '']);
    const gate = await batchGate(batch.id);
    const item = gate.unifications.flatMap((u) => u.items).find((i) => i.key === 'organization.roster-locked');
    expect(item?.state).toBe('broken');
    expect(item?.reasons[0]).toMatchObject({ code: 'roster-changed-after-tick', params: { added: 1 } });
    await untickItem(batch.id, 'organization.roster-locked');
    expect(
      (await batchGate(batch.id)).unifications[0]?.items.find((i) => i.key === 'organization.roster-locked')?.state,
    ).toBe('unmet');
    const problems = (await rejection(tickItem(batch.id, 'protection.insurance', '  '))).problems;
    expect(problems).toEqual([{ field: 'note', code: 'required' }]);
  });
});
