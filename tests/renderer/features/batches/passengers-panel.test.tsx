// @vitest-environment jsdom
import { ModalsProvider } from '@mantine/modals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addPassengers, batchGate, createBatch, getBatch, saveRoute, type PlannerDatabase } from '@renderer/db';
import { PassengersPanel } from '@renderer/features/batches/PassengersPanel';
import type { Batch } from '@shared/domain/records';
import { render } from '@tests/renderer/render';
import { makeBatchInput, makeRouteInput } from '@tests/fixtures/batches';
import { makeEnterprise, makeOpening } from '@tests/fixtures/factories';
import { freshDatabaseWithOperator, registerWorkers } from '../../db/test-database';

// jsdom has no Web Workers: the directory (search and filters for adding people) answers nothing here.
vi.mock('@renderer/db/directory', () => ({
  useDirectoryVersion: () => null,
  workerDirectory: () => ({
    facets: () => Promise.resolve({ counties: [], villages: {} }),
    matchingIds: () => Promise.resolve([]),
    page: () => Promise.resolve({ rows: [], total: 0 }),
  }),
}));

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator();
});

const followUpItem = async (batchId: string) =>
  (await batchGate(batchId)).unifications
    .flatMap((unification) => unification.items)
    .find((item) => item.key === 'follow-up.enterprise-handover');

/** Picks an option of a Mantine Select: opens its own list (not another select's) and clicks the option. */
async function choose(input: HTMLElement, option: string | RegExp): Promise<void> {
  fireEvent.click(input);
  const listbox = await waitFor(
    () => {
      const found = document.getElementById(input.getAttribute('aria-controls') ?? '');
      if (!found) throw new Error('the list of options is not open');
      return found;
    },
    { timeout: 5000 },
  );
  fireEvent.click(await within(listbox).findByRole('option', { name: option, hidden: true }, { timeout: 5000 }));
}

/** A batch with one passenger placed at an enterprise and two without one. */
async function batchWithTwoUnplaced(): Promise<{
  batch: Batch;
  enterpriseId: string;
  enterpriseName: string;
  unplaced: string[];
  unplacedIds: string[];
}> {
  const enterprise = makeEnterprise({ name: '深圳市鹏达电子科技有限公司' });
  await db.enterprises.add(enterprise);
  await db.openings.add(makeOpening({ enterpriseId: enterprise.id, position: '普工', headcount: 50 }));
  const route = await saveRoute(null, makeRouteInput());
  const created = await createBatch(makeBatchInput(route));
  const [placed] = await registerWorkers(db, 1, enterprise.id);
  const unplaced = await registerWorkers(db, 2);
  await addPassengers(created.id, [placed?.id ?? '', ...unplaced.map((worker) => worker.id)]);
  const batch = await getBatch(created.id);
  if (!batch) throw new Error('batch not stored');
  return {
    batch,
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    unplaced: unplaced.map((worker) => worker.name),
    unplacedIds: unplaced.map((worker) => worker.id),
  };
}

// Rendering Mantine over fake-indexeddb in jsdom takes seconds on a shared machine.
const SLOW = { timeout: 30_000 };

describe("the batch's passengers tab", SLOW, () => {
  it('assigns an enterprise to the passengers without one, both at once, and the gate item turns met', async () => {
    const { batch, enterpriseId, enterpriseName, unplaced, unplacedIds } = await batchWithTwoUnplaced();
    expect((await followUpItem(batch.id))?.state).toBe('unmet');

    // Where the gate item's link leads: the passengers tab, only those without an enterprise.
    render(
      <ModalsProvider>
        <PassengersPanel batch={batch} editable />
      </ModalsProvider>,
      { route: `/batches/${batch.id}?tab=passengers&show=no-enterprise` },
    );
    await waitFor(() => expect(screen.getAllByTestId('passenger-row')).toHaveLength(2), { timeout: 5000 });
    const listed = screen.getAllByTestId('passenger-row').map((row) => row.textContent ?? '');
    for (const name of unplaced) expect(listed.some((text) => text.includes(name))).toBe(true);

    fireEvent.click(screen.getByRole('checkbox', { name: '全选列出的乘客' }));
    fireEvent.click(screen.getByRole('button', { name: '分配接收企业（2）' }));

    const dialog = await screen.findByRole('dialog');
    await choose(within(dialog).getByLabelText('接收企业'), enterpriseName);
    await waitFor(() => expect(within(dialog).getByLabelText('接收企业')).toHaveProperty('value', enterpriseName));
    await choose(within(dialog).getByLabelText('岗位'), /普工/);
    const place = await within(dialog).findByRole('button', { name: '分配' });
    await waitFor(() => expect(place).toHaveProperty('disabled', false));
    fireEvent.click(place);

    await screen.findByTestId('all-have-enterprise', {}, { timeout: 5000 });
    expect(screen.queryAllByTestId('passenger-row')).toHaveLength(0);
    const stored = await db.workers.bulkGet(unplacedIds);
    expect(stored.map((worker) => worker?.enterpriseId)).toEqual([enterpriseId, enterpriseId]);
    expect((await followUpItem(batch.id))?.state).toBe('met');
  });

  it('lists everyone without the filter, and the switch narrows the list to those without an enterprise', async () => {
    const { batch } = await batchWithTwoUnplaced();
    render(
      <ModalsProvider>
        <PassengersPanel batch={batch} editable />
      </ModalsProvider>,
      { route: `/batches/${batch.id}?tab=passengers` },
    );
    await waitFor(() => expect(screen.getAllByTestId('passenger-row')).toHaveLength(3), { timeout: 5000 });
    fireEvent.click(screen.getByRole('switch', { name: '只看未分配接收企业的（2）' }));
    await waitFor(() => expect(screen.getAllByTestId('passenger-row')).toHaveLength(2), { timeout: 5000 });
  });
});
