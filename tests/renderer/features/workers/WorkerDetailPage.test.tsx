// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router-dom';
import type { Assignment, Batch } from '@shared/domain/records';
import type { PlannerDatabase } from '@renderer/db';
import { WorkerDetailPage } from '@renderer/features/workers/WorkerDetailPage';
import { render } from '@tests/renderer/render';
import { makeWorker } from '@tests/fixtures/factories';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';

const AT = '2026-02-01T00:00:00.000Z';

function batch(id: string, name: string, date: string): Batch {
  return {
    id,
    name,
    date,
    routeId: 'r1',
    legs: [],
    organizer: '',
    escorts: [],
    medics: [],
    status: 'planned',
    overrides: [],
    notes: '',
    createdAt: AT,
    updatedAt: AT,
  };
}

function seat(id: string, batchId: string, workerId: string): Assignment {
  return { id, batchId, workerId, seats: [], boarding: 'pending', createdAt: AT, updatedAt: AT };
}

let db: PlannerDatabase;
const worker = makeWorker({ name: '张三', status: 'assigned', skills: ['电工', '焊工'] });
beforeEach(async () => {
  db = await freshDatabaseWithOperator();
  await db.workers.add(worker);
  await db.batches.bulkAdd([batch('b1', '田东第一批', '2026-03-20'), batch('b2', '田东第二批', '2026-04-02')]);
  await db.assignments.bulkAdd([seat('a1', 'b2', worker.id), seat('a2', 'b1', worker.id)]);
});
afterEach(() => db.close());

const page = (
  <Routes>
    <Route path="/workers/:id" element={<WorkerDetailPage />} />
  </Routes>
);

describe('a worker’s page', () => {
  it('names the batches the person rides, each a link to its page', async () => {
    render(page, { route: `/workers/${worker.id}` });
    const batches = await screen.findByTestId('worker-batches');
    await within(batches).findByText(/田东第二批/);
    const links = within(batches).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      '田东第一批（2026年3月20日，已编排）',
      '田东第二批（2026年4月2日，已编排）',
    ]);
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/batches/b1', '/batches/b2']);
  });

  it('joins lists with English punctuation in English', async () => {
    render(page, { route: `/workers/${worker.id}`, language: 'en' });
    expect(await screen.findByText('电工; 焊工')).toBeTruthy();
    const batches = await screen.findByTestId('worker-batches');
    await within(batches).findByText(/田东第二批/);
    expect(batches.textContent).toBe('田东第一批 (Mar 20, 2026, Planned); 田东第二批 (Apr 2, 2026, Planned)');
  });
});
