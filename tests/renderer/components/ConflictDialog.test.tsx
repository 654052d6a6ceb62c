// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTranslation } from 'react-i18next';
import {
  createWorker,
  getWorker,
  updateSettings,
  updateWorker,
  workerHistory,
  type PlannerDatabase,
} from '@renderer/db';
import { ConflictDialog } from '@renderer/components/ConflictDialog';
import { conflictFields } from '@renderer/components/conflict-merge';
import { openWorkerForm } from '@renderer/features/workers/WorkerForm';
import { workerInputOf } from '@shared/domain/worker-rules';
import type { Worker } from '@shared/domain/records';
import { render } from '@tests/renderer/render';
import { makeWorkerInput } from '@tests/fixtures/factories';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';

// The worker form's notes autosize on font loads: jsdom has no `document.fonts`.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  });
}

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦干事');
});
afterEach(() => db.close());

/** A page with an edit button, as the worker's page opens its form. */
function EditButton({ worker }: { worker: Worker }) {
  const { t } = useTranslation();
  return (
    <button type="button" onClick={() => openWorkerForm({ t, worker })}>
      edit
    </button>
  );
}

function row(field: string): HTMLElement {
  return screen.getByTestId(`conflict-row-${field}`);
}

function checked(field: string, side: 'mine' | 'theirs'): boolean {
  return within(row(field)).getByTestId<HTMLInputElement>(`conflict-${side}-${field}`).checked;
}

describe('a worker form whose record was saved meanwhile in another window', { timeout: 30_000 }, () => {
  it('shows both versions field by field, lets the user choose each, and saves the choice', async () => {
    const loaded = await createWorker(
      makeWorkerInput({ name: '黄春燕', phone: '13800138000', village: '那坡村', notes: '' }),
    );
    render(<EditButton worker={loaded} />, { dataRouter: true });
    fireEvent.click(screen.getByText('edit'));
    const name = await screen.findByLabelText(/姓名/, undefined, { timeout: 10_000 });

    // The other window: 李干事 saves a new phone and village.
    await updateSettings({ operatorName: '李干事' });
    await updateWorker(loaded.id, { ...workerInputOf(loaded), phone: '13900139000', village: '百林村' }, loaded);
    await updateSettings({ operatorName: '韦干事' });

    fireEvent.change(name, { target: { value: '黄春花' } });
    fireEvent.change(screen.getByLabelText(/村/), { target: { value: '那拉村' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    await screen.findByText('这条记录已被别人修改', undefined, { timeout: 10_000 });
    expect(screen.getByTestId('conflict-who').textContent).toContain('李干事');
    // Field by field in the screens' words; the fields that differ marked, the others not.
    expect(within(row('phone')).getByText('手机号')).toBeTruthy();
    expect(row('phone').dataset.differs).toBe('true');
    expect(row('name').dataset.differs).toBe('true');
    expect(row('village').dataset.differs).toBe('true');
    expect(row('residentId').dataset.differs).toBe('false');
    expect(within(row('village')).getByText('双方都改了')).toBeTruthy();
    // Nothing saved yet, and the stored phone is not reverted by the default choice.
    await expect(getWorker(loaded.id)).resolves.toMatchObject({ name: '黄春燕', phone: '13900139000' });
    expect(checked('name', 'mine')).toBe(true);
    expect(checked('phone', 'theirs')).toBe(true);
    expect(checked('village', 'mine')).toBe(true);

    // The user keeps the other window's village after all.
    fireEvent.click(within(row('village')).getByTestId('conflict-theirs-village'));
    expect(checked('village', 'theirs')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '按所选保存' }));

    await waitFor(
      async () =>
        expect(await getWorker(loaded.id)).toMatchObject({
          name: '黄春花',
          phone: '13900139000',
          village: '百林村',
          revision: 3,
        }),
      { timeout: 10_000 },
    );
    const rows = await workerHistory(loaded.id);
    expect(rows.map((entry) => entry.action)).toEqual(['create', 'update', 'update']);
    await waitFor(() => expect(screen.queryByText('这条记录已被别人修改')).toBeNull(), { timeout: 10_000 });
  });

  it('goes back to the form, as the user typed it, without saving', async () => {
    const loaded = await createWorker(makeWorkerInput({ name: '黄春燕' }));
    render(<EditButton worker={loaded} />, { dataRouter: true });
    fireEvent.click(screen.getByText('edit'));
    const name = await screen.findByLabelText(/姓名/, undefined, { timeout: 10_000 });
    await updateWorker(loaded.id, { ...workerInputOf(loaded), notes: '会开叉车' }, loaded);
    fireEvent.change(name, { target: { value: '黄春花' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    fireEvent.click(await screen.findByRole('button', { name: '返回表单，暂不保存' }, { timeout: 10_000 }));

    await waitFor(() => expect(screen.queryByText('这条记录已被别人修改')).toBeNull(), { timeout: 10_000 });
    expect(screen.getByLabelText<HTMLInputElement>(/姓名/).value).toBe('黄春花');
    await expect(getWorker(loaded.id)).resolves.toMatchObject({ name: '黄春燕', notes: '会开叉车' });
  });
});

describe('the conflict dialog in English', () => {
  it('names the fields and values as the screens do, and who saved the other version', async () => {
    const base = { name: 'Li Lei', phone: '13800138000', status: 'registered' };
    const fields = conflictFields(base, { ...base, name: 'Li Leilei' }, { ...base, status: 'placed' });
    render(
      <ConflictDialog
        table="workers"
        fields={fields}
        changedBy={{ operator: 'Wei', at: '2026-02-16T22:30:00.000Z' }}
        names={{}}
        onChoose={() => undefined}
        onCancel={() => undefined}
      />,
      { language: 'en' },
    );
    expect((await screen.findByTestId('conflict-who')).textContent).toContain('Wei');
    expect(screen.getByTestId('conflict-who').textContent).toContain('2 fields differ');
    expect(within(row('name')).getByText('Name')).toBeTruthy();
    expect(within(row('status')).getByText('Status')).toBeTruthy();
    expect(screen.getByText('Your edit')).toBeTruthy();
    expect(screen.getByText('Saved version')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save my choices' })).toBeTruthy();
  });
});
