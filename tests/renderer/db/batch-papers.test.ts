/**
 * The papers of a batch are read with its gate in one transaction (batch-papers.ts): every table the
 * gate reads must be in it. The follow-up items of issue 17 read arrivals and handovers, and
 * leaving those out made every document fail to build.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { addPassengers, createBatch, database, loadBatchPapers, saveRoute } from '@renderer/db';
import { addCalendarDays, todayCalendarDate } from '@shared/dates';
import { makeBatchInput, makeRouteInput } from '../../fixtures/batches';
import { makeWorker } from '../../fixtures/factories';
import { freshDatabaseWithOperator } from './test-database';

beforeEach(async () => {
  await freshDatabaseWithOperator('王调度');
});

describe('the papers of a batch', () => {
  it('are read with the gate, its follow-up items included', async () => {
    const route = await saveRoute(null, makeRouteInput());
    const batch = await createBatch(makeBatchInput(route, { date: addCalendarDays(todayCalendarDate(), 3) }));
    const worker = makeWorker();
    await database().workers.add(worker);
    await addPassengers(batch.id, [worker.id]);
    const papers = await loadBatchPapers(batch.id);
    const items = papers.gate.unifications.flatMap((unification) => unification.items.map((item) => item.key));
    expect(items).toEqual(expect.arrayContaining(['follow-up.arrival-recorded', 'follow-up.handover-signed']));
  });
});
